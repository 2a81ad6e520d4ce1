"""What `dlists export` checks before it writes anything: the catalog validated (errors in the files it would
publish stop it, exit 1, unless `--allow-problems`), and the drafts it leaves out named."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.markup import escape

from ..check import Report, validate
from ..render.labels import label
from .common import cache_root, err_console, selection
from .settings import Config
from .text import print_problems


def check_before_export(paths: list[Path], config: Config, no_cache: bool, exported: set[str], allow: bool) -> None:
    """Validate the catalog; list the errors in `exported` files and stop (exit 1) unless `allow`; say how many
    errors are in files the export does not show."""
    report = validate(paths, selection(None, None, config), encoding=config.encoding, exclude=config.exclude,
                      cache=cache_root(no_cache, config))
    errors = [p for p in report.problems if p.severity == "error"]
    mine = [p for p in errors if p.file in exported]
    if mine:
        print_problems(err_console, Report(mine, report.files, report.items, report.texts))
    if len(errors) > len(mine):
        err_console.print(f"[dim]{label('note')}:[/] " + escape(label("export.elsewhere", n=len(errors) - len(mine))), highlight=False)
    if mine and not allow:
        err_console.print(f"[red]{label('error')}:[/] " + escape(label("export.refused", n=len(mine))), highlight=False)
        raise typer.Exit(1)
    if mine:
        err_console.print(f"[yellow]{label('warning')}:[/] " + escape(label("export.allowed", n=len(mine))), highlight=False)


def note_drafts(names: list[str]) -> None:
    """Say which drafts were left out and how to include them."""
    if names:
        err_console.print(f"[dim]{label('note')}:[/] " + escape(label("export.drafts", n=len(names), names="、".join(names))),
                          highlight=False)
