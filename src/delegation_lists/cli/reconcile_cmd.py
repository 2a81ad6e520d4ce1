"""`dlists reconcile PATH`"""

from __future__ import annotations

import datetime as dt
import functools
import json
from pathlib import Path

import typer
from rich.markup import escape

from ..catalog import load_catalog
from ..catalog.parts import run_in_parts
from ..problems import language, msg
from ..reconcile import DEFAULT_THRESHOLD, ReconcileError, ReconcileResult, reconcile
from ..reconcile.parts import merge_parts, reconcile_part
from ..render.labels import label, lead
from ..render.reconcile import (
    DETAIL_HEADER,
    DUTY_HEADER,
    SUMMARY_HEADER,
    details,
    duty_rows,
    header,
    summary_rows,
    to_json,
    to_markdown,
    unlisted_line,
)
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
    parse_date,
    pick_format,
)
from .settings import Config
from .table import print_table

FORMATS = ("text", "json", "markdown", "xlsx", "html")
#: items taken on that no duty lists, shown per child in the terminal (they can be many while duty lists are new)
NO_DUTY_SHOWN = 5
SHORT = {"delegated": "deleg", "matched": "match", "mode_mismatch": "mode≠", "missing": "miss",
         "unbacked": "unback", "own": "own", "suggestions": "sugg", "coverage": "cover"}
LEGEND = ("deleg: delegated to the child · match: taken on as delegated · mode≠: taken on in another mode · "
          "miss: delegated, not taken on (有责无权) · unback: taken on, not delegated to it (无权执法) · "
          "own: the child's own items · sugg: own items that look like a parent item")


def reconcile_command(
    paths: list[Path] = typer.Argument(..., help="Catalog folders (the parent's lists and the children's)."),
    parent: str | None = typer.Option(None, "--parent", help="Parent jurisdiction code or name (default: the parent of the children named with --child, else the region root)."),
    child: list[str] | None = typer.Option(None, "--child", help="Only this child (code or name); repeatable."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Minimum name similarity for a suggestion."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | xlsx | html (xlsx needs -o FILE.xlsx; html is one self-contained page)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when anything is missing, unbacked or mismatched, or a recalled duty's item is still taken on."),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge expiry dates on this day (YYYY-MM-DD)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """Check the parent's delegations against each child's list: matched, mode mismatch, missing (delegated, not
    taken on), unbacked (taken on, not delegated), own items, and suggested sources for own items; and each
    child's duty list against what it takes on: recalled duties whose item it still takes on, items no duty
    lists (a duty lists an item by `item:` or by name)."""
    chosen = pick_format(fmt, FORMATS)
    check_output(output, paths)
    config = load_config()
    try:
        results, broken = _reconcile(paths, parent, child, threshold, config, cache_root(no_cache, config), parse_date(as_of))
    except ReconcileError as exc:
        raise UserError(str(exc)) from None
    if broken:
        err_console.print(f"[yellow]{lead('warning')}[/]" + label("partial.reconcile", n=broken), highlight=False)
    if chosen == "xlsx":
        if output is None:
            raise UserError(msg("cli.xlsx_output"))
        try:
            from ..excel.reports import reconcile_book
            from ..excel.writer import write_book

            write_book(reconcile_book(results), output)
        except OSError as exc:
            raise cannot_write(output, exc) from None
    elif chosen == "json":
        emit(json.dumps(to_json(results), ensure_ascii=False, indent=2), output)
    elif chosen == "markdown":
        emit("\n\n".join(to_markdown(r) for r in results), output)
    elif chosen == "html":
        from ..render.html import reconcile_html

        emit(reconcile_html(results), output)
    else:
        for r in results:
            print_text(r)
    raise typer.Exit(1 if exit_code and not all(r.clean for r in results) else 0)


def _reconcile(paths: list[Path], parent: str | None, child: list[str] | None, threshold: float, config: Config,
               cache: Path | None, as_of: dt.date | None) -> tuple[list[ReconcileResult], int]:
    """The results and the number of files that did not load: one parent (or some children) on the whole catalog,
    every parent part by part (a province is never held whole)."""
    if parent is not None or child:
        cat, broken = load_catalog(paths, encoding=config.encoding, exclude=config.exclude, cache=cache, as_of=as_of)
        return [reconcile(cat, parent, child, threshold)], broken
    parts = run_in_parts(paths, functools.partial(reconcile_part, threshold), encoding=config.encoding,
                         exclude=config.exclude, cache=cache, as_of=as_of)
    return merge_parts(parts.results, parts.tree), parts.broken


def print_text(result: ReconcileResult) -> None:
    columns, rows = SUMMARY_HEADER, summary_rows(result)
    keep = [i for i, h in enumerate(columns) if h != "code"]
    zh = language() == "zh"
    names = [label(columns[i]) if zh else SHORT.get(columns[i], columns[i]) for i in keep]
    print_table(console, f"{result.parent_name} ({result.parent}) → {label('child')}", names,
                [[r[i] for i in keep] for r in rows], [columns[i] != "child" for i in keep])
    if not zh:
        console.print(f"[dim]{LEGEND}[/]", highlight=False)
    if duties := duty_rows(result):
        print_table(console, label("duties.check"), header(DUTY_HEADER), duties, [i > 1 for i in range(len(DUTY_HEADER))])
    if (line := unlisted_line(result)) is not None:
        console.print(escape(line), highlight=False)
    for d in details(result, no_duty_shown=NO_DUTY_SHOWN):
        print_table(console, d.title, header(DETAIL_HEADER), d.rows, [False, False, False])
    console.print(f"[green]✓ {label('clean')}[/]" if result.clean else f"[red]✗ {label('gaps')}[/]")


def register(app: typer.Typer) -> None:
    app.command("reconcile")(command(reconcile_command))
