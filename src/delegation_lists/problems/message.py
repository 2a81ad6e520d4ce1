"""A problem's message as data: a template key and its arguments, rendered in Chinese or English on demand.

Templates live in one catalogue (templates.py); nothing else assembles message text. The language follows
`use_language` (the CLI sets it from `--lang`, `[tool.dlists] lang` or the locale), else the locale itself
(`LC_ALL`/`LANG` starting with `zh` -> Chinese), else English.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Literal

from ..model.codes import FIELD_BY_KEY, LABEL_TABLES
from .templates import TEMPLATES

Lang = Literal["zh", "en"]
LANGS: tuple[Lang, ...] = ("zh", "en")
_chosen: list[Lang] = []


def locale_language() -> Lang:
    """Chinese when the locale says so (LC_ALL, else LC_MESSAGES, else LANG starting with `zh`), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


def use_language(lang: Lang | None) -> None:
    """Render messages in `lang` from now on (None: follow the locale again)."""
    _chosen[:] = [lang] if lang else []


def language() -> Lang:
    return _chosen[0] if _chosen else locale_language()


@dataclass(frozen=True, slots=True, order=True)
class Message:
    """A template key (`DL103`, `DL001.tab`...) and its arguments, all text."""

    key: str
    args: tuple[tuple[str, str], ...] = ()

    def text(self, lang: Lang | None = None) -> str:
        return render(self.key, dict(self.args), lang or language())


#: characters of an argument shown in a message: longer values (a name of a million characters, aliased
#: thousands of times) are cut here, once, so no report holds them per problem. Real item names stay whole
#: (the longest seen in published lists: 287 characters).
MAX_ARG = 400


#: control characters (C0 but tab and line feed, DEL, C1): shown as their code wherever a value is shown
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(value: str) -> str:
    """`value` with each control character written as its code (`\x1b`): a name written `"\\e[2J"` in YAML is
    shown, it does not clear the terminal or hide the rest of a report (tabs and line breaks as they are)."""
    return _CONTROL.sub(lambda m: ascii(m.group(0))[1:-1], value) if _CONTROL.search(value) else value


def shorten(value: str, limit: int = MAX_ARG) -> str:
    """`value`, or its first `limit` characters and `…` when it is longer."""
    return value if len(value) <= limit else value[:limit] + "…"


class MessageError(Exception):
    """An error whose words are a catalogue message (shown in the language in use when printed), and `after` it
    text that is no message (a drafted record to copy by hand)."""

    def __init__(self, message: Message | str, after: str = "") -> None:
        super().__init__(message)
        self.message, self.after = message, after

    def __str__(self) -> str:
        return (self.message.text() if isinstance(self.message, Message) else self.message) + self.after


def msg(key: str, /, **args: object) -> Message:
    """The message `key` with its arguments (values kept as text, each at most `MAX_ARG` characters)."""
    if key not in TEMPLATES:
        raise KeyError(f"no message template {key!r}")
    return Message(key, tuple((k, visible(shorten(v if isinstance(v, str) else str(v)))) for k, v in args.items()))


_FIELD = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


def render(key: str, args: dict[str, str], lang: Lang) -> str:
    """Fill the template of `key` in `lang`; `{name|filter}` shows a coded value as the language names it."""
    template = TEMPLATES[key][0 if lang == "en" else 1]
    return _FIELD.sub(lambda m: _value(args.get(m.group(1), ""), m.group(2), lang), template)


def _value(value: str, flt: str | None, lang: Lang) -> str:
    if flt is None:
        return value
    if flt == "gloss":  # a field's Chinese name after its key, in Chinese only
        row = FIELD_BY_KEY.get(value)
        return f"（{row.zh}）" if lang == "zh" and row else ""
    if flt == "where":  # "`field`: " before a value problem
        if not value:
            return ""
        return f"`{value}`: " if lang == "en" else f"`{value}`{_value(value, 'gloss', lang)}："
    if flt in ("q", "list", "qlist"):
        return _listed(value, flt, lang)
    if flt == "text":  # the key of another template without arguments -> its words (a format's name)
        return render(value, {}, lang) if value in TEMPLATES else value
    if flt == "zh":  # a mode or kind key -> its Chinese name, in both languages
        return _label(value, "zh")
    return _label(value, lang, LABEL_TABLES.get(flt, ())) if lang == "zh" else value


def _listed(value: str, flt: str, lang: Lang) -> str:
    """`q`: a value quoted ('x' / “x”); `list`: values given joined by ", " (a、b in Chinese); `qlist`: each quoted."""
    values = [value] if flt == "q" else value.split(", ")
    if flt != "list":
        values = [repr(v) if lang == "en" else f"“{v}”" for v in values]
    return (", " if lang == "en" else "、").join(values)


def _label(value: str, lang: Lang, rows: tuple[object, ...] = ()) -> str:
    tables = [rows] if rows else list(LABEL_TABLES.values())
    for table in tables:
        for row in table:
            if getattr(row, "key", None) == value:
                return str(getattr(row, lang))
    return value
