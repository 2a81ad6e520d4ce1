"""The `dlists` command line: the only layer that prints, colours, picks formats and exit codes."""

from __future__ import annotations

import signal
import sys
from typing import Any

import typer
from rich.markup import escape

from ..atomic import remove_temporaries
from ..render.labels import label
from .common import LANG_HELP, err_console, state

app = typer.Typer(
    name="dlists",
    help="Validate, reconcile, diff and export administrative power-delegation lists (权责清单 / 赋权清单).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode="rich",
)


@app.callback(invoke_without_command=True)
def _root(
    debug: bool = typer.Option(False, "--debug", help="Show Python tracebacks for unexpected errors."),
    version: bool = typer.Option(False, "--version", help="Print the version and exit.", is_eager=True),
    lang: str | None = typer.Option(None, "--lang", help=LANG_HELP),
) -> None:
    """dlists: administrative power-delegation lists as YAML catalogs, checked like code."""
    state.debug, state.lang = debug, lang
    if version:
        from .. import __version__
        from ..load.yaml.parse import backend

        typer.echo(f"dlists {__version__} (YAML: {backend()})")
        raise typer.Exit(0)


def _register() -> None:
    from . import (
        diff_cmd,
        duties_cmd,
        export_cmd,
        import_cmd,
        reconcile_cmd,
        record_cmd,
        rules_cmd,
        schema_cmd,
        stats_cmd,
        validate_cmd,
    )

    for module in (validate_cmd, diff_cmd, record_cmd, reconcile_cmd, stats_cmd, duties_cmd, export_cmd, import_cmd, rules_cmd, schema_cmd):
        module.register(app)


_register()


def _end_on_signals() -> None:
    """SIGTERM and SIGHUP end the run as Ctrl-C does, by an exception (every `finally` runs: no temporary file
    is left behind), with the shell's code for the signal (128 + its number). Each of them, and Ctrl-C, first
    removes the temporary files being written: the exception may reach a `finally` half-way through its cleanup."""

    def end(signum: int, _frame: object) -> None:
        remove_temporaries()
        raise SystemExit(128 + signum)

    def interrupt(signum: int, frame: Any) -> None:
        remove_temporaries()
        signal.default_int_handler(signum, frame)  # KeyboardInterrupt: typer exits 130

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):  # (no SIGHUP on Windows)
            signal.signal(getattr(signal, name), end)
    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # (not when started with Ctrl-C ignored)
        signal.signal(signal.SIGINT, interrupt)


def main() -> None:
    """Console-script entry point: user errors exit 2 with one line, never a traceback (unless --debug)."""
    _end_on_signals()
    try:
        app(prog_name="dlists")
    except OSError as exc:
        err_console.print(f"[red]{label('error')}:[/] {escape(str(exc))}", highlight=False)
        sys.exit(2)
    except KeyboardInterrupt:
        err_console.print(f"[red]{label('interrupted')}[/]")
        sys.exit(2)
    except Exception as exc:
        if state.debug or "--debug" in sys.argv:
            raise
        err_console.print(f"[red]{label('error')}:[/] {type(exc).__name__}: {escape(str(exc))}\n{label('bug')}", highlight=False)
        sys.exit(2)
