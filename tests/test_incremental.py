"""Re-validation after edits re-checks only what the edits can reach, and always gives what a full run gives."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from delegation_lists.check import incremental, validate

DAY = dt.date(2025, 1, 1)


def _replace(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _first_code(path: Path) -> str:
    line = next(ln for ln in path.read_text(encoding="utf-8").splitlines() if "code:" in ln or "source:" in ln)
    return line.split(":", 1)[1].strip().strip('"')


EDITS = [
    # (what, edit) - each applied on top of the previous ones
    ("county mode changed: townships taking it now mismatch", lambda c: _replace(c / "county-001/county/list-001.yaml", "mode: entrust", "mode: grant")),
    ("county delegation withdrawn from one township", lambda c: _replace(c / "county-001/county/list-001.yaml", "to: [610101100, 610101101, 610101102]", "to: [610101100, 610101101]")),
    ("county code changed: a township source dangles", lambda c: _replace(c / "county-002/county/list-002.yaml", _first_code(c / "county-002/county/list-002.yaml"), "610201-XX-99999")),
    ("county code duplicated across two files", lambda c: _replace(c / "county-002/county/list-003.yaml", _first_code(c / "county-002/county/list-003.yaml"), _first_code(c / "county-002/county/list-001.yaml"))),
    ("township source changed", lambda c: _replace(c / "county-003/townships/610301101.yaml", _first_code(c / "county-003/townships/610301101.yaml"), "610301-XX-00001")),
    ("township file broken", lambda c: _replace(c / "county-003/townships/610301102.yaml", "items:", "items: [")),
    ("township file mended", lambda c: _replace(c / "county-003/townships/610301102.yaml", "items: [", "items:")),
    ("two files of two counties at once", lambda c: (_replace(c / "county-001/townships/610101100.yaml", "mode: entrust", "mode: grant"),
                                                    _replace(c / "county-003/county/list-001.yaml", "statutory_days: ", "statutory_days: 1"))),
    ("region file changed: full run", lambda c: _replace(c / "county-002/region.yaml", "name: ", "name: 新", 1)),
]


@pytest.fixture()
def catalog(tmp_path: Path) -> Path:
    out = tmp_path / "cat"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "3", "--townships", "3",
                    "--county-items", "40", "--per-file", "15", "--seed", "2", "-o", str(out)], check=True, capture_output=True)
    return out


@pytest.mark.parametrize("jobs", [None, 2])  # 2: the full runs are sharded (shards.py) and keep their state
def test_edits_give_what_a_full_run_gives(catalog: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int | None) -> None:
    cache = tmp_path / "cache"
    calls: list[bool] = []
    real = incremental.recheck
    monkeypatch.setattr("delegation_lists.check.strategy.recheck", lambda *a, **k: calls.append(bool(r := real(*a, **k))) or r)
    first = validate([catalog], cache=cache, as_of=DAY, jobs=jobs)
    assert first.problems and validate([catalog], cache=cache, as_of=DAY, jobs=jobs).problems == first.problems
    assert calls == []  # nothing changed: the kept problems, no re-check at all
    for what, edit in EDITS:
        edit(catalog)
        full = validate([catalog], as_of=DAY, jobs=1)
        got = validate([catalog], cache=cache, as_of=DAY, jobs=jobs)
        assert [p.to_dict() for p in got.problems] == [p.to_dict() for p in full.problems], what
        assert (got.files, got.items) == (full.files, full.items), what
        assert calls[-1] is ("full run" not in what), what  # re-checked in part, or (region edit) not at all
    assert len({p.code for p in got.problems}) >= 4  # the edits really made different problems
