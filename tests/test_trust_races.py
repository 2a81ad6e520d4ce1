"""An edit between hashing a file and parsing it never stores {old digest -> new problems} (issue 13, TOCTOU): on
the sharded path (worker processes), the incremental path and the plain one, the digest kept with a file's
problems is the digest of the bytes parsed. Each test edits a file right after it is hashed, undoes the edit, and
expects the next cached run to report what an uncached run reports."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

import delegation_lists.check.strategy as strategy
import delegation_lists.load.many as many
from conftest import CATALOGS
from delegation_lists.check import validate


def _catalog(tmp_path: Path) -> tuple[Path, Path, bytes]:
    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    target = next(p for p in sorted(catalog.rglob("*.yaml")) if "townships" in p.parts and "duties" not in p.name)
    return catalog, target, target.read_bytes()


def _edit_after_hashing(monkeypatch: pytest.MonkeyPatch, target: Path, edited: bytes) -> None:
    """The next hash of `target` is followed by writing `edited` into it (as an editor saving at that moment)."""
    real = many.digest
    done = [False]

    def digest_then_edit(path: Path) -> str | None:
        key = real(path)
        if path == target and not done[0]:
            done[0] = True
            path.write_bytes(edited)
        return key

    monkeypatch.setattr(many, "digest", digest_then_edit)
    monkeypatch.setattr(strategy, "digest", digest_then_edit)


def _broken(raw: bytes) -> bytes:
    return raw.replace(b"mode:", b"mode: [", 1)


@pytest.mark.parametrize("jobs", [1, 2])
def test_an_edit_after_hashing_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """jobs=2 takes the sharded path (each shard checked where it runs); jobs=1 the plain one."""
    catalog, target, good = _catalog(tmp_path)
    clean = validate([catalog], jobs=1).problems
    cache = tmp_path / "cache"
    _edit_after_hashing(monkeypatch, target, _broken(good))
    validate([catalog], jobs=jobs, cache=cache)
    monkeypatch.undo()
    target.write_bytes(good)  # undone
    assert validate([catalog], jobs=jobs, cache=cache).problems == clean
    assert validate([catalog], jobs=1, cache=cache).problems == clean


def test_an_edit_after_hashing_is_not_kept_by_the_incremental_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept state of a run is re-checked where an edit reaches (incremental.py): the file edited once more
    after it was hashed is kept with the digest of what was parsed."""
    catalog, target, good = _catalog(tmp_path)
    cache = tmp_path / "cache"
    validate([catalog], jobs=1, cache=cache)  # the state an incremental run starts from
    changed = good.replace(b"\n", b"\n# a comment\n", 1)  # a real edit: the incremental path re-checks this file
    target.write_bytes(changed)
    expected: Callable[[], object] = lambda: validate([catalog], jobs=1).problems  # noqa: E731
    _edit_after_hashing(monkeypatch, target, _broken(changed))
    validate([catalog], jobs=1, cache=cache)
    monkeypatch.undo()
    target.write_bytes(changed)  # undone
    assert validate([catalog], jobs=1, cache=cache).problems == expected()
