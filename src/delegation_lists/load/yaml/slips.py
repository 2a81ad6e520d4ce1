"""Input-method slips in YAML syntax positions: found by a line scan, named, and mended so the rest is checked.

A Chinese input method types full-width forms where YAML needs ASCII ones. Each slip below is reported once, at
its own line and column, naming the character; the file is then parsed *as if mended*, so one keystroke gives one
problem and the problems after it are still found (without the mend, `promised_days：10` hides the rest of the
file and every township item whose source is in it reports "source not found"):

- `：` (U+FF1A) after a key: `promised_days：10` is read as `promised_days: 10`;
- `　` (U+3000, the full-width space) or a tab in the indentation before a key: read as the spaces of the
  nearest indentation above or below;
- `［ ］` around a one-line list, and `，` `、` `；` between the elements of `to:`, `penalty_types:` and `waive:`
  (township names and codes never hold them): `to: ［吕河镇，赵湾镇］` is read as `to: [吕河镇, 赵湾镇]`;
- a Chinese quotation mark closing an ASCII quote (`name: "食品经营许可”`), and an ASCII quote left open at the
  end of a line when the next line is a key: the quote is closed.

Every mend keeps the number of lines, so every other problem keeps its line. Lines inside block scalars (`|`,
`>`) are text, never mended. `mend(text)` is deterministic: the located text of a mended file is `mend` of its
bytes again (load/document.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...problems.message import Message, msg
from ..text import odd_breaks, position

#: message keys of the slips (a document with one of these was parsed mended)
SLIP_KEYS = frozenset({"DL001.slip_colon", "DL001.slip_indent", "DL001.slip_tab", "DL001.slip_brackets", "DL001.slip_separator",
                       "DL001.slip_quote", "DL001.slip_open_quote"})
_KEY = r"[A-Za-z_][A-Za-z0-9_]*"
#: lines that may hold a slip, searched in the whole text first (a clean file costs these searches only): a
#: character, and what the line must hold before it (a key; spaces) or around it
_BEFORE = (
    ("：", re.compile(rf"[ \t\u3000]*(?:-[ \u3000]+)*{_KEY}[ \t\u3000]*")),
    ("\u3000", re.compile(r" *")),
    ("\t", re.compile(r" *")),
)
#: a list of names or codes written with a Chinese separator (`to: 甲镇、乙镇`), once the text holds one
_SEPARATED = re.compile(r"(?:to|penalty_types|waive)[ \t]*:[^\n]*[，、；;]")
_LINE = re.compile(rf"^(?P<indent>[ \t\u3000]*)(?P<dash>(?:-[ \u3000]+)*)(?P<key>{_KEY})?(?P<colon>[ \t\u3000]*[:：])?")
_BLOCK = re.compile(r":[ \t]*[|>][-+0-9]*[ \t]*(?:#.*)?$")
_SEPARATORS = "，、；;"
#: lists whose elements are names or codes that never hold `，` `、` `；` (free-text lists such as
#: `legal_basis` do: `第三十五条、第三十六条` is one element)
_CODED_LISTS = frozenset(("to", "penalty_types", "waive"))
_CLOSERS = {'"': "”", "'": "’"}


@dataclass(frozen=True, slots=True)
class Slip:
    """One slip: where (1-based line and column) and what it says."""

    line: int
    column: int
    message: Message


@dataclass(frozen=True, slots=True)
class Mended:
    text: str
    slips: tuple[Slip, ...]


def _char(ch: str) -> str:
    return f"`{ch}`（U+{ord(ch):04X}）"


def suspect(text: str) -> bool:
    """Whether the text may hold a slip other than an open quote (plain substring tests first)."""
    if "［" in text or (any(c in text for c in _SEPARATORS) and _SEPARATED.search(text)):
        return True
    if _closed_by(text, "”", '"') or _closed_by(text, "’", "'"):
        return True
    return any(_after(text, char, before) for char, before in _BEFORE)


def _closed_by(text: str, curly: str, quote: str) -> bool:
    """Whether a line ends with `curly` (spaces and tabs after it) and holds `quote` before it: `"…”`, a quote
    closed by the input method's curly quote (found by `str.find`: a regex with `$` walks every character)."""
    at = text.find(curly)
    while at >= 0:
        end = text.find("\n", at)
        if not text[at + 1 : len(text) if end < 0 else end].strip(" \t") and quote in text[text.rfind("\n", 0, at) + 1 : at]:
            return True
        at = text.find(curly, at + 1)
    return False


def _after(text: str, char: str, before: re.Pattern[str]) -> bool:
    """Whether `char` occurs after what `before` matches from its line's start (found by `str.find`: far
    quicker than a regex anchored at every line start)."""
    at = text.find(char)
    while at >= 0:
        if before.fullmatch(text, text.rfind("\n", 0, at) + 1, at):
            return True
        at = text.find(char, at + 1)
    return False


def mend(text: str, open_quotes: bool = False) -> Mended:
    """The text with every slip mended, and the slips (none: the text itself). `open_quotes`: also close quotes
    left open (asked for when the text does not parse: a quote open at a line's end is legal YAML)."""
    if not open_quotes and not suspect(text):
        return Mended(text, ())
    lines = text.split("\n")
    slips: list[Slip] = []
    block: int | None = None  # inside a block scalar: the indentation of its key
    for n, line in enumerate(lines):
        stripped = line.lstrip(" ")
        if block is not None:
            if not stripped or len(line) - len(stripped) > block:
                continue
            block = None
        if not stripped or stripped.startswith("#"):
            continue
        line = _indent(lines, n, line, slips)
        line = _colon(n, line, slips)
        line = _list(n, line, slips)
        line = _quote(lines, n, line, slips, open_quotes)
        lines[n] = line
        if _BLOCK.search(line):
            block = len(line) - len(line.lstrip(" "))
    if not slips:
        return Mended(text, ())
    if odd_breaks(text):  # lines counted as YAML counts them, as every other problem's
        slips = _recounted(text, slips)
    return Mended("\n".join(lines), tuple(slips))


