"""The command line's own words in the language in use: each command's help (help_zh.py), typer's panel titles,
and the usage errors typer and click raise in English (a mistyped option, a missing argument, a value that is no
number). The language of help and usage errors: `--lang` (before or after the command), else the `lang` setting,
else the locale, as for messages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from ..problems.message import Lang, locale_language
from .help_zh import HELP_ZH, PANELS_ZH
from .state import state

if TYPE_CHECKING:
    from typer._click import Command, Context
    from typer._click.exceptions import BadParameter, ClickException


def cli_language(ctx: Context | None = None) -> Lang:
    """zh or en for help and usage errors: `--lang` as given on the command line (the root's, or the command's
    own: with `--help` it is not parsed yet), else the `lang` setting, else the locale."""
    chosen = ctx.find_root().params.get("lang") if ctx is not None else None
    words = state.argv
    for i, word in enumerate(words):
        if word == "--lang" and i + 1 < len(words):
            chosen = words[i + 1]
        elif word.startswith("--lang="):
            chosen = word.split("=", 1)[1]
    if chosen not in ("zh", "en"):
        from .common import find_config_quietly

        chosen = find_config_quietly().lang
    return chosen if chosen in ("zh", "en") else locale_language()  # type: ignore[return-value]


def speak(command: Command, ctx: Context, lang: Lang | None = None) -> None:
    """Put a command's help (its own, its options', `--help`'s) and typer's panel titles in `lang` (default: the
    language of `ctx`); English help is kept to put back (tests run Chinese and English in one process)."""
    chinese = (lang or cli_language(ctx)) == "zh"
    _panels(chinese)
    helped: list[Any] = [command, *command.params]
    if (help_option := command.get_help_option(ctx)) is not None:
        helped.append(help_option)
    for part in helped:
        kept = part.__dict__.setdefault("_dlists_english", getattr(part, "help", None))
        if kept is not None:
            part.help = HELP_ZH.get(kept, kept) if chinese else kept


def _panels(chinese: bool) -> None:
    """typer's panel titles and hints (typer.rich_utils reads them as it prints) in Chinese, or as typer has them."""
    import typer.rich_utils as panels

    english: dict[str, str] = panels.__dict__.setdefault("_dlists_english", {k: getattr(panels, k) for k in PANELS_ZH})
    for key, zh in PANELS_ZH.items():
        setattr(panels, key, zh if chinese else english[key])
    made = getattr(panels, "_make_rich_text", None)
    if made is not None and not getattr(made, "folds", False):
        panels._make_rich_text = _folding(made)


def _folding(made: Any) -> Any:
    """typer's help text made to fold where a line is full: Chinese has no spaces to break at, and the columns
    of the options table cut an unbroken text short with `…` (half a sentence of help lost)."""

    def make(**kwargs: Any) -> Any:
        text = made(**kwargs)
        if getattr(text, "overflow", "") is None:
            text.overflow = "fold"
        return text

    make.folds = True  # type: ignore[attr-defined]
    return make


#: Chinese characters (with kana, hangul, CJK punctuation and full-width forms): a line may break between any two
_CJK = "\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
#: punctuation that stays with what follows it (never ends a line) and with what precedes it (never starts one)
_OPENING = "（《「『【〔〈“‘"
_CLOSING = "，。、；：？！）》」』】〕〉”’…—％"
#: what a line may break after: one Chinese character or a run of other text, with the opening punctuation before
#: it, the closing punctuation after it and the spaces after that
_UNIT = re.compile(rf"\s*[{_OPENING}]*(?:[{_CJK}]|[^\s{_CJK}{_OPENING}{_CLOSING}]+|\S)[{_CLOSING}]*\s*")


def _units(text: str) -> Iterator[tuple[int, int, str]]:
    """rich's `words` (what its wrapping breaks a line between) for Chinese text: each character its own word,
    punctuation kept on the side it belongs to; text without Chinese is split at its spaces as before."""
    found = _UNIT.match(text)
    while found is not None and found.end() > found.start():
        yield found.start(), found.end(), found.group()
        found = _UNIT.match(text, found.end())


@contextmanager
def chinese_lines() -> Iterator[None]:
    """rich breaks lines as Chinese text is broken while help (or a table of Chinese sentences) is printed: at any
    character, never before a closing mark (。，、）) or after an opening one (（《“), not after a Latin word leaving
    the rest of the line empty (its own wrapping breaks at spaces only). Put back after: other output is laid out
    as before. (A rich without `_wrap.words` wraps as it always does.)"""
    import rich._wrap

    words = getattr(rich._wrap, "words", None)
    if words is None:
        yield
        return
    rich._wrap.words = _units
    try:
        yield
    finally:
        rich._wrap.words = words


