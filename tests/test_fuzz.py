"""Fuzzing the loader and `validate` on mutated example catalogs (issue 13): byte flips, inserted bytes and odd
characters, deleted and swapped lines, changed indentation, full-width punctuation typed by an input method. Never a
traceback, and one report whichever way it is made: the rapidyaml or the PyYAML path, with or without the parse
cache (cold, then warm: cached documents and the kept state of the last run), in one process or with workers.

Examples per test are set in tests/fuzzing.py (`DLISTS_FUZZ_SCALE`; CI runs the same examples every time)."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from conftest import CATALOGS, Run, yaml_backend
from delegation_lists.load.document import read_document
from delegation_lists.load.many import load_documents
from fuzzing import fuzz_settings, mutated, mutation

SOURCES = sorted(CATALOGS.rglob("*.yaml"))
XUNYANG = CATALOGS / "xunyang"
FILES = sorted(p.relative_to(XUNYANG) for p in XUNYANG.rglob("*.yaml"))
RUN = Run()




def _loaded(raw: bytes, name: str, fast: bool) -> tuple[Any, ...]:
    with yaml_backend(fast):
        doc = read_document(Path(name), name, raw=raw)
    return (doc.kind, repr(doc.data), doc.region, doc.header, doc.items, doc.duties, doc.adjustments, doc.problems)


@given(st.sampled_from(SOURCES).flatmap(lambda p: st.tuples(st.just(p.name), mutated([p.read_bytes()]))))
@fuzz_settings(300)
def test_loader_on_mutated_files(case: tuple[str, bytes]) -> None:
    """Any bytes give a document (problems, never an exception), the same on both parser paths."""
    name, raw = case
    assert _loaded(raw, name, True) == _loaded(raw, name, False)


def _validate(catalog: Path, *args: str, fast: bool = True, cache: Path | None = None) -> tuple[int, str]:
    env = {"DLISTS_NO_CACHE": "", "DLISTS_CACHE_DIR": str(cache)} if cache else {}
    with yaml_backend(fast):
        result = RUN("validate", catalog, *args, env=env)
    assert "bug in dlists" not in result.output and "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code in (0, 1), (result.exit_code, result.output)
    return result.exit_code, result.stdout


@st.composite
def _edits(draw: st.DrawFn) -> dict[Path, bytes]:
    """One to three files of the example catalog, each mutated one to three times."""
    files = draw(st.lists(st.sampled_from(FILES), min_size=1, max_size=3, unique=True))
    out = {}
    for rel in files:
        raw = (XUNYANG / rel).read_bytes()
        for _ in range(draw(st.integers(1, 3))):
            raw = draw(mutation(raw))
        out[rel] = raw
    return out


@given(_edits())
@fuzz_settings(45)
def test_validate_on_mutated_catalogs(edits: dict[Path, bytes]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Path(tmp) / "xunyang"
        shutil.copytree(XUNYANG, catalog)
        for rel, raw in edits.items():
            (catalog / rel).write_bytes(raw)
        expected = _validate(catalog, "-f", "json")
        assert _validate(catalog, "-f", "json", fast=False) == expected
        cache = Path(tmp) / "cache"
        assert _validate(catalog, "-f", "json", cache=cache) == expected  # cold
        assert _validate(catalog, "-f", "json", cache=cache) == expected  # warm: the kept state
        assert _validate(catalog, "-f", "json", "-J", "2") == expected  # shards or worker processes
        text = _validate(catalog, "--lang", "zh")  # the text report shows each problem's source line
        assert text[0] == expected[0]


def test_cached_documents_equal_parsed_ones_after_mutation(tmp_path: Path) -> None:
    """The cache's round trip on every mutated example file the loader test makes first (a deterministic set)."""
    import random

    rng = random.Random(13)
    files = []
    for i, source in enumerate(SOURCES):
        raw = bytearray(source.read_bytes())
        for _ in range(3):
            at = rng.randrange(len(raw))
            raw[at] ^= 1 << rng.randrange(8)
        path = tmp_path / f"{i}-{source.name}"
        path.write_bytes(bytes(raw))
        files.append(path)
    plain = load_documents(files)
    cache = tmp_path / "cache"
    load_documents(files, cache=cache)
    again = load_documents(files, cache=cache)
    for a, b in zip(plain, again, strict=True):
        assert (a.kind, a.header, a.items, a.duties, a.region, a.problems) == (b.kind, b.header, b.items, b.duties, b.region, b.problems), a.file


def test_found_a_broken_parent_list_that_cannot_be_guessed(tmp_path: Path) -> None:
    """Found by the fuzz test: the county's duty guide without its `list:` line (its jurisdiction cannot be read
    off its head, but the loader still knows whose it is) made the sharded run report 1,396 DL311 "source is not
    a duty of 旬阳市's duty lists" that the plain run rightly leaves out; now the shards give up on such a file."""
    catalog = tmp_path / "xunyang"
    shutil.copytree(XUNYANG, catalog)
    guide = catalog / "county" / "duty-guide.yaml"
    guide.write_bytes(guide.read_bytes().replace(b"\nlist:\n", b"\n", 1))
    expected = _validate(catalog, "-f", "json")
    assert '"DL311"' not in expected[1]
    assert _validate(catalog, "-f", "json", "-J", "2") == expected
