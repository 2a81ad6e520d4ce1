"""What a code may be (spec §1): jurisdiction and item codes are data, never paths.

A **code** (`region.code`, `list.jurisdiction`, an item's `code` and `source`, a duty's `code`, `source` and
`item`, a department's `code`, the codes of adjustment records, of a workbook's `dlists:<sheet>` properties and
of an import mapping) is 1 to 100 ASCII letters, digits, `-` and `_`, with `.` allowed between two of them; it
starts with a letter or a digit; it is not a device name Windows reserves (CON, PRN, AUX, NUL, COM0-9, LPT0-9,
with or without an extension, in any case). So no code can name a path (`/`, `\\`, `..`, a drive `C:`), start a
spreadsheet formula (`=`, `+`, `-`, `@`), carry a control character (NUL, a newline) or spaces inside, or be a
file Windows cannot open. Every code seen in real lists fits: `610928`, `610928104`, `610928-XK-0001`,
`440309-CF-0001`, the platform's 实施编码 `511Z07001006-511602000000-000-11511301008778183N-1-00`, department
codes such as `11511301008778183N` and `12511602MB1C42012G_0001`.

A **delegation target** (`delegation.to`, an adjustment's `from`/`to`) is a child's code or its name: written in
ASCII only it must be a code (or `all`); a name (any other text) must hold no control or invisible formatting
character (NUL, newline, zero-width or bidirectional marks) and no `/` or `\\`, and be at most 100 characters.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

CODE_MAX = 100
_CODE = re.compile(r"(?!(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$))[0-9a-z](?:[0-9a-z_-]|\.(?=[0-9a-z_-]))*", re.I | re.A)
_CODE_CHAR = re.compile(r"[0-9A-Za-z_.-]")
#: most codes in one quick test: a digit first (so no device name) and no dot (so no dot rule to check)
_NUMBERED = re.compile(r"[0-9][0-9A-Za-z_-]{0," + str(CODE_MAX - 1) + "}", re.A)
#: characters no name may hold: C0/C1 controls, zero-width and bidirectional marks, line/paragraph separators,
#: the byte order mark, and path separators
_NAME_BAD = re.compile(r"[\x00-\x1f\x7f-\x9f/\\\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]")
TARGET_WORDS = ("all", "全部", "所有")  # `to: all`


_DEVICE = re.compile(r"(?:con|prn|aux|nul|com\d|lpt\d)(?:\..*)?", re.I | re.A | re.S)


#: the same pattern for an editor's JSON Schema (ECMAScript: no inline flags, so each letter of a device name
#: in both cases)
CODE_SCHEMA_PATTERN = (r"^(?!(?:[Cc][Oo][Nn]|[Pp][Rr][Nn]|[Aa][Uu][Xx]|[Nn][Uu][Ll]|[Cc][Oo][Mm][0-9]|[Ll][Pp][Tt][0-9])"
                       r"(?:\.|$))[0-9A-Za-z](?:[0-9A-Za-z_-]|\.(?=[0-9A-Za-z_-])){0," + str(CODE_MAX - 1) + "}$")


def is_device_name(part: str) -> bool:
    """Whether a file or folder name is one Windows reserves for a device (`CON`, `nul.yaml`, `COM1.txt`)."""
    return _DEVICE.fullmatch(part.rstrip(" .")) is not None


def is_code(text: str) -> bool:
    """Whether `text` is a code (the pattern above): the quick yes/no of the hot paths."""
    return _NUMBERED.fullmatch(text) is not None or (len(text) <= CODE_MAX and _CODE.fullmatch(text) is not None)


@dataclass(frozen=True)
class CodeFault:
    """Why a text is not a code: `reason` (char, wide, dots, edge, reserved, long, empty), the offending
    character as shown in messages (`'/'`, `U+000A`), and for a full-width character the one meant."""

    reason: str
    char: str = ""
    meant: str = ""


def shown_char(ch: str) -> str:
    """A character as a message shows it: `'/'`, or its code point when it would not be seen (`U+0000`)."""
    return f"'{ch}'" if ch.isprintable() and not ch.isspace() else f"U+{ord(ch):04X}"


def code_fault(text: str) -> CodeFault | None:
    """None when `text` is a code; else why not, naming the first offending character."""
    if is_code(text):
        return None
    if not text:
        return CodeFault("empty")
    if len(text) > CODE_MAX:
        return CodeFault("long")
    for ch in text:
        if not _CODE_CHAR.fullmatch(ch):
            meant = unicodedata.normalize("NFKC", ch)
            if meant != ch and _CODE_CHAR.fullmatch(meant):
                return CodeFault("wide", shown_char(ch), meant)  # full-width `６`, `－`, `Ｘ` typed with an IME
            return CodeFault("char", shown_char(ch))
    if ".." in text:
        return CodeFault("dots", "'..'")
    if not text[0].isalnum() or text.endswith("."):
        return CodeFault("edge", shown_char(text[0] if not text[0].isalnum() else "."))
    return CodeFault("reserved")


def target_fault(text: str) -> CodeFault | None:
    """None when `text` may name a delegation target (`all`, a code, or a name); else why not."""
    if text.isascii():
        return None if text in TARGET_WORDS else code_fault(text)
    if unicodedata.normalize("NFKC", text).isascii():
        return code_fault(text)  # a code typed in full width (`６１０９２８１０４`)
    if len(text) > CODE_MAX:
        return CodeFault("long")
    bad = _NAME_BAD.search(text)
    return CodeFault("name", shown_char(bad.group())) if bad else None


def shown_value(text: str, limit: int = 60) -> str:
    """A written value as a message quotes it: control characters as `\\n`, `\\x00`, at most `limit` characters."""
    cut = text[:limit]
    return "".join(ch if ch.isprintable() or ch == " " else ascii(ch)[1:-1] for ch in cut) + ("…" if len(text) > limit else "")
