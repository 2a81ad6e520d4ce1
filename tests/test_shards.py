"""The sharded check (shards.py) gives exactly what the ordinary check gives, and falls back when a guess is wrong."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from delegation_lists.check import Report, sharded, validate
from delegation_lists.check.shards import HEAD, Files
from delegation_lists.load.guess import guess_jurisdiction
from test_incremental import EDITS

DAY = dt.date(2025, 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ('list:\n  jurisdiction: "610101"\n  level: county\nitems: []\n', "610101"),
    ("list:\n  level: township\n  jurisdiction: '610101100'  # 甲镇\nitems:\n", "610101100"),
    ("list:\n    jurisdiction: 610101\n", "610101"),
    ("\ufefflist:\r\n  jurisdiction: A-1\r\n", "A-1"),
    ("items: []\nlist:  # the header\n\n  jurisdiction: x1\n", "x1"),
    ("list: {jurisdiction: '610101'}\n", "610101"),  # a one-line flow header of simple pairs
    ('list: {jurisdiction: "610928104", level: township, title: 旬阳市赵湾镇清单, guide: true}  # x\n', "610928104"),
    ("list: {jurisdiction: 0610}\n", None),  # YAML 1.1 reads an octal number
    ("list: {jurisdiction: '1', jurisdiction: '2'}\n", None),  # duplicate key
    ("list: {jurisdiction: '1', title: 'a, b'}\n", None),  # a comma inside a value: the parser decides
    ("list: {jurisdiction: '1',\n  level: county}\n", None),  # a flow mapping over several lines
    ("list: {level: county}\n", None),
    ("list:\n  jurisdiction: 0610\n", None),  # YAML 1.1 reads an octal number
    ("list:\n  jurisdiction: 1_000\n", None),
    ("list:\n  jurisdiction: yes\n", None),
    ("list:\n  jurisdiction: '6101'\n  jurisdiction: '6102'\n", None),  # duplicate key
    ("list:\n  jurisdiction: 6101\n    02\n", None),  # a plain scalar continued on the next line
    ("list:\n  jurisdiction: \"61\\x30\"\n", None),  # an escape
    ("list:\n  jurisdiction: '6101'\nlist:\n  jurisdiction: '6102'\n", None),
    ("list:\n  title: x\n jurisdiction: '6101'\n", None),  # odd indentation
    ("items: []\n", None),
    ("", None),
])
def test_guess_is_exact_or_none(text: str, expected: str | None) -> None:
    assert guess_jurisdiction(text.encode("utf-8")) == expected


_ITEMS = "items:\n" + "".join(f"  - source: '610101-XK-{i:05d}'\n    mode: entrust\n" for i in range(HEAD // 40))
_HEADER = "list:\n  level: township\n  jurisdiction: '610101100'\n"


@pytest.mark.parametrize(("text", "expected"), [
    (_HEADER + _ITEMS, "610101100"),  # the head holds the header
    (_ITEMS + _HEADER, "610101100"),  # the header after the head: the whole file is read
    ("list:\n" + "  # note\n" * (HEAD // 9) + "  jurisdiction: '610101100'\n" + _ITEMS, "610101100"),  # across
    ("list:\n" + " " * (HEAD - 20) + "# x\n  jurisdiction: '610101'\n" + _ITEMS, "610101"),  # a line across
    (_HEADER + _ITEMS + "list:\n  jurisdiction: x\n", "610101100"),  # a second header after the head: parsing
    (_ITEMS + "region:\n  code: '6101'\n", None),  # a region key after the head: parsing tells
])
def test_files_read_guesses_from_the_head(tmp_path: Path, text: str, expected: str | None) -> None:
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    found = Files.read([tmp_path / "a.yaml"])
    assert len(text) > HEAD and found.sizes == [len(text)] and found.guesses == [expected]
    assert guess_jurisdiction(text.encode("utf-8")) in (expected, None)  # the whole file never guesses otherwise


def _same(a: Report, b: Report) -> None:
    assert [p.to_dict() for p in a.problems] == [p.to_dict() for p in b.problems]
    assert (a.files, a.items, sorted(a.texts)) == (b.files, b.items, sorted(b.texts))


@pytest.fixture()
def answered(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each sharded check answered (True) or fell back to the ordinary check (False)."""
    calls: list[bool] = []
    real = sharded.check_sharded
    monkeypatch.setattr("delegation_lists.check.strategy.check_sharded", lambda *a, **k: calls.append((r := real(*a, **k)) is not None) or r)
    return calls


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "cat"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "3", "--townships", "3",
                    "--county-items", "40", "--per-file", "15", "--seed", "2", "-o", str(out)], check=True, capture_output=True)
    for what, edit in EDITS:  # problems of many kinds, and a broken file
        if "mended" not in what:
            edit(out)
    return out


