"""The fast backend's decisions from the text alone: which files to leave to the PyYAML path, and which values
the source settles without walking the tree."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from .scalars import construct, resolve_plain

#: text that sends a file to the PyYAML path: characters the YAML reader refuses (`unreadable`), tokens it refuses
#: (`_odd_tokens`), odd block scalar headers, anchors, aliases, tags, directives, merge keys, tabs, odd breaks,
#: flow sequences spanning lines or holding `:`, `?` or another sequence, empty or complex keys (`: x`, `? x`),
#: trailing spaces at the very end (block scalars differ there), and any `{` outside the simple one-line flow
#: mappings below. The parsers disagree on some of these (libyaml is stricter); the rest are rare in catalogs
#: and not worth proving.
_DECLINE_CHARS = "\t\r\x85\u2028\u2029\ufeff"
_DECLINE_STARTS = ("%", "---", "...", ":", "?", "- :", "- ?")
#: the UTF-8 bytes of the characters the YAML reader refuses (PyYAML's `Reader.NON_PRINTABLE`: C0 and C1 controls
#: but tab, newline, carriage return and NEL; DEL; U+FFFE, U+FFFF; surrogates cannot be encoded): rapidyaml takes
#: most of them as text. Found in the bytes (`bytes.translate` and `in` run at memory speed; a regex over the text
#: costs as much as a fifth of the parse)
_READABLE_BYTES = bytes([0x09, 0x0A, 0x0D, *range(0x20, 0x7F), *range(0x80, 0x100)])
_UNREADABLE_MULTIBYTE = re.compile(rb"\xc2[\x80-\x84\x86-\x9f]|\xef\xbf[\xbe\xbf]")
#: what may stand before a token first on its line: indentation, and `- `, `? `, `: ` indicators
_LINE_HEAD = re.compile(r" *(?:[-?:] +)*")
#: the rest of a block scalar header that both parsers read alike: a chomping indicator, a comment
_BLOCK_HEADER = re.compile(r"[-+]?(?: +#.*)? *")
#: a tag, anchor or alias starts a node: after a space, a line start or a flow indicator (`a&b` in text is none)
_PROPERTY = re.compile(r"(?:^|[\s\[{,])[!&*]", re.M)
_FLOW_SEQ = re.compile(r"\[[^\]\n:?\[]*+(?:$|[:?\[])", re.M)  # possessive: no backtracking over each `[...]`
_ODD_KEY = re.compile(r"\n *(?:- +)*[:?](?:[ \n]|$)")
_ODD_FIRST_KEY = re.compile(r" *(?:- +)*[:?](?:[ \n]|$)")
_SCALAR = r"""(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\n]|'')*'|[^\s\-?:,\[\]{}#&*!|>'"%@`](?:[^:,\[\]{}#\n]*[^\s:,\[\]{}#])?)"""
_VALUE = rf"(?:\[ *(?:{_SCALAR} *(?:, *{_SCALAR} *)*)?\]|{_SCALAR})"
_PAIR = rf"{_SCALAR} *: +{_VALUE}"
_FLAT_MAP = rf"\{{ *(?:{_PAIR} *(?:, *{_PAIR} *)*)?\}}"
_OUTER_PAIR = rf"{_SCALAR} *: +(?:{_FLAT_MAP}|{_VALUE})"
#: `{code: "1", name: 甲镇, to: [a, b]}`: keys and values plain (no `:`) or quoted, values maybe a flat sequence or
#: such a mapping (`{code: x, delegation: {mode: 委托, to: [a, b]}}`, as catalogs written by hand have them)
_FLOW_MAP = re.compile(rf"\{{ *(?:{_OUTER_PAIR} *(?:, *{_OUTER_PAIR} *)*)?\}}")
DEEP = "\n" + " " * 190  # nesting near MAX_DEPTH (the emitter indents two spaces per block level)


def declines(text: str) -> bool:
    """Whether the text uses anything the fast path leaves to the PyYAML path (plain substring tests first,
    single characters before longer texts: they run at memory speed, where one regex with many alternatives
    walks every character)."""
    if text.endswith(" ") or text.startswith(_DECLINE_STARTS) or any(c in text for c in _DECLINE_CHARS):
        return True
    if _odd_tokens(text):
        return True
    if "\n---" in text or "\n..." in text or ("<" in text and "<<" in text) or ("%" in text and "\n%" in text):
        return True
    if any(c in text for c in "!&*") and _PROPERTY.search(text):
        return True
    if "[" in text and _FLOW_SEQ.search(text):
        return True
    if ("?" in text or "\n:" in text or " :" in text) and (_ODD_KEY.search(text) or _ODD_FIRST_KEY.match(text)):
        return True
    return "{" in text and "{" in _FLOW_MAP.sub("", text)


def unreadable(utf8: bytes) -> bool:
    """Whether UTF-8 bytes hold a character the YAML reader refuses (the PyYAML path reports it, located)."""
    if utf8.translate(None, _READABLE_BYTES):
        return True
    return (b"\xc2" in utf8 or b"\xef\xbf" in utf8) and _UNREADABLE_MULTIBYTE.search(utf8) is not None


