"""The parse cache cannot be planted or corrupted into a wrong answer (issue 13): whatever is in its folder, a
cached run reports exactly what `--no-cache` reports, and nothing in an entry is ever run."""

from __future__ import annotations

import json
import os
import pickle
import random
import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.load import cache as cache_module
from delegation_lists.load.cache import Cache, restore
from delegation_lists.load.many import load_documents


class Payload:
    """A pickle that creates a file when unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (Path.touch, (self.marker,))


def _catalog(tmp_path: Path) -> Path:
    """The example catalog with a duplicate code (DL101) planted in the county's powers list."""
    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    powers = catalog / "county" / "powers.yaml"
    text = powers.read_text(encoding="utf-8")
    first = text.index("  - code:")
    powers.write_text(text + text[first:text.index("  - code:", first + 1)], encoding="utf-8")
    return catalog


def _report(dlists, catalog: Path, cache: Path | None) -> tuple[int, list[object]]:
    env = {"DLISTS_NO_CACHE": "" if cache else "1", "DLISTS_CACHE_DIR": str(cache or "")}
    result = dlists("validate", catalog, "-f", "json", env=env)
    return result.exit_code, json.loads(result.stdout)["problems"]


def _entries(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.msgpack"))


def test_planted_pickles_never_run_and_change_nothing(tmp_path: Path, dlists):
    catalog = _catalog(tmp_path)
    expected = _report(dlists, catalog, None)
    assert expected[0] == 1 and any(p["code"] == "DL101" for p in expected[1])
    cache = tmp_path / "cache"
    assert _report(dlists, catalog, cache) == expected
    marker = tmp_path / "ran"
    planted = pickle.dumps(Payload(marker))
    entries = _entries(cache)
    assert entries
    for entry in entries:
        entry.write_bytes(planted)
        entry.with_suffix(".pickle").write_bytes(planted)  # the layout of earlier versions too
    old = catalog / ".dlists-cache" / "x" / "ab"
    old.mkdir(parents=True)
    (old / "ab.pickle").write_bytes(planted)
    assert _report(dlists, catalog, cache) == expected
    assert not marker.exists()


def test_corrupted_entries_are_misses(tmp_path: Path, dlists):
    catalog = _catalog(tmp_path)
    expected = _report(dlists, catalog, None)
    cache = tmp_path / "cache"
    _report(dlists, catalog, cache)
    pristine = {p: p.read_bytes() for p in _entries(cache)}
    rng = random.Random(13)
    for trial in range(12):
        for path, raw in pristine.items():
            mode = trial % 4
            if mode == 0:  # a byte flipped
                i = rng.randrange(len(raw))
                bad = raw[:i] + bytes([raw[i] ^ (1 << rng.randrange(8))]) + raw[i + 1:]
            elif mode == 1:  # truncated
                bad = raw[: rng.randrange(len(raw))]
            elif mode == 2:  # a huge msgpack length prefix after a valid header
                bad = raw[:40] + b"\xdb\xff\xff\xff\xff" + raw[45:]
            else:  # garbage
                bad = os.urandom(rng.randrange(1, 64))
            path.write_bytes(bad)
        assert _report(dlists, catalog, cache) == expected, trial


def test_an_entry_from_another_machine_is_a_miss(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """An entry made elsewhere (a committed or copied cache, another secret) is never believed: here the clean
    county list's entry stored under the key of the planted one would hide the DL101."""
    from delegation_lists.load.digest import content_key
    from delegation_lists.load.document import read_document

    catalog = _catalog(tmp_path)
    expected = _report(dlists, catalog, None)
    cache = tmp_path / "cache"
    _report(dlists, catalog, cache)
    powers = catalog / "county" / "powers.yaml"
    clean = read_document(CATALOGS / "xunyang" / "county" / "powers.yaml", "x")
    key = content_key(powers.read_bytes(), powers)
    monkeypatch.setattr(cache_module, "secret", lambda: b"x" * 32)
    Cache(cache).put(key, clean)
    assert _report(dlists, catalog, cache) != expected  # with the attacker's own secret the lie would work
    monkeypatch.undo()
    assert _report(dlists, catalog, cache) == expected


def test_oversized_entries_are_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    catalog = CATALOGS / "xunyang"
    files = sorted(catalog.rglob("*.yaml"))
    cache = tmp_path / "cache"
    first = load_documents(files, cache=cache)
    monkeypatch.setattr(cache_module, "MAX_ENTRY", 10)
    store = Cache(cache)
    assert all(store.get(d.digest) is None for d in first if d.digest)


def test_restored_documents_equal_parsed_ones(tmp_path: Path):
    """A hit gives the same models as parsing: entries are validated again, field by field."""
    files = sorted((CATALOGS).rglob("*.yaml"))
    cache = tmp_path / "cache"
    parsed = load_documents(files, cache=cache)
    store = Cache(cache)
    for doc in parsed:
        if doc.digest is None:
            continue
        entry = store.get(doc.digest)
        assert entry is not None, doc.file
        back = restore(entry, doc.file, doc.path, None)
        assert back is not None
        assert back.items == doc.items and back.header == doc.header and back.region == doc.region, doc.file
        assert [i.model_fields_set if i else None for i in back.items] == [i.model_fields_set if i else None for i in doc.items]
        assert back.problems == doc.problems


def test_same_bytes_under_another_name_are_another_entry(tmp_path: Path):
    """Whether a file is `region.yaml` decides its kind, so it is part of the key."""
    from delegation_lists.load.digest import content_key

    raw = b"departments: []\n"
    assert content_key(raw, Path("a/region.yaml")) != content_key(raw, Path("b/other.yaml"))


def test_an_edit_between_reading_and_parsing_is_not_kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """The digest kept with a file's problems is the digest of the bytes parsed (TOCTOU): an edit made after
    the first read, then undone, never replays the edited file's problems."""
    import delegation_lists.load.many as many
    from delegation_lists.check import validate

    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    target = next(p for p in catalog.rglob("*.yaml") if "townships" in p.parts)
    good = target.read_bytes()
    cache = tmp_path / "cache"
    clean = validate([catalog], jobs=1).problems
    real_digest = many.digest

    def digest_then_edit(path: Path) -> str | None:
        key = real_digest(path)
        if path == target:
            path.write_bytes(good.replace(b"mode:", b"mode: [", 1))  # broken after it was hashed
        return key

    monkeypatch.setattr(many, "digest", digest_then_edit)
    import delegation_lists.check.strategy as strategy

    monkeypatch.setattr(strategy, "digest", digest_then_edit)
    validate([catalog], jobs=1, cache=cache)
    monkeypatch.undo()
    target.write_bytes(good)  # undone
    assert validate([catalog], jobs=1, cache=cache).problems == clean
