"""Zip-based formats (.xlsx, .docx, .ods, zip-based WPS .et/.wps) are checked before any reader opens them: a
list's attachment unpacks to tens of megabytes at most, a zip bomb to gigabytes."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .table import ReadError

MAX_UNPACKED = 512 * 1024 * 1024  # uncompressed bytes: ~1,000,000 rows of a list; more is a bomb or a mistake
MAX_MEMBERS = 10_000
MAX_RATIO = 200  # a part that unpacks to more than 200x its packed size (and > 1 MB) is a bomb


def check_zip(path: Path, what: str) -> None:
    """Refuse a zip whose parts unpack to more than MAX_UNPACKED in all, that holds more than MAX_MEMBERS parts,
    or whose parts are packed beyond any real document's ratio."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ReadError(f"{path}: not a readable {what} ({exc})") from None
    total = sum(info.file_size for info in infos)
    if len(infos) > MAX_MEMBERS:
        raise ReadError(f"{path}: holds {len(infos):,} parts; a {what} has a few dozen (refused as a zip bomb)")
    if total > MAX_UNPACKED:
        raise ReadError(f"{path}: unpacks to {total / 2**20:,.0f} MB, more than the {MAX_UNPACKED / 2**20:,.0f} MB a list"
                        " can need; save the list as .csv, or split it")
    for info in infos:
        if info.file_size > 1 << 20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise ReadError(f"{path}: part {info.filename} unpacks {info.file_size // max(info.compress_size, 1):,} times"
                            " its size (refused as a zip bomb)")
