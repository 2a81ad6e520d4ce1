"""The .xlsx package: the parts xlsxwriter wrote (the frame: styles, workbook, sheets with their layout and page
setup but no rows), each worksheet's rows streamed into its `<sheetData>` and deflated as they come (at most a chunk of rows in memory). Entries keep the frame's order, names and dates: the same book
gives the same bytes.

(Deflating in a second thread was measured slower, 9.9 s of CPU against 6.5 s for a province: the rows are made
holding the interpreter lock, and the two threads hand it to each other at every chunk.)
"""

from __future__ import annotations

import contextlib
import io
import traceback
import zipfile
import zlib
from collections.abc import Iterable
from pathlib import Path

LEVEL = 3  # zlib level: 2.3 times as fast as its default (6) on a province's rows, for a file a few % larger
OPEN = b"<sheetData>"


def _frame_split(data: bytes) -> tuple[bytes, bytes]:
    """A frame worksheet cut where the streamed rows go: in its `<sheetData>`."""
    at = data.find(OPEN)
    if at < 0:
        raise ValueError("no <sheetData> in the frame's worksheet")
    return data[: at + len(OPEN)], data[at + len(OPEN):]


def _level(entry: zipfile.ZipInfo, level: int) -> None:
    """Deflate `entry` at `level` (an entry given as a ZipInfo does not take the archive's level)."""
    try:
        entry.compress_level = level  # type: ignore[attr-defined]  # (Python 3.13 and later)
    except AttributeError:
        entry._compresslevel = level  # type: ignore[attr-defined]


def deflated(part: bytes, rows: Iterable[str], level: int = LEVEL) -> tuple[bytes, int, int]:
    """A frame worksheet with `rows` in its `<sheetData>`, deflated as `assemble` deflates it: (data, CRC-32,
    size)."""
    head, tail = _frame_split(part)
    pack = zlib.compressobj(level, zlib.DEFLATED, -15)
    out, crc, size = [pack.compress(head)], zlib.crc32(head), len(head)
    for chunk in rows:
        data = chunk.encode("utf-8")
        out.append(pack.compress(data))
        crc, size = zlib.crc32(data, crc), size + len(data)
    out += [pack.compress(tail), pack.flush()]
    return b"".join(out), zlib.crc32(tail, crc), size + len(tail)


def _write_deflated(out: zipfile.ZipFile, entry: zipfile.ZipInfo, part: tuple[bytes, int, int]) -> None:
    """Add an entry whose data is deflated already (zipfile has no call for it: what its own writer does, with
    the sizes known before the header)."""
    data, entry.CRC, entry.file_size = part
    entry.compress_size, entry.flag_bits = len(data), 0
    out.fp.seek(out.start_dir)  # type: ignore[union-attr]
    entry.header_offset = out.fp.tell()  # type: ignore[union-attr]
    out._writecheck(entry)  # type: ignore[attr-defined]
    out._didModify = True  # type: ignore[attr-defined]
    out.fp.write(entry.FileHeader(entry.file_size > zipfile.ZIP64_LIMIT))  # type: ignore[union-attr]
    out.fp.write(data)  # type: ignore[union-attr]
    out.filelist.append(entry)
    out.NameToInfo[entry.filename] = entry
    out.start_dir = out.fp.tell()  # type: ignore[union-attr]


def assemble(frame: bytes, target: Path, rows: dict[str, Iterable[str]],
             packed: dict[str, tuple[bytes, int, int]] | None = None, level: int = LEVEL) -> None:
    """Write the package `target`: every part of the `frame` package, each worksheet named in `rows` (by its part
    name: xl/worksheets/sheet3.xml) with those rows in its `<sheetData>`, each named in `packed` as it is there
    (deflated already: `deflated`)."""
    packed = packed or {}
    with zipfile.ZipFile(io.BytesIO(frame)) as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=level) as out:
        for info in source.infolist():
            data = source.read(info)
            entry = zipfile.ZipInfo(info.filename, info.date_time)
            entry.external_attr, entry.compress_type = info.external_attr, zipfile.ZIP_DEFLATED
            _level(entry, level)
            if info.filename in packed:
                _write_deflated(out, entry, packed[info.filename])
                continue
            with out.open(entry, "w") as part:
                if info.filename not in rows:
                    part.write(data)
                    continue
                head, tail = _frame_split(data)
                part.write(head)
                for chunk in rows[info.filename]:
                    part.write(chunk.encode("utf-8"))
                part.write(tail)


def close_unfinished_zip(error: BaseException) -> None:
    """A ZipFile left open when writing stops (a full disk, an interruption, maybe inside one of its parts):
    close its file here and take it from the ZipFile, so that ZipFile.__del__ does not try to finish it later
    ("Exception ignored in ... ZipFile.__del__"); the file is removed anyway."""
    for frame, _ in traceback.walk_tb(error.__traceback__):
        for value in list(frame.f_locals.values()):
            if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                fp, value.fp = value.fp, None  # (ZipFile.close and __del__ do nothing without it)
                with contextlib.suppress(OSError, ValueError):
                    fp.close()
