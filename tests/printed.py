"""What a reader sees on the pages of a PDF (LibreOffice's rendering of an export), read back with pdfplumber:
each page's text, its smallest text size, its footer, and every cell's text against the cell's ruled box.

Every cell's text (the texts the workbook or document holds) must be drawn whole, as one run of characters
(LibreOffice draws a cell's lines together, top to bottom): LibreOffice leaves out the lines a row too low cannot
show, so a cut row is a text not found whole. A text found is checked against its box, made of the nearest ruling
lines left, right, above and below that cross it: text drawn outside it is text a reader does not see whole."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber

FOOTER = re.compile(r"第\s*(\d+)\s*页\s*共\s*(\d+)\s*页|Page\s+(\d+)\s+of\s+(\d+)")
TOLERANCE = 1.0  # pt


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def to_pdf(source: Path, out: Path) -> Path:
    """`source` converted by LibreOffice (a private profile) into folder `out`."""
    out.mkdir(parents=True, exist_ok=True)
    program = soffice()
    assert program is not None
    subprocess.run([program, f"-env:UserInstallation=file://{out}/profile", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    return out / f"{source.stem}.pdf"


@dataclass
class Overflow:
    page: int
    text: str
    box: tuple[float, float, float, float]  # x0, top, x1, bottom of the cell
    drawn: tuple[float, float, float, float]  # of its text


@dataclass
class Page:
    number: int
    text: str
    smallest: float
    footer: tuple[int, int] | None
    overflows: list[Overflow] = field(default_factory=list)
    cells: int = 0  # cells of text checked against their boxes


def _rulings(page: Any) -> tuple[list[dict[str, float]], list[dict[str, float]]]:
    """(vertical, horizontal) ruling segments: lines and thin rectangles."""
    segs = [*page.lines, *(r for r in page.rects if min(r["width"], r["height"]) < 1.5)]
    vertical = [s for s in segs if s["x1"] - s["x0"] < 1.5 and s["bottom"] - s["top"] > 2]
    horizontal = [s for s in segs if s["bottom"] - s["top"] < 1.5 and s["x1"] - s["x0"] > 2]
    return vertical, horizontal


def _box(x: float, y: float, vertical: list[dict[str, float]], horizontal: list[dict[str, float]]) -> tuple[float, float, float, float] | None:
    """The ruled box around point (x, y), if it is inside one."""
    lefts = [v["x0"] for v in vertical if v["x0"] <= x and v["top"] - 1 <= y <= v["bottom"] + 1]
    rights = [v["x0"] for v in vertical if v["x0"] > x and v["top"] - 1 <= y <= v["bottom"] + 1]
    tops = [h["top"] for h in horizontal if h["top"] <= y and h["x0"] - 1 <= x <= h["x1"] + 1]
    bottoms = [h["top"] for h in horizontal if h["top"] > y and h["x0"] - 1 <= x <= h["x1"] + 1]
    if not (lefts and rights and tops and bottoms):
        return None
    return max(lefts), max(tops), min(rights), min(bottoms)


def checked(texts: list[str]) -> list[str]:
    """The texts worth looking for: longer than two characters, not numbers alone (ambiguous), longest first."""
    return sorted({t for t in texts if len(t) > 2 and not t.isdigit()}, key=len, reverse=True)


def _found(chars: list[dict[str, Any]], texts: list[str], seen: set[str]) -> list[list[dict[str, Any]]]:
    """The characters (in drawing order) of each occurrence of each text (in `checked` order), none counted
    twice; the texts found are added to `seen`."""
    drawn = "".join(c["text"] for c in chars)
    taken = [False] * len(chars)
    out = []
    for text in texts:
        at = drawn.find(text)
        while at >= 0:
            if not any(taken[at : at + len(text)]):
                out.append(chars[at : at + len(text)])
                taken[at : at + len(text)] = [True] * len(text)
                seen.add(text)
            at = drawn.find(text, at + 1)
    return out


def read_pages(pdf: Path, texts: list[str] = (), missing: list[str] | None = None) -> list[Page]:  # type: ignore[assignment]
    """Every page of `pdf`: its text, smallest character size, footer numbers, and the cells (whose texts are
    `texts`) drawn outside their box; the texts not drawn whole anywhere are added to `missing`."""
    expected = checked([re.sub(r"\s+", "", t) for t in texts])
    seen: set[str] = set()
    pages = []
    with pdfplumber.open(pdf) as doc:
        for n, page in enumerate(doc.pages, start=1):
            text = page.extract_text() or ""
            found = FOOTER.search(text.replace(" ", ""))
            footer = tuple(int(g) for g in found.groups() if g) if found else None
            chars = [c for c in page.chars if c["text"].strip()]
            vertical, horizontal = _rulings(page)
            out = Page(n, text, min((c["size"] for c in chars), default=0.0), footer)  # type: ignore[arg-type]
            for run in _found(chars, expected, seen):
                x0, top = min(c["x0"] for c in run), min(c["top"] for c in run)
                x1, bottom = max(c["x1"] for c in run), max(c["bottom"] for c in run)
                box = _box((x0 + x1) / 2, (top + bottom) / 2, vertical, horizontal)
                if box is None:
                    continue
                out.cells += 1
                if x0 < box[0] - TOLERANCE or x1 > box[2] + TOLERANCE or top < box[1] - TOLERANCE or bottom > box[3] + TOLERANCE:
                    out.overflows.append(Overflow(n, "".join(c["text"] for c in run), box, (x0, top, x1, bottom)))
            pages.append(out)
            page.close()
    if missing is not None:
        missing += [t for t in expected if t not in seen]
    return pages


def sheet_texts(xlsx: Path) -> list[str]:
    """The text of every shown cell of every shown sheet of a workbook (not formulas: their values are drawn)."""
    from openpyxl import load_workbook

    wb = load_workbook(xlsx)
    out = []
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        hidden = {i for d in ws.column_dimensions.values() if d.hidden for i in range(d.min or 0, (d.max or 0) + 1)}
        for row in ws.iter_rows():
            out += [str(c.value) for c in row if c.value is not None and c.column not in hidden and not str(c.value).startswith("=")]
    return out


def numbering(pages: list[Page]) -> list[list[int]]:
    """The footers' page numbers cut into documents: [[1, 2, 3], [1, 2], ...]; each run must count 1..N of N."""
    runs: list[list[int]] = []
    for p in pages:
        assert p.footer is not None, f"page {p.number} has no page number"
        k, total = p.footer
        if k == 1:
            runs.append([])
        runs[-1].append(k)
        assert total >= k
    return runs