#: click's and typer's plain usage errors (no exception class of their own): pattern -> Chinese
_PLAIN: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"No such command '(?P<name>.*)'\. Did you mean '(?P<meant>.*)'\?", re.S), "没有 “{name}” 这个命令。是要用 “{meant}” 吗？"),
    (re.compile(r"No such command '(?P<name>.*)'\.", re.S), "没有 “{name}” 这个命令。"),
    (re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.*)\)", re.S), "多余的参数：{args}"),
    (re.compile(r"Missing command\.?"), "缺少命令。"),
    (re.compile(r"Option '(?P<name>.*)' requires an argument\.", re.S), "选项 {name} 后面需要写一个值。"),
    (re.compile(r"Option '(?P<name>.*)' requires (?P<n>\d+) arguments\.", re.S), "选项 {name} 后面需要写 {n} 个值。"),
    (re.compile(r"Option '(?P<name>.*)' does not take a value\.", re.S), "选项 {name} 后面不能写值。"),
]

#: why a value was refused (BadParameter's message): pattern -> Chinese
_VALUES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r".*valid integer.*|'(?P<v>.*)' is not a valid integer\.", re.S), "应为整数"),
    (re.compile(r".*valid number.*|'(?P<v>.*)' is not a valid float\.", re.S), "应为数字"),
    (re.compile(r"(?P<v>.*) is not in the range (?P<range>.*)\.", re.S), "{v} 不在 {range} 范围内"),
    (re.compile(r"Input should be greater than or equal to (?P<n>\S+)", re.S), "应不小于 {n}"),
    (re.compile(r"Input should be less than or equal to (?P<n>\S+)", re.S), "应不大于 {n}"),
    (re.compile(r"Input should be greater than (?P<n>\S+)", re.S), "应大于 {n}"),
    (re.compile(r"Input should be less than (?P<n>\S+)", re.S), "应小于 {n}"),
    # (typer's click says "file '…'" in lower case where click said "File '…'")
    (re.compile(r"(?:File|Directory|Path) '(?P<v>.*)' does not exist\.", re.S | re.I), "“{v}” 不存在"),
    (re.compile(r"(?:File|Directory|Path) '(?P<v>.*)' is a directory\.", re.S | re.I), "“{v}” 是文件夹，应为文件"),
    (re.compile(r"(?:File|Directory|Path) '(?P<v>.*)' is a file\.", re.S | re.I), "“{v}” 是文件，应为文件夹"),
    (re.compile(r"'(?P<v>.*)' is not one of (?P<choices>.*)\.", re.S), "“{v}” 不是可选的值（{choices}）"),
]


def localized(error: ClickException, ctx: Context | None = None) -> ClickException:
    """The usage error as said in the language in use: in Chinese a new UsageError (same usage line and help hint,
    exit 2) with the words translated; the error itself in English, or when its words are not known here."""
    from typer._click.exceptions import BadOptionUsage, BadParameter, MissingParameter, NoSuchOption, UsageError

    if not isinstance(error, UsageError):
        return error
    chinese = cli_language(error.ctx or ctx) == "zh"
    _panels(chinese)
    if not chinese:
        return error
    said: str | None
    if isinstance(error, NoSuchOption):
        said = f"没有 {error.option_name} 这个选项"
        if error.possibilities:
            said += "（是不是：" + "、".join(sorted(error.possibilities)) + "）"
    elif isinstance(error, MissingParameter):
        said = f"缺少{_hint(error).rstrip()}{_what(error.param)}"
    elif isinstance(error, BadParameter):
        said = f"{_hint(error)}的值不对：{_translated(_VALUES, error.message) or error.message}"
    elif isinstance(error, BadOptionUsage | UsageError):
        said = _translated(_PLAIN, error.message)
    if said is None:
        return error
    out = UsageError(said, error.ctx)
    out.exit_code = error.exit_code
    return out


def _hint(error: BadParameter) -> str:
    """The parameter as click names it, said to be an option or an argument (`选项 '--jobs' / '-J' `)."""
    from typer._click.exceptions import _join_param_hints

    kind = getattr(error, "param_type", None) or getattr(error.param, "param_type_name", "option")
    if error.param_hint is not None:
        name = str(_join_param_hints(error.param_hint))
    else:
        name = str(error.param.get_error_hint()) if error.param is not None else ""
    return f"{'参数' if kind == 'argument' else '选项'} {name} "


def _what(param: Any) -> str:
    """What a parameter is, in a few words: its Chinese help up to its first clause (`（清单文件或文件夹）`)."""
    english = getattr(param, "_dlists_english", None) or getattr(param, "help", None)
    words = re.split(r"[（：；。(]", HELP_ZH.get(english or "", ""), maxsplit=1)[0].strip()
    return f"（{words}）" if words else ""


def _translated(table: list[tuple[re.Pattern[str], str]], text: str) -> str | None:
    for pattern, zh in table:
        found = pattern.fullmatch(text.strip())
        if found is not None:
            return zh.format(**{k: v or "" for k, v in found.groupdict().items()})
    return None
