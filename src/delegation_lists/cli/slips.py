"""Input-method slips on the command line: an option typed with full-width or Chinese dashes (`－－format` in
full-width mode, `——format` from shift and minus under a Chinese input method, `—format` where a word processor
joined `--`), or with a full-width `＝` or space in it (`--format＝json`). Click takes such a word for a path or a value and says something beside the point (没有这个文件或
文件夹：－－format); it is said instead as a usage error naming the option meant (exit 2)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typer._click import Command, Context

#: dashes an input method or a word processor types for `-`: hyphens, figure, en and em dashes, the horizontal
#: bar, the minus sign, the small and full-width hyphen-minus
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
NAMED = re.compile(r"([^=\s]*)([=\s]?)(.*)", re.S)  # an option's name, then = or a space and its value
WIDE = "＝\u3000"  # a full-width equals sign and space, inside an option typed with ASCII dashes
SLIP = re.compile(rf"[-{DASHES}]{{1,2}}(?=[A-Za-z\uff21-\uff3a\uff41-\uff5a])")


def check_dashes(command: Command, ctx: Context, args: list[str], upto: frozenset[str] = frozenset()) -> None:
    """Raise a usage error at the first word of `args` that is one of `command`'s options typed with other
    dashes (a word an option takes as its value left alone, and everything after `--` or a word in `upto`)."""
    from typer._click.exceptions import UsageError

    from ..problems import msg
    from .speech import cli_language

    options = {o: p for p in command.params for o in (*p.opts, *p.secondary_opts) if o.startswith("-")}
    after_option = False
    for word in args:
        if word == "--" or word in upto:
            return
        meant = None if after_option else option_meant(word, list(options))
        if meant is not None:
            raise UsageError(msg("cli.dash", given=word, meant=meant).text(cli_language(ctx)), ctx)
        param = options.get(word)
        after_option = param is not None and not getattr(param, "is_flag", False) and not getattr(param, "count", False)


def option_meant(word: str, options: list[str]) -> str | None:
    """The option `word` means when it starts with other dashes (`——format` -> `--format`; the nearest option
    when it is misspelt too) or holds a full-width `＝` or space (`--format＝json` -> `--format=json`), else None:
    a word that is no slip, a file that is there, a word no option is near."""
    found = SLIP.match(word)
    dashes = found.group() if found is not None and any(c in DASHES for c in found.group()) else ""
    if (not dashes and not (word.startswith("-") and any(c in WIDE for c in word))) or Path(word).exists():
        return None
    rest = unicodedata.normalize("NFKC", word[len(dashes):] if dashes else word.lstrip("-"))
    parts = NAMED.match(rest)
    assert parts is not None  # (every part of it may be empty)
    name, sep, value = parts.groups()
    option = ("--" if len(name) > 1 else "-") + name
    if option not in options:
        near = difflib.get_close_matches(option, options, n=1)
        if not near:
            return None
        option = near[0]
    return option + ("=" if sep == "=" else " " if sep else "") + value
