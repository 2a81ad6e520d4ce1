"""`dlists validate PATH...`"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

from ..check import Report, validate
from ..problems import Selection, msg
from ..render.problems import to_github, to_json, to_sarif
from .common import (
    NO_CACHE_HELP,
    cache_root,
    check_encoding,
    check_output,
    command,
    console,
    emit,
    err_console,
    lang_option,
    load_config,
    parse_date,
    pick_format,
    selection,
)
from .text import print_problems, summary

FORMATS = ("text", "json", "github", "sarif")


def validate_command(
    paths: list[Path] = typer.Argument(..., help="Catalog files or folders (folders are searched for *.yaml / *.yml)."),
    fmt: str | None = typer.Option(None, "--format", "-f", help="text | json | github | sarif (default: github under GitHub Actions, else text)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the json/github/sarif report to this file instead of stdout."),
    select: list[str] | None = typer.Option(None, "--select", help="Only these rule codes, prefixes (DL1) or names; comma-separated or repeated."),
    ignore: list[str] | None = typer.Option(None, "--ignore", help="Skip these rule codes, prefixes or names."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (exit 1)."),
    encoding: str | None = typer.Option(None, "--encoding", help="Read files that are not UTF-8 in this encoding (e.g. gbk); UTF-8 files are still read as UTF-8."),
    exclude: list[str] | None = typer.Option(None, "--exclude", help="Glob of files or folders to skip (repeatable)."),
    as_of: str | None = typer.Option(None, "--as-of", help="Judge expiry dates on this day (YYYY-MM-DD; default today)."),
    no_source: bool = typer.Option(False, "--no-source", help="text format: do not show the source line under each problem."),
    jobs: int | None = typer.Option(None, "--jobs", "-J", min=1, help="Worker processes for parsing (default: one per core for large catalogs)."),
    no_cache: bool = typer.Option(False, "--no-cache", help=NO_CACHE_HELP),
    lang: str | None = lang_option(),
) -> None:
    """Check catalog files: YAML, schema and every rule; report all problems sorted by file and line.

    Exit 0 when clean, 1 when problems are found (errors; warnings too with --strict), 2 on usage or input errors.
    A file is checked in the context of its whole catalog (region.yaml above it, the parent lists its sources
    point at), but only the given files' problems are reported.
    """
    config = load_config()
    chosen = pick_format(fmt, FORMATS)
    check_output(output, paths)
    sel = selection(select, ignore, config)
    report = _run(paths, sel, check_encoding(encoding or config.encoding), [*config.exclude, *(exclude or [])], parse_date(as_of), jobs, cache_root(no_cache, config))
    strict = strict or config.strict
    if chosen == "text":
        if output is None:
            print_problems(console, report, show_source=not no_source)
            console.print(summary(report, strict), highlight=False)
        else:  # plain text (no colours) to the file, the summary on the terminal
            buffer = io.StringIO()
            print_problems(Console(file=buffer, no_color=True, width=200, soft_wrap=True, emoji=False), report, show_source=not no_source)
            emit(buffer.getvalue().rstrip("\n"), output)
            err_console.print(summary(report, strict), highlight=False)
    else:
        workspace = Path(os.environ["GITHUB_WORKSPACE"]) if os.environ.get("GITHUB_WORKSPACE") else None
        text = to_json(report) if chosen == "json" else (to_github if chosen == "github" else to_sarif)(report, workspace)
        if text or output is not None:
            emit(text, output)
        err_console.print(summary(report, strict), highlight=False)
    raise typer.Exit(1 if report.failed(strict) else 0)


def _run(paths: list[Path], sel: Selection, encoding: str | None, exclude: list[str], as_of: dt.date | None, jobs: int | None,
         cache: Path | None) -> Report:
    if not sys.stderr.isatty():
        return validate(paths, sel, encoding=encoding, exclude=exclude, as_of=as_of, jobs=jobs, cache=cache)
    with Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=err_console, transient=True) as bar:
        task = bar.add_task(msg("cli.progress.reading").text(), total=None)

        def tick(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        return validate(paths, sel, encoding=encoding, exclude=exclude, as_of=as_of, progress=tick, jobs=jobs, cache=cache)


def register(app: typer.Typer) -> None:
    app.command("validate")(command(validate_command))