def _odd_tokens(text: str) -> bool:
    """Tokens PyYAML refuses and rapidyaml reads as text: `@` or `` ` `` starting a token (reserved), `]`, `}`
    or `,` starting a block value; and block scalars the parsers read differently: a header other than `|`/`>`
    with a chomping indicator and a comment, a block scalar first on its line (the whole document, or a
    continuation), and any block scalar when the text does not end with a line break."""
    if any(True for _ in _token_starts(text, "@`", flow=True)) or any(True for _ in _token_starts(text, "]},")):
        return True
    if ("|" in text or ">" in text) and not text.endswith("\n"):
        return True
    for at, first in _token_starts(text, "|>"):
        start, end = text.rfind("\n", 0, at) + 1, text.find("\n", at)
        if (first and not text[start:at].strip(" ")) or not _BLOCK_HEADER.fullmatch(text, at + 1, len(text) if end < 0 else end):
            return True
    return False


def _token_starts(text: str, chars: str, flow: bool = False) -> Iterator[tuple[int, bool]]:
    """(index, whether first on its line) of each of `chars` that starts a token: first on its line (after the
    indentation and indicators), after `: ` and spaces, or (`flow`) after `[`, `{` or `,` and spaces. Found by
    `str.find` and checked around each: a regex anchored at every line start walks every character."""
    after = " \n[{," if flow else " \n"  # (a character glued to the one before it starts no token)
    for char in chars:
        at = text.find(char)
        while at >= 0:
            if at == 0 or text[at - 1] in after:
                start = text.rfind("\n", 0, at) + 1
                if _LINE_HEAD.fullmatch(text, start, at):
                    yield at, True
                else:
                    before = text[max(start, at - 80) : at]
                    head = before.rstrip(" ")
                    if (head.endswith(":") and len(head) < len(before)) or (flow and head.endswith(("[", "{", ","))) or not head:
                        yield at, False
            at = text.find(char, at + 1)


#: a JSON string token that PyYAML's resolvers might read as something else than a string: a superset (words up to
#: five letters like `yes`/`null`, and number/date shapes; hex digits only after `0x`, so that codes like
#: `610101-CF-00002` are not candidates) that is cheap to find; candidates are then resolved
CANDIDATE = re.compile(r'"(?=[-+0-9.nNyYtTfFoO~<=!&*"])'  # (a quick refusal of other strings)
                       r'([-+]?0[xX][0-9a-fA-F_]*|[-+]?0[bB][01_]*|[-+]?\.(?:inf|Inf|INF|nan|NaN|NAN)'
                       r'|[-+0-9.][-+0-9._:eEtTzZ ]*+|[nNyYtTfFoO~<=!&*][a-zA-Z<=]{0,4}|)"')  # (possessive: no backtracking)


TOKEN = 7_777_777_770_000  # stand-in numbers for resolved values in the JSON text: -0.0e-7777777770000, ...


def settle(suspects: set[str], text: str, out: str) -> dict[str, Any]:
    """Settle suspects from the source text where it is sure, removing them from `suspects`: a value written only
    quoted stays a string; a value never written quoted is plain wherever it occurs, and is returned with what
    PyYAML makes of it (to be replaced in the JSON text). Sure needs: no escapes and no block scalars in the
    file, a value without spaces (no scalar spanning lines can fold into it) that is not a key, and no stand-in
    number in the source. The rest stays for the walk."""
    if "\\" in text or "|" in text or ">" in text or str(TOKEN)[:6] in text:
        return {}
    made, singles = {}, "'" in text
    for value in list(suspects):
        if not value or " " in value:
            continue
        quoted = text.count(f'"{value}"') + (text.count(f"'{value}'") if singles else 0)
        if quoted and quoted == _standalone(value, text):
            suspects.discard(value)  # every occurrence that could be a scalar of its own is inside quotes
        elif not quoted and f'"{value}":' not in out:
            tag = resolve_plain(value)
            assert tag is not None
            made[value] = construct(tag, value)
            suspects.discard(value)
    return made


def _standalone(value: str, text: str) -> int:
    """How often `value` occurs in the text not glued to other word characters: every plain scalar `value`
    does (and every quoted one); `610101` inside `610101-XK-00001` does not."""
    if text.count(value) > 64:  # one compiled pattern beats a Python loop
        v = re.escape(value)
        return len(re.findall(rf"{v}(?<![\w.:+-]{v})(?![\w.+-]|:\S)", text))
    found, at = 0, text.find(value)
    while at >= 0:
        end = at + len(value)
        before, after = text[at - 1 : at] if at else "", text[end : end + 1]
        glued = _joins(before, "_.:+-") or _joins(after, "_.+-") or (after == ":" and text[end + 1 : end + 2] not in ("", " ", "\n"))
        if not glued:
            found += 1
        at = text.find(value, end)
    return found


def _joins(char: str, extra: str) -> bool:
    return char != "" and (char.isalnum() or char in extra)
