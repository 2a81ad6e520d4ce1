"""Zip-based formats (.xlsx, .docx, .ods, zip-based WPS .et/.wps) are checked before any reader opens them: a
list's attachment unpacks to tens of megabytes at most, a zip bomb to gigabytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..said import msg
from .table import ReadError

MAX_UNPACKED = 512 * 1024 * 1024  # uncompressed bytes: ~1,000,000 rows of a list; more is a bomb or a mistake
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # a part that unpacks to more than 200x its packed size (and > 1 MB) is a bomb


def check_zip(path: Path, fmt: str) -> None:
    """Refuse a zip whose parts unpack to more than MAX_UNPACKED in all, that holds more than MAX_MEMBERS parts,
    or whose parts are packed beyond any real document's ratio."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(msg("import.read.unreadable", fmt=fmt, error=str(exc)), path) from None
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_MEMBERS:
        raise ReadError(msg("import.zip.parts", count=f"{len(infos):,}", fmt=fmt), path)
    if total > MAX_UNPACKED:
        raise ReadError(msg("import.zip.size", size=f"{total / 2**20:,.0f}", limit=f"{MAX_UNPACKED / 2**20:,.0f}"), path)
    for info in infos:
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = f"{info.file_size // max(info.compress_size, 1):,}"
            raise ReadError(msg("import.zip.ratio", part=info.filename, ratio=ratio), path)
