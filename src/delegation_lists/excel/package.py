"""The .xlsx package: the parts xlsxwriter wrote (the frame: styles, workbook, sheets with their layout and page
setup and only their last row), each worksheet's other rows streamed into its `<sheetData>`, deflated while the
next rows are made.

The rows are text made in this thread; zlib compresses them in another one (it runs without the interpreter
lock), so the two cores work at once and at most QUEUE chunks wait in memory. Entries keep the frame's order,
names and dates: the same book gives the same bytes.
"""

from __future__ import annotations

import contextlib
import io
import queue
import threading
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path

LEVEL = 6  # zlib's default, as xlsxwriter deflates: a smaller file is worth the time on a published workbook
QUEUE = 8
OPEN = b"<sheetData>"

#: what the compressing thread is told: open a part, write bytes into it, close it
_Open = tuple[str, zipfile.ZipInfo]
_Item = _Open | bytes | None


def _deflate(target: zipfile.ZipFile, work: queue.Queue[_Item], failed: list[BaseException]) -> None:
    """Write what arrives on `work` into `target` until the end (None); keep the first error (and go on taking
    what arrives, so the writing thread never waits on a full queue)."""
    part = None
    while (item := work.get()) is not None:
        if failed:
            continue
        try:
            if isinstance(item, tuple):
                if part is not None:
                    part.close()
                part = target.open(item[1], "w")
            elif part is not None:
                part.write(item)
        except BaseException as exc:  # handed to the writing thread, which raises it
            failed.append(exc)
            with contextlib.suppress(Exception):
                part.close() if part is not None else None
    if part is not None and not failed:
        part.close()


def _frame_split(data: bytes) -> tuple[bytes, bytes]:
    """A frame worksheet cut where the streamed rows go: first in its `<sheetData>` (the frame holds the rows
    xlsxwriter wrote itself, those after the streamed ones)."""
    at = data.find(OPEN)
    if at < 0:
        raise ValueError("no <sheetData> in the frame's worksheet")
    return data[: at + len(OPEN)], data[at + len(OPEN):]


def assemble(frame: bytes, target: Path, rows: dict[str, Iterable[str]], level: int = LEVEL) -> None:
    """Write the package `target`: every part of the `frame` package, each worksheet named in `rows` (by its part
    name: xl/worksheets/sheet3.xml) with those rows first in its `<sheetData>`."""
    work: queue.Queue[_Item] = queue.Queue(QUEUE)
    failed: list[BaseException] = []
    with zipfile.ZipFile(io.BytesIO(frame)) as source, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=level) as out:
        thread = threading.Thread(target=_deflate, args=(out, work, failed), daemon=True)
        thread.start()
        try:
            for info in source.infolist():
                data = source.read(info)
                entry = zipfile.ZipInfo(info.filename, info.date_time)
                entry.external_attr, entry.compress_type = info.external_attr, zipfile.ZIP_DEFLATED
                work.put(("open", entry))
                if info.filename not in rows:
                    work.put(data)
                    continue
                head, tail = _frame_split(data)
                work.put(head)
                for chunk in _encoded(rows[info.filename]):
                    if failed:
                        break
                    work.put(chunk)
                work.put(tail)
        finally:
            work.put(None)
            thread.join()
    if failed:
        raise failed[0]


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")
