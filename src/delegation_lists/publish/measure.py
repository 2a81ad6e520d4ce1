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

import re
from functools import lru_cache

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


_WIDE = re.compile("[\u2000-\U0010ffff]")
#: distinct texts measured once each: a province's lists repeat their counties' names, bases and departments in
#: every township, and each is measured for its column, its paper and its row (bounded: memory stays flat)
CACHED = 1 << 17


@lru_cache(maxsize=CACHED)
def text_pt(text: str, size: float) -> float:
    """The width of `text` on one line, in points, at `size` pt."""
    wide = 0 if text.isascii() else len(text) - len(_WIDE.sub("", text))
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


def _class(chars: frozenset[str]) -> str:
    return "[" + "".join(re.escape(ch) for ch in sorted(chars)) + "]"


#: a piece a line may not be broken inside: a character, then every next one that may not start a line
#: (closing punctuation), follows one that may not end a line (opening punctuation), or continues a run of Latin
#: letters and digits (not after a hyphen or a slash). Latin: below U+2000 and not a space.
_PIECE = re.compile(
    f"(?s:.)(?:{_class(NO_START)}|(?<={_class(NO_END)})(?s:.)|(?<=[^\\s\u2000-\U0010ffff\\-/])[^\\s\u2000-\U0010ffff])*")


def breaks(text: str, size: float) -> list[list[float]]:
    """The pieces a line may not be broken inside, in order: each the widths (pt) of its characters."""
    wide, narrow = size, LATIN_EM * size
    return [[wide if ord(ch) >= 0x2000 else narrow for ch in piece] for piece in _PIECE.findall(text)]


@lru_cache(maxsize=CACHED)
def wrapped(text: str, width: float, size: float) -> int:
    """How many lines `text` takes in `width` points of text room at `size` pt (a newline starts a line)."""
    total = 0
    for para in text.split("\n"):
        if text_pt(para, size) <= width:
            total += 1
            continue
        lines, used = 1, 0.0
        for piece in _PIECE.findall(para):
            whole = _piece_pt(piece, size)
            if used + whole <= width:
                used += whole
                continue
            lines, used = (lines + 1, 0.0) if used else (lines, used)
            if whole <= width:
                used = whole
                continue
            for ch in piece:  # longer than a line: on lines of its own, broken between any two characters
                w = char_em(ch) * size
                if used + w > width and used:
                    lines, used = lines + 1, 0.0
                used += w
        total += lines
    return max(total, 1)


@lru_cache(maxsize=CACHED)
def _piece_pt(piece: str, size: float) -> float:
    """The width of one piece: its characters' widths added one by one (`breaks`)."""
    if len(piece) == 1:
        return char_em(piece) * size
    if piece.isascii():  # a run of Latin letters and digits
        return _run(len(piece), LATIN_EM * size)
    return sum(char_em(ch) * size for ch in piece)


@lru_cache(maxsize=CACHED)
def longest_piece(text: str, size: float) -> float:
    """The widest piece of `text` that cannot be broken (pt): what a column needs to avoid breaking inside one."""
    widest = 0.0
    for line in text.split("\n"):
        for piece in _PIECE.findall(line):
            width = _piece_pt(piece, size)
            if width > widest:
                widest = width
    return widest


@lru_cache(maxsize=1024)
def _run(n: int, width: float) -> float:
    """The width of `n` characters of `width` added one by one (as `breaks` adds them: the same float)."""
    return sum([width] * n)


def row_height(lines: int, size: float) -> float:
    """The height (pt) of a row showing `lines` lines at `size` pt."""
    return lines * LINE_EM * size + ROW_PADDING


class Measure:
    """Wrapped-line counts of texts in columns of character units (cached for all: `wrapped`)."""

    def lines(self, text: str, units: float, size: float = 10) -> int:
        """Lines of `text` in a column of `units` characters at `size` pt."""
        return wrapped(text, column_pt(units), size) if text else 1

    def height(self, cells: list[tuple[str, float]], size: float = 10) -> float:
        """The height of a row of (text, column units) cells."""
        most = 1
        for text, units in cells:
            room = column_pt(units)
            if len(text) * size <= room and "\n" not in text:  # one line whatever its characters
                continue
            lines = wrapped(text, room, size) if text else 1
            if lines > most:
                most = lines
        return row_height(most, size)
