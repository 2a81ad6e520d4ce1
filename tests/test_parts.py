"""Operations run part by part (catalog/parts.py) give exactly what one pass over the whole catalog gives:
stats, reconcile, laws and the duty view on a generated catalog with problems of many kinds and a broken file, on every example, with
one and two processes, and when a file's head does not say (or lies about) its jurisdiction."""

from __future__ import annotations

import datetime as dt
import functools
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from delegation_lists.catalog.parts import run_in_parts
from delegation_lists.dutyview import duty_part, merge_duty_parts
from delegation_lists.laws.index import law_index, merge_indexes
from delegation_lists.reconcile.parts import merge_parts, reconcile_part
from delegation_lists.stats import counts, merge_counts
from test_incremental import EDITS
from test_shards import _rewrite

DAY = dt.date(2025, 1, 1)
TINY = 20_000  # bytes of YAML per part: every county (or township) its own part


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("gen") / "cat"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "3", "--townships", "3",
                    "--county-items", "40", "--per-file", "15", "--seed", "2", "-o", str(out)], check=True, capture_output=True)
    for what, edit in EDITS:  # problems of many kinds, and a broken file
        if "mended" not in what:
            edit(out)
    return out


def _both(folder: Path, jobs: int, budget: int = TINY) -> tuple[int, int]:
    """Stats and reconcile of `folder` in parts equal to the whole; (parts of the stats run, parts of reconcile)."""
    whole_counts = run_in_parts([folder], functools.partial(counts, None), as_of=DAY, jobs=1, budget=10**12)
    parted = run_in_parts([folder], functools.partial(counts, None), as_of=DAY, jobs=jobs, budget=budget)
    assert whole_counts.whole
    assert merge_counts(parted.results) == merge_counts(whole_counts.results)
    assert parted.broken == whole_counts.broken
    whole_rec = run_in_parts([folder], functools.partial(reconcile_part, 0.6), as_of=DAY, jobs=1, budget=10**12)
    parted_rec = run_in_parts([folder], functools.partial(reconcile_part, 0.6), as_of=DAY, jobs=jobs, budget=budget)
    assert merge_parts(parted_rec.results, parted_rec.tree) == merge_parts(whole_rec.results, whole_rec.tree)
    whole_laws = run_in_parts([folder], law_index, as_of=DAY, jobs=1, budget=10**12)
    parted_laws = run_in_parts([folder], law_index, as_of=DAY, jobs=jobs, budget=budget)
    assert merge_indexes(parted_laws.results, parted_laws.tree) == merge_indexes(whole_laws.results, whole_laws.tree)
    whole_duties = run_in_parts([folder], duty_part, as_of=DAY, jobs=1, budget=10**12)
    parted_duties = run_in_parts([folder], duty_part, as_of=DAY, jobs=jobs, budget=budget, uncut=frozenset({"village"}))
    assert merge_duty_parts(parted_duties.results) == merge_duty_parts(whole_duties.results)
    return (0 if parted.whole else len(parted.results)), (0 if parted_rec.whole else len(parted_rec.results))


@pytest.mark.parametrize("jobs", [1, 2])
def test_parts_equal_the_whole(generated: Path, jobs: int) -> None:
    stats_parts, reconcile_parts = _both(generated, jobs)
    assert stats_parts >= 3 and reconcile_parts >= 3  # it really ran in parts


def test_township_depth_parts(generated: Path) -> None:
    """A budget smaller than a county with its townships cuts at township depth (the county list is context)."""
    county = sum(p.stat().st_size for p in (generated / "county-001").rglob("*.yaml"))
    assert _both(generated, 1, budget=county // 2)[0] > 3


def test_examples_in_parts() -> None:
    for folder in [ROOT / "catalogs", ROOT / "catalogs" / "xunyang", ROOT / "tests" / "data" / "laws-forest"]:
        _both(folder, 1, budget=50_000)


@pytest.mark.parametrize(("what", "edit"), [
    ("a header the guess cannot read", lambda c: _rewrite(c / "county-001/county/list-001.yaml", 'list:\n  jurisdiction: "610101"\n  level: county\n', 'list: {jurisdiction: "610101", level: county, title: "a, b"}\n')),
    ("a list in a file named region.yaml", lambda c: (c / "county-001/townships/region.yaml").write_text((c / "county-001/townships/610101100.yaml").read_text("utf-8"), "utf-8")),
    ("a head that lies", lambda c: _rewrite(c / "county-002/townships/610201101.yaml", "items:", "list:\n  jurisdiction: '610201102'\nitems:")),
])
def test_a_file_the_plan_cannot_place_runs_whole(generated: Path, tmp_path: Path, what: str, edit: object) -> None:
    cat = tmp_path / "cat"
    shutil.copytree(generated, cat)
    edit(cat)  # type: ignore[operator]
    assert _both(cat, 2) == (0, 0), what  # the same answers, from one pass over the whole


def test_duty_lists_in_parts(tmp_path: Path) -> None:
    """Generated duty lists (a guide per county, townships taking from it) give the same department view, the
    same inconsistent guide duties and the same outliers in parts."""
    out = tmp_path / "duties"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "duty_shape.py"), "--counties", "3", "--townships", "4",
                    "--entries", "60", "-o", str(out)], check=True, capture_output=True)
    whole = merge_duty_parts(run_in_parts([out], duty_part, as_of=DAY, jobs=1, budget=10**12).results)
    parted = run_in_parts([out], duty_part, as_of=DAY, jobs=2, budget=TINY)
    assert not parted.whole and len(parted.results) >= 3
    assert merge_duty_parts(parted.results) == whole
    assert whole.departments and whole.townships


def test_villages_stay_with_their_township() -> None:
    """Parts never split a township's villages: the example's township view of 赵湾镇's villages is whole."""
    parted = run_in_parts([ROOT / "catalogs" / "xunyang"], duty_part, as_of=DAY, jobs=1, budget=5_000,
                          uncut=frozenset({"village"}))
    whole = run_in_parts([ROOT / "catalogs" / "xunyang"], duty_part, as_of=DAY, jobs=1, budget=10**12)
    assert not parted.whole
    assert merge_duty_parts(parted.results) == merge_duty_parts(whole.results)
    assert merge_duty_parts(whole.results).villages


def test_adjustment_records_do_not_make_it_whole(generated: Path, tmp_path: Path) -> None:
    """An `adjustments:` file (records of decisions) is read once and shared: the catalog is still run in parts."""
    cat = tmp_path / "cat"
    shutil.copytree(generated, cat)
    (cat / "adjustments.yaml").write_text(
        'adjustments:\n  - id: "2025-001"\n    date: 2025-01-10\n    basis: 样编办发〔2025〕1号\n    changes:\n'
        '      - {action: withdraw, item: "610101-XK-00001", from: all}\n', encoding="utf-8")
    stats_parts, reconcile_parts = _both(cat, 2)
    assert stats_parts >= 3 and reconcile_parts >= 3
