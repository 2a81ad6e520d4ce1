"""An operation on a large catalog, part by part: no process ever holds the whole catalog.

A catalog of a province (300,000 items) takes over a gigabyte once built. Operations that answer per
jurisdiction (stats, reconcile) only read a jurisdiction's lists, the lists above it and the region files, so
the jurisdiction tree is cut into subtrees, the subtrees are packed into parts of at most `PART_BYTES` of YAML
(their own files plus the lists above them, read again as context), and each part is loaded, built and handed
to the operation in turn, in worker processes when there are several cores. The operation is told which
jurisdictions the part answers for (`own`); the caller merges the parts' results.

Which file belongs to which jurisdiction is read off each file's first lines (load/heads.py); every parsed file
is compared with that guess, and any difference (or a file whose jurisdiction cannot be read, or a small
catalog) makes the operation run once on the whole catalog instead: the same answer, only without the bound.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from ..load.discover import discover
from ..load.document import Document
from ..load.heads import Files
from ..load.many import load_documents, workers_for
from ..load.workers import shared
from ..memory import paused_gc
from .catalog import Catalog
from .plan import as_guessed, plan_parts
from .tree import with_ancestors

R = TypeVar("R")

#: YAML bytes of one part (own files and context): about 15-20x that in memory once built
PART_BYTES = 6_000_000

#: an operation on one part's catalog; `own` is None when the catalog is whole
Operation = Callable[[Catalog, "frozenset[str] | None"], R]

_REGIONS: list[Document] = []  # the region files, parsed once by the parent (set in each worker process)


@dataclass
class Parts(Generic[R]):
    """What a run gives back: each part's result (one result when the catalog was whole), the region files'
    catalog (places and departments: names and codes for the caller), and the files with load/schema errors."""

    results: list[R]
    tree: Catalog
    broken: int
    whole: bool


@dataclass
class _Task(Generic[R]):
    paths: list[Path]
    guesses: list[str | None]
    own_files: int  # how many of `paths` (the first ones) are the part's own; the rest is context
    own: frozenset[str]
    op: Operation[R]
    encoding: str | None
    cache: Path | None
    as_of: dt.date | None
    size: int = 0  # bytes of YAML the part reads


@dataclass
class _Outcome(Generic[R]):
    value: R | None = None
    broken: int = 0
    mismatch: bool = False


def run_in_parts(paths: Iterable[str | Path], op: Operation[R], *, encoding: str | None = None,
                 exclude: Iterable[str] = (), as_of: dt.date | None = None, jobs: int | None = None,
                 cache: Path | None = None, budget: int = PART_BYTES, uncut: frozenset[str] = frozenset()) -> Parts[R]:
    """`op` on the catalog of `paths` (with their context), part by part when it is larger than `budget`;
    `uncut`: levels of jurisdiction whose siblings are never split between parts (see `_cut`)."""
    found = discover(paths, exclude)
    files = found.targets + found.context
    heads = Files.read(files)
    if sum(heads.sizes) <= budget:
        return _whole(files, op, encoding, as_of, jobs, cache)
    region_docs = load_documents([files[i] for i in [*heads.regions, *heads.records]], encoding, None, 1, cache)  # shared by every part
    if any(d.header is not None for d in region_docs):
        return _whole(files, op, encoding, as_of, jobs, cache)
    tree = Catalog.build(region_docs, as_of)
    tasks = _tasks(files, heads, tree, op, budget, workers_for(files, jobs), uncut, encoding, cache, as_of)
    if tasks is None:
        return _whole(files, op, encoding, as_of, jobs, cache)
    _set_regions(region_docs)
    workers = min(workers_for(files, jobs), len(tasks))
    if workers > 1:  # largest first: each process ends on small parts
        outcomes = shared(tasks, _run, _run, lambda o: o, workers, lambda _: None, _set_regions, (region_docs,),
                          sizes=[t.size for t in tasks])
    else:
        outcomes = [_run(t) for t in tasks]
    if any(o.mismatch for o in outcomes):
        return _whole(files, op, encoding, as_of, jobs, cache)
    broken = sum(o.broken for o in outcomes) + _broken(region_docs)
    return Parts([o.value for o in outcomes if o.value is not None], tree, broken, whole=False)


def _whole(files: list[Path], op: Operation[R], encoding: str | None, as_of: dt.date | None, jobs: int | None,
           cache: Path | None) -> Parts[R]:
    docs = load_documents(files, encoding, None, jobs, cache)
    with paused_gc():
        cat = Catalog.build(docs, as_of)
        tree = Catalog.build([d for d in docs if d.kind == "region"], as_of)
        return Parts([op(cat, None)], tree, _broken(docs), whole=True)


def _broken(docs: list[Document]) -> int:
    return sum(1 for d in docs if any(p.severity == "error" for p in d.problems))


def _set_regions(docs: list[Document]) -> None:
    _REGIONS[:] = docs


def _run(task: _Task[R]) -> _Outcome[R]:
    """Load one part, check its guesses, build its catalog and run the operation (in a worker or here)."""
    with paused_gc():
        docs = load_documents(task.paths, task.encoding, None, 1, task.cache)
        if any(not as_guessed(doc, guess) for doc, guess in zip(docs, task.guesses, strict=True)):
            return _Outcome(mismatch=True)
        cat = Catalog.build(_REGIONS + docs, task.as_of)
        return _Outcome(task.op(cat, task.own), _broken(docs[: task.own_files]))



def _tasks(files: list[Path], heads: Files, tree: Catalog, op: Operation[R], budget: int, workers: int, uncut: frozenset[str],
           encoding: str | None, cache: Path | None, as_of: dt.date | None) -> list[_Task[R]] | None:
    """One task per part, or None when a file's jurisdiction could not be read off its head."""
    regions = set(heads.regions) | set(heads.records)  # (read by the parent, shared by every part)
    guesses = {i: heads.guesses[i] for i in range(len(files)) if i not in regions}
    if not guesses or any(g is None for g in guesses.values()):
        return None
    known = {i: g for i, g in guesses.items() if g is not None}
    plans = plan_parts(known, {i: heads.sizes[i] for i in known}, tree.places, budget, workers, uncut)
    by_jur: dict[str, list[int]] = defaultdict(list)
    for i, jur in known.items():
        by_jur[jur].append(i)
    tasks = []
    for plan in plans:
        own = plan.own
        context = sorted({i for jur in with_ancestors(tree.places, own) - own for i in by_jur.get(jur, ())} - set(plan.files))
        chosen = plan.files + context
        tasks.append(_Task([files[i] for i in chosen], [heads.guesses[i] for i in chosen], len(plan.files), own,
                           op, encoding, cache, as_of, sum(heads.sizes[i] for i in chosen)))
    return tasks
