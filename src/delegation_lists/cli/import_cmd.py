"""`dlists import FILE -o DIR`"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.markup import escape

from ..check import validate
from ..render.labels import label, lead
from .common import UserError, command, console, err_console, lang_option

SHOWN_ALIKE = 3  # rows shown of those sharing one problem (the rest counted)

if TYPE_CHECKING:
    from ..importer.rows import RowIssue
    from ..importer.run import Options
    from ..importer.said import Text


def import_command(
    file: Path = typer.Argument(..., help="The list to import: .xlsx/.et, .xls, .ods, .docx/.wps, .pdf, .csv (UTF-8 or GBK) or .json, read by content; .doc/.odt/.rtf through LibreOffice.", exists=True, dir_okay=False),
    output: Path | None = typer.Option(None, "--output", "-o", help="Folder to write region.yaml and one list file per jurisdiction and kind into; with --into, the list file (or its folder) inside the catalog."),
    into: Path | None = typer.Option(None, "--into", help="An existing catalog folder: import the list of one of its jurisdictions (a township's own sheet), each row linked to the parent's item by code, then by name, then by a near name; written beside its siblings' lists."),
    near: str = typer.Option("link", "--near", help="With --into, a row whose name is only near a parent item's: link (source: with the score in a comment) or list (keep it as its own item, the candidate in a comment).", case_sensitive=False),
    threshold: float = typer.Option(0.6, "--threshold", min=0.0, max=1.0, help="With --into, how near (0..1, bigram similarity) a name must be to be linked or suggested."),
    expect: int | None = typer.Option(None, "--expect", min=0, help="The number of items the list states (e.g. 296): exit 1 when another number is read."),
    mapping_file: Path | None = typer.Option(None, "--mapping", "-m", help="Column and value mapping (YAML) for lists with other headers or codes."),
    jurisdiction: str | None = typer.Option(None, "--jurisdiction", "-j", help="Code of the jurisdiction whose list this is."),
    name: str | None = typer.Option(None, "--name", help="Its name (for region.yaml)."),
    level: str | None = typer.Option(None, "--level", help="Its level: province | city | county | township (default county)."),
    kind: str | None = typer.Option(None, "--kind", help="Kind of rows that have none (no kind column and no section row)."),
    mode: str | None = typer.Option(None, "--mode", help="Delegation mode of rows with 实施范围 but no 承接方式."),
    basis: str | None = typer.Option(None, "--basis", help="Delegation basis (the published decision) for delegated rows."),
    encoding: str | None = typer.Option(None, "--encoding", help="The encoding of a CSV/JSON file that is not UTF-8 (e.g. gbk)."),
    force: bool = typer.Option(False, "--force", help="Replace files that already exist in the output folder."),
    lang: str | None = lang_option(),
) -> None:
    """Turn a published list (Excel, WPS, Word, PDF, CSV or JSON attachment) into catalog YAML that validates; 附件N, 合计 and 注 rows are kept out of the items. Every row that cannot be placed is
    reported with its row number (exit 1); nothing is dropped silently."""
    from ..importer.mapping import MappingError, load_mapping  # here: the other commands need not import these
    from ..importer.output import OutputRefused
    from ..importer.readers import ReadError
    from ..importer.run import ImportFailed, Options, import_file, write_catalog
    from ..importer.said import msg, text

    opts = Options(jurisdiction, name, level, kind, mode, basis, encoding)
    if into is not None:
        return _import_into(file, opts, mapping_file, into, output, near.lower(), threshold, expect, force)
    if output is None:
        raise UserError(text(msg("import.run.no_output")))
    try:
        mapping = load_mapping(mapping_file)
        result = import_file(file, opts, mapping)
    except (MappingError, ImportFailed, ReadError) as exc:
        raise UserError(str(exc)) from None
    _report_rows(file, result.notes, result.issues, result.hints)
    if result.built.items == 0:
        raise UserError(f"{file}: " + text(msg("import.run.no_items" if result.issues else "import.run.no_items_header")))
    try:
        written = write_catalog(result.built, output, force, [file, *([mapping_file] if mapping_file else [])])
    except OutputRefused as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(text(msg("import.out.os", out=output, error=exc.strerror or exc))) from None
    for folder in written.cleaned:
        err_console.print(f"[yellow]{lead('note')}[/]{escape(text(msg('import.note.cleaned', folder=folder, out=output)))}",
                          highlight=False)
    report = validate([output])
    counts = report.counts()
    console.print(escape(label("import.done", items=result.built.items, files=len(written.files) - 1, output=output,
                               skipped=len({(i.table, i.row) for i in result.issues}), errors=counts["error"],
                               warnings=counts["warning"])),
                  highlight=False)
    if len(result.per_table) > 1:
        console.print(escape(label("import.sources", sources=result.sources())), highlight=False)
    if _expected(expect, result.built.items) or result.issues:
        raise typer.Exit(1)


def _report_rows(file: Path, notes: Sequence[Text], issues: list[RowIssue], hints: Sequence[Text] = ()) -> None:
    """Notes, then the rows not imported: a problem many rows share is shown once with their count."""
    from ..importer.said import text

    for note in notes:
        err_console.print(f"[yellow]{lead('note')}[/]{escape(text(note))}", highlight=False)
    shown: dict[str, int] = {}
    for issue in issues:
        reason = text(issue.reason or issue.message)
        shown[reason] = shown.get(reason, 0) + 1
        if shown[reason] > SHOWN_ALIKE:
            continue
        page = f" ({issue.place})" if issue.place else ""
        where = escape(f"{file}:{issue.table}:{label('import.row', row=issue.row)}{page}")
        err_console.print(f"{where}: [red]{lead('import.row_skipped')}[/]{escape(text(issue.message))}", highlight=False)
    for message, count in shown.items():
        if count > SHOWN_ALIKE:
            err_console.print(escape(label("import.alike", n=count - SHOWN_ALIKE, message=message)), highlight=False)
    for hint in hints:
        err_console.print(f"[cyan]{lead('note')}[/]{escape(text(hint))}", highlight=False)


def _expected(expect: int | None, got: int) -> bool:
    """True (and said) when the list states another number of items than was read."""
    if expect is None or expect == got:
        return False
    err_console.print(f"[red]{escape(label('import.expect', expected=expect, got=got))}[/]", highlight=False)
    return True


def _import_into(file: Path, opts: Options, mapping_file: Path | None, root: Path, output: Path | None, near: str,
                 threshold: float, expect: int | None, force: bool) -> None:
    """`--into CATALOG`: link the rows to the parent's items, write the list inside the catalog, report."""
    from ..importer.into import IntoFailed
    from ..importer.into_file import write_into
    from ..importer.mapping import MappingError, load_mapping
    from ..importer.readers import ReadError
    from ..importer.run import ImportFailed, import_into
    from ..importer.said import msg, text

    if near not in ("link", "list"):
        raise UserError(text(msg("import.run.near", near=near)))
    try:
        run = import_into(file, opts, load_mapping(mapping_file), root, threshold, "link" if near == "link" else "list")
        _report_rows(file, run.notes, run.into.issues)
        if not run.into.outcomes:
            raise UserError(f"{file}: " + text(msg("import.run.no_items")))
        path = write_into(run.catalog, root, run.into, output, force)
    except (MappingError, ImportFailed, ReadError, IntoFailed) as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(text(msg("import.out.os", out=output or root, error=exc.strerror or exc))) from None
    for o in run.into.outcomes:
        if o.linked is None or o.linked.how == "near":
            err_console.print(f"[{'cyan' if o.linked is not None else 'yellow'}]{escape(o.comment)}[/]", highlight=False)
    counts = validate([root]).counts()
    into = run.into
    console.print(escape(label("import.into_done", rows=len(into.outcomes), output=path, by_code=into.count("code"),
                               by_name=into.count("name"), near=into.count("near"), unlinked=into.count("unlinked"),
                               skipped=len({(i.table, i.row) for i in into.issues}), errors=counts["error"],
                               warnings=counts["warning"])), highlight=False)
    if _expected(expect, len(into.outcomes)) or into.issues:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("import")(command(import_command))
