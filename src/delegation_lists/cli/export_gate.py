"""What `dlists export` checks before it writes anything: its options (the office's choices for a published
list), the catalog validated (errors in the files it would publish stop it, exit 1, unless `--allow-problems`),
and the drafts it leaves out named."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import typer
from rich.markup import escape

from ..check import Report, validate
from ..publish.model import Options
from ..render.labels import label
from .common import UserError, cache_root, err_console, selection
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


DATE = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")
FURNITURE = ("--attachment", "--issuer", "--date", "--note", "--own", "--paper")


def publish_date(value: str | None) -> dt.date | None:
    """`--date`: 2023-07-01, 2023/7/1, 2023.7.1 or 2023年7月1日 (full-width digits too)."""
    if value is None:
        return None
    import unicodedata

    found = DATE.match(unicodedata.normalize("NFKC", value))
    try:
        return dt.date(*(int(g) for g in found.groups())) if found else dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--date must be a date like 2023-07-01 or 2023年7月1日, not {value!r}") from None


def publish_options(template: str, lang: str, drafts: bool, attachment: str | None, issuer: str | None, date: str | None,
                    notes: list[str] | None, own: str, paper: str) -> Options:
    """The office's choices for a published list, checked; refused with another template."""
    if own not in ("list", "section"):
        raise UserError(f"--own must be list or section, not {own!r}")
    if paper not in ("auto", "a4", "a3"):
        raise UserError(f"--paper must be auto, a4 or a3, not {paper!r}")
    given = [name for name, value in zip(FURNITURE, (attachment, issuer, date, notes, own != "list", paper != "auto"), strict=True) if value]
    if given and template != "published":
        raise UserError(f"{', '.join(given)}: for the published template only, not {template!r}")
    return Options(lang, drafts, own, paper, attachment, issuer, publish_date(date), list(notes or []))
