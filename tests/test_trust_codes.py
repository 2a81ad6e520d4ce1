"""Codes and names are data, never paths (issue 13): every code a catalog, a workbook or a mapping brings is
checked against the documented pattern (model/code_syntax.py, spec §1); every code written so far fits it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import CASES, CATALOGS, ROOT, SHARED
from delegation_lists.check import validate
from delegation_lists.model.code_syntax import code_fault, target_fault

HOSTILE = ["../../../escaped", "=1+1", "a/b", "CON", "a\0b", "a\nb", "/etc/passwd", "C:x", "a..b", "nul.txt",
           "-rf", "610928\\x", "６１０９２８"]
#: the character each message names (what the user has to change)
NAMED = {"../../../escaped": "'/'", "=1+1": "'='", "a/b": "'/'", "CON": "Windows", "a\0b": "U+0000",
         "a\nb": "U+000A", "/etc/passwd": "'/'", "C:x": "':'", "a..b": "'..'", "nul.txt": "Windows", "-rf": "'-'",
         "610928\\x": "'\\'", "６１０９２８": "'６'"}
CODE_KEYS = ("code", "source", "jurisdiction", "item", "old")


def _values(data: Any, key: str | None = None, seen: set[int] | None = None) -> list[tuple[str, str]]:
    """(key, value) of every code-valued and target field of a catalog document (an aliased node once)."""
    seen = set() if seen is None else seen
    out: list[tuple[str, str]] = []
    if isinstance(data, (dict, list)):
        if id(data) in seen:
            return out
        seen.add(id(data))
    if isinstance(data, dict):
        for k, v in data.items():
            out += _values(v, k, seen)
    elif isinstance(data, list):
        for v in data:
            out += _values(v, key, seen)
    elif data is not None and key in (*CODE_KEYS, "to", "from"):
        out.append((key, str(data)))
    return out


def _catalog_files() -> list[Path]:
    roots = [CATALOGS, CASES, ROOT / "tests" / "diff-cases", ROOT / "tests" / "golden"]
    return [p for r in roots for p in sorted(r.rglob("*.y*ml")) if not p.name.endswith(".mapping.yaml")]


def test_every_code_written_so_far_fits_the_pattern():
    """Each code of the catalogs, case folders and the real published lists (the platform's 实施编码, area and
    department codes) is a code; each `to` a code or a name."""
    seen = 0
    for path in _catalog_files():
        try:
            docs = list(yaml.safe_load_all(path.read_text(encoding="utf-8-sig")))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue  # the cases of unreadable files
        for doc in docs:
            for key, value in _values(doc):
                if key in ("to", "from"):
                    assert target_fault(value) is None, (path, key, value)
                elif key != "item" or "duties" not in path.name:  # (a duty's `item` is a code too, checked below)
                    assert code_fault(value) is None, (path, key, value)
                seen += 1
    for folder, keys in (("guangan-511602", ("item_code", "area_code", "dept_code")), ("longhua-440309", ())):
        for row in json.loads((SHARED / "real-data" / folder / "items.json").read_text(encoding="utf-8")):
            for key in keys:
                assert code_fault(row[key]) is None, (folder, row[key])
                seen += 1
    assert seen > 5000


@pytest.mark.parametrize("folder", [CATALOGS / "xunyang", CATALOGS / "real", *sorted(p / "input" for p in CASES.iterdir())],
                         ids=lambda p: p.parent.name if p.name == "input" else p.name)
def test_validate_refuses_no_code_of_the_examples(folder: Path):
    report = validate([folder])
    assert not [p for p in report.problems if p.message.key.startswith("DL012.code")], folder


def _catalog(tmp_path: Path, where: str, value: str) -> Path:
    """A small county catalog with `value` written (double-quoted, escaped) at `where`."""
    written = json.dumps(value, ensure_ascii=False)  # a YAML double-quoted scalar: \u0000 and \n as escapes
    code = {"item": '"610928-XK-0001"', "source": '"610928-XK-0001"', "jurisdiction": '"610928"', "region": '"610928"',
            "to": "[赵湾镇]", "child": '"610928104"'}
    code[where] = written
    (tmp_path / "region.yaml").write_text(
        f"region:\n  code: {code['region']}\n  name: 旬阳市\n  level: county\n  children:\n"
        f"    - {{code: {code['child']}, name: 赵湾镇, level: township}}\n"
        "departments:\n  - {name: 旬阳市市场监督管理局, short: 市场监管局}\n", encoding="utf-8")
    (tmp_path / "county.yaml").write_text(
        f"list: {{jurisdiction: {code['jurisdiction']}, level: county}}\nitems:\n"
        f"  - code: {code['item']}\n    name: 食品经营许可\n    kind: licensing\n    department: 市场监管局\n"
        f"    legal_basis: [《中华人民共和国食品安全法》]\n"
        f"    delegation: {{mode: entrust, to: {code['to']}, basis: 旬政发〔2023〕12号}}\n", encoding="utf-8")
    (tmp_path / "zhaowan.yaml").write_text(
        f"list: {{jurisdiction: \"610928104\", level: township}}\nitems:\n  - source: {code['source']}\n    mode: entrust\n",
        encoding="utf-8")
    return tmp_path


LINES = {"item": ("county.yaml", 3), "jurisdiction": ("county.yaml", 1), "region": ("region.yaml", 2),
         "source": ("zhaowan.yaml", 3), "to": ("county.yaml", 8), "child": ("region.yaml", 6)}


def test_the_small_catalog_is_clean(tmp_path: Path):
    assert validate([_catalog(tmp_path, "item", "610928-XK-0001")]).problems == []


@pytest.mark.parametrize("where", sorted(LINES))
@pytest.mark.parametrize("value", HOSTILE, ids=repr)
def test_a_hostile_code_is_a_located_dl012(tmp_path: Path, where: str, value: str, dlists):
    """`../../../escaped`, `=1+1`, `a/b`, `CON`, NUL, a newline... as an item code, a `source` (the quick path of
    source-and-mode entries too), a list's jurisdiction, a region code, a child's code, a delegation target: one
    DL012 at the value, naming the character, in English and Chinese; nothing crashes."""
    folder = _catalog(tmp_path, where, value)
    report = validate([folder])
    file, line = LINES[where]
    found = [p for p in report.problems if p.code == "DL012"]
    assert [(Path(p.file).name, p.line) for p in found] == [(file, line)], report.problems
    message = found[0].message
    assert message.key.startswith("DL012.code_")
    for lang in ("en", "zh"):
        assert NAMED[value] in message.text(lang), message.text(lang)
    result = dlists("validate", folder, "--lang", "zh")
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "\n" not in value or value not in result.output  # a newline in a code never starts a line of its own


def test_the_editor_schema_says_the_same():
    """`dlists schema` gives editors the code pattern (ECMAScript form): it accepts and refuses what the check
    does, and the committed schemas/ are what `dlists schema --out-dir schemas` writes."""
    import re

    from delegation_lists.model.code_syntax import CODE_SCHEMA_PATTERN, is_code
    from delegation_lists.model.schema import KINDS, json_schema

    pattern = re.compile(CODE_SCHEMA_PATTERN)
    for text in [*HOSTILE, "610928", "610928-XK-0001", "CONSOLE", "con.txt", "x" * 100, "x" * 101, "a.b", "a.", "Ａ1"]:
        assert (pattern.match(text) is not None) == is_code(text), text
    for kind in KINDS:
        committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == json_schema(kind), kind
    assert json.dumps(CODE_SCHEMA_PATTERN) in json.dumps(json_schema("list"))
