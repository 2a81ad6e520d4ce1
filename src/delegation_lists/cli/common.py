"""Options and helpers shared by the commands (defined once)."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import hashlib
import os
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape

from ..atomic import write_text
from ..load.cache import user_cache_home
from ..load.discover import PathError, input_overwritten
from ..load.text import ENCODING_ALIASES
from ..memory import paused_gc
from ..problems import MessageError, Selection, msg
from ..problems.message import LANGS, Lang, locale_language, use_language
from ..render.labels import label, lead
from .settings import Config, ConfigError, find_config
from .state import LANG_HELP, state


class UserError(MessageError):
    """Something the user can fix (bad option, missing file, unwritable output): exit 2, one line; its words a
    catalogue message (problems/templates/cli.py), shown in the language in use."""


def command(func: Callable[..., None]) -> Callable[..., None]:
    """Wrap a command: user errors print one line on stderr and exit 2 (no traceback). The cyclic garbage
    collector is paused for the run: a command is short, loads millions of objects that form no cycles, and each
    full collection would scan them all again (it doubled the time of loading a province from the cache)."""

    @functools.wraps(func)
    def wrapped(*args: Any, **kwargs: Any) -> None:
        try:
            choose_language(kwargs.get("lang") or state.lang)
            with paused_gc():
                func(*args, **kwargs)
        except (UserError, PathError, ConfigError) as exc:
            err_console.print(f"[red]{lead('error')}[/]{escape(str(exc))}", highlight=False)
            raise typer.Exit(2) from None
        finally:
            use_language(None)  # (a library caller in the same process gets the locale's language again)

    return wrapped


def lang_option() -> Any:
    """The `--lang` option every command takes."""
    return typer.Option(None, "--lang", help=LANG_HELP)


def choose_language(lang: str | None) -> None:
    """Messages in `lang`, else in the `lang` setting, else in the locale's language (problems/message.py)."""
    chosen = lang or find_config_quietly().lang
    if chosen is not None and chosen not in LANGS:
        said = msg("cli.lang", lang=chosen)  # no language chosen yet: said in both
        raise UserError(f"{said.text('en')} / {said.text('zh')}")
    use_language(_as_lang(chosen) or locale_language())  # the locale read once for the run, not per label


def _as_lang(value: str | None) -> Lang | None:
    return "zh" if value == "zh" else "en" if value == "en" else None


def find_config_quietly() -> Config:
    """The settings, or none when they cannot be read (the command itself then says why)."""
    try:
        return find_config()
    except ConfigError:
        return Config()


console = Console(soft_wrap=True, emoji=False)  # `:100:` in `file:100:3` is a place, not an emoji
err_console = Console(stderr=True, soft_wrap=True, emoji=False)


def split_codes(values: list[str] | None) -> list[str]:
    """`--select DL1,DL2 --select DL3` -> [DL1, DL2, DL3]."""
    return [v.strip() for raw in values or [] for v in raw.split(",") if v.strip()]


def load_config() -> Config:
    try:
        return find_config()
    except ConfigError as exc:
        raise UserError(str(exc)) from None


def selection(select: list[str] | None, ignore: list[str] | None, config: Config) -> Selection:
    chosen = split_codes(select) or config.select
    sel = Selection(set(chosen) if chosen else None, set(split_codes(ignore)) | set(config.ignore))
    unknown = sel.unknown()
    if unknown:
        raise UserError(msg("cli.rule_unknown", codes=", ".join(unknown)))
    return sel


NO_CACHE_HELP = "Do not use or fill the parse cache (kept in the user cache folder, e.g. ~/.cache/dlists, per project)."


def cache_root(no_cache: bool, config: Config) -> Path | None:
    """Where the parse cache lives: `DLISTS_CACHE_DIR`, else the `cache-dir` setting (relative to its settings
    file), else the user cache folder, in a folder keyed by the project's absolute path (beside dlists.toml /
    pyproject.toml when found, else the current folder), so nothing is written into the repository; None with
    --no-cache or DLISTS_NO_CACHE=1."""
    if no_cache or os.environ.get("DLISTS_NO_CACHE"):
        return None
    if os.environ.get("DLISTS_CACHE_DIR"):
        return Path(os.environ["DLISTS_CACHE_DIR"])
    project = config.source.parent if config.source is not None else Path.cwd()
    if config.cache_dir:
        return project / config.cache_dir
    key = hashlib.blake2b(str(project.resolve()).encode("utf-8", "surrogateescape"), digest_size=8).hexdigest()
    return user_cache_home() / "projects" / key


def check_encoding(encoding: str | None) -> str | None:
    """An --encoding the codecs know (gbk and friends are read as GB18030), else a usage error."""
    if encoding:
        try:
            codecs.lookup(ENCODING_ALIASES.get(encoding.lower(), encoding))
        except LookupError:
            raise UserError(msg("cli.encoding", encoding=encoding)) from None
    return encoding


def parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UserError(msg("cli.as_of", value=value)) from None


def pick_format(fmt: str | None, choices: tuple[str, ...]) -> str:
    """The chosen format (typed in full width or capitals too: `ｊｓｏｎ`, `JSON`); without one, `github` under
    GitHub Actions (when offered), else `text`."""
    if fmt is None:
        return "github" if os.environ.get("GITHUB_ACTIONS") == "true" and "github" in choices else "text"
    meant = unicodedata.normalize("NFKC", fmt).strip().lower()
    if meant not in choices:
        raise UserError(msg("cli.format", format=fmt, choices=", ".join(choices)))
    return meant


def check_output(output: Path | None, inputs: list[str] | list[Path]) -> None:
    """A usage error (exit 2, nothing written) when `-o` names an input, or a catalog file inside an input folder."""
    if output is None:
        return
    found = input_overwritten(output, inputs)
    if found is not None:
        read = output.resolve().is_file()  # an existing catalog file: this run reads it
        raise UserError(label("output.is_input" if read else "output.in_catalog", output=output,
                              input=output.resolve() if read else found))


def emit(text: str, output: Path | None) -> None:
    """Print machine output to stdout, or write it atomically to `output`."""
    if output is None:
        typer.echo(text)
        return
    try:
        write_text(output, text + "\n")
    except OSError as exc:
        raise cannot_write(output, exc) from None


def cannot_write(output: Path, exc: OSError) -> UserError:
    """The usage error of an output that cannot be written (a folder not there, no permission)."""
    return UserError(msg("cli.cannot_write", output=output, reason=exc.strerror or exc))

