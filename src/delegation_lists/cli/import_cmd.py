"""`dlists import FILE -o DIR`"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..check import validate
from ..render.labels import label
from .common import UserError, command, console, err_console, lang_option


def import_command(
    file: Path = typer.Argument(..., help="The list to import: .xlsx/.et, .xls, .ods, .docx/.wps, .pdf, .csv (UTF-8 or GBK) or .json, read by content; .doc/.odt/.rtf through LibreOffice.", exists=True, dir_okay=False),
    output: Path = typer.Option(..., "--output", "-o", help="Folder to write region.yaml and one list file per jurisdiction and kind into."),
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
    from ..importer.readers import ReadError
    from ..importer.run import ImportFailed, Options, import_file, write_catalog

    try:
        mapping = load_mapping(mapping_file)
        result = import_file(file, Options(jurisdiction, name, level, kind, mode, basis, encoding), mapping)
    except (MappingError, ImportFailed, ReadError) as exc:
        raise UserError(str(exc)) from None
    for note in result.notes:
        err_console.print(f"[yellow]{label('note')}:[/] {escape(note)}", highlight=False)
    for issue in result.issues:
        where = escape(f"{file}:{issue.table}:{label('import.row', row=issue.row)}")
        err_console.print(f"{where}: [red]{label('import.row_skipped')}:[/] {escape(issue.message)}", highlight=False)
    if result.built.items == 0:
        raise UserError(f"{file}: no item rows found" + ("" if result.issues else " (is there a header row with 事项名称?)"))
    try:
        written = write_catalog(result.built, output, force)
    except ImportFailed as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise UserError(f"cannot write to {output}: {exc.strerror or exc}") from None
    report = validate([output])
    counts = report.counts()
    console.print(escape(label("import.done", items=result.built.items, files=len(written) - 1, output=output,
                               skipped=len(result.issues), errors=counts["error"], warnings=counts["warning"])),
                  highlight=False)
    if result.issues:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("import")(command(import_command))
