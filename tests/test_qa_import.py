"""Attachments as offices send them, found wanting in QA: an .xls LibreOffice saved (its directory at the end),
section headings that name no kind, 注 lines numbered under the 注 row."""

from __future__ import annotations

import struct
from pathlib import Path

from delegation_lists.importer.readers.sniff import OLE, sniff


def _ole_file(path: Path, stream: str, filler_sectors: int = 126) -> None:
    """An OLE compound file (512-byte sectors) whose one FAT sector and directory sector come after
    `filler_sectors` sectors of data, as LibreOffice lays out the .xls it saves."""
    fat_at, dir_at = filler_sectors, filler_sectors + 1
    header = bytearray(512)
    header[:8] = OLE
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<HH", header, 0x1E, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, dir_at)
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)
    struct.pack_into("<109I", header, 0x4C, fat_at, *([0xFFFFFFFF] * 108))
    fat = [0xFFFFFFFE] * 128
    fat[fat_at], fat[dir_at] = 0xFFFFFFFD, 0xFFFFFFFE
    entries = bytearray(512)
    for i, name in enumerate(["Root Entry", stream]):
        raw = name.encode("utf-16-le") + b"\0\0"
        entries[i * 128:i * 128 + len(raw)] = raw
        struct.pack_into("<H", entries, i * 128 + 0x40, len(raw))
    path.write_bytes(bytes(header) + b"\x01" * 512 * filler_sectors + struct.pack("<128I", *fat) + bytes(entries))


def test_ole_directory_past_the_head(tmp_path: Path) -> None:
    """The stream names of an .xls saved by LibreOffice sit at its end: still an .xls (read by calamine, no
    LibreOffice needed), a .doc still a .doc."""
    _ole_file(tmp_path / "a.xls", "Workbook")
    _ole_file(tmp_path / "b.doc", "WordDocument")
    _ole_file(tmp_path / "c.bin", "Other")
    assert sniff(tmp_path / "a.xls") == "xls"
    assert sniff(tmp_path / "b.doc") == "doc"
    assert sniff(tmp_path / "c.bin") == "ole"


def test_converted_format_named_in_chinese() -> None:
    """"已用 LibreOffice 从OLE 复合文档转换", not "从an OLE document转换"."""
    from delegation_lists.importer.readers.office import NAMES
    from delegation_lists.problems import msg

    for fmt in NAMES:
        zh = msg("import.note.converted", what=NAMES[fmt]).text("zh")
        en = msg("import.read.office_missing", what=NAMES[fmt], target="xlsx").text("en")
        assert "import.office" not in zh + en
        assert not any(word in zh for word in ("an OLE", "document", "web page", "binary")), zh
    assert msg("import.note.converted", what=NAMES["ole"]).text("en") == "converted from an OLE document by LibreOffice"
