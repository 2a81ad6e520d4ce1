"""What a file is, by its content, not its name: offices send .xls files that are HTML, .et files that are
xlsx, and attachments renamed by mail gateways. The extension only breaks ties (CSV vs JSON text)."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path
from typing import BinaryIO

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"

#: name of a zip member (or the `mimetype` of an OpenDocument file) -> format
ZIP_MARKERS = (("xl/workbook.xml", "xlsx"), ("xl/workbook.bin", "xlsb"), ("word/document.xml", "docx"))
ODF = {"application/vnd.oasis.opendocument.spreadsheet": "ods", "application/vnd.oasis.opendocument.text": "odt"}


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _directory(fh: BinaryIO, head: bytes, most: int = 64) -> bytes:
    """The directory sectors of an OLE file (the names of its streams), followed through the FAT the header
    lists: LibreOffice and WPS write the directory at the end of the file, past any head read. At most `most`
    sectors; b"" when the header is not one."""
    if len(head) < 512:
        return b""
    shift, = struct.unpack_from("<H", head, 0x1E)
    if shift not in (9, 12):
        return b""
    size = 1 << shift
    difat = struct.unpack_from("<109I", head, 0x4C)
    sector, = struct.unpack_from("<I", head, 0x30)
    out = []
    for _ in range(most):
        if sector >= 0xFFFFFFFA:
            break
        fh.seek((sector + 1) * size)
        out.append(fh.read(size))
        fat_sector = difat[sector // (size // 4)] if sector // (size // 4) < 109 else 0xFFFFFFFF
        if fat_sector >= 0xFFFFFFFA:
            break
        fh.seek((fat_sector + 1) * size + (sector % (size // 4)) * 4)
        entry = fh.read(4)
        if len(entry) < 4:
            break
        sector, = struct.unpack("<I", entry)
    return b"".join(out)


def _ole(head: bytes) -> str:
    """An OLE compound file: a workbook (.xls, .et), a Word document (.doc, .wps), or an encrypted OOXML file
    (a password-protected .xlsx/.docx is an OLE file with an EncryptedPackage stream)."""
    if _utf16("EncryptedPackage") in head or _utf16("EncryptionInfo") in head:
        return "encrypted"
    if _utf16("WordDocument") in head:
        return "doc"
    if _utf16("Workbook") in head or _utf16("Book") in head:
        return "xls"
    return "ole"


def _zip(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            if "mimetype" in names:
                kind = ODF.get(zf.read("mimetype")[:100].decode("ascii", "replace").strip())
                if kind:
                    return kind
    except (zipfile.BadZipFile, OSError, ValueError):
        return "corrupt-zip"
    return next((fmt for marker, fmt in ZIP_MARKERS if marker in names), "zip")


def sniff(path: Path) -> str:
    """xlsx | xlsb | docx | ods | odt | xls | doc | encrypted | pdf | html | rtf | json | csv | zip | ole |
    corrupt-zip | empty."""
    with path.open("rb") as fh:
        head = fh.read(1 << 16)
    if not head.strip():
        return "empty"
    if head.startswith(ZIP):
        return _zip(path)
    if head.startswith(OLE):
        with path.open("rb") as fh:
            return _ole(head + _directory(fh, head))
    if head.lstrip()[:5] == b"%PDF-" or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:200].lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<?xml")) or b"<html" in start:
        return "html"  # an "Excel" file saved as a web page: LibreOffice reads it
    if start[:1] in (b"[", b"{") or path.suffix.lower() == ".json":
        return "json"
    return "csv"
