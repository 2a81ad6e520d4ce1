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
from dataclasses import dataclass, field
from pathlib import Path
from typing import Generic, TypeVar

from ..load.discover import discover
from ..load.document import Document
from ..load.heads import Files
from ..load.many import load_documents, workers_for
from ..load.workers import shared
from ..memory import paused_gc
from .catalog import Catalog
from .cuts import chains
from .tree import lineage, with_ancestors

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


@dataclass
class _Outcome(Generic[R]):
    value: R | None = None
    broken: int = 0
    mismatch: bool = False


@dataclass
class _Cut:
    """Subtrees packed into parts: each part's subtree keys, and the files under each key."""

    depth: int
    keys: list[list[str]] = field(default_factory=list)


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
    region_docs = load_documents([files[i] for i in heads.regions], encoding, None, 1, cache)
    if any(d.header is not None for d in region_docs):
        return _whole(files, op, encoding, as_of, jobs, cache)
    tree = Catalog.build(region_docs, as_of)
    tasks = _tasks(files, heads, tree, op, budget, workers_for(files, jobs), uncut, encoding, cache, as_of)
    if tasks is None:
        return _whole(files, op, encoding, as_of, jobs, cache)
    _set_regions(region_docs)
    workers = min(workers_for(files, jobs), len(tasks))
    if workers > 1:
        outcomes = shared(tasks, _run, _run, lambda o: o, workers, lambda _: None, _set_regions, (region_docs,))
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
        if any(not _as_guessed(doc, guess) for doc, guess in zip(docs, task.guesses, strict=True)):
            return _Outcome(mismatch=True)
        cat = Catalog.build(_REGIONS + docs, task.as_of)
        return _Outcome(task.op(cat, task.own), _broken(docs[: task.own_files]))


def _as_guessed(doc: Document, guess: str | None) -> bool:
    """Whether a parsed file is the list its head promised (a file that does not load, naming no jurisdiction
    even in its text, holds nothing for any part)."""
    if doc.region is not None or doc.kind == "region":
        return False
    jur = doc.header.jurisdiction if doc.header is not None else doc.claimed
    return jur == guess or (jur is None and doc.header is None and _broken([doc]) == 1)


def _tasks(files: list[Path], heads: Files, tree: Catalog, op: Operation[R], budget: int, workers: int, uncut: frozenset[str],
           encoding: str | None, cache: Path | None, as_of: dt.date | None) -> list[_Task[R]] | None:
    """One task per part, or None when a file's jurisdiction could not be read off its head."""
    rest = [i for i in range(len(files)) if i not in set(heads.regions)]
    if any(heads.guesses[i] is None for i in rest):
        return None
    places = tree.places
    found = chains(places, [heads.guesses[i] for i in rest])
    sizes = {i: heads.sizes[i] for i in rest}
    cut = _cut(found, heads, rest, sizes, budget, workers, {c: p.level for c, p in places.items()}, uncut)
    key_of = {jur: chain[min(cut.depth, len(chain) - 1)] for jur, chain in found.items() if jur is not None}
    files_of: dict[str, list[int]] = defaultdict(list)
    for i in rest:
        files_of[key_of[heads.guesses[i] or ""]].append(i)
    part_of = {key: n for n, keys in enumerate(cut.keys) for key in keys}
    owned: list[set[str]] = [set() for _ in cut.keys]
    for jur, key in key_of.items():
        owned[part_of[key]].add(jur)
    for code in places:  # jurisdictions without lists: with their subtree's part, else with the last part
        chain = lineage(places, code)[::-1]
        owned[part_of.get(chain[min(cut.depth, len(chain) - 1)], len(cut.keys) - 1)].add(code)
    by_jur: dict[str, list[int]] = defaultdict(list)
    for i in rest:
        by_jur[heads.guesses[i] or ""].append(i)
    tasks = []
    for keys, own in zip(cut.keys, owned, strict=True):
        mine = sorted(i for key in keys for i in files_of[key])
        context = sorted({i for jur in with_ancestors(places, own) - own for i in by_jur.get(jur, ())} - set(mine))
        chosen = mine + context
        tasks.append(_Task([files[i] for i in chosen], [heads.guesses[i] for i in chosen], len(mine), frozenset(own),
                           op, encoding, cache, as_of))
    return tasks


def _cut(found: dict[str | None, list[str]], heads: Files, rest: list[int], sizes: dict[int, int], budget: int,
         workers: int, levels: dict[str, str], uncut: frozenset[str]) -> _Cut:
    """The shallowest depth at which every subtree, with the lists above it, fits the budget (else the deepest
    allowed: never one whose subtrees are jurisdictions of an `uncut` level, such as villages, whose township's
    view needs them together), and its subtrees packed in tree order (siblings share their context) into parts of
    at most the budget, and of at most a share of the whole that gives every process two parts or more."""
    total = sum(sizes.values())
    by_jur: dict[str, int] = defaultdict(int)
    for i in rest:
        by_jur[found[heads.guesses[i]][-1]] += sizes[i]
    depth = 0
    for deeper in range(max(len(c) for c in found.values())):
        weight = _weights(found, heads, rest, sizes, deeper)
        if deeper and any(levels.get(k) in uncut for k in weight):
            break
        depth = deeper
        above = {c[min(deeper, len(c) - 1)]: c[: min(deeper, len(c) - 1)] for c in found.values()}
        if max(weight[k] + sum(by_jur.get(up, 0) for up in above.get(k, ())) for k in weight) <= budget:
            break
    weight = _weights(found, heads, rest, sizes, depth)
    cap = min(budget, max(total // (2 * max(workers, 1)), 1))
    prefix: dict[str, list[str]] = {}
    for chain in found.values():
        for j, code in enumerate(chain):
            prefix.setdefault(code, chain[: j + 1])
    order = sorted(weight, key=lambda k: prefix.get(k, [k]))
    cut, filled = _Cut(depth, [[]]), 0
    for key in order:
        if filled and filled + weight[key] > cap:
            cut.keys.append([])
            filled = 0
        cut.keys[-1].append(key)
        filled += weight[key]
    return cut


def _weights(found: dict[str | None, list[str]], heads: Files, rest: list[int], sizes: dict[int, int],
             depth: int) -> dict[str, int]:
    """Bytes of each subtree's own files when cutting at `depth`."""
    weight: dict[str, int] = defaultdict(int)
    for i in rest:
        chain = found[heads.guesses[i]]
        weight[chain[min(depth, len(chain) - 1)]] += sizes[i]
    return weight