@pytest.mark.parametrize("jobs", [2, 3])
def test_sharded_equals_ordinary(generated: Path, answered: list[bool], jobs: int) -> None:
    ordinary = validate([generated], as_of=DAY, jobs=1)
    assert len({p.code for p in ordinary.problems}) >= 5
    _same(validate([generated], as_of=DAY, jobs=jobs), ordinary)
    township = next((generated / "county-002" / "townships").glob("*.yaml"))
    _same(validate([township], as_of=DAY, jobs=jobs), validate([township], as_of=DAY, jobs=1))
    assert answered == [True, True]


def test_examples_sharded(answered: list[bool]) -> None:
    for folder in [*sorted(p for p in (ROOT / "catalogs").glob("*") if p.name != "mappings"), ROOT / "catalogs" / "real" / "guangan"]:
        _same(validate([folder], as_of=DAY, jobs=2), validate([folder], as_of=DAY, jobs=1))
    assert answered and all(answered)


@pytest.mark.parametrize(("what", "edit"), [
    ("a header the guess cannot read", lambda c: _rewrite(c / "county-001/county/list-001.yaml", 'list:\n  jurisdiction: "610101"\n  level: county\n', 'list: {jurisdiction: "610101", level: county, title: "a, b"}\n')),
    ("a list in a file named region.yaml", lambda c: (c / "county-001/townships/region.yaml").write_text((c / "county-001/townships/610101100.yaml").read_text("utf-8"), "utf-8")),
    ("a region in a file named like a list", lambda c: (c / "county-003/county/zz.yaml").write_bytes(b"\"region\": {code: '9', name: n, level: county}\n")),
])
def test_a_wrong_guess_falls_back(generated: Path, tmp_path: Path, answered: list[bool], what: str, edit: object) -> None:
    import shutil

    cat = tmp_path / "cat"
    shutil.copytree(generated, cat)
    edit(cat)  # type: ignore[operator]
    _same(validate([cat], as_of=DAY, jobs=2), validate([cat], as_of=DAY, jobs=1))
    assert answered == [False], what


def _rewrite(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def test_cuts_parse_each_file_about_once(tmp_path: Path) -> None:
    """Few big counties with townships (the shape that used to be cut at township depth and re-parse every county
    list once per township shard): the chosen cut parses the catalog's bytes at most 1.05 times."""
    import subprocess
    import sys

    from delegation_lists.catalog import Catalog
    from delegation_lists.catalog.cuts import choose_depth
    from delegation_lists.check.shards import plan
    from delegation_lists.load.discover import discover
    from delegation_lists.load.many import load_documents

    out = tmp_path / "p"
    subprocess.run([sys.executable, "benchmarks/generate.py", "--counties", "3", "--townships", "6", "--county-items", "400",
                    "--seed", "2", "-o", str(out)], check=True, capture_output=True, cwd=Path(__file__).resolve().parent.parent)
    paths = discover([out]).targets
    found = Files.read(paths)
    tree = Catalog.build(load_documents([paths[i] for i in found.regions]))
    rest = [i for i in range(len(paths)) if i not in set(found.regions)]
    sizes, guesses = [found.sizes[i] for i in rest], [found.guesses[i] for i in rest]
    cut = choose_depth(tree.places, guesses, sizes, 2)
    assert cut is not None and cut.depth == 0  # the counties
    shards = plan([paths[i] for i in rest], sizes, guesses, set(paths), tree, 2)
    assert sum(sizes[j] for files, _ in shards for j in files) <= 1.05 * sum(sizes)
    assert choose_depth(tree.places, guesses, sizes, 1) is None
