"""The parse cache never changes results, and re-validation parses only the files that changed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import delegation_lists.load.many as many_module
from conftest import CASES, CATALOGS
from delegation_lists.check import validate


def _report(paths: list[Path], cache: Path | None):
    r = validate(paths, cache=cache, jobs=1)
    return r.problems, r.files, r.items


@pytest.mark.parametrize("paths", [[CATALOGS / "xunyang"], sorted(CASES.glob("*/input"))], ids=["examples", "all-cases"])
def test_cached_equals_uncached(paths: list[Path], tmp_path: Path):
    uncached = _report(paths, None)
    cold = _report(paths, tmp_path)  # fills the cache
    warm = _report(paths, tmp_path)  # answered from it
    assert cold == uncached and warm == uncached


def test_only_changed_files_are_parsed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    cache = tmp_path / "cache"
    validate([catalog], cache=cache, jobs=1)
    parsed: list[str] = []
    real = many_module.read_document
    monkeypatch.setattr(many_module, "read_document", lambda path, *a, **k: parsed.append(path.name) or real(path, *a, **k))
    zhaowan = catalog / "townships" / "zhaowan.yaml"
    zhaowan.write_text(zhaowan.read_text(encoding="utf-8").replace("mode: entrust", "mode: entrust ", 1), encoding="utf-8")
    again = validate([catalog], cache=cache, jobs=1)
    assert parsed == ["zhaowan.yaml"]
    assert again.problems == validate([catalog], jobs=1).problems


def test_corrupt_cache_entry_is_ignored(tmp_path: Path):
    cache = tmp_path / "cache"
    first = _report([CATALOGS / "xunyang"], cache)
    for entry in cache.rglob("*.msgpack"):
        entry.write_bytes(b"garbage")
    assert _report([CATALOGS / "xunyang"], cache) == first


def test_cli_no_cache(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """The cache is in the user cache folder, never in the repository; --no-cache writes nothing."""
    import os

    monkeypatch.chdir(tmp_path)
    home = Path(os.environ["DLISTS_CACHE_HOME"]) / "projects"
    before = set(home.rglob("*.msgpack")) if home.exists() else set()
    on = {"DLISTS_NO_CACHE": ""}
    assert dlists("validate", CATALOGS / "xunyang", "--no-cache", env=on).exit_code == 0
    assert not (set(home.rglob("*.msgpack")) if home.exists() else set()) - before
    assert dlists("validate", CATALOGS / "xunyang", env=on).exit_code == 0
    assert set(home.rglob("*.msgpack")) - before
    assert not (tmp_path / ".dlists-cache").exists() and not any(tmp_path.iterdir())
    assert "*" in next(home.glob("*/.gitignore")).read_text().splitlines()


def test_report_kept_for_an_unchanged_catalog(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The same files, rules and day give the kept problems without loading anything; another rule selection or
    another day computes a new report, an edit re-checks what it reaches: always equal to an uncached run."""
    import datetime as dt

    from delegation_lists.rules import Selection

    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    cache = tmp_path / "cache"
    day = dt.date(2025, 1, 1)
    first = validate([catalog], cache=cache, as_of=day)
    others = (dict(as_of=dt.date(2030, 1, 1)), dict(as_of=day, selection=Selection(ignore={"DL102"})))
    expected = [validate([catalog], **other).problems for other in others]  # type: ignore[arg-type]
    loads: list[int] = []
    real = many_module.load_documents
    monkeypatch.setattr("delegation_lists.check.strategy.load_documents", lambda *a, **k: loads.append(1) or real(*a, **k))
    again = validate([catalog], cache=cache, as_of=day)
    assert loads == [] and again.problems == first.problems and (again.files, again.items) == (first.files, first.items)
    assert again.texts.keys() == {p.file for p in first.problems}
    for other, want in zip(others, expected, strict=True):
        assert validate([catalog], cache=cache, **other).problems == want  # type: ignore[arg-type]
    assert len(loads) == 2
    edited = next(p for p in sorted(catalog.rglob("*.yaml")) if "promised_days" in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("promised_days: ", "promised_days: 9", 1), encoding="utf-8")
    after = validate([catalog], cache=cache, as_of=day)  # re-checked in part (tests/test_incremental.py)
    assert after.problems == validate([catalog], as_of=day).problems and after.problems != first.problems
