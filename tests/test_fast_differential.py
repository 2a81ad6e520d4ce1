"""The rapidyaml path gives what the PyYAML path gives on any input, or declines it (issue 13): a differential test
over generated inputs (hypothesis), and the cases it and the issue found, each kept as a regression."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

from conftest import ROOT, parse_outcome, yaml_backend
from delegation_lists.load.document import read_document
from delegation_lists.load.yaml import rapid
from fuzzing import CONTROLS, flow_lines, fuzz_settings, mutated, yamlish

pytestmark = pytest.mark.skipif(not rapid.AVAILABLE, reason="rapidyaml is not installed (pip install '.[fast]')")

EXAMPLES = [p.read_bytes() for p in sorted((ROOT / "catalogs").rglob("*.yaml")) if p.stat().st_size < 40_000]






def _document(raw: bytes, fast: bool, name: str = "list.yaml") -> tuple[Any, ...]:
    """Everything a loaded file carries: kind, data, models, problems (with line and column)."""
    with yaml_backend(fast):
        doc = read_document(Path(name), name, raw=raw)
    return (doc.kind, repr(doc.data), doc.region, doc.header, doc.items, doc.duties, doc.adjustments, doc.problems,
            doc.claimed, doc.known_codes, doc.text, doc.written)


@given(yamlish())
@fuzz_settings(600)
def test_generated_text_same_on_both_paths(text: str) -> None:
    assert parse_outcome(text, True) == parse_outcome(text, False)


@given(yamlish(hostile=False))
@fuzz_settings(600)
def test_generated_plain_text_same_on_both_paths(text: str) -> None:
    assert parse_outcome(text, True) == parse_outcome(text, False)


@given(yamlish(hostile=False))
@fuzz_settings(400)
def test_generated_text_with_windows_line_ends_same_on_both_paths(text: str) -> None:
    crlf = text.replace("\r\n", "\n").replace("\n", "\r\n")
    assert parse_outcome(crlf, True) == parse_outcome(crlf, False)


@given(flow_lines())
@fuzz_settings(800)
def test_flow_mappings_same_on_both_paths(text: str) -> None:
    """One-line flow mappings, nested as hand-written catalogs nest them, are read alike or declined."""
    assert parse_outcome(text, True) == parse_outcome(text, False)


@pytest.mark.parametrize("text", [
    "- {code: a, delegation: {mode: 委托, to: [1, 2]}}\n",
    "- {code: '1', d: {m: x, to: []}, n: y}\n",
    "a: {b: {c: d}}\n",
    "a: {b: {c: d} e}\n",
    "a: {{b: c}: d}\n",
    "a: {b: {c: {d: e}}}\n",
    "a: {b: {c: d}, }\n",
])
def test_nested_flow_mappings(text: str) -> None:
    assert parse_outcome(text, True) == parse_outcome(text, False)


@given(mutated(EXAMPLES))
@fuzz_settings(150)
def test_mutated_catalog_files_same_on_both_paths(raw: bytes) -> None:
    assert _document(raw, True) == _document(raw, False)


_TEMPLATES = ["a: x{c}y\n", "a: '{c}'\n", 'a: "{c}"\n', "{c}a: b\n", "a: b\n{c}\n", "- [x, {c}]\n", "a: |\n  x{c}\n",
              "a: b{c}\nc: d\n"]


@pytest.mark.parametrize("char", [*CONTROLS, "\ufffe", "\uffff"], ids=lambda c: f"U+{ord(c):04X}")
def test_control_characters(char: str) -> None:
    """PyYAML refuses every control character but tab, newline, CR and NEL (rapidyaml took 187 of 189 cases)."""
    for template in _TEMPLATES:
        text = template.replace("{c}", char)
        assert parse_outcome(text, True) == parse_outcome(text, False), repr(text)


@pytest.mark.parametrize("text", [
    "a: @x\n", "a: `x\n", "@a: b\n", "- @\n", "- `\n", "a: [@b]\n", "a: {b: @c}\n", "a: x @y\n", "a: mail@example.cn\n",
    "- ]code: 1\n", "  ]kind: penalty\n", "a: ]\n", "a: }\n", "a: ,\n", "- ,x\n", "a: b\n\x0cc: d\ne: [\n",
])
def test_reserved_and_stray_indicators(text: str) -> None:
    """`@` and `` ` `` may not start a token, nor `]`, `}` or `,` a block value: PyYAML refuses them."""
    assert parse_outcome(text, True) == parse_outcome(text, False)


def test_the_generators_reach_the_fast_path() -> None:
    """The differential tests prove something only if the fast path answers often on what they generate."""
    assert sum(rapid.fast_parse(raw.decode()) is not None for raw in EXAMPLES) >= 0.9 * len(EXAMPLES)


@pytest.mark.parametrize("text", ["|1code\n", "a: |2\n   x\n", "a: >-1\n  x\n", "a: |x\n", "a: |+ # c\n  x\n", "- >\n  x\n",
                                  "|\ncode: \n", "# c\n>\nx\n", "  |\n  code", "a: |\n  code", "- >\n  x"])
def test_block_scalar_headers(text: str) -> None:
    assert parse_outcome(text, True) == parse_outcome(text, False)
