"""`dlists rules [CODE]`"""

from __future__ import annotations

import json

import typer
from rich.table import Table

from ..rules import RULES
from .common import UserError, command, console, lang_option, pick_format


def rules_command(
    code: str | None = typer.Argument(None, help="Show one rule's full documentation (code or name)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | markdown"),
    lang: str | None = lang_option(),
) -> None:
    """List every problem code: its name, severity, family and documentation."""
    chosen = pick_format(fmt, ("text", "json", "markdown"))
    rules = sorted(RULES.values(), key=lambda r: r.code)
    if code:
        rules = [r for r in rules if code.upper() == r.code or code == r.name]
        if not rules:
            raise UserError(f"no rule {code!r} (see `dlists rules`)")
    if chosen == "json":
        typer.echo(json.dumps([{"code": r.code, "name": r.name, "severity": r.severity, "family": r.family, "doc": r.doc} for r in rules], ensure_ascii=False, indent=2))
    elif chosen == "markdown":
        typer.echo("| code | name | severity | what it checks |\n|---|---|---|---|")
        for r in rules:
            typer.echo(f"| {r.code} | {r.name} | {r.severity} | {r.summary} |")
    elif code:
        r = rules[0]
        console.print(f"[bold cyan]{r.code}[/] [bold]{r.name}[/] ({r.severity}, {r.family})\n\n{r.doc}", highlight=False)
    else:
        table = Table("code", "name", "severity", "family", "what it checks", box=None, header_style="bold")
        for r in rules:
            table.add_row(r.code, r.name, r.severity, r.family, r.summary)
        console.print(table)
        console.print("[dim]`dlists rules CODE` shows a rule's full documentation.[/]")


def register(app: typer.Typer) -> None:
    app.command("rules")(command(rules_command))
