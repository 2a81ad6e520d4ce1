"""`dlists export PATH -o OUT.xlsx|OUT.docx|OUT.pdf`"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..catalog import load_catalog
from ..problems import msg
from ..render.labels import label, lead
from .common import NO_CACHE_HELP, UserError, cache_root, check_output, command, console, err_console, load_config, split_codes
from .export_gate import check_before_export, note_drafts, output_format, publish_options, write_output

TEMPLATES = ("published", "checklist", "duties", "stations")


def export_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders."),
    output: Path = typer.Option(..., "--output", "-o", help="The file to write (.xlsx, .docx or .pdf); replaced only on success."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="xlsx | docx (published lists as Word tables; needs the docx extra) | pdf (through LibreOffice); default: the output's extension."),
    template: str = typer.Option("published", "--template", "-t", help="published: the list as published | checklist: the working list with a status column | duties: the duty lists (履行职责事项清单, 村级组织工作事项清单) as published | stations: each township's village-station service list (直办/代办/协办)"),
    jurisdiction: list[str] | None = typer.Option(None, "--jurisdiction", "-j", help="Only this jurisdiction (code or name); repeatable."),
    lang: str | None = typer.Option(None, "--lang", help="Labels of what is written (default zh) and messages: zh | en; messages without it follow `dlists --lang`, the `lang` setting, else the locale."),
    status: list[str] | None = typer.Option(None, "--status", help="checklist: the allowed status values, comma-separated (default 已承接,未承接,待核实)."),
    allow_problems: bool = typer.Option(False, "--allow-problems", help="Export even when the lists have validation errors (they are listed, with a warning); without it such a catalog is not exported (exit 1)."),
    include_drafts: bool = typer.Option(False, "--include-drafts", help="Export drafts too (lists with `status: draft` or 草案 in the title); their titles say 草案."),
    attachment: str | None = typer.Option(None, "--attachment", help="published: the 附件 number above the title (2 -> 附件2); default `attachment` of the list header."),
    issuer: str | None = typer.Option(None, "--issuer", help="published: the issuing body (发布单位) under the title; default `issuer` of the list header."),
    date: str | None = typer.Option(None, "--date", help="published: the date (发布日期: 2023-07-01 or 2023年7月1日) under the title; default `date` of the list header."),
    note: list[str] | None = typer.Option(None, "--note", help="published: a note (注) under the table, repeatable; added to the header's `notes`."),
    own: str = typer.Option("list", "--own", help="published: a township's own items as a list of their own (list) or as sections of their own (section)."),
    paper: str = typer.Option("auto", "--paper", help="published: auto (A4 landscape, A3 when the columns need it) | a4 | a3."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
) -> None:
    """Write the catalog's lists as an Excel workbook (one sheet per list), a Word document (one table per list)
    or a PDF (the workbook printed by LibreOffice).

    The catalog is validated first: errors in the lists to publish (or in what they take on) stop the export
    (exit 1, nothing written) unless --allow-problems. Drafts are left out unless --include-drafts."""
    from ..excel.checklist import checklist_book  # here: the other commands need not import the Excel writer
    from ..excel.duty_list import duty_docs, duty_files, duty_list_book
    from ..excel.lists import all_lists, exported_files
    from ..excel.model import Book
    from ..excel.published import book_of, dropped_notes
    from ..excel.published_parts import published_sheets
    from ..excel.stations import station_book
    from ..publish.tables import published_tables
    from ..publish.word_layout import word_layout

    if template not in TEMPLATES:
        raise UserError(msg("cli.export.template", template=template, choices=", ".join(TEMPLATES)))
    lang = lang or "zh"  # the lists' labels: Chinese unless --lang en (messages: common.choose_language)
    if lang not in ("zh", "en"):
        raise UserError(msg("cli.lang", lang=lang))
    chosen = output_format(fmt, output, template)
    options = publish_options(template, lang, include_drafts, attachment, issuer, date, note, own, paper)
    check_output(output, paths)
    config = load_config()
    cat, broken = load_catalog(paths, encoding=config.encoding, exclude=config.exclude, cache=cache_root(no_cache, config))
    only = jurisdiction or []
    missing = [j for j in only if cat.find_place(j) is None and not any(e.jurisdiction == j for e in cat.entries)
               and j not in cat.duties.lists]
    if missing:
        raise UserError(msg("cli.export.no_place", names=", ".join(missing)))
    if template == "duties":
        docs = duty_docs(cat, only, include_drafts)
        if not docs:
            raise UserError(msg("cli.export.no_duties"))
        exported = duty_files(cat, docs)
        drafts = [] if include_drafts else [d.header.title or j for j, d in duty_docs(cat, only, True) if d.header and d.header.draft]
    elif template == "stations":
        exported, drafts = {d.file for d in cat.docs}, []
    elif not cat.entries:
        raise UserError(msg("cli.export.no_items"))
    else:
        every = all_lists(cat, only, lang)
        lists = [pl for pl in every if include_drafts or not pl.draft]  # (published_lists)
        exported = exported_files(cat, lists, only, include_drafts)
        drafts = [] if include_drafts else [pl.title for pl in every if pl.draft]

    def checked() -> None:
        check_before_export(cat, paths, config, no_cache, exported, allow_problems)
        if broken:
            err_console.print(f"[yellow]{lead('warning')}[/]" + label("partial.export", n=broken), highlight=False)
        note_drafts(drafts)

    sheets, packed = None, list[tuple[bytes, int, int] | None]()
    if template == "published" and chosen != "docx":  # (checked while a worker starts on the sheets)
        tables, sheets, packed = published_sheets(cat, lists, options, meanwhile=checked)
    else:
        checked()
        tables = published_tables(cat, only, options, lists) if template == "published" else []
    if template == "duties":
        book: Book | None = duty_list_book(cat, only, lang, include_drafts)
    elif template == "stations":
        book = station_book(cat, only, lang)
        if not book.sheets:
            raise UserError(msg("cli.export.no_stations"))
    elif template == "published":
        book = book_of(cat, tables, lang, sheets) if chosen != "docx" else None
        if book is not None:
            book.packed = {i: part for i, part in enumerate(packed) if part is not None}
    else:
        book = checklist_book(cat, only, lang, split_codes(status), include_drafts)
    shown = [s for s in book.sheets if not s.hidden] if book is not None else []
    if not shown and not tables:
        raise UserError(msg("cli.export.all_drafts"))
    with console.status(msg("cli.export.writing", output=output).text()):
        layout = word_layout(cat, tables) if chosen == "docx" and tables else None
        write_output(chosen, output, book, tables, lang, layout)
    listed = [s for s in shown if s.origins] or shown  # (the checklist's summary is not a list; duty sheets have no origins)
    # (a sheet without origins counts its numbered rows: a duty list repeats its header in each of its three parts)
    rows = sum(t.count for t in tables) or sum(len(s.origins) or sum(1 for r in s.rows if r and type(r[0]) is int) for s in listed)
    # (a duty list's parts are sheets one after another under its title: one list)
    count = len(tables) or sum(1 for i, s in enumerate(listed) if i == 0 or s.rows[:1] != listed[i - 1].rows[:1])
    err_console.print(escape(label("export.wrote", output=output, sheets=count, rows=rows)), highlight=False)
    for hidden in dropped_notes(tables, lang):
        err_console.print(f"[dim]{lead('note')}[/]" + escape(hidden), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("export")(command(export_command))
