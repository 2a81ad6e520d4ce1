"""The located loader: corpus robustness, equality with PyYAML, encodings, limits."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from conftest import SHARED
from delegation_lists.load.document import read_document
from delegation_lists.load.errors import LoadError
from delegation_lists.load.text import decode
from delegation_lists.load.yaml.parse import LIBYAML, parse

CORPUS = sorted((SHARED / "corpus" / "yaml-test-suite").glob("*/*.yaml"))


def test_libyaml_is_used():
    assert LIBYAML


@pytest.mark.skipif(not CORPUS, reason="shared corpus not present")
def test_yaml_test_suite_never_crashes():
    """Every file of the suite ends in a clean result or located problems, never an exception."""
    assert len(CORPUS) > 300
    outcomes = {"clean": 0, "problems": 0}
    for path in CORPUS:
        doc = read_document(path, path.name)
        for p in doc.problems:
            assert p.line >= 1 and p.column >= 1, (path.name, p)
            assert p.text("en") and p.text("zh")
        outcomes["problems" if doc.problems else "clean"] += 1
    assert outcomes["problems"] > 90  # at least every invalid input


@pytest.mark.skipif(not CORPUS, reason="shared corpus not present")
def test_same_data_as_pyyaml():
    """Where PyYAML's CSafeLoader loads a file, our loader gives the same data."""
    compared = 0
    for path in CORPUS:
        text = decode(path.read_bytes())
        try:
            ref = yaml.load(text, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            continue
        try:
            data, _ = parse(text)
        except LoadError:
            continue  # refused on purpose (tags, complex keys): located, checked above
        assert repr(data) == repr(ref), path.name
        compared += 1
    assert compared > 150


def test_duplicate_keys_reported_at_second():
    data, dups = parse("a: 1\nb:\n  c: 1\n  c: 2\na: 3\n")
    assert data == {"a": 3, "b": {"c": 2}}
    assert dups == [("c", 4, 3, 3), ("a", 5, 1, 1)]  # (key, line, column, line of the first)


def test_merge_keys():
    data, dups = parse("base: &b {mode: entrust, basis: x}\nitem:\n  <<: *b\n  basis: y\n")
    assert data["item"] == {"mode": "entrust", "basis": "y"} and dups == []


@pytest.mark.parametrize("text, code", [
    ("a: &a [1,1,1,1,1,1,1,1,1,1]\n" + "".join(f"{c}: &{c} [{','.join(['*' + p] * 10)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True)), "DL004"),
    ("a: &a [*a]\n", "DL004"),
    ("[" * 100_000 + "]" * 100_000, "DL006"),
    ("a: !!set {x}\n", "DL006"),
    ("a: 1\n\tb: 2\n", "DL001"),
])
def test_hostile_inputs_fail_fast(text, code):
    with pytest.raises(LoadError) as info:
        parse(text)
    assert info.value.code == code and info.value.line >= 1


def test_bom_and_gbk(tmp_path: Path):
    body = 'list: {jurisdiction: "1"}\nitems: []\n# 备注：中文\n'
    (tmp_path / "bom.yaml").write_bytes(b"\xef\xbb\xbf" + body.encode())
    (tmp_path / "gbk.yaml").write_bytes(body.encode("gbk"))
    assert read_document(tmp_path / "bom.yaml", "bom.yaml").problems == []
    (p,) = read_document(tmp_path / "gbk.yaml", "gbk.yaml").problems
    assert p.code == "DL003" and "--encoding gbk" in p.text("en") and p.line == 3
    assert read_document(tmp_path / "gbk.yaml", "gbk.yaml", encoding="gbk").problems == []


def test_unreadable_file(tmp_path: Path):
    (p,) = read_document(tmp_path, "folder").problems
    assert p.code == "DL007"
