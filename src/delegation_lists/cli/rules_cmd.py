"""`dlists rules [CODE]`"""

from __future__ import annotations

import json

import typer
from rich.markup import escape
from rich.table import Table

from ..problems import language, msg
from ..render.labels import label
from ..rules import RULES
from .common import UserError, command, console, lang_option, pick_format
from .speech import chinese_lines


def rules_command(
    code: str | None = typer.Argument(None, help="Show one rule's full documentation (code or name)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown"),
    lang: str | None = lang_option(),
) -> None:
    """List every problem code: its name, severity, family and documentation."""
    chosen = pick_format(fmt, ("text", "json", "markdown"))
    zh = language() == "zh"
    rules = sorted(RULES.values(), key=lambda r: r.code)
    if code:
        rules = [r for r in rules if code.upper() == r.code or code == r.name]
        if not rules:
            raise UserError(msg("cli.rules.none", code=code))
    if chosen == "json":
        typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "family": r.family, "doc": r.doc,
                                "doc_zh": r.doc_zh} for r in rules], ensure_ascii=False, indent=2))
        return
    heads = [label(k) for k in ("rules.code", "rules.name", "rules.severity", "rules.family", "rules.what")]
    if chosen == "markdown":
        typer.echo(f"| {heads[0]} | {heads[1]} | {heads[2]} | {heads[4]} |\n|---|---|---|---|")
        for r in rules:
            typer.echo(f"| {r.code} | {r.name} | {label(r.severity)} | {_short_zh(r.doc_zh) if zh else r.summary} |")
    elif code:
        r = rules[0]
        doc = f"{r.doc_zh}\n\n{r.doc}" if zh else r.doc
        console.print(f"[bold cyan]{r.code}[/] [bold]{r.name}[/] ({label(r.severity)}, {r.family})\n\n{escape(doc)}", highlight=False)
    else:
        table = Table(*heads, box=None, header_style="bold")
        table.columns[-1].overflow = "fold"  # (a Chinese sentence is one word to rich: cut with `…` otherwise)
        for r in rules:
            table.add_row(r.code, r.name, label(r.severity), r.family, escape(_short_zh(r.doc_zh) if zh else r.summary))
        with chinese_lines():
            console.print(table)
        console.print(f"[dim]{label('rules.more')}[/]", highlight=False)


def _short_zh(doc: str) -> str:
    """The first sentence of a rule's Chinese documentation."""
    first = doc.split("\n\n", 1)[0]
    return first.split("。", 1)[0] + "。" if "。" in first else first


def register(app: typer.Typer) -> None:
    app.command("rules")(command(rules_command))
