"""A file's jurisdiction and kind read off its first lines, without parsing it (to plan a sharded check).

The reading is strict: it answers only for the plain shape every catalog file has (`list:` at the start of a
line, its keys indented below, `jurisdiction:` once with a simple quoted or plain value that YAML reads as
that same text) and says None otherwise. A guess is never trusted alone: the sharded check compares every
guess with the parsed file and falls back to the ordinary run when one differs (shards.py).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from .discover import REGION_FILES
from .yaml.scalars import resolve_plain

_VALUE = re.compile(rb"""(?:"([0-9A-Za-z_.\-]+)"|'([0-9A-Za-z_.\-]+)'|([0-9A-Za-z_.\-]+))[ ]*(?:[ ]#.*)?""")


def maybe_region(path: Path, raw: bytes) -> bool:
    """Whether a file may be a region file (by its name or a top-level `region:` key)."""
    return path.name in REGION_FILES or raw.startswith(b"region:") or b"\nregion:" in raw


def maybe_records(raw: bytes) -> bool:
    """Whether a file may be a file of adjustment records (a top-level `adjustments:` key in its head)."""
    return raw.startswith(b"adjustments:") or b"\nadjustments:" in raw


def guess_jurisdiction(raw: bytes, complete: bool = True) -> str | None:
    """The `list: jurisdiction:` of a file's bytes, when the plain shape makes it certain; None otherwise.
    `complete=False`: `raw` is the file's head (whole lines), and a header running to its end gives None."""
    raw = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    at = 0 if raw.startswith(b"list:") else raw.find(b"\nlist:") + 1
    if (at == 0 and not raw.startswith(b"list:")) or raw.find(b"\nlist:", at) >= 0:
        return None  # no header, or two
    end = raw.find(b"\n", at)
    rest = raw[at + 5 : end if end >= 0 else len(raw)].strip()
    if rest.startswith(b"{"):
        return _flow(rest)  # `list: {jurisdiction: "610928104", level: township}`
    if rest and not rest.startswith(b"#"):
        return None  # a value on the same line
    found, indent, after_found = None, -1, False
    while end >= 0:
        start, end = end + 1, raw.find(b"\n", end + 1)
        line = raw[start : end if end >= 0 else len(raw)].rstrip(b"\r")
        body = line.lstrip(b" ")
        if not body or body.startswith(b"#"):
            continue
        depth = len(line) - len(body)
        if depth == 0:
            return found  # the next top-level key
        if indent < 0:
            indent = depth
        if depth < indent or (depth > indent and after_found) or body.startswith(b"\t"):
            return None  # odd indentation, or a value continued on the next line
        after_found = False
        if depth == indent and body.startswith(b"jurisdiction:"):
            if found is not None:
                return None  # a duplicate key
            found, after_found = _value(body[13:]), True
            if found is None:
                return None
    return found if complete else None


#: a one-line flow header of simple pairs: plain values without flow characters, or quoted ones without quotes
_PAIR = rb"""[A-Za-z_]+:[ ]+(?:"[^"\\,{}]*"|'[^',{}]*'|[^\s"',{}\[\]#&*!|>%@`][^,{}\[\]#]*?)"""
_FLOW = re.compile(rb"\{[ ]*(" + _PAIR + rb"(?:[ ]*,[ ]*" + _PAIR + rb")*)[ ]*\}[ ]*(?:[ ]#.*)?")


def _flow(text: bytes) -> str | None:
    """The jurisdiction of a one-line flow header of simple pairs, once; None for anything else."""
    m = _FLOW.fullmatch(text)
    if m is None:
        return None
    values = [pair.split(b":", 1)[1] for pair in m.group(1).split(b",") if pair.strip().startswith(b"jurisdiction:")]
    return _value(values[0]) if len(values) == 1 else None


def _value(text: bytes) -> str | None:
    m = _VALUE.fullmatch(text.strip(b" "))
    if m is None:
        return None
    quoted, single, plain = m.groups()
    value = (quoted or single or plain).decode("ascii")
    if plain is not None and resolve_plain(value) is not None and not (value.isdigit() and value == str(int(value))):
        return None  # YAML reads it as something else than this text (an octal, a float, a date...)
    return value
