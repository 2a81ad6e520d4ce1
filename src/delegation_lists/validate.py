"""`validate`: files -> documents -> catalog -> rule problems -> a Report (no printing here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .incremental import State, make_state, recheck, state_key
from .load.cache import Cache, place_cached
from .load.discover import discover
from .load.document import Document
from .load.locate import place
from .load.many import Progress, digest, load_documents, workers_for
from .load.yaml import paused_gc
from .rules import RULES, Problem, Selection
from .rules.registry import checks
from .sharded import check_sharded
from .shards import Files


@dataclass
class Report:
    """The result of a validation run."""

    problems: list[Problem]
    files: int
    items: int
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # file -> text, for showing source lines

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0}
        for p in self.problems:
            out[p.severity] += 1
        return out

    def failed(self, strict: bool = False) -> bool:
        c = self.counts()
        return bool(c["error"] or (strict and c["warning"]))


def run_rules(cat: Catalog, selection: Selection) -> list[Problem]:
    """Every enabled catalog rule over the catalog, with waivers (`waive:` on an item or a list header) applied."""
    found = [p for r in checks(selection) if r.check is not None for p in r.check(cat)]
    waivers: dict[tuple[str, str | int], dict[str, str]] = {(e.file, e.index): e.raw.waive for e in cat.described if e.raw.waive}
    for doc in cat.docs:
        if doc.header is not None and doc.header.waive:
            waivers[(doc.file, "list")] = doc.header.waive
    if not waivers:
        return found
    return [p for p in found if p.code not in waivers.get((p.file, p.loc[1] if len(p.loc) > 1 else -1), {})
            and p.code not in waivers.get((p.file, "list"), {})]


def check(docs: list[Document], targets: Iterable[str], selection: Selection, as_of: dt.date | None = None,
          cache: Cache | None = None) -> Report:
    """Run load, schema and catalog rules; keep the problems of `targets`, located (through the parse cache's
    remembered positions when given) and sorted."""
    wanted = set(targets)
    cat = Catalog.build(docs, as_of)
    problems = [p for d in docs for p in d.problems] + run_rules(cat, selection)
    problems = [p for p in problems if p.file in wanted and selection.enabled(p.code)]
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_file[p.file].append(p)
    files = {d.file: d for d in docs}
    texts = {f: files[f].source() for f in by_file if f in files}  # for showing source lines
    located = [q for f, ps in by_file.items() for q in (place_cached(ps, files[f], cache) if f in files else place(ps, ""))]
    located.sort(key=Problem.sort_key)
    items = sum(len(d.items) for d in docs if d.file in wanted)
    return Report(located, len(wanted), items, texts)


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
        kept = _rerun(store.state(skey), files, found.targets, keys, selection, day, store, cache, encoding)
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
    texts = {name: Document(name, Path(name), text=None, encoding=encoding).source() for name in {p.file for p in problems}}
    return Report(problems, files, items, texts)


def load_catalog(
    paths: Iterable[str | Path], *, encoding: str | None = None, exclude: Iterable[str] = (),
    as_of: dt.date | None = None, jobs: int | None = None, cache: Path | None = None,
) -> tuple[Catalog, int]:
    """The catalog of the given paths (with their context) and the number of files with load/schema errors."""
    found = discover(paths, exclude)
    docs = load_documents(found.targets + found.context, encoding, None, jobs, cache)
    broken = sum(1 for d in docs if any(p.severity == "error" for p in d.problems))
    with paused_gc():
        return Catalog.build(docs, as_of), broken


__all__ = ["RULES", "Report", "check", "load_catalog", "load_documents", "run_rules", "validate"]
