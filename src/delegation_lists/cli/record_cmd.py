"""`dlists record OLD NEW`"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer
from rich.markup import escape

from ..diff import compare
from ..diff.draft import DraftRefused, append_draft, draft_record
from ..diff.records import check_records
from ..problems import msg
from ..render.labels import label
from .common import NO_CACHE_HELP, UserError, cache_root, cannot_write, command, console, err_console, lang_option, load_config


def record_command(
    old: str = typer.Argument(..., help="Old version: a folder, a file, or REV:PATH read from git (e.g. HEAD~1:catalogs)."),
    new: str = typer.Argument(..., help="New version: a folder, a file, or REV:PATH."),
    output: Path | None = typer.Option(None, "--output", "-o", help="The adjustments file to append the draft to (made when missing; never overwritten). Without it, the draft is printed."),
    date: str | None = typer.Option(None, "--date", help="The record's date, YYYY-MM-DD (default: today)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """Draft the adjustment record (spec §6) of every change between OLD and NEW that no record covers: the actions
    and items filled in, `basis` (审定文号) and `reason` left for you. Appended to the file -o names (an
    `adjustments:` file, made when missing), never overwriting it."""
    try:
        today = dt.date.fromisoformat(date) if date else dt.date.today()
    except ValueError:
        raise UserError(msg("cli.record.date", date=date)) from None
    config = load_config()
    compared = compare(old, new, None, config.encoding, cache_root(no_cache, config))
    result = compared.result
    check = check_records(result, compared.old, compared.new)
    taken = {r.record.id for side in (compared.old, compared.new) for r in side.records}
    draft = draft_record(check, result.places, today, taken)
    if draft is None:
        console.print(f"[green]{escape(label('record.nothing'))}[/]", highlight=False)
        return
    if output is None:
        typer.echo(draft.text, nl=False)
        return
    try:
        append_draft(output, draft)
    except DraftRefused as exc:
        raise UserError(str(exc)) from None
    except OSError as exc:
        raise cannot_write(output, exc) from None
    err_console.print(escape(label("record.wrote", id=draft.id, n=draft.changes, output=output)), highlight=False)


def register(app: typer.Typer) -> None:
    app.command("record")(command(record_command))