def _recounted(text: str, slips: list[Slip]) -> list[Slip]:
    """Slips placed by `\\n`-separated lines, placed again as YAML counts lines (a NEL, LS, PS or lone CR ends
    a line too)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return [Slip(*position(text, starts[s.line - 1] + s.column - 1), s.message) for s in slips]


def _indent(lines: list[str], n: int, line: str, slips: list[Slip]) -> str:
    """A full-width space or a tab in the indentation before a key (or `- `): the nearest ASCII indentation."""
    m = _LINE.match(line)
    indent = m.group("indent") if m else ""
    if not m or not (m.group("key") or m.group("dash")) or indent.strip(" ") == "":
        return line
    bad = next(ch for ch in indent if ch != " ")
    width = sum(2 if ch == "\u3000" else 4 if ch == "\t" else 1 for ch in indent)
    levels = _levels_near(lines, n)
    spaces = min(levels, key=lambda lv: (abs(lv - width), -lv)) if levels else width
    key = "DL001.slip_tab" if bad == "\t" else "DL001.slip_indent"
    slips.append(Slip(n + 1, indent.index(bad) + 1, msg(key, char=_char(bad), spaces=spaces)))
    return " " * spaces + line[len(indent):]


def _levels_near(lines: list[str], n: int) -> set[int]:
    """Indentations of the ASCII-indented lines just above and below line `n`."""
    out: set[int] = set()
    for k in (*range(n - 1, max(-1, n - 30), -1), *range(n + 1, min(len(lines), n + 3))):
        other = lines[k]
        body = other.lstrip(" ")
        if body and not body.startswith(("\u3000", "\t", "#")):
            out.add(len(other) - len(body))
    return out


def _colon(n: int, line: str, slips: list[Slip]) -> str:
    """`：` right after a key: the ASCII colon (and a space when a value follows)."""
    m = _LINE.match(line)
    if not m or not m.group("key") or not m.group("colon") or not m.group("colon").endswith("："):
        return line
    at = m.end("colon")  # (the 1-based column of the colon)
    rest = line[at:].lstrip(" \u3000")
    slips.append(Slip(n + 1, at, msg("DL001.slip_colon", char=_char("："), key=m.group("key"))))
    return line[:m.start("colon")] + (": " + rest if rest else ":")


def _list(n: int, line: str, slips: list[Slip]) -> str:
    """`［a，b］` as a one-line list, and `，`/`、`/`；` between the targets of `to:`."""
    m = _LINE.match(line)
    if not m or not m.group("key") or not m.group("colon"):
        return line
    at = m.end("colon")
    value = line[at:].strip()
    if value.startswith("［") and value.endswith("］"):
        slips.append(Slip(n + 1, line.index("［", at) + 1, msg("DL001.slip_brackets", char=_char("［"))))
        value = "[" + value[1:-1] + "]"
        line = line[:at] + " " + value
    if m.group("key") not in _CODED_LISTS or not any(s in value for s in _SEPARATORS):
        return line
    inner = value[1:-1] if value.startswith("[") and value.endswith("]") else value
    if any(q in inner for q in "\"'#{}[]"):
        return line
    sep = next(ch for ch in line[at:] if ch in _SEPARATORS)
    slips.append(Slip(n + 1, line.index(sep, at) + 1, msg("DL001.slip_separator", char=_char(sep), key=m.group("key"))))
    parts = [p.strip() for p in re.split(r"[，、；;,]", inner) if p.strip()]
    return line[:at] + " [" + ", ".join(parts) + "]"


def _quote(lines: list[str], n: int, line: str, slips: list[Slip], open_quotes: bool) -> str:
    """An ASCII quote closed by a Chinese quotation mark, or left open before the next key: closed."""
    m = _LINE.match(line)
    if not m or not m.group("colon"):
        return line
    at = m.end("colon")
    value = line[at:].strip()
    if not value or value[0] not in _CLOSERS or _closed(value):
        return line
    quote = value[0]
    start = line.index(quote, at)
    close = _CLOSERS[quote]
    if value.endswith(close):
        end = line.rindex(close)
        slips.append(Slip(n + 1, end + 1, msg("DL001.slip_quote", char=_char(close), quote=quote)))
        return line[:end] + quote + line[end + 1:]
    if open_quotes and _next_is_key(lines, n, len(line) - len(line.lstrip(" "))):
        slips.append(Slip(n + 1, start + 1, msg("DL001.slip_open_quote", quote=quote)))
        return line.rstrip() + quote
    return line


def _closed(value: str) -> bool:
    """Whether a quoted value closes on its line (a `\\"` escape or a doubled `''` does not close it)."""
    quote, body = value[0], value[1:]
    if quote == '"':
        return re.search(r'(?<!\\)(?:\\\\)*"', body) is not None
    return "'" in body.replace("''", "")


def _next_is_key(lines: list[str], n: int, indent: int) -> bool:
    """Whether the next non-blank line is a key (or list entry) at or left of `indent`: the quote is not
    continued there."""
    for other in lines[n + 1:]:
        body = other.lstrip(" ")
        if not body:
            continue
        m = _LINE.match(other)
        return bool(m and ((m.group("key") and m.group("colon")) or m.group("dash"))) and len(other) - len(body) <= indent + 2
    return True
