"""The optional fast parser backend: rapidyaml (`pip install 'delegation-lists[fast]'`), used when installed.

rapidyaml parses a file about ten times faster than libyaml and emits its tree as JSON, which the C JSON decoder
turns into Python values. JSON loses what YAML 1.1 makes of plain scalars (`2023-07-01` is a date, `yes` a bool,
`1e5` a string), so every value that PyYAML's resolvers would read as something other than a string (a
"suspect"), and every float, is settled: from the source text where it is sure (`rapid_checks.settle`: a date never
written quoted), otherwise by looking at its tree node (quoted or plain? what text?); either way it is built
with PyYAML's own constructors (`scalars.py`).

`fast_parse` answers only when it is sure to give what the PyYAML path gives, and returns None otherwise: then the
caller parses with PyYAML, which also produces every located error message. It declines on any parse error,
duplicate key, and on characters the YAML reader refuses, reserved indicators, anchors, aliases, tags,
directives, merge keys, tabs, several documents, unusual flow collections and block scalars, or deep nesting
(`rapid_checks.declines`, `rapid_checks.unreadable`). Identity with the PyYAML path is tested on every example
catalog and on the whole YAML test suite (tests/test_fast.py), and on generated and mutated inputs
(tests/test_fast_differential.py).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import LoadError
from .backend import AVAILABLE
from .rapid_checks import CANDIDATE, DEEP, TOKEN, declines, settle, unreadable
from .scalars import Unsupported, construct, resolve_plain

if AVAILABLE:
    import ryml


class _Decline(Exception):
    pass


class _Number(str):
    """A JSON number as emitted, kept as text until the tree tells what PyYAML makes of it."""


_NULL_FD: list[int] = []


@contextmanager
def _quiet() -> Iterator[None]:
    """Silence file descriptor 2 while rapidyaml parses: its C++ error handler prints every parse error there,
    and the PyYAML path will report the error properly."""
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all
        yield
        return
    if not _NULL_FD:
        _NULL_FD.append(os.open(os.devnull, os.O_WRONLY))
    os.dup2(_NULL_FD[0], 2)
    try:
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise _Decline  # duplicate key: the PyYAML path reports it with its place
    return out


def fast_parse(text: str, utf8: bytes | None = None) -> tuple[Any, list[tuple[str, int, int, int]]] | None:
    """(data, no duplicates) as the PyYAML path would give them, or None (the caller parses with PyYAML).
    `utf8`: the text's UTF-8 bytes, when the caller has them (the file's bytes: no encoding them again)."""
    if "\r" in text:  # Windows line ends (Notepad, WPS): one line break each, as PyYAML reads them
        if "\r" in text.replace("\r\n", ""):
            return None  # a lone CR (old Mac line ends): the PyYAML path
        text, utf8 = text.replace("\r\n", "\n"), None
    if not AVAILABLE or declines(text):
        return None
    try:
        utf8 = text.encode("utf-8") if utf8 is None else utf8
        if unreadable(utf8):
            return None
        with _quiet():  # rapidyaml prints its errors (parse errors, emitter depth limit) on stderr
            tree = ryml.parse_in_arena(utf8)
            root = tree.root_id()
            if tree.is_stream(root) or not (tree.is_map(root) or tree.is_seq(root) or tree.is_val(root)):
                return None  # empty, several documents, or explicit document markers
            out = ryml.emit_json(tree)
        if DEEP in out:
            return None
        suspects = {c for c in set(CANDIDATE.findall(out)) if resolve_plain(c) is not None}
        stand_in: dict[str, Any] = {}  # stand-in number -> the value PyYAML makes of a settled plain scalar
        for i, (value, made) in enumerate(settle(suspects, text, out).items()):
            stand_in[f"-0.0e-{TOKEN + i}"] = made
            out = out.replace(f'"{value}"', f"-0.0e-{TOKEN + i}")
        numbers: list[_Number] = []
        keys = [0]

        def counted(mapping: dict[str, Any]) -> dict[str, Any]:
            keys[0] += len(mapping)
            return mapping

        quoted = "\\" in out and '\\"' in out  # a string holding a quote: `": ` may be inside it, check each mapping instead
        data = json.JSONDecoder(object_pairs_hook=_pairs if quoted else None, object_hook=None if quoted else counted,
                                strict=False,
                                parse_float=lambda s: stand_in[s] if s in stand_in else _number(s, numbers)).decode(out)
        if not quoted and keys[0] != out.count('": '):
            return None  # fewer keys than written: a duplicate key (the PyYAML path reports it with its place)
        if not suspects and not numbers:
            return data, []  # nothing JSON could have read differently from PyYAML
        return _Fixer(tree, suspects).fix(data, []), []
    except (_Decline, Unsupported, LoadError, ValueError, TypeError, RecursionError, UnicodeError):
        return None
    except Exception as exc:  # ryml's parse errors (ryml.ExceptionParse and kin)
        if type(exc).__module__.startswith("ryml"):
            return None
        raise


def _number(text: str, seen: list[_Number]) -> _Number:
    seen.append(_Number(text))
    return seen[-1]


class _Fixer:
    """Walks the decoded data; the values JSON cannot tell apart (`suspects`: strings PyYAML might resolve, and
    numbers) are settled by their tree node: quoted ones stay strings, plain ones are resolved as PyYAML does."""

    def __init__(self, tree: Any, suspects: set[str]) -> None:
        self.tree, self.suspects = tree, suspects

    def fix(self, value: Any, path: list[int]) -> Any:
        cls = type(value)
        if cls is dict:
            return self.mapping(value, path)
        if cls is list:
            suspects = self.suspects
            for i, item in enumerate(value):
                if type(item) is str:
                    if item not in suspects:
                        continue
                elif type(item) not in (dict, list, _Number):
                    continue
                path.append(i)
                value[i] = self.fix(item, path)
                path.pop()
            return value
        if cls is str or cls is _Number:
            return self.scalar(value, path, key=False)
        return value

    def mapping(self, value: dict[str, Any], path: list[int]) -> dict[str, Any]:
        suspects = self.suspects
        renamed = False
        for pos, (k, v) in enumerate(value.items()):
            renamed = renamed or k in suspects
            cls = type(v)
            if (cls is str and v in suspects) or cls is dict or cls is list or cls is _Number:
                path.append(pos)
                value[k] = self.fix(v, path)
                path.pop()
        if not renamed:
            return value
        out: dict[Any, Any] = {}
        for pos, (k, v) in enumerate(value.items()):
            key = self.scalar(k, [*path, pos], key=True) if k in suspects else k
            if key in out:
                raise _Decline  # two keys that resolve alike (`1` and `0x1`): a duplicate for PyYAML
            out[key] = v
        return out

    def scalar(self, value: str, path: list[int], key: bool) -> Any:
        tree = self.tree
        node = tree.root_id()
        for pos in path:
            node = tree.child(node, pos)
        if (tree.is_key_quoted(node) if key else tree.is_val_quoted(node)) or not (tree.has_key(node) if key else tree.has_val(node)):
            if type(value) is _Number:
                raise _Decline
            return value
        text = str(value) if type(value) is str else bytes(tree.key(node) if key else tree.val(node)).decode("utf-8")
        tag = resolve_plain(text)
        if tag is None:
            return text
        return construct(tag, text)  # raises on values the PyYAML path reports (then: decline)
