"""Two versions of a file read together (load/versions.py, load/splice.py) give the documents reading each alone
gives: a changed file's unchanged item blocks taken from the earlier version when the layout allows it, and in
every layout that does not (quotes running over lines, block scalars, anchors, a key after the items, an item
whose `-` stands alone, slips, another encoding, problems) the same documents all the same."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from delegation_lists.load import versions
from delegation_lists.load.document import Document, read_document
from delegation_lists.load.splice import blocks
from delegation_lists.load.versions import read_versions

BASE = '''list:
  jurisdiction: "610101"
  level: county
items:
  - code: "610101-XK-00001"
    name: 燃气经营许可
    kind: licensing
    department: 市场监督管理局
    legal_basis:
      - 《城镇燃气管理条例》第十五条
    statutory_days: 20
    promised_days: 5
    delegation:
      mode: entrust
      to: [610101100, 610101101]
      since: 2023-07-01
  - code: "610101-CF-00002"
    name: 对无证经营的处罚
    kind: penalty
    department: 市场监督管理局
    online: true
  - code: "610101-QT-00003"
    name: 其他事项
    kind: other
    department: 民政局
'''


def _with(old: str, new: str, text: str = BASE) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


SPLICED = [  # the changed blocks alone are parsed
    ("a name edited", _with("name: 其他事项", "name: 其他事项（修订）")),
    ("an item added", BASE + "  - code: \"610101-QT-00004\"\n    name: 新事项\n    kind: other\n    department: 民政局\n"),
    ("an item removed", _with('  - code: "610101-CF-00002"\n    name: 对无证经营的处罚\n    kind: penalty\n    department: 市场监督管理局\n    online: true\n', "")),
    ("items reordered", BASE.split("items:\n")[0] + "items:\n" + "".join(reversed(blocks(BASE)[1]))),  # type: ignore[index]
    ("comments and blank lines between items", _with('  - code: "610101-CF-00002"', '\n  # 处罚\n  - code: "610101-CF-00002"')),
    ("no line break at the end", BASE.rstrip("\n")),
    ("a number written as a float", _with("promised_days: 5", "promised_days: 5.0")),
    ("a flow sequence over two lines", _with("to: [610101100, 610101101]", "to: [610101100,\n        610101101]")),
]

WHOLE = [  # read whole: the layout does not allow taking blocks, or the changed blocks alone have problems
    ("a schema error in a changed item", _with("kind: other", "kind: 不存在")),
    ("a quote left open before an unchanged item", _with("name: 燃气经营许可", 'name: "燃气经营许可')),
    ("the header changed", _with('level: county', 'level: county\n  title: 权力清单')),
    ("a quote running over an item's first line", _with("name: 其他事项", 'name: "其他事项\n  - 续"')),
    ("a single quote running over lines", _with("name: 其他事项", "name: '其他事项\n  - 续'")),
    ("a block scalar", _with("online: true", "online: true\n    notes: |\n      第一行\n      第二行")),
    ("an anchor and an alias", _with("department: 民政局", "department: *d").replace("department: 市场监督管理局\n    online", "department: &d 市场监督管理局\n    online")),
    ("a key after the items", BASE + "extra: 1\n"),
    ("a second document", BASE + "---\nlist: {}\n"),
    ("an item whose dash stands alone", _with('  - code: "610101-QT-00003"', '  -\n    code: "610101-QT-00003"')),
    ("items at the first column", BASE.replace("\n  ", "\n")),
    ("an input-method slip", _with("kind: other", "kind：other")),
    ("a duplicate key in a changed item", _with("kind: other", "kind: other\n    kind: other")),
    ("a flow sequence running over an item's first line", _with("to: [610101100, 610101101]", "to: [610101100,\n  - 610101101]")),
    ("a YAML error", _with("kind: other", "kind: [other")),
]


def _same(got: Document, want: Document) -> None:
    assert got.kind == want.kind and got.header == want.header and got.items == want.items
    assert [p.to_dict() for p in got.problems] == [p.to_dict() for p in want.problems]
    assert (got.source(), got.claimed, got.known_codes, got.duties) == (want.source(), want.claimed, want.known_codes, want.duties)


def _read(tmp_path: Path, old: str, new: str, encoding: str | None = None, raw: bool = False) -> tuple[list[Document], list[Document]]:
    paths = [tmp_path / "old" / "list.yaml", tmp_path / "new" / "list.yaml"]
    for path, text in zip(paths, (old, new), strict=True):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(text.encode("gb18030") if raw else text.encode("utf-8"))
    together = read_versions(paths, [None, 0], encoding)
    return together, [read_document(p, p.as_posix(), encoding) for p in paths]


@pytest.mark.parametrize(("what", "new"), SPLICED + WHOLE)
def test_a_later_version_read_with_its_earlier_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, what: str, new: str) -> None:
    taken: list[bool] = []
    real = versions.spliced
    monkeypatch.setattr(versions, "spliced", lambda *a: taken.append((made := real(*a)) is not None) or made)
    together, alone = _read(tmp_path, BASE, new)
    for got, want in zip(together, alone, strict=True):
        _same(got, want)
    assert taken == [(what, new) in SPLICED], what
    if taken[0]:
        unchanged = [i for i, b in enumerate(blocks(new)[1]) if b in blocks(BASE)[1]]  # type: ignore[index]
        assert all(any(together[1].items[i] is old for old in together[0].items) for i in unchanged), what


@pytest.mark.parametrize(("what", "new"), WHOLE)
def test_an_earlier_version_in_any_layout(tmp_path: Path, what: str, new: str) -> None:
    """The earlier version is the odd one: the later one (plain) is read whole, the same."""
    together, alone = _read(tmp_path, new, BASE)
    for got, want in zip(together, alone, strict=True):
        _same(got, want)


ANCHORED = _with("department: 民政局", "department: *d").replace("department: 市场监督管理局\n    online", "department: &d 市场监督管理局\n    online")
#: three items in three runs of lines from one `  - ` to the next, but not one item each: a quoted name runs over
#: a line that looks like an item's first line, and an item's `-` stands alone
ODD = _with('  - code: "610101-QT-00003"', '  -\n    code: "610101-QT-00003"', _with("name: 对无证经营的处罚", 'name: "对无证经营的\n  - 处罚"'))
BLOCK = _with("online: true", "online: true\n    notes: |\n      第一行")


@pytest.mark.parametrize(("what", "old", "new"), [
    ("an anchor changed in one item, its alias in an unchanged one", ANCHORED, ANCHORED.replace("&d 市场监督管理局", "&d 民政局")),
    ("items whose runs of lines are not the items, reordered", ODD, ODD.split("items:\n")[0] + "items:\n"
     + "".join(reversed(["  - " + b for b in re.split(r"(?m)^  - ", ODD.split("items:\n")[1])[1:]]))),
    ("a code written as a float where it was an integer (equal in Python)", BLOCK, BLOCK.replace("to: [610101100,", "to: [610101100.0,")),
])
def test_what_only_the_whole_text_tells(tmp_path: Path, what: str, old: str, new: str) -> None:
    together, alone = _read(tmp_path, old, new)
    for got, want in zip(together, alone, strict=True):
        _same(got, want)
    assert together[1].problems or together[1].items != together[0].items, what


@pytest.mark.parametrize(("what", "new"), SPLICED[:2] + WHOLE[:2])
def test_through_the_parse_cache(tmp_path: Path, what: str, new: str) -> None:
    """Cold, each version parsed (or spliced) and cached; warm, both from the cache: the same documents."""
    paths = [tmp_path / "old" / "list.yaml", tmp_path / "new" / "list.yaml"]
    for path, text in zip(paths, (BASE, new), strict=True):
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    alone = [read_document(p, p.as_posix()) for p in paths]
    for _ in ("cold", "warm"):
        for got, want in zip(read_versions(paths, [None, 0], cache=tmp_path / "cache"), alone, strict=True):
            _same(got, want)


def test_another_encoding_is_read_whole(tmp_path: Path) -> None:
    together, alone = _read(tmp_path, BASE, _with("name: 其他事项", "name: 其他事项二"), encoding="gbk", raw=True)
    for got, want in zip(together, alone, strict=True):
        _same(got, want)


def test_unchanged_bytes_are_parsed_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = versions.read_document
    monkeypatch.setattr(versions, "read_document", lambda p, *a, **k: read.append(p.parent.name) or real(p, *a, **k))
    together, alone = _read(tmp_path, BASE, BASE)
    assert read == ["old"] and together[1].items == alone[1].items and together[1].file.endswith("new/list.yaml")


def test_blocks_are_the_text() -> None:
    for text in [BASE, BASE.rstrip("\n"), _with('  - code: "610101-CF-00002"', '\n  # c\n\n  - code: "610101-CF-00002"')]:
        found = blocks(text)
        assert found is not None and found[0] + "".join(found[1]) == text and len(found[1]) == 3
