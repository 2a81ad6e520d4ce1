"""Re-validation after an edit: only what the edited files can affect is checked again.

A problem belongs to one file, and the rules read, for an item: its own file, the other lists of its
jurisdiction (duplicates), the lists of the jurisdictions above it (its `source`, inherited fields, chains of
sources) and the region files (jurisdictions, departments, delegation targets); no rule reads the lists of the
jurisdictions below. So an edit to a list of jurisdiction J can change the problems of J's files and of the
files of every jurisdiction under J, and of nothing else. The state of the last run (each file's bytes, its
jurisdiction, its problems) is kept in the cache, keyed by the file names, rules, day and encoding; the next run
re-checks the affected files with a catalog of just what they read, and keeps the other files' problems.
Any doubt (a region file changed, files added or removed, many files changed) means a full run.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..catalog import Catalog
from ..catalog.tree import with_ancestors, with_descendants
from ..load.document import Document
from ..load.many import load_documents
from ..problems import Problem, Selection, by_file

#: above this share of changed files a full run is as quick
MAX_CHANGED = 0.1


@dataclass
class State:
    """The last run over a list of files: per file its digest, jurisdiction (lists), region flag, item count and
    (targets) problems."""

    digests: list[str]
    jurisdictions: list[str | None]
    regions: list[bool]
    items: list[int]
    problems: dict[str, list[Problem]]


def state_key(files: list[Path], targets: list[Path], selection: Selection, day: dt.date, encoding: str | None) -> str:
    """The names a state is kept under: the files (and which are targets), rules, day and encoding."""
    wanted = set(targets)
    h = hashlib.blake2b(digest_size=20)
    h.update(repr(("state", sorted(selection.select) if selection.select is not None else None,
                   sorted(selection.ignore), day.isoformat(), encoding)).encode())
    for path in files:
        h.update(f"\n{path.as_posix()}\0{path in wanted}".encode())
    return h.hexdigest()


def make_state(docs: list[Document], keys: list[str], problems: list[Problem]) -> State:
    """The state of a full run: its documents (with their digests) and the problems it reported."""
    # each document's own digest (of the bytes it was parsed from) where it has one: a file edited between the
    # first read and the parse must not be kept as {old digest -> new problems}
    digests = [d.digest or k for d, k in zip(docs, keys, strict=True)]
    return State(digests, [_jurisdiction(d) for d in docs],
                 [d.region is not None or d.kind == "region" for d in docs], [len(d.items) + len(d.duties) for d in docs], by_file(problems))


Check = Callable[[list[Document], set[str]], list[Problem]]


def _jurisdiction(doc: Document) -> str | None:
    return doc.header.jurisdiction if doc.header is not None else None


def recheck(state: State, files: list[Path], targets: list[Path], keys: list[str], changed: list[int],
            check: Check, cache: Path, encoding: str | None) -> tuple[list[Problem], State] | None:
    """(every target's problems, the new state) re-checking only what `changed` files can affect, or None when
    a full run is needed. `check(docs, target names) -> problems` runs the rules (validate.check)."""
    if len(changed) > max(1, MAX_CHANGED * len(files)) or any(state.regions[i] for i in changed):
        return None
    fresh = dict(zip(changed, load_documents([files[i] for i in changed], encoding, cache=cache,
                                             keys=[keys[i] for i in changed]), strict=True))
    if any(d.region is not None or d.kind in ("region", "adjustments") for d in fresh.values()):
        return None  # a region file reaches every list; a records file, the others (duplicate ids)
    jurs = [_jurisdiction(fresh[i]) if i in fresh else j for i, j in enumerate(state.jurisdictions)]
    region_at = [i for i, r in enumerate(state.regions) if r]
    region_docs = load_documents([files[i] for i in region_at], encoding, cache=cache, keys=[keys[i] for i in region_at])
    tree = Catalog.build(region_docs)
    edited = {j for i in changed for j in (state.jurisdictions[i], jurs[i]) if j is not None}
    affected = with_descendants(tree.places, edited)
    needed = with_ancestors(tree.places, affected)
    picked = [i for i in range(len(files)) if state.regions[i] or i in fresh or jurs[i] in needed]
    load = [i for i in picked if i not in fresh and not state.regions[i]]
    loaded = dict(zip(load, load_documents([files[i] for i in load], encoding, cache=cache,
                                           keys=[keys[i] for i in load]), strict=True))
    loaded.update(fresh)
    loaded.update(zip(region_at, region_docs, strict=True))
    wanted = set(targets)
    redo = {files[i].as_posix() for i in range(len(files)) if files[i] in wanted and (i in fresh or jurs[i] in affected)}
    found = check([loaded[i] for i in picked], redo)
    problems = {f: ps for f, ps in state.problems.items() if f not in redo}
    for p in found:
        problems.setdefault(p.file, []).append(p)
    items = [len(fresh[i].items) if i in fresh else n for i, n in enumerate(state.items)]
    # each file read again is kept under the digest of the bytes parsed: one edited after `keys` were read must
    # not be kept as {old digest -> new problems}
    digests = [d.digest if i in loaded and (d := loaded[i]).digest else k for i, k in enumerate(keys)]
    new = State(digests, jurs, state.regions, items, problems)
    return sorted((p for ps in problems.values() for p in ps), key=Problem.sort_key), new
