"""Input-method slips on the command line: an option typed with full-width or Chinese dashes (`－－format` in
full-width mode, `——format` from shift and minus under a Chinese input method, `—format` where a word processor
joined `--`). Click takes such a word for a path or a value and says something beside the point (没有这个文件或
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
    when it is misspelt too), else None: a word that is no slip, a file that is there, a word no option is near."""
    found = SLIP.match(word)
    if found is None or not any(c in DASHES for c in found.group()) or Path(word).exists():
        return None
    name, equals, value = unicodedata.normalize("NFKC", word[found.end():]).partition("=")
    option = ("--" if len(name) > 1 else "-") + name
    if option not in options:
        near = difflib.get_close_matches(option, options, n=1)
        if not near:
            return None
        option = near[0]
    return option + equals + value
