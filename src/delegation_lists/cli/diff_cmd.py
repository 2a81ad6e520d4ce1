"""`dlists diff OLD NEW`"""

from __future__ import annotations

import json
import os
from pathlib import Path

import typer
from rich import box
from rich.cells import cell_len
from rich.markup import escape
from rich.table import Table

from ..atomic import write_text
from ..diff import DiffResult, Options, Side, compare
from ..diff.records import RecordCheck, check_records
from ..problems import msg
from ..render.diff import (
    IMPACT_HEADER,
    broken_lines,
    field_line,
    file_moves,
    impact_cells,
    item_label,
    summary_header,
    summary_rows,
    to_json,
    to_markdown,
)
from ..render.labels import label, lead, part_label
from ..render.records import headline, unmatched_line, unrecorded_line
from .common import (
    NO_CACHE_HELP,
    UserError,
    cache_root,
    cannot_write,
    check_output,
    command,
    console,
    emit,
    err_console,
    lang_option,
    load_config,
    pick_format,
)

FORMATS = ("text", "json", "markdown", "xlsx", "html")


def diff_command(
    old: str = typer.Argument(..., help="Old version: a folder, a file, or REV:PATH read from git (e.g. HEAD~1:catalogs)."),
    new: str = typer.Argument(..., help="New version: a folder, a file, or REV:PATH."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | xlsx | html (xlsx needs -o FILE.xlsx; html is one self-contained page)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    stat: bool = typer.Option(False, "--stat", help="Only the summary of counts."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when there are differences (items that only moved between files do not count); when the adjustment records are checked, when a difference is not decided or a record matches none (the CI gate)."),
    records_mode: str = typer.Option("auto", "--records", help="Check every difference against the adjustment records (`adjustments:` files, spec §6): auto (when either version has records), off, warn (report only), require (report; exit 1 on an undecided change or a record that matches none)."),
    strict_whitespace: bool = typer.Option(False, "--strict-whitespace", help="Report whitespace-only changes too."),
    strict_order: bool = typer.Option(False, "--strict-order", help="Report order-only changes of list fields too."),
    ignore_field: list[str] | None = typer.Option(None, "--ignore-field", help="Leave this field out of the comparison (repeatable)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    allow_broken: bool = typer.Option(False, "--allow-broken", help="Compare even when files of a side do not load (they are left out); without it such a diff exits 2."),
    summary: bool = typer.Option(False, "--summary", help="Also append the markdown diff to $GITHUB_STEP_SUMMARY (GitHub Actions)."),
    lang: str | None = lang_option(),
) -> None:
    """Show what changed between two versions of a catalog: items added, removed, changed field by field,
    renamed (new code, same item) and moved between files, region changes, and the effect on each township."""
    chosen = pick_format(fmt, FORMATS)
    check_output(output, [old, new])
    if chosen == "xlsx" and output is None:
        raise UserError(msg("cli.xlsx_output"))
    config = load_config()
    opts = Options(strict_whitespace, strict_order, frozenset(ignore_field or []))
    compared = compare(old, new, opts, config.encoding, cache_root(no_cache, config))
    for arg, side in zip((old, new), (compared.old, compared.new), strict=True):
        if side.problems > len(side.broken):
            err_console.print(f"[yellow]{lead('warning')}[/]" + escape(label("partial.diff", arg=arg, n=side.problems - len(side.broken))), highlight=False)
    result = compared.result
    records = _records(records_mode, result, compared.old, compared.new)
    if chosen == "xlsx":
        assert output is not None
        try:
            from ..excel.reports import diff_book
            from ..excel.writer import write_book

            write_book(diff_book(result, old, new, records), output)
        except OSError as exc:
            raise cannot_write(output, exc) from None
    elif chosen == "json":
        emit(json.dumps(to_json(result, stat, records), ensure_ascii=False, indent=2), output)
    elif chosen == "markdown":
        emit(to_markdown(result, old, new, stat, records), output)
    elif chosen == "html":
        from ..render.html import diff_html

        emit(diff_html(result, old, new, records), output)
    else:
        print_text(result, stat, records)
    if summary:
        _step_summary(to_markdown(result, old, new, stat, records))
    if result.broken and not allow_broken:
        err_console.print(f"[red]{lead('error')}[/]" + label("diff.broken_exit", n=len(result.broken)), highlight=False)
        raise typer.Exit(2)
    if records is not None and not records.clean and (exit_code or records_mode == "require"):
        err_console.print(f"[red]{lead('error')}[/]" + escape(label("records.gate", unrecorded=len(records.unrecorded), unmatched=len(records.unmatched))), highlight=False)
        raise typer.Exit(1)
    raise typer.Exit(1 if exit_code and records is None and result.differs else 0)


def _records(choice: str, result: DiffResult, old: Side, new: Side) -> RecordCheck | None:
    """The records check when `--records` asks for it (auto: when either version has records)."""
    if choice not in ("auto", "off", "warn", "require"):
        raise UserError(msg("cli.diff.records", choice=choice))
    if choice == "off" or (choice == "auto" and not (old.records or new.records)):
        return None
    return check_records(result, old, new)


def _step_summary(text: str) -> None:
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        raise UserError(msg("cli.diff.summary"))
    existing = Path(target).read_text(encoding="utf-8") if Path(target).exists() else ""
    write_text(target, existing + text + "\n")


def print_text(result: DiffResult, stat: bool, records: RecordCheck | None = None) -> None:
    for line in broken_lines(result):
        err_console.print(f"[red]{label('diff.broken_line')}[/] {escape(line)}", highlight=False)
    if records is not None:
        print_records(records, result)
    if result.empty:  # (a side that did not load is no evidence of sameness)
        console.print(f"[yellow]{label('no_differences_loaded')}[/]" if result.broken else f"[green]{label('no_differences')}[/]")
        return
    for dm in result.duty_moves:
        console.print(f"[cyan]{_pad(label('diff.part_moved'), 8)}[/] " + escape(" ".join(
            [result.place(dm.jurisdiction), f"{dm.name} ({dm.duty})", f"{part_label(dm.old)} → {part_label(dm.new)}"]))
            + f"  [dim]{escape(dm.file)}:{dm.line}[/]", highlight=False)
    if not result.changes:
        return
    table = Table(*summary_header(), title=label("changes_sheet"), header_style="bold", box=box.SIMPLE_HEAD)
    for r in summary_rows(result):
        table.add_row(*(escape(str(v)) for v in r))
    console.print(table)
    if stat:
        return
    style = {"added": "green", "removed": "red", "changed": "yellow", "renamed": "cyan", "moved": "blue"}
    moves, rest = file_moves(result)
    for m in moves:
        console.print(f"[blue]{escape(label('file_moved', old=m.old, new=m.new, n=m.items))}[/]", highlight=False)
    for c in rest:
        console.print(f"[{style[c.type]}]{_pad(label(c.type), 8)}[/] {escape(result.place(c.jurisdiction))} {escape(item_label(c))}"
                      f"  [dim]{escape(c.file)}:{c.line}[/]", highlight=False)
        for f in c.fields:
            console.print(f"           {escape(field_line(f, result.place, c.item is None))}", highlight=False)
    for row in result.impact:
        parts = [f"{label(k)} {'、'.join(cells)}" for k, cells in zip(IMPACT_HEADER[1:], impact_cells(row, result), strict=True) if cells]
        console.print(f"[bold]{escape(label('impact_on', name=result.place(row.target)))}[/]" + escape(label("records.sep").join(parts)), highlight=False)


def _pad(text: str, width: int) -> str:
    """`text` padded to `width` terminal cells (a Chinese character is two)."""
    return text + " " * max(0, width - cell_len(text))


def print_records(records: RecordCheck, result: DiffResult) -> None:
    """The records check first: the undecided changes, then the records of changes that did not happen."""
    colour = "green" if records.clean else "red"
    console.print(f"[{colour}]{escape(headline(records))}[/]", highlight=False)
    for u in records.unrecorded:
        console.print(f"  [red]✗[/] {escape(unrecorded_line(u, result))}", highlight=False)
    for m in records.unmatched:
        console.print(f"  [yellow]?[/] {escape(unmatched_line(m))}", highlight=False)
    console.print()


def register(app: typer.Typer) -> None:
    app.command("diff")(command(diff_command))
