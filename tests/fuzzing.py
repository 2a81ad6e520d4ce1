"""Generated hostile inputs for the property-based tests (test_fast_differential.py, test_fuzz.py): YAML-like text
built from the characters that make parsers disagree, and example catalog files mutated as people and broken
tools mutate them (byte flips, deleted lines, changed indentation, input-method punctuation).

How long the tests run is set once, here: `DLISTS_FUZZ_SCALE` multiplies every test's example count (CI: 1, about
a minute for all of them on a 2-core machine; `DLISTS_FUZZ_SCALE=20` runs for about 25 minutes)."""

from __future__ import annotations

import os
from collections.abc import Sequence

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SCALE = float(os.environ.get("DLISTS_FUZZ_SCALE", "1"))
#: CI runs the same examples every time (no flaky red); a longer local run explores new ones
_LONG = SCALE > 1


def fuzz_settings(examples: int) -> settings:
    """`examples` examples times `DLISTS_FUZZ_SCALE`, no deadline (the machine is shared), no example database
    written into the checkout."""
    return settings(max_examples=max(1, int(examples * SCALE)), deadline=None, derandomize=not _LONG, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
                    print_blob=True)


#: characters that make YAML parsers disagree, and what Chinese input methods type
CONTROLS = [chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))]
ODD = ["\ufeff", "\u2028", "\u2029", "\ufffe", "\uffff", "\ud7ff", "\ue000", "\ufffd", "\U0001f600", "\xa0", "\u200b", "\u202e"]
FULL_WIDTH = ["：", "\u3000", "，", "、", "；", "［", "］", "｛", "｝", "“", "”", "‘", "’", "－", "＃", "｜", "＞", "＠", "～"]
INDICATORS = [*list("-?:,[]{}#&*!|>'\"%@`\\"), "- ", ": ", " #", "<<", "---", "...", "0x", "~"]
WORDS = ["code", "name", "kind", "items", "list", "to", "mode", "a", "1", "2023-07-01", "yes", "null", "1e5", ".5",
         "610928", "甲镇", "行政处罚", "对违法行为的处罚", "法第一条"]


#: what most catalog text is made of: the fast path answers on most texts made of these alone
PLAIN = [*WORDS, " ", "-", ": ", "[", "]", ", ", "'", '"', "{", "}", " #", "|", ">"]


def pieces(hostile: bool = True) -> st.SearchStrategy[str]:
    if not hostile:
        return st.one_of(st.sampled_from(PLAIN), st.sampled_from(WORDS))
    return st.one_of(st.sampled_from(WORDS), st.sampled_from(INDICATORS), st.sampled_from(FULL_WIDTH),
                     st.sampled_from(CONTROLS), st.sampled_from(ODD), st.sampled_from([" ", "  ", "\n", "\t", "\r\n"]))


@st.composite
def yamlish(draw: st.DrawFn, hostile: bool = True) -> str:
    """A few lines shaped like a catalog's (indentation, `- `, `key: value`) with odd pieces inside (`hostile`), or
    with the pieces most catalog text is made of."""
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        indent = " " * draw(st.sampled_from([0, 0, 2, 4, 6, 1, 3]))
        dash = draw(st.sampled_from(["", "", "- "]))
        key = "".join(draw(st.lists(pieces(hostile), min_size=0 if hostile else 1, max_size=3)))
        value = "".join(draw(st.lists(pieces(hostile), min_size=0, max_size=4)))
        lines.append(f"{indent}{dash}{key}: {value}" if draw(st.booleans()) else f"{indent}{dash}{value}")
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", " \n"]))


#: what one-line flow mappings are made of in hand-written catalogs, with the pieces that break them
FLOW_WORDS = [*WORDS, "'a b'", '"x y"', "''", '""', "甲 镇", "a b", "1.5", "-1", "0x1F", "~", "true", "No"]
FLOW_ODD = [" ", ":", ": ", ",", ", ", "{", "}", "[", "]", "#", " #", "'", '"', "-", "?", "&a", "*a", "!t", "\\"]


