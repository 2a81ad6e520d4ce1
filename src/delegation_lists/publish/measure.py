"""How much room text takes in a printed cell: widths of Chinese and Latin text, wrapped lines, row heights.

Measured against what LibreOffice prints (PDFs of calibration workbooks read back with pdfplumber) and what Excel
does by its documented rules, and kept on the safe side of both, so that a row is never cut:

- Column widths are in Excel's character units of the workbook's default font (Arial 10, written by the writer:
  7 px per unit in Excel). Excel prints a column of `w` units `5.25 w + 3.75` pt wide; LibreOffice, with Arial or
  Liberation Sans, `5.55 w + 3.9` pt. Text wraps in the narrower (Excel's) width less 4 pt of padding; a sheet
  fits its paper in the wider (LibreOffice's).
- A Chinese (or full-width) character is 1 em wide in every CJK font (SimSun, Noto Sans CJK); a Latin letter or
  digit at most 0.64 em (SimSun's are 0.5 em; the DejaVu Serif LibreOffice substitutes when SimSun is missing
  draws digits 0.636 em wide).
- Lines follow each other every 1.45 em (Noto Sans CJK, LibreOffice's CJK font on Linux: 14.5 pt at 10 pt;
  SimSun in Excel: 13.5 pt), plus 4 pt for the cell's padding.
- Lines break anywhere between Chinese characters, but not before closing punctuation (，。）》 …) nor after
  opening punctuation (（《 …); a run of Latin letters and digits breaks only where it holds a space, a hyphen or
  a slash; a run longer than a line starts a line of its own and breaks between any two characters (as
  LibreOffice breaks `511A0004200009-511602000000-000-…`).
"""

from __future__ import annotations

NARROW_PT, NARROW_PAD = 5.25, 3.75  # Excel: points per character unit and per column
WIDE_PT, WIDE_PAD = 5.55, 3.9  # LibreOffice (Liberation Sans 10)
CELL_PADDING = 4.0  # points lost to the cell's inner margins and borders
LATIN_EM = 0.64
LINE_EM = 1.45
ROW_PADDING = 4.0

NO_START = frozenset("，。、；：？！）》」』】〕〉”’％%,.;:?!)]}…·—～")
NO_END = frozenset("（《「『【〔〈“‘([{")


def char_em(ch: str) -> float:
    """The width of one character in em: 1 for Chinese, full-width and CJK punctuation, LATIN_EM for the rest."""
    return 1.0 if ord(ch) >= 0x2000 else LATIN_EM


def text_pt(text: str, size: float) -> float:
    """The width of `text` on one line, in points, at `size` pt."""
    wide = sum(1 for ch in text if ord(ch) >= 0x2000)
    return (wide + (len(text) - wide) * LATIN_EM) * size


def column_pt(units: float) -> float:
    """The width a column of `units` characters leaves for text, in points (Excel's, the narrower)."""
    return NARROW_PT * units + NARROW_PAD - CELL_PADDING


def printed_pt(units: float) -> float:
    """The printed width of a column of `units` characters, in points (LibreOffice's, the wider)."""
    return WIDE_PT * units + WIDE_PAD


def units_for(points: float) -> float:
    """The column width (in character units) that leaves `points` for text."""
    return max(1.0, (points + CELL_PADDING - NARROW_PAD) / NARROW_PT)


def _latin(ch: str) -> bool:
    return ch < "\u2000" and not ch.isspace()


def breaks(text: str, size: float) -> list[list[float]]:
    """The pieces a line may not be broken inside, in order: each the widths (pt) of its characters."""
    pieces: list[list[float]] = []
    prev = ""
    for ch in text:
        w = char_em(ch) * size
        if pieces and (ch in NO_START or prev in NO_END or (_latin(ch) and _latin(prev) and prev not in "-/")):
            pieces[-1].append(w)
        else:
            pieces.append([w])
        prev = ch
    return pieces


def wrapped(text: str, width: float, size: float) -> int:
    """How many lines `text` takes in `width` points of text room at `size` pt (a newline starts a line)."""
    total = 0
    for para in text.split("\n"):
        if text_pt(para, size) <= width:
            total += 1
            continue
        lines, used = 1, 0.0
        for piece in breaks(para, size):
            whole = sum(piece)
            if used + whole <= width:
                used += whole
                continue
            lines, used = (lines + 1, 0.0) if used else (lines, used)
            if whole <= width:
                used = whole
                continue
            for w in piece:  # longer than a line: on lines of its own, broken between any two characters
                if used + w > width and used:
                    lines, used = lines + 1, 0.0
                used += w
        total += lines
    return max(total, 1)


def longest_piece(text: str, size: float) -> float:
    """The widest piece of `text` that cannot be broken (pt): what a column needs to avoid breaking inside one."""
    return max((sum(p) for line in text.split("\n") for p in breaks(line, size)), default=0.0)


def row_height(lines: int, size: float) -> float:
    """The height (pt) of a row showing `lines` lines at `size` pt."""
    return lines * LINE_EM * size + ROW_PADDING


class Measure:
    """Wrapped-line counts with a cache: lists repeat departments, bases and targets on many rows."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, float, float], int] = {}

    def lines(self, text: str, units: float, size: float = 10) -> int:
        """Lines of `text` in a column of `units` characters at `size` pt."""
        if not text:
            return 1
        key = (text, units, size)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = wrapped(text, column_pt(units), size)
        return found

    def height(self, cells: list[tuple[str, float]], size: float = 10) -> float:
        """The height of a row of (text, column units) cells."""
        return row_height(max((self.lines(t, u, size) for t, u in cells), default=1), size)
