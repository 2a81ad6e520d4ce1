"""Where the items of a list file start, found by scanning its text (no parse).

Catalog files keep their items as a block sequence under a top-level `items:` key. Scanning for the sequence's
`- ` markers gives each item's first line in microseconds, where composing a large file takes tens of
milliseconds; callers fall back to composing whenever the scan declines (flow style, an item count that does not
match the data, anything unusual).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..text import odd_breaks


@dataclass(frozen=True)
class ItemLines:
    """The lines of a text and the 0-based line index where each item starts."""

    lines: list[str]
    starts: list[int]
    indent: int  # the column of the items' `- ` markers

    def span(self, index: int) -> tuple[int, int]:
        """0-based [first, end) lines of item `index`: up to the next item or the next less-indented line."""
        first = self.starts[index]
        if index + 1 < len(self.starts):
            return first, self.starts[index + 1]
        end = first + 1
        for end in range(first + 1, len(self.lines) + 1):
            if end == len(self.lines) or _ends_block(self.lines[end], self.indent):
                break
        return first, end


def _ends_block(line: str, indent: int) -> bool:
    """A line that is not part of the last item: text at or left of the markers' column (not a comment)."""
    body = line.lstrip(" ")
    if not body or body.startswith("#"):
        return False
    return len(line) - len(body) < indent or (len(line) - len(body) == indent and not body.startswith("-"))


def scan_items(text: str, count: int) -> ItemLines | None:
    """The item starts of a block-style `items:` sequence holding `count` items, or None (then compose; also
    when a line ends otherwise than with LF or CR LF: YAML counts the lines differently)."""
    if odd_breaks(text):
        return None
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if ln.startswith("items:")), None)
    if start is None or lines[start].rstrip() != "items:":
        return None
    first = next((ln for ln in lines[start + 1:] if ln.strip() and not ln.lstrip().startswith("#")), "")
    indent = len(first) - len(first.lstrip(" "))
    if not first.lstrip(" ").startswith("- "):
        return None
    marker = "\n" + first[:indent] + "- "
    found, line, at = [], 0, 0
    pos = text.find(marker, sum(len(ln) + 1 for ln in lines[:start]) - 1 if start else 0)
    while pos >= 0:  # each marker line after `items:`, its number counted from the last one's
        line += text.count("\n", at, pos + 1)
        found.append(line)
        at = pos + 1
        pos = text.find(marker, at)
    return ItemLines(lines, found, indent) if len(found) == count else None
