"""Reading many catalog files: parse-cache hits, identical files parsed once, and the rest parsed in this
process and in worker processes at once (deterministic order whatever the split)."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path

from ..memory import paused_gc
from ..model.duties import DutyState, duty_from_state, duty_state
from ..model.items import ItemState, item_from_state, item_state
from .cache import Cache, restore
from .digest import content_key
from .document import Document, read_bounded, read_document
from .errors import LoadError
from .workers import shared

Progress = Callable[[int, int], None]

#: below this much YAML, starting worker processes costs more than it saves
PARALLEL_MIN_BYTES = 4_000_000


def digest(path: Path) -> str | None:
    """The parse cache's key of a file's bytes; None when it cannot be read (parsing reports why)."""
    try:
        return content_key(read_bounded(path), path)
    except (OSError, LoadError):
        return None


def _from_cache(path: Path, key: str | None, encoding: str | None, cache: Cache) -> Document | None:
    """The cached document of `path` (whose bytes hash to `key`), or None: not cached."""
    entry = cache.get(key) if key is not None else None
    if entry is None:
        return None
    doc = restore(entry, path.as_posix(), path, encoding)
    if doc is not None:
        doc.digest = key
    return doc


def _parse_one(path: Path, encoding: str | None, cache: Cache | None) -> Document:
    """Read and parse one file (and remember it in the cache)."""
    try:
        raw = read_bounded(path) if cache is not None else None
    except (OSError, LoadError):
        raw = None
    doc = read_document(path, path.as_posix(), encoding, raw=raw)
    doc.data = None  # not needed after validation
    if cache is not None and raw is not None:
        doc.digest = content_key(raw, path)  # the key of the bytes parsed, not of an earlier read
        cache.put(doc.digest, doc)
    return doc


Chunk = list[tuple[Document, list[ItemState | None], list[DutyState | None]]]


def _read_chunk(args: tuple[list[Path], str | None, Path | None]) -> Chunk:
    """Parse files in a worker process; what goes back to the parent is kept small (no data, no text, items as
    plain state): unpickling in the parent is the part that does not run in parallel."""
    paths, encoding, cache_root = args
    cache = Cache(cache_root, encoding) if cache_root is not None else None
    out = []
    for p in paths:
        doc = _parse_one(p, encoding, cache)
        states = [item_state(i) if i is not None else None for i in doc.items]
        duties = [duty_state(d) if d is not None else None for d in doc.duties]
        doc.text, doc.items, doc.duties = None, [], []
        out.append((doc, states, duties))
    return out


def _unpack(chunk: Chunk) -> list[Document]:
    for doc, states, duties in chunk:
        doc.items = [item_from_state(s) if s is not None else None for s in states]
        doc.duties = [duty_from_state(d) if d is not None else None for d in duties]
    return [doc for doc, _, _ in chunk]


def workers_for(paths: Sequence[Path], jobs: int | None, size: int | None = None) -> int:
    """How many processes to read `paths` with (`size`: their bytes, when the caller has them)."""
    if jobs is not None:
        return max(1, jobs)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cpus < 2 or len(paths) < 8:
        return 1
    size = sum(p.stat().st_size for p in paths if p.is_file()) if size is None else size
    return min(cpus, 8) if size >= PARALLEL_MIN_BYTES else 1


def load_documents(
    paths: Sequence[Path], encoding: str | None = None, progress: Progress | None = None, jobs: int | None = None,
    cache: Path | None = None, dedupe: bool = False, keys: Sequence[str | None] | None = None,
) -> list[Document]:
    """Read every file, in the given order. With `cache` (a folder), files whose bytes were seen before come from
    the parse cache under it; the others are parsed, in parallel worker processes when they are many. With
    `dedupe` (two versions of a catalog), a file whose bytes equal an earlier one's is parsed once. `keys`: the
    files' `digest`s when the caller has them already."""
    store = Cache(cache, encoding) if cache is not None else None
    with paused_gc():  # loading makes millions of objects and no cycles: collecting would only cost time
        if keys is None:
            keys = [digest(p) for p in paths] if store is not None or dedupe else []
        docs: list[Document | None] = [_from_cache(p, keys[i], encoding, store) if store else None for i, p in enumerate(paths)]
        twins = _twins(keys, docs) if dedupe else {}
        todo = [i for i, d in enumerate(docs) if d is None and i not in twins]
        hits = len(paths) - len(todo) - len(twins)
        workers = workers_for([paths[i] for i in todo], jobs)
        size = max(1, min(64, len(todo) // (workers * 4) or 1))
        chunks = [([paths[i] for i in todo[k : k + size]], encoding, cache) for k in range(0, len(todo), size)]
        if workers == 1:
            parsed: list[Document] = []
            for chunk_paths, _, _ in chunks:
                parsed += [_parse_one(p, encoding, store) for p in chunk_paths]
                if progress:
                    progress(hits + len(parsed), len(paths))
        else:
            parsed = _parse_shared(chunks, workers, store, lambda n: progress(hits + n, len(paths)) if progress else None)
    for i, fresh in zip(todo, parsed, strict=True):
        docs[i] = fresh
    done: list[Document] = []
    for i, doc in enumerate(docs):
        # None left: a twin of an earlier file (parsed or cached above)
        done.append(doc if doc is not None else twin(done[twins[i]], paths[i]))
    return done


def _twins(keys: Sequence[str | None], docs: list[Document | None]) -> dict[int, int]:
    """index -> index of an earlier file with the same bytes (parsed once), among the files not cached."""
    first: dict[str, int] = {}
    out = {}
    for i, key in enumerate(keys):
        if docs[i] is not None or key is None:
            continue
        if key in first:
            out[i] = first[key]
        else:
            first[key] = i
    return out


def twin(doc: Document, path: Path, file: str | None = None) -> Document:
    """The document of an identical file under another name (its text is read from its own file if needed);
    `file`: a name that is not the path (a blob of a git revision: its text is kept, the path is not its own)."""
    name = file or path.as_posix()
    return dataclasses.replace(doc, file=name, path=path, text=doc.text if file else None, items=list(doc.items),
                               problems=[dataclasses.replace(p, file=name) for p in doc.problems])


def _parse_shared(chunks: list[tuple[list[Path], str | None, Path | None]], workers: int, store: Cache | None,
                  progress: Callable[[int], None]) -> list[Document]:
    """Parse chunks in worker processes and in this process at once (see `shared`)."""
    done = [0]

    def local(chunk: tuple[list[Path], str | None, Path | None]) -> list[Document]:
        paths, encoding, _ = chunk
        return [_parse_one(p, encoding, store) for p in paths]

    def finished(i: int) -> None:
        done[0] += len(chunks[i][0])
        progress(done[0])

    results = shared(chunks, _read_chunk, local, _unpack, workers, finished)
    return [d for chunk in results for d in chunk]
