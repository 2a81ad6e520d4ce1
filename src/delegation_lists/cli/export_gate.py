"""What `dlists export` checks before it writes anything: its options (the office's choices for a published
list), the catalog validated (errors in the files it would publish stop it, exit 1, unless `--allow-problems`),
and the drafts it leaves out named."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import typer
from rich.markup import escape

from ..catalog import Catalog
from ..check import Report, check_catalog
from ..excel.model import Book
from ..load.cache import Cache
from ..load.discover import discover
from ..problems import msg
from ..publish.model import Options, PublishedTable
from ..render.labels import label, lead
from .common import UserError, cache_root, cannot_write, err_console, selection
from .settings import Config
from .text import print_problems


def check_before_export(cat: Catalog, paths: list[Path], config: Config, no_cache: bool, exported: set[str],
                        allow: bool) -> None:
    """Validate the catalog (the one the export was built from: its files are not parsed again); list the errors
    in `exported` files and stop (exit 1) unless `allow`; say how many errors are in files the export does not
    show."""
    root = cache_root(no_cache, config)
    targets = (p.as_posix() for p in discover(paths, config.exclude).targets)
    report = check_catalog(cat, targets, selection(None, None, config), Cache(root, config.encoding) if root else None)
    errors = [p for p in report.problems if p.severity == "error"]
    mine = [p for p in errors if p.file in exported]
    if mine:
        print_problems(err_console, Report(mine, report.files, report.items, report.texts))
    if len(errors) > len(mine):
        err_console.print(f"[dim]{lead('note')}[/]" + escape(label("export.elsewhere", n=len(errors) - len(mine))), highlight=False)
    if mine and not allow:
        err_console.print(f"[red]{lead('error')}[/]" + escape(label("export.refused", n=len(mine))), highlight=False)
        raise typer.Exit(1)
    if mine:
        err_console.print(f"[yellow]{lead('warning')}[/]" + escape(label("export.allowed", n=len(mine))), highlight=False)


def note_drafts(names: list[str]) -> None:
    """Say which drafts were left out and how to include them."""
    if names:
        err_console.print(f"[dim]{lead('note')}[/]" + escape(label("export.drafts", n=len(names), names="、".join(names))),
                          highlight=False)


DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
FURNITURE = ("--attachment", "--issuer", "--date", "--note", "--own", "--paper")


def publish_date(value: str | None) -> dt.date | None:
    """`--date`: 2023-07-01, 2023/7/1, 2023.7.1 or 2023年7月1日 (full-width digits too)."""
    if value is None:
        return None
    import unicodedata

    found = DATE.match(unicodedata.normalize("NFKC", value))
    try:
        return dt.date(*(int(g) for g in found.groups())) if found else dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(msg("cli.export.date", value=value)) from None


def publish_options(template: str, lang: str, drafts: bool, attachment: str | None, issuer: str | None, date: str | None,
                    notes: list[str] | None, own: str, paper: str) -> Options:
    """The office's choices for a published list, checked; refused with another template."""
    if own not in ("list", "section"):
        raise UserError(msg("cli.export.own", own=own))
    if paper not in ("auto", "a4", "a3"):
        raise UserError(msg("cli.export.paper", paper=paper))
    given = [name for name, value in zip(FURNITURE, (attachment, issuer, date, notes, own != "list", paper != "auto"), strict=True) if value]
    if given and template != "published":
        raise UserError(msg("cli.export.published_only", options=", ".join(given), template=template))
    return Options(lang, drafts, own, paper, attachment, issuer, publish_date(date), list(notes or []))


FORMATS = {".xlsx": "xlsx", ".docx": "docx", ".pdf": "pdf"}


def output_format(fmt: str | None, output: Path, template: str) -> str:
    """The format to write: `--format`, else the output's extension; checked against the template and what is
    installed (before anything is read)."""
    by_suffix = FORMATS.get(output.suffix.lower())
    chosen = fmt or by_suffix
    if chosen not in FORMATS.values():
        raise UserError(msg("cli.export.suffix", name=output.name))
    if by_suffix != chosen:
        raise UserError(msg("cli.export.format_suffix", format=chosen, name=output.name))
    if chosen == "docx" and template != "published":
        raise UserError(msg("cli.export.docx_template", template=template))
    from ..publish.pdf import PdfError, soffice
    from ..publish.word import WordError, need_docx

    try:
        need_docx() if chosen == "docx" else soffice() if chosen == "pdf" else None
    except (WordError, PdfError) as exc:
        raise UserError(str(exc)) from None
    return str(chosen)


def write_output(fmt: str, output: Path, book: Book | None, tables: list[PublishedTable], lang: str,
                 layout: bytes | None = None) -> None:
    """Write the export: the workbook (.xlsx), the published tables as Word tables (.docx, with `layout`: where
    each row comes from), or the workbook printed to PDF by LibreOffice (.pdf)."""
    from ..excel.writer import write_book
    from ..publish.pdf import PdfError, write_pdf
    from ..publish.word import WordError, write_docx

    try:
        if fmt == "docx":
            write_docx(tables, output, lang, layout)
        elif book is not None and fmt == "pdf":
            write_pdf(lambda path: write_book(book, path), ".xlsx", output)
        elif book is not None:
            write_book(book, output)
    except OSError as exc:
        raise cannot_write(output, exc) from None
    except (WordError, PdfError) as exc:
        raise UserError(str(exc)) from None
