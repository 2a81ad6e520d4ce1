"""`dlists duties PATH`: the department view of the duty lists."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..catalog.parts import run_in_parts
from ..dutyview import TownshipVillages, duty_part, merge_duty_parts
from ..problems import language, msg
from ..render.duties import (
    counts_header,
    counts_rows,
    department_header,
    department_rows,
    inconsistent_header,
    inconsistent_rows,
    outlier_header,
    outlier_rows,
    view_json,
    view_markdown,
)
from ..render.labels import label, lead
from ..render.villages import assist_header, assist_rows, unlisted_line, village_counts_header, village_counts_rows
from .common import (
    NO_CACHE_HELP,
    UserError,
    cache_root,
    check_output,
    command,
    console,
    emit,
    err_console,
    lang_option,
    load_config,
    pick_format,
)
from .table import print_table as _print_table

FORMATS = ("text", "json", "markdown", "xlsx")
#: a township's villages are never split between parts (its view of them needs them all)
VILLAGE_LEVELS = frozenset({"village"})


def duties_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders with duty lists (`duties:`)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | xlsx (one sheet per department)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout (needed for xlsx)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """The duty lists by department: for each county department the cooperating duties it leads and the duties
    it took back, per township; guide duties placed in different parts by different townships; townships far
    from the county's typical counts; and each township's villages: their counts per part and which villages
    carry which assist work (协助政府工作事项), admitted when and by which document."""
    chosen = pick_format(fmt, FORMATS)
    check_output(output, paths)
    if chosen == "xlsx" and output is None:
        raise UserError(msg("cli.xlsx_output"))
    config = load_config()
    parts = run_in_parts(paths, duty_part, encoding=config.encoding, exclude=config.exclude,
                         cache=cache_root(no_cache, config), uncut=VILLAGE_LEVELS)
    if parts.broken:
        err_console.print(f"[yellow]{lead('warning')}[/]" + label("partial.reconcile", n=parts.broken), highlight=False)
    view = merge_duty_parts(parts.results)
    zh = language() == "zh"
    if chosen == "json":
        emit(json.dumps(view_json(view), ensure_ascii=False, indent=2), output)
    elif chosen == "markdown":
        emit(view_markdown(view, zh), output)
    elif chosen == "xlsx":
        from ..excel.duties import department_book
        from ..excel.writer import write_book

        assert output is not None
        book = department_book(view)
        write_book(book, output)
        rows = sum(len(sheet.rows) for sheet in book.sheets)
        err_console.print(escape(label("export.wrote", output=output, sheets=len(book.sheets), rows=rows)), highlight=False)
    else:
        if not view.townships and not view.villages:
            console.print(label("duties.none"))
            return
        if view.townships:
            print_table(console, label("duties.title"), counts_header(view.townships), counts_rows(view.townships))
            print_table(console, label("duties.by_department"), department_header(), department_rows(view))
        if view.inconsistent:
            print_table(console, label("duties.inconsistent"), inconsistent_header(), inconsistent_rows(view, zh))
        if view.outliers:
            print_table(console, label("duties.outliers"), outlier_header(), outlier_rows(view, zh))
        for t in view.villages:
            print_villages(t)


def print_villages(t: TownshipVillages) -> None:
    """A township's villages: their counts, those without a list, the assist work and who carries it."""
    print_table(console, label("villages.title", name=t.name), village_counts_header(t.villages), village_counts_rows(t.villages))
    if (line := unlisted_line(t)) is not None:
        console.print(escape(line), highlight=False)
    if t.assist:
        print_table(console, label("villages.assist_title"), assist_header(), assist_rows(t))


def print_table(out: Console, title: str, header: list[str], rows: list[list[object]]) -> None:
    """An aligned table, numbers to the right."""
    right = [bool(rows) and isinstance(rows[0][i], int) for i in range(len(header))]
    _print_table(out, title, header, rows, right)


def register(app: typer.Typer) -> None:
    app.command("duties")(command(duties_command))
