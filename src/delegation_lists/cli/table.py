"""Plain aligned text tables for long terminal output (rich's Table takes milliseconds per table: thousands of
children made `reconcile` spend more time drawing than reconciling). Width counts CJK characters as two cells."""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape

from ..problems.message import visible


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - cell_len(text))
    return gap + text if right else text + gap


def shown(text: str) -> str:
    """Text as a line of the table shows it: control characters as their code (problems/message.visible), and a
    tab or a line break too, so no cell breaks the table or drives the terminal."""
    return visible(text).replace("\t", "\\t").replace("\n", "\\n")


def render(header: Sequence[str], rows: Sequence[Sequence[object]], right: Sequence[bool]) -> list[str]:
    """Lines of a table: header, a rule, the rows; columns two spaces apart, `right` ones right-aligned."""
    cells = [[shown(str(v)) for v in row] for row in rows]
    widths = [max([cell_len(h)] + [cell_len(r[i]) for r in cells]) for i, h in enumerate(header)]
    def line(values: Sequence[str]) -> str:
        return " " + "  ".join(_pad(v, w, r) for v, w, r in zip(values, widths, right, strict=True)).rstrip()
    return [line(list(header)), " " + "─" * (sum(widths) + 2 * (len(widths) - 1)), *(line(r) for r in cells)]


def print_table(console: Console, title: str, header: Sequence[str], rows: Sequence[Sequence[object]],
                right: Sequence[bool]) -> None:
    """A blank line, the title in bold, then the table as plain text, written straight to the console's file
    (rich would examine every character of it again); the title too when the console shows no styles (a file, a
    pipe: rich took a tenth of a millisecond a title, a fifth of a second for a province's reconcile)."""
    if console.color_system is None:
        console.file.write(f"\n{shown(title)}\n")
    else:
        console.print(f"\n[bold]{escape(shown(title))}[/]", highlight=False)
    console.file.write("\n".join(render(header, rows, right)) + "\n")