@st.composite
def flow_value(draw: st.DrawFn, depth: int = 2) -> str:
    """A value of a flow mapping: a word, a flat sequence, or (while `depth` lasts) a flow mapping, sometimes with
    an odd piece glued on."""
    kind = draw(st.sampled_from(["word", "word", "seq", "map"] if depth else ["word", "seq"]))
    if kind == "map":
        return draw(flow_map(depth - 1))
    if kind == "seq":
        return "[" + ", ".join(draw(st.lists(st.sampled_from(FLOW_WORDS), max_size=3))) + "]"
    word = draw(st.sampled_from(FLOW_WORDS))
    return word + (draw(st.sampled_from(FLOW_ODD)) if draw(st.integers(0, 11)) == 0 else "")


@st.composite
def flow_map(draw: st.DrawFn, depth: int = 2) -> str:
    """`{key: value, ...}` on one line, values maybe flow mappings themselves (up to `depth` deep); keys distinct
    but for a rare repeat, spacing as typed, rarely broken."""
    keys = draw(st.lists(st.sampled_from(FLOW_WORDS), max_size=3, unique=True))
    if keys and draw(st.integers(0, 19)) == 0:
        keys.append(keys[0])
    colons = [": "] * 12 + [":", " : ", ":  "]
    pairs = [f"{key}{draw(st.sampled_from(colons))}{draw(flow_value(depth))}" for key in keys]
    return "{" + draw(st.sampled_from([", "] * 8 + [",", " , "])).join(pairs) + draw(st.sampled_from(["}"] * 12 + [" }", "}x", ""]))


@st.composite
def flow_lines(draw: st.DrawFn) -> str:
    """A few lines holding one-line flow mappings, as catalogs written by hand have them (`- {code: ..., delegation:
    {mode: 委托, to: [a, b]}}`): items of a list, or the values of distinct keys."""
    count = draw(st.integers(1, 4))
    if draw(st.booleans()):
        lines = [f"{draw(st.sampled_from(['- ', '- ', '-  ']))}{draw(flow_map())}" for _ in range(count)]
    else:
        lines = [f"k{i}: {draw(flow_map())}" for i in range(count)]
    return "\n".join(lines) + "\n"


def _at(draw: st.DrawFn, size: int) -> int:
    return draw(st.integers(0, max(0, size)))


@st.composite
def mutation(draw: st.DrawFn, raw: bytes) -> bytes:
    """One mutation of a file's bytes."""
    kind = draw(st.sampled_from(["flip", "byte", "insert", "delete_line", "indent", "full_width", "swap_lines"]))
    if kind == "flip" and raw:
        i = _at(draw, len(raw) - 1)
        return raw[:i] + bytes([raw[i] ^ (1 << draw(st.integers(0, 7)))]) + raw[i + 1:]
    if kind == "byte":
        i = _at(draw, len(raw))
        return raw[:i] + bytes([draw(st.integers(0, 255))]) + raw[i:]
    if kind == "insert":
        i = _at(draw, len(raw))
        return raw[:i] + draw(pieces()).encode("utf-8") + raw[i:]
    lines = raw.split(b"\n")
    j = _at(draw, len(lines) - 1)
    if kind == "delete_line":
        del lines[j]
    elif kind == "indent":
        lines[j] = b" " * draw(st.integers(0, 7)) + lines[j].lstrip(b" ")
    elif kind == "swap_lines" and len(lines) > 1:
        k = _at(draw, len(lines) - 1)
        lines[j], lines[k] = lines[k], lines[j]
    else:  # an ASCII syntax character typed full-width, or a full-width space in the indentation
        line = lines[j].decode("utf-8", "surrogateescape")
        choices = [(i, c) for i, c in enumerate(line) if c in ":,[] -\"'"]
        if choices:
            i, c = draw(st.sampled_from(choices))
            wide = {":": "：", ",": "，", "[": "［", "]": "］", " ": "\u3000", "-": "－", '"': "”", "'": "’"}[c]
            line = line[:i] + wide + line[i + 1:]
        lines[j] = line.encode("utf-8", "surrogateescape")
    return b"\n".join(lines)


@st.composite
def mutated(draw: st.DrawFn, sources: Sequence[bytes], most: int = 3) -> bytes:
    """One of `sources` after one to `most` mutations."""
    raw = draw(st.sampled_from(sources))
    for _ in range(draw(st.integers(1, most))):
        raw = draw(mutation(raw))
    return raw
