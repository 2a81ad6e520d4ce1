"""`dlists duties PATH`: the department view of the duty lists."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape

from ..catalog import load_catalog
from ..dutyview import duty_view
from ..problems import language
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
from ..render.labels import label
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


def duties_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders with duty lists (`duties:`)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | xlsx (one sheet per department)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout (needed for xlsx)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """The duty lists by department: for each county department the cooperating duties it leads and the duties
    it took back, per township; guide duties placed in different parts by different townships; townships far
    from the county's typical counts."""
    chosen = pick_format(fmt, FORMATS)
    check_output(output, paths)
    if chosen == "xlsx" and output is None:
        raise UserError("--format xlsx needs --output FILE.xlsx")
    config = load_config()
    cat, broken = load_catalog(paths, encoding=config.encoding, exclude=config.exclude, cache=cache_root(no_cache, config))
    if broken:
        err_console.print(f"[yellow]{label('warning')}:[/] " + label("partial.reconcile", n=broken), highlight=False)
    view = duty_view(cat)
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
        if not view.townships:
            console.print(label("duties.none"))
            return
        print_table(console, label("duties.title"), counts_header(), counts_rows(view.townships))
        print_table(console, label("duties.by_department"), department_header(), department_rows(view))
        if view.inconsistent:
            print_table(console, label("duties.inconsistent"), inconsistent_header(), inconsistent_rows(view, zh))
        if view.outliers:
            print_table(console, label("duties.outliers"), outlier_header(), outlier_rows(view, zh))


def print_table(out: Console, title: str, header: list[str], rows: list[list[object]]) -> None:
    """An aligned table, numbers to the right."""
    right = [bool(rows) and isinstance(rows[0][i], int) for i in range(len(header))]
    _print_table(out, title, header, rows, right)


def register(app: typer.Typer) -> None:
    app.command("duties")(command(duties_command))
