"""`dlists stats PATH`"""

from __future__ import annotations

import functools
import json
from pathlib import Path

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from ..catalog import Catalog
from ..catalog.holding import OWN
from ..catalog.parts import run_in_parts
from ..dutyview import township_rows, village_rows
from ..model.closest import closest_name
from ..model.codes import KINDS
from ..problems import language, msg
from ..render.duties import counts_header, counts_rows, stats_duties_json
from ..render.labels import label, lead, mode
from ..render.stats import detail_markdown, kind_table, mode_label, to_json
from ..render.tables import markdown, to_csv
from ..render.villages import village_counts_header, village_counts_rows
from ..stats import JurisdictionStats, merge_counts
from ..stats import counts as stats_counts
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
from .table import print_table

FORMATS = ("text", "json", "markdown", "csv", "xlsx", "html")


def stats_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders."),
    jurisdiction: str | None = typer.Option(None, "--jurisdiction", "-j", help="Only this jurisdiction (code or name), with its departments and modes."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown | csv | xlsx | html (xlsx needs -o FILE.xlsx; html is one self-contained page)"),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write to this file instead of stdout."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """Count items by jurisdiction x kind, by department and by delegation mode."""
    chosen = pick_format(fmt, FORMATS)
    check_output(output, paths)
    config = load_config()
    parts = run_in_parts(paths, functools.partial(stats_counts, jurisdiction), encoding=config.encoding,
                         exclude=config.exclude, cache=cache_root(no_cache, config))
    found = merge_counts(parts.results)
    if found.unknown:
        raise UserError(_no_place(parts.tree, jurisdiction or ""))
    if parts.broken:
        err_console.print(f"[yellow]{lead('warning')}[/]{label('stats.broken', n=parts.broken)}", highlight=False)
    rows, duties = found.rows, found.duties
    counts = kind_table(rows)
    if chosen == "json":
        emit(json.dumps(to_json(rows) | stats_duties_json(duties), ensure_ascii=False, indent=2), output)
    elif chosen == "csv":
        emit(to_csv(counts.header, counts.rows).rstrip("\n"), output)
    elif chosen == "xlsx":
        _write_xlsx(counts.header, counts.rows, output)
    elif chosen == "html":
        from ..render.html import stats_html

        emit(stats_html(rows), output)
    elif chosen == "markdown":
        towns, vills = township_rows(duties), village_rows(duties)
        duty_md = f"\n\n### {label('duties.title')}\n\n" + markdown(counts_header(towns), counts_rows(towns)) if towns else ""
        if vills:
            duty_md += f"\n\n### {label('villages.stats_title')}\n\n" + markdown(village_counts_header(vills), village_counts_rows(vills))
        emit(markdown(counts.header, counts.rows) + "".join(detail_markdown(r) for r in rows if jurisdiction) + duty_md, output)
    else:
        short = kind_table(rows, short=True)
        header, body = short.header, short.rows
        if body:  # (a catalog of duty lists alone has no items to count by kind)
            table = Table(title=label("by_kind"), header_style="bold", box=box.SIMPLE_HEAD, pad_edge=False)
            for i, h in enumerate(header):
                table.add_column(h, justify="left" if i == 0 else "right", no_wrap=True)
            for cells in body:
                table.add_row(*map(str, cells))
            console.print(table)
            legend = " · ".join(f"{k.abbr} {k.zh}" for k in KINDS if k.abbr in header)
            console.print(f"[dim]{legend}[/]", highlight=False)
        if township_rows(duties):
            table_rows = counts_rows(township_rows(duties))
            print_table(console, label("duties.title"), counts_header(township_rows(duties)), table_rows, [isinstance(v, int) for v in table_rows[0]])
        if village_rows(duties):
            table_rows = village_counts_rows(village_rows(duties))
            print_table(console, label("villages.stats_title"), village_counts_header(village_rows(duties)), table_rows,
                        [isinstance(v, int) for v in table_rows[0]])
        for r in rows:
            if jurisdiction or r.level == "township":
                console.print(_summary_line(r), highlight=False)
        if jurisdiction:
            for r in rows:
                dep = Table(label("department"), label("items"), title=label("stats.by_department", name=r.name), header_style="bold")
                for name, n in r.departments.most_common():
                    dep.add_row(name, str(n))
                console.print(dep)


def _write_xlsx(header: list[str], rows: list[list[object]], output: Path | None) -> None:
    if output is None:
        raise UserError(msg("cli.xlsx_output"))
    from ..excel.reports import stats_book
    from ..excel.writer import write_book

    try:
        write_book(stats_book(header, rows), output)
    except OSError as exc:
        raise cannot_write(output, exc) from None


def _no_place(cat: Catalog, key: str) -> str:
    """Why `-j KEY` names no one jurisdiction: several end with it (listed), or none (the closest named)."""
    several = cat.place_candidates(key)
    if len(several) > 1:
        names = "、".join(f"{p.name}（{p.code}）" for p in several)
        return label("place.several", name=key, names=names)
    close = closest_name(key, [p.name for p in cat.places.values()])
    return label("place.close", name=key, close=close) if close else label("place.none", name=key)


def _summary_line(r: JurisdictionStats) -> str:
    parts = [label("stats.mode_part", mode=_mode(m), items=c.items, departments=len(c.departments),
                   licensing=c.kinds.get("licensing", 0)) for m, c in sorted(r.modes.items())]
    if r.unresolved:
        parts.append(label("stats.unresolved_part", n=r.unresolved))
    return label("stats.township_line", name=f"[bold]{escape(r.name)}[/]", code=r.code, modes="；".join(parts) if language() == "zh" else "; ".join(parts))


def _mode(key: str) -> str:
    return ("自有" if language() == "zh" else "own (自有)") if key == OWN else mode_label(key) if language() == "en" else mode(key)


def register(app: typer.Typer) -> None:
    app.command("stats")(command(stats_command))
