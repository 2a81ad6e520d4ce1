"""Export writers: the published workbook (all styling) written by the streamed writer (rows as text into the
workbook xlsxwriter lays out: the default) and by xlsxwriter cell by cell (the reference, the same bytes in every
part), against xlsxwriter's constant_memory mode writing the same cell values with no styling (the old floor) and
openpyxl's write-only mode; then the whole published export in process (tables, sheets, writing).

    python benchmarks/export_bench.py DIR [--rows 100000] [--repeat 3]

The catalog is loaded once (not timed); each writer writes the same rows to a temporary file; best of N (CPU
seconds of this process: the machine may be shared).
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import xlsxwriter
from openpyxl import Workbook

from delegation_lists.catalog import load_catalog
from delegation_lists.excel.model import Book
from delegation_lists.excel.published import published_book
from delegation_lists.excel.writer import write_book


def plain_xlsxwriter(book: Book, path: Path) -> None:
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    for n, sheet in enumerate(book.sheets):
        ws = wb.add_worksheet(f"s{n}")
        for r, row in enumerate(sheet.rows):
            ws.write_row(r, 0, row)
    wb.close()


def plain_openpyxl(book: Book, path: Path) -> None:
    wb = Workbook(write_only=True)
    for n, sheet in enumerate(book.sheets):
        ws = wb.create_sheet(f"s{n}")
        for row in sheet.rows:
            ws.append(list(row))
    wb.save(path)


def ours(cat: object, path: Path) -> None:
    write_book(published_book(cat), path)  # type: ignore[arg-type]


def alternate(runs: dict[str, Callable[[Path], None]], repeat: int) -> dict[str, float]:
    """Best CPU time of each run, the runs alternating (so drift in the machine's speed hits all alike)."""
    best = {name: float("inf") for name in runs}
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(repeat):
            for name, fn in runs.items():
                t = time.process_time()
                fn(Path(tmp) / f"{name}-{i}.xlsx")
                best[name] = min(best[name], time.process_time() - t)
                (Path(tmp) / f"{name}-{i}.xlsx").unlink()
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rows", type=int, default=100_000, help="export the first lists up to this many items")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    cat, _ = load_catalog([args.folder])
    gc.freeze()  # the loaded catalog is long-lived: keep the collector off it, for every writer alike
    cat.entries = cat.entries[: args.rows]
    book = published_book(cat)
    rows = sum(len(s.rows) for s in book.sheets)
    print(f"{len(cat.entries):,} items, {rows:,} rows in {len(book.sheets)} sheets")
    times = alternate({
        "xlsxwriter constant_memory, no styling": lambda p: plain_xlsxwriter(book, p),
        "openpyxl write-only, no styling": lambda p: plain_openpyxl(book, p),
        "published book, xlsxwriter cell by cell": lambda p: write_book(book, p, cells="xlsxwriter"),
        "published book, streamed rows": lambda p: write_book(book, p),
        "published export (tables, sheets, writing)": lambda p: ours(cat, p),
    }, args.repeat)
    floor = next(iter(times.values()))
    for name, t in times.items():
        print(f"{name:<42} {t:7.2f} s {rows / t:>9,.0f} rows/s  {t / floor:5.2f}x")


if __name__ == "__main__":
    main()
