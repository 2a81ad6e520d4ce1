"""`dlists export PATH -o OUT.xlsx`"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..catalog import load_catalog
from ..render.labels import label
from .common import NO_CACHE_HELP, UserError, cache_root, check_output, command, console, err_console, load_config, split_codes

TEMPLATES = ("published", "checklist", "duties", "stations")


def export_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders."),
    output: Path = typer.Option(..., "--output", "-o", help="The workbook to write (.xlsx); replaced only on success."),
    template: str = typer.Option("published", "--template", "-t", help="published: the list as published | checklist: the working list with a status column | duties: the duty lists (履行职责事项清单, 村级组织工作事项清单) as published | stations: each township's village-station service list (直办/代办/协办)"),
    jurisdiction: list[str] | None = typer.Option(None, "--jurisdiction", "-j", help="Only this jurisdiction (code or name); repeatable."),
    lang: str = typer.Option("zh", "--lang", help="Labels: zh | en."),
    status: list[str] | None = typer.Option(None, "--status", help="checklist: the allowed status values, comma-separated (default 已承接,未承接,待核实)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
) -> None:
    """Write the catalog's lists as an Excel workbook: one sheet per jurisdiction's list."""
    from ..excel.checklist import checklist_book  # here: the other commands need not import the Excel writer
    from ..excel.published import published_book
    from ..excel.writer import write_book

    if template not in TEMPLATES:
        raise UserError(f"unknown template {template!r}; choose one of: {', '.join(TEMPLATES)}")
    if lang not in ("zh", "en"):
        raise UserError(f"unknown language {lang!r}; choose zh or en")
    if output.suffix.lower() != ".xlsx":
        raise UserError(f"the output must be an .xlsx file, not {output.name!r}")
    check_output(output, paths)
    config = load_config()
    cat, broken = load_catalog(paths, encoding=config.encoding, exclude=config.exclude, cache=cache_root(no_cache, config))
    if broken:
        err_console.print(f"[yellow]{label('warning')}:[/] " + label("partial.export", n=broken), highlight=False)
    only = jurisdiction or []
    missing = [j for j in only if cat.find_place(j) is None and not any(e.jurisdiction == j for e in cat.entries)
               and j not in cat.duties.lists]
    if missing:
        raise UserError(f"no jurisdiction {', '.join(map(repr, missing))} in this catalog")
    if template == "duties":
        from ..excel.duty_list import duty_list_book

        book = duty_list_book(cat, only, lang)
        if not book.sheets:
            raise UserError("no duty lists to export (`duties:` files)")
    elif template == "stations":
        from ..excel.stations import station_book

        book = station_book(cat, only, lang)
        if not book.sheets:
            raise UserError("no items handled by village stations (a township's `delegation` to its villages, or villages' assist work with `item:`)")
    elif not cat.entries:
        raise UserError("no items to export (is this a catalog folder?)")
    else:
        book = published_book(cat, only, lang) if template == "published" else checklist_book(cat, only, lang, split_codes(status))
    with console.status(f"writing {output} ..."):
        try:
            write_book(book, output)
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    shown = [s for s in book.sheets if not s.hidden]
    rows = sum(len(s.rows) - len(s.banners) - 1 for s in shown)
    err_console.print(escape(label("export.wrote", output=output, sheets=len(shown), rows=rows)), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("export")(command(export_command))
