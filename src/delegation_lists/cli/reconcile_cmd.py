"""`dlists reconcile PATH`"""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..catalog import load_catalog
from ..reconcile import CATEGORIES, DEFAULT_THRESHOLD, ReconcileError, ReconcileResult, parents, reconcile, reconcile_all
from ..render.tables import markdown
from .common import (
    NO_CACHE_HELP,
    UserError,
    cache_root,
    command,
    console,
    emit,
    err_console,
    load_config,
    parse_date,
    pick_format,
)
from .table import print_table

FORMATS = ("text", "json", "markdown", "xlsx")
SHORT = {"delegated": "deleg", "matched": "match", "mode_mismatch": "mode≠", "missing": "miss",
         "unbacked": "unback", "own": "own", "suggestions": "sugg", "coverage": "cover"}
LEGEND = ("deleg: delegated to the child · match: taken on as delegated · mode≠: taken on in another mode · "
          "miss: delegated, not taken on (有责无权) · unback: taken on, not delegated to it (无权执法) · "
          "own: the child's own items · sugg: own items that look like a parent item")


def reconcile_command(
    paths: list[Path] = typer.Argument(..., help="Catalog folders (the parent's lists and the children's)."),
    parent: str | None = typer.Option(None, "--parent", help="Parent jurisdiction code or name (default: the region root)."),
    child: list[str] | None = typer.Option(None, "--child", help="Only this child (code or name); repeatable."),
    threshold: float = typer.Option(DEFAULT_THRESHOLD, "--threshold", min=0.0, max=1.0, help="Minimum name similarity for a suggestion."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | xlsx (xlsx needs -o FILE.xlsx)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    exit_code: bool = typer.Option(False, "--exit-code", help="Exit 1 when anything is missing, unbacked or mismatched."),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge expiry dates on this day (YYYY-MM-DD)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
) -> None:
    """Check the parent's delegations against each child's list: matched, mode mismatch, missing (delegated, not
    taken on), unbacked (taken on, not delegated), own items, and suggested sources for own items."""
    chosen = pick_format(fmt, FORMATS)
    config = load_config()
    cat, broken = load_catalog(paths, encoding=config.encoding, exclude=config.exclude, cache=cache_root(no_cache, config), as_of=parse_date(as_of))
    if broken:
        err_console.print(f"[yellow]warning:[/] {broken} file(s) have errors and are reconciled only in part; run `dlists validate`")
    try:
        single = parent is not None or child or len(parents(cat)) == 1
        results = [reconcile(cat, parent, child, threshold)] if single else reconcile_all(cat, threshold)
    except ReconcileError as exc:
        raise UserError(str(exc)) from None
    if chosen == "xlsx":
        if output is None:
            raise UserError("--format xlsx needs --output FILE.xlsx")
        try:
            from ..excel.reports import reconcile_book
            from ..excel.writer import write_book

            write_book(reconcile_book(results), output)
        except OSError as exc:
            raise UserError(f"cannot write {output}: {exc.strerror or exc}") from None
    elif chosen == "json":
        data = results[0].to_dict() if len(results) == 1 else {"parents": [r.to_dict() for r in results], "totals": _sum_totals(results)}
        emit(json.dumps(data, ensure_ascii=False, indent=2), output)
    elif chosen == "markdown":
        emit("\n\n".join(to_markdown(r) for r in results), output)
    else:
        for r in results:
            print_text(r)
    raise typer.Exit(1 if exit_code and not all(r.clean for r in results) else 0)


def _sum_totals(results: list[ReconcileResult]) -> dict[str, float]:
    out: dict[str, float] = {}
    for r in results:
        for k, v in r.totals().items():
            if k != "coverage":
                out[k] = out.get(k, 0) + v
    taken = out.get("matched", 0) + out.get("mode_mismatch", 0)
    out["coverage"] = round(taken / out["delegated"], 4) if out.get("delegated") else 1.0
    return out


def _counts(result: ReconcileResult) -> tuple[list[str], list[list[object]]]:
    header = ["child", "code", "delegated", *CATEGORIES, "coverage"]
    rows = [c.count_row() for c in result.children]
    t = result.totals()
    rows.append(["total", "", t["delegated"], *[t[k] for k in CATEGORIES], f"{t['coverage']:.0%}"])
    return header, rows


def _details(result: ReconcileResult) -> list[tuple[str, list[list[str]]]]:
    """(child title, rows of [category, item, detail]) for every child with something to look at."""
    out = []
    for c in result.children:
        rows = [["mode_mismatch", m["item"], f"delegated {m['delegated']}, taken as {m['taken']}"] for m in c.mode_mismatch]
        rows += [["missing", code, "delegated but not taken on"] for code in c.missing]
        rows += [["unbacked", u["item"], f"source {u['source']}: {u['reason']}"] for u in c.unbacked]
        rows += [["suggestion", s["item"], f"looks like {s['source']} (score {s['score']:.2f})"] for s in c.suggestions]
        if rows:
            out.append((f"{c.name} ({c.jurisdiction})", rows))
    return out


def print_text(result: ReconcileResult) -> None:
    header, rows = _counts(result)
    keep = [i for i, h in enumerate(header) if h != "code"]
    print_table(console, f"{result.parent_name} ({result.parent}) → children", [SHORT.get(header[i], header[i]) for i in keep],
                [[r[i] for i in keep] for r in rows], [header[i] != "child" for i in keep])
    console.print(f"[dim]{LEGEND}[/]", highlight=False)
    for title, detail in _details(result):
        print_table(console, title, ["category", "item", "detail"], detail, [False, False, False])
    console.print("[green]✓ every child matches its delegations[/]" if result.clean else "[red]✗ gaps found[/]")


def to_markdown(result: ReconcileResult) -> str:
    header, rows = _counts(result)
    parts = [f"## Reconcile: {result.parent_name} ({result.parent})", "", markdown(header, rows)]
    for title, detail in _details(result):
        parts += ["", f"<details><summary>{title}: {len(detail)} to review</summary>", "", markdown(["category", "item", "detail"], detail), "", "</details>"]
    return "\n".join(parts)


def register(app: typer.Typer) -> None:
    app.command("reconcile")(command(reconcile_command))
