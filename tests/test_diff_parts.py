"""The diff of two versions part by part (diff/parts.py) gives exactly what one pass over both versions whole
gives: on a generated catalog against a copy with every kind of change the diff reports (names edited, a rename,
a removal, an addition, a move between files, a withdrawal that orphans a township's entry, a changed mode, a
region change, files broken in either version, adjustment records, a township naming an entry its own way),
cut at county depth and at township depth, with one and two processes; on duty lists whose guide moved entries;
and falling back to the whole pass where a part could not see everything."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT
from delegation_lists.diff import Compared, compare
from delegation_lists.diff.records import check_records
from delegation_lists.render.diff import to_json, to_markdown
from delegation_lists.render.records import records_json

sys.path.insert(0, str(ROOT / "benchmarks"))
from run import modified_copy

WHOLE = 10**12  # a budget no catalog reaches: one pass over both versions whole
COUNTY_DEPTH = 60_000  # bytes: a county with its townships, both versions, fits; two counties do not
TOWNSHIP_DEPTH = 8_000  # no county fits: each township its own part, its county's lists as context


def _sub(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _blocks(path: Path) -> tuple[str, list[str]]:
    """A generated list file as its head and its item blocks."""
    head, _, body = path.read_text(encoding="utf-8").partition("items:\n")
    return head + "items:\n", ["  - " + b for b in re.split(r"(?m)^  - ", body) if b]


def _first_delegated(path: Path) -> str:
    """The code of the first item of a list delegated to all three townships."""
    _, blocks = _blocks(path)
    return next(re.findall(r'code: "([^"]+)"', b)[0] for b in blocks if "to: [610101100, 610101101, 610101102]" in b)


def _edit(new: Path) -> None:
    """Every kind of change, on the new version."""
    county1 = new / "county-001" / "county"
    withdrawn = _first_delegated(county1 / "list-001.yaml")
    _sub(county1 / "list-001.yaml", "to: [610101100, 610101101, 610101102]", "to: [610101100, 610101101]")  # withdrawal
    _sub(new / "county-001/townships/610101102.yaml", f'source: "{withdrawn}"\n', f'source: "{withdrawn}"\n    name: 本镇改写的名称\n')
    head, blocks = _blocks(county1 / "list-003.yaml")  # a rename: the same item under a new code
    blocks[0] = re.sub(r'code: "[^"]+"', 'code: "610101-XK-09999"', blocks[0])
    (county1 / "list-003.yaml").write_text(head + "".join(blocks), encoding="utf-8")
    head1, blocks1 = _blocks(county1 / "list-001.yaml")  # a move to another file of the county
    (county1 / "list-001.yaml").write_text(head1 + "".join(blocks1[:-1]), encoding="utf-8")
    (county1 / "list-002.yaml").write_text((county1 / "list-002.yaml").read_text(encoding="utf-8") + blocks1[-1], encoding="utf-8")
    head2, blocks2 = _blocks(new / "county-002/county/list-002.yaml")  # a removal
    (new / "county-002/county/list-002.yaml").write_text(head2 + "".join(blocks2[:1] + blocks2[2:]), encoding="utf-8")
    _sub(new / "county-002/county/list-001.yaml", "mode: entrust", "mode: grant")  # a mode change
    added = blocks2[1].replace('code: "610201-', 'code: "610301-').replace("-000", "-090")  # an addition
    (new / "county-003/county/list-003.yaml").write_text(
        (new / "county-003/county/list-003.yaml").read_text(encoding="utf-8") + added, encoding="utf-8")
    _sub(new / "county-003/region.yaml", "name: 第1镇", "name: 第一镇")  # a region change
    _sub(new / "county-002/townships/610201101.yaml", "items:", "items: [")  # broken in the new version
    (new / "adjustments.yaml").write_text(
        'adjustments:\n  - id: "2024-001"\n    date: 2024-01-01\n    basis: 样编办发〔2024〕1号\n'
        '    changes:\n      - {action: add, item: "610101-XK-00001"}\n'
        f'  - id: "2025-001"\n    date: 2025-01-10\n    basis: 样编办发〔2025〕1号\n'
        f'    changes:\n      - {{action: withdraw, item: "{withdrawn}", from: ["610101102"]}}\n'
        '      - {action: remove, item: "610201-XK-00001"}\n      - {action: change, item: "610101100-QT-0001"}\n', encoding="utf-8")


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("versions")
    old = base / "cat"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "3", "--townships", "3",
                    "--county-items", "40", "--per-file", "15", "--seed", "2", "-o", str(old)], check=True, capture_output=True)
    (old / "adjustments.yaml").write_text('adjustments:\n  - id: "2024-001"\n    date: 2024-01-01\n    basis: 样编办发〔2024〕1号\n'
                                          '    changes:\n      - {action: add, item: "610101-XK-00001"}\n', encoding="utf-8")
    new = modified_copy(old, 20)  # names edited, as benchmarks/run.py does (every file changed)
    _edit(new)
    _sub(old / "county-003/townships/610301102.yaml", "items:", "items: [")  # broken in the old version only
    return old, new


def _same(parted: Compared, whole: Compared) -> int:
    """Every output of the two runs is the same: the result, its JSON (key order included), Markdown and the
    records check; the versions' broken files and problem counts. How many parts there were."""
    assert whole.parts == 1 and parted.parts > 1
    assert parted.result == whole.result
    assert json.dumps(to_json(parted.result)) == json.dumps(to_json(whole.result))
    assert to_markdown(parted.result, "a", "b", False) == to_markdown(whole.result, "a", "b", False)
    checks = [records_json(check_records(c.result, c.old, c.new)) for c in (parted, whole)]
    assert json.dumps(checks[0]) == json.dumps(checks[1])
    for side in ("old", "new"):
        got, want = getattr(parted, side), getattr(whole, side)
        assert (got.broken, got.problems, got.records) == (want.broken, want.problems, want.records)
    return parted.parts


