"""Import speed: `dlists import` on lists as offices publish them and on the tool's own export, several shapes.

    python benchmarks/import_bench.py DIR [--rows 100000] [--doc-rows 10000] [--counties 40]

Shapes (each timed as a user runs it: one `dlists import` process, wall time and peak memory):
- the 龙华 attachment (5 columns, department cells merged, 附件/合计/注 rows) with `--rows` rows: .xlsx and the
  .xls LibreOffice saves of it;
- the same with `--doc-rows` rows as .docx (merged cells), the PDF Calc makes of the workbook and the one Writer
  makes of the document (a header on every page, rows breaking across pages);
- the published workbook `dlists export` writes of a generated catalog (`generate.py`, `--counties` counties of
  20 townships: many sheets, up to 12 columns, the layout sheet): the round trip back to its files.
Needs LibreOffice for .xls and PDF (skipped, and said, without it). Nothing here is asserted.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import attachments  # noqa: E402

DLISTS = [sys.executable, "-m", "delegation_lists"]
#: `dlists` in a process that reports its own peak memory on its last stderr line
MEASURED = [sys.executable, "-c", "import resource, runpy, sys\nsys.argv = ['dlists', *sys.argv[1:]]\ntry:\n"
            "    runpy.run_module('delegation_lists', run_name='__main__')\nfinally:\n"
            "    print('PEAK_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"]


def timed(label: str, args: list[str], rows: int) -> None:
    """Run one import; print wall time, rows per second and the process's peak memory."""
    start = time.perf_counter()
    done = subprocess.run([*MEASURED, "import", *args], capture_output=True, text=True)
    wall = time.perf_counter() - start
    lines = done.stderr.strip().splitlines()
    peak = int(lines[-1].split()[1]) / 1024 if lines and lines[-1].startswith("PEAK_KB") else float("nan")
    last = (done.stdout.strip().splitlines() or lines[:-1] or [""])[-1][:100]
    read = re.search(r"imported (\d+) (?:items|rows)", done.stdout)
    rows = int(read.group(1)) if read else rows  # .xls keeps 65,536 rows at most: count what was imported
    print(f"{label:<34} {rows:>8,} rows {wall:7.1f} s {rows / wall:9,.0f} rows/s  peak {peak:6.0f} MB"
          f"  exit {done.returncode}  | {last}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--doc-rows", type=int, default=10_000)
    parser.add_argument("--counties", type=int, default=40)
    parser.add_argument("--shapes", default="big,doc,export", help="which shapes to run (default: all three)")
    args = parser.parse_args()
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    office = shutil.which("soffice") is not None
    if not office:
        print("LibreOffice (soffice) not installed: .xls and PDF shapes skipped", file=sys.stderr)
    owner = ["-j", "440309", "--name", "深圳市龙华区", "--mode", "grant", "--force"]
    shapes = set(args.shapes.split(","))
    if "big" in shapes:
        big_shape(out, office, owner, args.rows)
    if "doc" in shapes:
        doc_shape(out, office, owner, args.doc_rows)
    if "export" in shapes:
        export_shape(out, args.counties)


def big_shape(out: Path, office: bool, owner: list[str], count: int) -> None:
    """The attachment with `count` rows as .xlsx and .xls."""
    big = attachments.make(out / "big", ["xlsx", *(["xls"] if office else [])], count)
    for fmt, path in big.items():
        timed(f"龙华 attachment .{fmt}", [str(path), "-o", str(out / f"into-{fmt}"), *owner], count)


def doc_shape(out: Path, office: bool, owner: list[str], count: int) -> None:
    """The attachment with `count` rows as .docx and the PDFs Calc and Writer make."""
    docs = attachments.make(out / "doc", ["docx", *(["pdf", "docx.pdf"] if office else [])], count)
    for fmt, path in docs.items():
        timed(f"龙华 attachment .{fmt}", [str(path), "-o", str(out / f"into-{fmt}"), *owner], count)


def export_shape(out: Path, counties: int) -> None:
    """The published workbook of a generated catalog of `counties` counties, imported back to its files."""
    catalog = out / "generated"
    if not catalog.exists():
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--counties", str(counties), "--townships", "20",
                        "--seed", "1", "-o", str(catalog)], check=True, capture_output=True)
    book = out / "generated.xlsx"
    subprocess.run([*DLISTS, "export", str(catalog), "-o", str(book)], check=True, capture_output=True)
    from openpyxl import load_workbook

    wb = load_workbook(book, read_only=True)
    rows = sum(ws.max_row or 0 for ws in wb.worksheets if ws.sheet_state == "visible")
    sheets = sum(1 for ws in wb.worksheets if ws.sheet_state == "visible")
    wb.close()
    timed(f"export round trip ({sheets} sheets)", [str(book), "-o", str(out / "back"), "--force"], rows)


if __name__ == "__main__":
    main()
