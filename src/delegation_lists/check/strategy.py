"""`validate`: files -> documents -> catalog -> rule problems -> a Report (no printing here), by the quickest
strategy that gives the same report: the kept state of the last run, incremental re-checking, shards in
worker processes, or one plain pass (run.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..load.cache import Cache
from ..load.discover import discover
from ..load.document import Document
from ..load.many import Progress, digest, load_documents, workers_for
from ..memory import paused_gc
from ..problems import Problem, Selection
from .incremental import State, make_state, recheck, state_key
from .report import Report
from .run import check
from .sharded import check_sharded
from .shards import Files


def validate(
    paths: Iterable[str | Path],
    selection: Selection | None = None,
    *,
    encoding: str | None = None,
    exclude: Iterable[str] = (),
    as_of: dt.date | None = None,
    progress: Progress | None = None,
    jobs: int | None = None,
    cache: Path | None = None,
) -> Report:
    """Validate files and folders (each in the context of its whole catalog). `jobs`: worker processes
    (default: one per core for large catalogs); `cache`: the folder holding the parse cache (none: no cache).
    With the cache, the state of the last run over the same files, rules and day is kept too: an unchanged
    catalog gives its kept problems, an edited one is re-checked only where the edit reaches (incremental.py)."""
    found = discover(paths, exclude)
    files = found.targets + found.context
    selection = selection or Selection()
    day = as_of or dt.date.today()
    store = Cache(cache, encoding) if cache is not None else None
    read = [digest(p) for p in files] if store is not None else []
    keys = [k for k in read if k is not None]
    skey = state_key(files, found.targets, selection, day, encoding) if store is not None and len(keys) == len(files) else None
    if cache is not None and store is not None and skey is not None:
        kept = _rerun(store.state(skey, State), files, found.targets, keys, selection, day, store, cache, encoding)
        if kept is not None:
            problems, state, changed = kept
            if changed:
                store.save_state(skey, state)
            wanted = set(found.targets)
            items = sum(n for p, n in zip(files, state.items, strict=True) if p in wanted)
            return _reopened(problems, len(found.targets), items, encoding)
    workers = workers_for(files, jobs)
    if workers > 1:
        sharded = check_sharded(Files.read(files, read or None), found.targets, selection, day, encoding,
                                cache, workers, progress)
        if sharded is not None:
            problems, texts, items, fresh = sharded
            if store is not None and skey is not None and fresh is not None:
                store.save_state(skey, fresh)
            return Report(problems, len(found.targets), items, texts)
    docs = load_documents(files, encoding, progress, jobs, cache, keys=read or None)
    with paused_gc():
        report = check(docs, (p.as_posix() for p in found.targets), selection, day, store)
    if store is not None and skey is not None:
        store.save_state(skey, make_state(docs, keys, report.problems))
    return report


def _rerun(state: object, files: list[Path], targets: list[Path], keys: list[str], selection: Selection,
           day: dt.date, store: Cache, cache: Path, encoding: str | None) -> tuple[list[Problem], State, bool] | None:
    """(problems, state, whether the state changed) from the last run's state: its problems when no file
    changed, re-checked where an edit reaches otherwise (None: a full run is needed)."""
    if not isinstance(state, State) or len(state.digests) != len(files):
        return None
    changed = [i for i, k in enumerate(keys) if k != state.digests[i]]
    if not changed:
        return sorted((p for ps in state.problems.values() for p in ps), key=Problem.sort_key), state, False
    with paused_gc():
        done = recheck(state, files, targets, keys, changed,
                       lambda docs, names: check(docs, names, selection, day, store).problems, cache, encoding)
    return None if done is None else (*done, True)


def _reopened(problems: list[Problem], files: int, items: int, encoding: str | None) -> Report:
    """A kept report, with the texts of its files with problems read again (for showing source lines)."""
    texts = {name: Document(name, Path(name), text=None, encoding=encoding).original() for name in {p.file for p in problems}}
    return Report(problems, files, items, texts)
