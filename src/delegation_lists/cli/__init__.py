"""The `dlists` command line: the only layer that prints, colours, picks formats and exit codes.

Each command lives in its own module (`<name>_cmd.py` with a `register(app)` function) and is imported only when
it runs (`LazyGroup`): `dlists --version` and `dlists validate` do not pay for the Excel writer, the importer or
the diff machinery."""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Any

# pydantic looks for third-party plugins (the entry points of every installed distribution) before it builds the
# first model: 10-20 ms of every run, and other packages' code run inside validation. The command line uses none.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer
from typer._click.exceptions import ClickException
from typer.core import TyperCommand, TyperGroup

from ..atomic import remove_temporaries
from .state import LANG_HELP, state

if TYPE_CHECKING:  # typer's own click (it vendors click since 0.22)
    from typer._click import Command, Context, HelpFormatter

#: command name -> its module, in the order `dlists --help` lists them
COMMANDS = {
    "validate": "validate_cmd", "diff": "diff_cmd", "record": "record_cmd", "reconcile": "reconcile_cmd",
    "stats": "stats_cmd", "duties": "duties_cmd", "laws": "laws_cmd", "export": "export_cmd", "import": "import_cmd",
    "rules": "rules_cmd", "schema": "schema_cmd",
}
SETTINGS: dict[str, Any] = {"pretty_exceptions_enable": False, "add_completion": False, "rich_markup_mode": "rich"}


class LocalCommand(TyperCommand):
    """A command whose help is shown in the language in use (speech.py)."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        from .speech import chinese_lines, speak

        speak(self, ctx)
        with chinese_lines():
            super().format_help(ctx, formatter)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        from .slips import check_dashes

        check_dashes(self, ctx, args)
        return super().parse_args(ctx, args)


class LazyGroup(TyperGroup):
    """The root group: a command's module is imported the first time the command is asked for. Its help, and
    every usage error of a command (raised while the group parses it and runs it), in the language in use."""

    def format_help(self, ctx: Context, formatter: HelpFormatter) -> None:
        from .speech import chinese_lines, cli_language, speak

        lang = cli_language(ctx)  # (the settings file looked for once, not once a command)
        speak(self, ctx, lang)
        for name in COMMANDS:  # (each listed with its help)
            if (listed := self.get_command(ctx, name)) is not None:
                speak(listed, ctx, lang)
        with chinese_lines():
            super().format_help(ctx, formatter)

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        from .slips import check_dashes

        check_dashes(self, ctx, args, upto=frozenset(COMMANDS))
        return super().parse_args(ctx, args)

    def make_context(self, info_name: str | None, args: list[str], parent: Context | None = None, **extra: Any) -> Context:
        state.argv = list(args)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except ClickException as exc:
            from .speech import localized

            raise localized(exc) from None

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClickException as exc:
            from .speech import localized

            raise localized(exc, ctx) from None

    def list_commands(self, ctx: Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: Context, cmd_name: str) -> Command | None:
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            self.commands[cmd_name] = _load(cmd_name)
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Context, args: list[str]) -> tuple[str | None, Any, list[str]]:
        if args and args[0] not in COMMANDS:  # a typo: every command known, so "did you mean" can offer them
            for name in COMMANDS:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)


def _load(name: str) -> Command:
    """The click command of `name`, built by typer from its module's `register`."""
    module = importlib.import_module(f".{COMMANDS[name]}", __name__)
    one = typer.Typer(**SETTINGS)
    module.register(one)
    for info in one.registered_commands:
        info.cls = LocalCommand
    return typer.main.get_group(one).commands[name]


app = typer.Typer(
    name="dlists",
    help="Validate, reconcile, diff and export administrative power-delegation lists (权责清单 / 赋权清单).",
    no_args_is_help=True,
    cls=LazyGroup,
    **SETTINGS,
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
        from ..load.yaml.backend import backend

        typer.echo(f"dlists {__version__} (YAML: {backend()})")
        raise typer.Exit(0)


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
    # The collector stays paused for the whole run, not only for the command (common.command): re-enabled after
    # a command that loaded a province, its first full collection scanned every object once more before the
    # process left (1.5-2 s after `dlists export`); the process exits without tearing its heap down (_quit).
    gc.disable()
    try:
        app(prog_name="dlists")
    except SystemExit as exc:
        _quit(exc.code)
    except OSError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        from ..render.labels import label
        from .common import err_console

        err_console.print(f"[red]{label('interrupted')}[/]")
        sys.exit(2)
    except Exception as exc:
        if state.debug or "--debug" in sys.argv:
            raise
        from ..render.labels import label

        _fail(f"{type(exc).__name__}: {exc}", label("bug"))


def _fail(text: str, then: str = "") -> None:
    """One red line on stderr (and `then` under it), exit 2."""
    from rich.markup import escape

    from ..render.labels import lead
    from .common import err_console

    err_console.print(f"[red]{lead('error')}[/]{escape(text)}" + (f"\n{then}" if then else ""), highlight=False)
    sys.exit(2)


def _quit(code: object) -> None:
    """Leave without tearing the heap down: a command that loaded a province holds millions of objects, and
    freeing them one by one at exit took about a second. The output is flushed and the exit handlers run first
    (temporary files, worker processes), exactly as a normal exit would."""
    status = code if isinstance(code, int) else (0 if code is None else 1)
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):  # a reader that went away (`dlists ... | head`): nothing more to say
        pass
    atexit._run_exitfuncs()
    os._exit(status)
