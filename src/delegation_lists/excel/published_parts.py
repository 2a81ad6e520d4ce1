"""The sheets of a large published workbook made in two processes at once: the lists cut in consecutive runs,
each run's tables (publish/tables.py) and sheets (published.py) made in a forked worker or in this process, the
results put back in list order; each process writes its sheets' worksheet parts too, deflated (`Book.packed`:
the writer lays those sheets out but does not write their rows again), so that little is left for one process
alone once both are done. Every list is laid out on its own, so
the sheets and parts are those one process makes (tests/test_excel_streamed.py compares them)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from ..catalog import Catalog
from ..load.workers import shared
from ..publish.model import Options, PublishedTable
from ..publish.tables import list_tables
from .lists import PublishedList, sheet_names
from .model import Sheet
from .published import table_sheet
from .writer import packed_sheets

#: fewer items than this: one process (a worker costs more than it saves)
PARALLEL_MIN_ITEMS = 20_000
RUNS = 16  # runs of lists handed out: the two processes end near each other

Packed = tuple[bytes, int, int] | None
Made = tuple[list[PublishedTable], list[Sheet], list[Packed]]
#: what a forked worker builds from (set before the worker is forked; never pickled)
_work: tuple[Catalog, list[PublishedList], list[str], Options] | None = None


def _make(run: tuple[int, int]) -> Made:
    """The tables and sheets of lists `run[0]` to `run[1]`."""
    assert _work is not None
    cat, lists, names, opts = _work
    tables = [t for i in range(*run) for t in list_tables(cat, lists[i], names[i], opts)]
    sheets = [table_sheet(t, "", opts.lang) for t in tables]
    return tables, sheets, [None] * len(sheets)


def _make_packed(run: tuple[int, int]) -> Made:
    """`_make`, and the sheets' worksheet parts (not the workbook's first sheet: it is selected)."""
    tables, sheets, _ = _make(run)
    packed = packed_sheets(sheets[1:] if run[0] == 0 else sheets)
    return tables, sheets, [None, *packed] if run[0] == 0 and sheets else packed


def _same(made: Made) -> Made:
    return made


def _workers(items: int) -> int:
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return 2 if cpus >= 2 and items >= PARALLEL_MIN_ITEMS and sys.platform.startswith("linux") else 1


def published_sheets(cat: Catalog, lists: list[PublishedList], opts: Options, meanwhile: Callable[[], None] | None = None) -> Made:
    """The published tables of `lists` (`publish.tables.published_tables`), their sheets (titles left to
    `book_of`) and each sheet's worksheet part when two processes made them (`Book.packed`). `meanwhile` runs
    first, in this process, while the worker starts on its sheets (the export's validation)."""
    global _work
    _work = (cat, lists, sheet_names(lists), opts)
    try:
        if _workers(sum(len(pl.entries) for pl in lists)) == 1:
            if meanwhile is not None:
                meanwhile()
            return _make((0, len(lists)))
        step = max(1, -(-len(lists) // RUNS))
        runs = [(k, min(k + step, len(lists))) for k in range(0, len(lists), step)]
        made = shared(runs, _make_packed, _make_packed, _same, 2, lambda _: None, meanwhile=meanwhile)
    finally:
        _work = None
    return [t for m in made for t in m[0]], [s for m in made for s in m[1]], [p for m in made for p in m[2]]