@pytest.mark.parametrize("budget", [COUNTY_DEPTH, TOWNSHIP_DEPTH])
@pytest.mark.parametrize("jobs", [1, 2])
def test_parts_equal_the_whole(versions: tuple[Path, Path], budget: int, jobs: int) -> None:
    old, new = (str(v) for v in versions)
    whole = compare(old, new, budget=WHOLE)
    assert _same(compare(old, new, jobs=jobs, budget=budget), whole) >= (3 if budget == COUNTY_DEPTH else 9)
    result = whole.result
    assert {c.type for c in result.changes} == {"added", "removed", "changed", "renamed", "moved"}
    assert {b.side for b in result.broken} == {"old", "new"}
    rows = {r.target: r for r in result.impact}
    assert rows["610101102"].withdrawn and rows["610101102"].orphaned and rows["610201100"].mode_changed
    assert "本镇改写的名称" in result.names.values()  # the township's own name, met after its county's
    check = check_records(result, whole.old, whole.new)
    assert check.covered and check.unrecorded and check.unmatched


def test_parts_through_the_parse_cache(versions: tuple[Path, Path], tmp_path: Path) -> None:
    """Cold (every file parsed and cached) and warm (every file from the cache): the same as the whole pass."""
    old, new = (str(v) for v in versions)
    whole = compare(old, new, budget=WHOLE)
    for _ in ("cold", "warm"):
        _same(compare(old, new, jobs=2, budget=COUNTY_DEPTH, cache=tmp_path / "cache"), whole)
    assert any((tmp_path / "cache").rglob("*.msgpack"))


def test_git_revisions_in_parts(versions: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`REV:PATH` versions (a pull request's base and head, as CI diffs them), and one of each kind: the blobs
    planned and read part by part, the same as the whole pass; the work tree (the head) is never read for
    the base's files."""
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    repo = tmp_path / "repo"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false", "-C", str(repo)]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    for n, version in enumerate(versions):
        shutil.rmtree(repo / "cat", ignore_errors=True)
        shutil.copytree(version, repo / "cat")
        subprocess.run([*git, "add", "-A"], check=True)
        subprocess.run([*git, "commit", "-qm", f"v{n}"], check=True)
    monkeypatch.chdir(repo)
    for old, new in [("HEAD~1:cat", "HEAD:cat"), ("HEAD~1:cat", "cat"), (str(versions[0]), "HEAD:cat")]:
        _same(compare(old, new, jobs=2, budget=COUNTY_DEPTH), compare(old, new, budget=WHOLE))
    parted = compare("HEAD~1:cat", "HEAD:cat", jobs=1, budget=COUNTY_DEPTH)
    assert {c.file for c in parted.result.changes if c.item} and not any(b.file.startswith(("/", "HEAD")) for b in parted.result.broken)


@pytest.mark.parametrize("case", sorted(p.name for p in (ROOT / "tests" / "diff-cases").iterdir()))
def test_case_folders_in_parts(case: str) -> None:
    """The hand-made pairs of tests/diff-cases (one of each change, records, duty moves, a move and reindent),
    every jurisdiction its own part where the tree allows it."""
    old, new = (str(ROOT / "tests" / "diff-cases" / case / v) for v in ("old", "new"))
    whole = compare(old, new, budget=WHOLE)
    parted = compare(old, new, jobs=1, budget=1)
    assert json.dumps(to_json(parted.result)) == json.dumps(to_json(whole.result))
    assert parted.parts > 1


def test_example_catalogs_in_parts(tmp_path: Path) -> None:
    """The example catalogs (counties, townships, villages, duty lists, 旬阳) against a copy with names edited."""
    old = tmp_path / "catalogs"
    shutil.copytree(ROOT / "catalogs", old)
    new = modified_copy(old, 10)
    _same(compare(str(old), str(new), jobs=2, budget=50_000), compare(str(old), str(new), budget=WHOLE))


def test_unchanged_versions(versions: tuple[Path, Path]) -> None:
    old = str(versions[0])
    _same(compare(old, old, jobs=1, budget=COUNTY_DEPTH), compare(old, old, budget=WHOLE))


def test_duty_moves_in_parts(tmp_path: Path) -> None:
    """A guide entry moved to another part moves the township entries taking it on: the same moves in parts."""
    old = tmp_path / "old"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "duty_shape.py"), "--counties", "3", "--townships", "3",
                    "--entries", "40", "-o", str(old)], check=True, capture_output=True)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    for guide in sorted(new.glob("*/*.yaml")):
        if "guide: true" in guide.read_text(encoding="utf-8"):
            _sub(guide, "part: basic", "part: cooperate")
    whole = compare(str(old), str(new), budget=WHOLE)
    for budget in (30_000, 4_000):
        _same(compare(str(old), str(new), jobs=2, budget=budget), whole)
    assert len({m.jurisdiction for m in whole.result.duty_moves}) >= 6  # guides and their townships


