"""Validating a large catalog shard by shard (shards.py), each shard in a worker process or in this one.

Each shard is loaded, built into a catalog (its lists, the lists above them, every region file) and checked
where it runs, and only its problems are sent back: loading, building and rules all run in parallel and no
items cross between processes. Every file's guessed jurisdiction is compared with the parsed file; any
difference (or a list where a region file was expected) makes `check_sharded` return None, and the caller runs
the ordinary check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..catalog import Catalog
from ..load.cache import Cache
from ..load.document import Document
from ..load.many import load_documents
from ..load.workers import shared
from ..memory import paused_gc
from ..problems import Problem, Selection, by_file
from .incremental import State
from .report import Report
from .run import check
from .shards import Files, plan

_REGIONS: list[Document] = []  # the region files, parsed once by the parent (set in each worker process)


@dataclass
class Task:
    """One shard: its files (in catalog order) with their guessed jurisdictions and cache keys, and which of
    them are targets. A shard without targets is only parsed, to prove its guesses."""

    paths: list[Path]
    guesses: list[str | None]
    keys: list[str | None] | None
    targets: list[str]
    encoding: str | None
    cache: Path | None
    selection: Selection
    day: dt.date


@dataclass
class Outcome:
    """What a shard sends back: its problems (located) and the texts of their files, and for each of its files
    the jurisdiction read, the item count and the digest of the bytes parsed (with the cache: kept with the
    problems, never the digest the parent read before, which an edit in between makes another file's);
    `mismatch` when a guess was wrong (nothing else is then set)."""

    mismatch: bool = False
    problems: list[Problem] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    files: dict[str, tuple[str | None, int, str | None]] = field(default_factory=dict)


def _set_regions(docs: list[Document]) -> None:
    _REGIONS[:] = docs


def _run(task: Task) -> Outcome:
    """Load, check and report one shard (in a worker process, or in the parent)."""
    with paused_gc():
        return _check(task)


def _check(task: Task) -> Outcome:
    docs = load_documents(task.paths, task.encoding, None, 1, task.cache, keys=task.keys)
    out = Outcome()
    for doc, guess in zip(docs, task.guesses, strict=True):
        jur = doc.header.jurisdiction if doc.header is not None else None
        # a list that does not load still names its jurisdiction (`claimed`): the lists below it are told so
        # (no flood of sources not found), so it must be where its jurisdiction's shards read it
        named = jur if doc.header is not None else doc.claimed
        if doc.region is not None or doc.kind == "region" or (named is not None and named != guess):
            return Outcome(mismatch=True)
        out.files[doc.file] = (jur, len(doc.items) + len(doc.duties), doc.digest)
    if task.targets:
        store = Cache(task.cache, task.encoding) if task.cache is not None else None
        report = check(_REGIONS + docs, task.targets, task.selection, task.day, store)
        out.problems, out.texts = report.problems, report.texts
    return out


def check_sharded(found: Files, targets: list[Path], selection: Selection, day: dt.date, encoding: str | None,
                  cache: Path | None, workers: int, progress: Callable[[int, int], None] | None = None,
                  ) -> tuple[list[Problem], dict[str, str], int, State | None] | None:
    """(problems of the targets sorted, texts of their files, their item count, the run's state for
    incremental.py or None when not every file could be read), checked shard by shard in `workers` processes;
    None when a guess proved wrong (the caller runs the ordinary check)."""
    paths, wanted = found.paths, set(targets)
    region_docs = load_documents([paths[i] for i in found.regions], encoding, None, 1, cache,
                                 keys=[found.keys[i] for i in found.regions] if cache else None)
    if any(d.header is not None for d in region_docs):
        return None
    tree = Catalog.build(region_docs)
    regions = set(found.regions)
    rest = [i for i in range(len(paths)) if i not in regions]
    shards = plan([paths[i] for i in rest], [found.sizes[i] for i in rest], [found.guesses[i] for i in rest],
                  wanted, tree, workers)
    tasks = [Task([paths[rest[j]] for j in s], [found.guesses[rest[j]] for j in s],
                  [found.keys[rest[j]] for j in s] if cache else None,
                  [paths[rest[j]].as_posix() for j in s if j in own and paths[rest[j]] in wanted], encoding, cache,
                  selection, day)
             for s, own in shards]
    done, total = [len(region_docs)], len(paths)

    def finished(i: int) -> None:
        done[0] += len(tasks[i].paths)
        if progress:
            progress(min(done[0], total), total)

    _set_regions(region_docs)
    store = Cache(cache, encoding) if cache is not None else None
    regions_checked: list[Report] = []

    def check_regions() -> None:  # the region files' own problems: here, while the workers take their first shards
        regions_checked.append(check(region_docs, [d.file for d in region_docs if d.path in wanted], selection, day, store))

    if len(tasks) == 1:  # the plan found one process as quick: no worker processes at all
        outcomes = [_run(tasks[0])]
        finished(0)
    else:
        outcomes = shared(tasks, _run, _run, lambda o: o, workers, finished, _set_regions, (region_docs,),
                          largest_first=True, meanwhile=check_regions)
    if any(o.mismatch for o in outcomes):
        return None
    if not regions_checked:
        check_regions()
    own = regions_checked[0]
    problems = own.problems + [p for o in outcomes for p in o.problems]
    texts = {**own.texts, **{f: t for o in outcomes for f, t in o.texts.items()}}
    problems.sort(key=Problem.sort_key)
    seen = {f: info for o in outcomes for f, info in o.files.items()}
    items = sum(seen[p.as_posix()][1] for p in targets if p.as_posix() in seen)
    return problems, texts, items, _state(found, region_docs, seen, problems)


def _state(found: Files, region_docs: list[Document], seen: dict[str, tuple[str | None, int, str | None]],
           problems: list[Problem]) -> State | None:
    """The state incremental.py keeps, from what the shards read, each file under the digest of the bytes parsed
    (None without every file's digest)."""
    regions = {found.regions[j]: d for j, d in enumerate(region_docs)}
    jurs: list[str | None] = []
    flags, items, digests = [], [], []
    for i, path in enumerate(found.paths):
        doc = regions.get(i)
        jur, count, digest = (None, 0, doc.digest) if doc is not None else seen[path.as_posix()]
        if digest is None:
            return None
        jurs.append(jur)
        flags.append(doc is not None and (doc.region is not None or doc.kind == "region"))
        items.append(count)
        digests.append(digest)
    return State(digests, jurs, flags, items, by_file(problems))
