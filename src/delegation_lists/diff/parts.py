"""`compare`: the diff of two versions of a catalog, part by part when they are large: no process holds both
versions whole (a province's two versions take 1.4 GB built; 2.1 GB read from git).

The parts are planned on the files of both versions together (catalog/plan.py): a jurisdiction's files of
both versions go to one part, with the files of the jurisdictions above it (in either version's region tree)
as context; the region files and the files of adjustment records are read here, once, and handed to every
part. Each part reads its files (a changed file with its earlier version: load/versions.py), diffs the
jurisdictions it owns (part.py) in a worker process or here, and join.py joins them. A `REV:PATH` version's
blobs are read here in one go (as `git cat-file` gives them) and each part parses its own.

The one pass over both versions whole (what `diff` does) remains the answer whenever the parts could differ
from it: a small catalog, a file whose head does not say its jurisdiction or says another than its parsed
header, a region or records file that is also a list, a blob too large to read, or a join that finds something
a part could not see (join.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..catalog.catalog import Catalog
from ..catalog.parts import PART_BYTES
from ..catalog.plan import as_guessed, plan_parts
from ..load.document import Document
from ..load.git import GitFile, git_files, is_git_spec
from ..load.heads import Files
from ..load.many import workers_for
from ..load.versions import read_versions
from ..load.workers import shared
from ..memory import paused_gc
from .changes import RecordedRename
from .fields import Options
from .join import diff, join
from .part import PartDiff, diff_part
from .records import named_by_records, recorded_renames
from .results import DiffResult
from .side import Side, git_relative, index_doc, load_sides, version_base, version_files


@dataclass
class Compared:
    """A diff with its two versions: their region files, records, files that did not load and how many files
    had problems (and, when compared whole, their items)."""

    result: DiffResult
    old: Side
    new: Side
    parts: int  # how many parts it was compared in (1: whole)


@dataclass(frozen=True)
class _File:
    """A file of a part: its version (0 old, 1 new), place in the version, name there, guessed jurisdiction,
    and for a version read from git, its blob."""

    version: int
    at: int
    path: Path
    rel: str
    guess: str | None
    own: bool
    blob: GitFile | None = None


@dataclass
class _Task:
    files: list[_File]
    own: frozenset[str]
    opts: Options
    named: frozenset[str]
    renames: tuple[RecordedRename, ...]
    encoding: str | None
    cache: Path | None


@dataclass
class _Outcome:
    part: PartDiff | None = None
    mismatch: bool = False


_VERSIONS: list[Side] = []  # both versions' region files and records (set in each worker process)


@paused_gc()
def compare(old: str, new: str, opts: Options | None = None, encoding: str | None = None, cache: Path | None = None,
            jobs: int | None = None, budget: int = PART_BYTES) -> Compared:
    """The diff of the versions `old` and `new` (folders, files or `REV:PATH`), part by part when they are large."""
    opts = opts or Options()
    found = _in_parts([old, new], opts, encoding, cache, jobs, budget)
    if found is not None:
        return found
    sides = load_sides([old, new], encoding, cache)
    return Compared(diff(sides[0], sides[1], opts), sides[0], sides[1], 1)


@dataclass
class _Versions:
    """The files of both versions, one list (old, then new), with where each comes from."""

    paths: list[Path] = field(default_factory=list)
    version: list[int] = field(default_factory=list)
    at: list[int] = field(default_factory=list)
    rel: list[str] = field(default_factory=list)
    blobs: list[GitFile | None] = field(default_factory=list)

    def add(self, version: int, path: Path, rel: str, blob: GitFile | None = None) -> None:
        """The next file of `version` (the old version's files all come first)."""
        self.at.append(self.at[-1] + 1 if self.version and self.version[-1] == version else 0)
        self.paths.append(path)
        self.version.append(version)
        self.rel.append(rel)
        self.blobs.append(blob)


def _files(args: list[str]) -> _Versions | None:
    """The files of both versions (None: a blob too large to read, which the whole pass reports)."""
    out = _Versions()
    for v, arg in enumerate(args):
        if is_git_spec(arg):
            for blob in git_files(arg):
                if blob.raw is None:
                    return None
                out.add(v, blob.path, git_relative(arg, blob.name), blob)
        else:
            base = version_base(Path(arg))
            for path in version_files(Path(arg)):
                out.add(v, path, path.relative_to(base).as_posix() if path.is_relative_to(base) else path.as_posix())
    return out


def _in_parts(args: list[str], opts: Options, encoding: str | None, cache: Path | None, jobs: int | None,
              budget: int) -> Compared | None:
    """The diff in parts, or None: run it whole (see the module's doc)."""
    files = _files(args)
    if files is None:
        return None
    heads = Files.read(files.paths, raws=[b.raw if b is not None else None for b in files.blobs])
    if sum(heads.sizes) <= budget:
        return None
    shared_files = sorted({*heads.regions, *heads.records})
    docs = read_versions([files.paths[i] for i in shared_files], [None] * len(shared_files), encoding, cache,
                         [files.blobs[i] for i in shared_files])
    if any(d.header is not None for d in docs):
        return None
    versions = [Side(), Side()]
    for i, doc in zip(shared_files, docs, strict=True):
        index_doc(versions[files.version[i]], files.rel[i], files.at[i], doc)
    apart = set(shared_files)
    guesses = {i: heads.guesses[i] for i in range(len(files.paths)) if i not in apart}
    known = {i: g for i, g in guesses.items() if g is not None}
    if not known or len(known) < len(guesses):
        return None
    workers = workers_for(files.paths, jobs, sum(heads.sizes))
    tree = Catalog.build([d for d in docs if d.kind == "region"], None)
    plans = plan_parts(known, {i: heads.sizes[i] for i in known}, tree.places, budget, workers)
    by_jur: dict[str, list[int]] = {}
    for i, jur in known.items():
        by_jur.setdefault(jur, []).append(i)
    named = named_by_records(versions[0], versions[1])
    renames = recorded_renames(versions[0], versions[1])
    tasks, sizes = [], []
    for plan in plans:
        context = {i for jur in _above(plan.own, versions) for i in by_jur.get(jur, ())} - set(plan.files)
        parted = [_File(files.version[i], files.at[i], files.paths[i], files.rel[i], known[i], i not in context, files.blobs[i])
                  for i in plan.files + sorted(context)]
        tasks.append(_Task(parted, plan.own, opts, named, renames, encoding, cache))
        sizes.append(sum(heads.sizes[i] for i in plan.files) + sum(heads.sizes[i] for i in context))
    _set_versions(versions)
    workers = min(workers, len(tasks))
    if workers > 1:
        outcomes = shared(tasks, _run, _run, lambda o: o, workers, lambda _: None, _set_versions, (versions,), sizes=sizes)
    else:
        outcomes = [_run(t) for t in tasks]
    parts = [o.part for o in outcomes if o.part is not None]
    if len(parts) < len(outcomes):
        return None
    for p in parts:
        for v in (0, 1):
            versions[v].broken |= p.broken[v]
            versions[v].problems += p.problems[v]
    owner = {jur: n for n, plan in enumerate(plans) for jur in plan.own}
    result = join(parts, versions[0], versions[1], opts, owner.get)
    return None if result is None else Compared(result, versions[0], versions[1], len(parts))


def _above(own: frozenset[str], versions: list[Side]) -> set[str]:
    """The jurisdictions above those in `own` in either version's region tree (their items are sources)."""
    out: set[str] = set()
    for code in own:
        for side in versions:
            up = side.parents.get(code)
            while up is not None and up not in out and up not in own:
                out.add(up)
                up = side.parents.get(up)
    return out


def _read(files: list[_File], encoding: str | None, cache: Path | None) -> list[Document]:
    """The documents of a part's files, each changed file read with its earlier version (load/versions.py)."""
    first = {f.rel: i for i, f in enumerate(files) if f.version == 0}
    earlier = [first.get(f.rel) if f.version == 1 else None for f in files]
    return read_versions([f.path for f in files], [e if e is not None and e < i else None for i, e in enumerate(earlier)],
                         encoding, cache, [f.blob for f in files])


def _set_versions(versions: list[Side]) -> None:
    _VERSIONS[:] = versions


def _run(task: _Task) -> _Outcome:
    """Load one part (both versions of its files, a file whose bytes did not change parsed once), check its
    guesses and diff the jurisdictions it owns (in a worker or here)."""
    with paused_gc():
        docs = _read(task.files, task.encoding, task.cache)
        if any(not as_guessed(doc, f.guess) for doc, f in zip(docs, task.files, strict=True)):
            return _Outcome(mismatch=True)
        sides = [Side(places=v.places, parents=v.parents, regions=v.regions, region_files=v.region_files) for v in _VERSIONS]
        for f, doc in zip(task.files, docs, strict=True):
            if f.own:
                index_doc(sides[f.version], f.rel, f.at, doc)
        broken = (dict(sides[0].broken), dict(sides[1].broken))
        problems = (sides[0].problems, sides[1].problems)
        for f, doc in zip(task.files, docs, strict=True):
            if not f.own:
                index_doc(sides[f.version], f.rel, f.at, doc)
        part = diff_part(sides[0], sides[1], task.opts, task.own, task.named, task.renames)
        part.broken, part.problems = broken, problems
        return _Outcome(part)