Edit = Callable[[Path, Path], None]


def _withdrawn_from_a_stranger(old: Path, new: Path) -> None:
    """An item of county 3 delegated to a township of county 1 that takes it on, then withdrawn: the township's
    part never sees county 3's lists."""
    code = "610301-XK-08888"
    for version in (old, new):
        text = (version / "county-003/county/list-001.yaml").read_text(encoding="utf-8")
        assert f'code: "{code}"' not in text
        head, blocks = _blocks(version / "county-003/county/list-001.yaml")
        to = "      to: [610101100]\n" if version == old else "      to: [610301100]\n"
        blocks.append(f'  - code: "{code}"\n    name: 借来的事项\n    kind: licensing\n    department: 民政局\n'
                      f"    delegation:\n      mode: entrust\n{to}")
        (version / "county-003/county/list-001.yaml").write_text(head + "".join(blocks), encoding="utf-8")
        _sub(version / "county-001/townships/610101100.yaml", "items:\n",
             f'items:\n  - code: "610101100-XK-0777"\n    source: "{code}"\n    mode: entrust\n')


@pytest.mark.parametrize(("what", "edit"), [
    ("a head that says another jurisdiction than the list", lambda _, c: c.joinpath("county-002/townships/610201100.yaml").write_text(
        c.joinpath("county-002/townships/610201100.yaml").read_text(encoding="utf-8")
        + "".join(f"# {'.' * 60} {i}\n" for i in range(200)) + 'list:\n  jurisdiction: "610201102"\n  level: township\n',
        encoding="utf-8")),
    ("a head that does not say its jurisdiction", lambda _, c: _sub(
        c / "county-001/county/list-002.yaml", 'list:\n  jurisdiction: "610101"\n  level: county\n', 'list: {jurisdiction: "610101", level: county, title: "a, b"}\n')),
    ("a code the impact shows held by an item of another county", lambda old, c: _sub(
        c / "county-003/county/list-001.yaml", 'code: "610301-XK-00001"', f'code: "{_first_delegated(old / "county-001/county/list-001.yaml")}"')),
    ("a withdrawal from a township by a county not above it", _withdrawn_from_a_stranger),
    ("a file of one county that no longer loads, naming another county", lambda _, c: _sub(
        c / "county-001/county/list-003.yaml", 'jurisdiction: "610101"\n  level: county\nitems:', 'jurisdiction: "610301"\n  level: county\nitems: [')),
])
def test_what_a_part_cannot_see_runs_whole(versions: tuple[Path, Path], tmp_path: Path, what: str, edit: Edit) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(versions[0], old)
    shutil.copytree(versions[1], new)
    edit(old, new)
    fell_back = compare(str(old), str(new), jobs=2, budget=COUNTY_DEPTH)
    whole = compare(str(old), str(new), budget=WHOLE)
    assert fell_back.parts == 1, what
    assert json.dumps(to_json(fell_back.result)) == json.dumps(to_json(whole.result)), what
    if "stranger" in edit.__name__:
        assert "610101100-XK-0777" in next(r.orphaned for r in whole.result.impact if r.target == "610101100")
