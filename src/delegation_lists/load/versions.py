"""Reading the files of two versions of a catalog together (the diff): a file whose bytes did not change is
parsed once; of a changed file in the plainest layout only the item blocks that changed are parsed (splice.py),
and of any other changed file the items whose data is exactly what the earlier version had are taken from it
(model/quick.py: `Earlier`) instead of being validated again. Each version still gets documents of its own
(names, problems, text), the same as reading it alone gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..memory import paused_gc
from ..model.quick import earlier_items
from .cache import Cache, restore
from .digest import content_key
from .document import Document, read_bounded, read_document
from .errors import LoadError
from .git import GitFile
from .many import twin
from .splice import spliced


def read_versions(paths: Sequence[Path], earlier: Sequence[int | None], encoding: str | None = None,
                  cache: Path | None = None, blobs: Sequence[GitFile | None] | None = None) -> list[Document]:
    """Every file, in order; `earlier[i]`: the index of the earlier version of file i (before i), or None.
    With `cache` (a folder), files whose bytes were seen before come from the parse cache under it, and the
    others are put there. `blobs[i]`: file i read from git (named `REV:path`, its text kept; never cached)."""
    store = Cache(cache, encoding) if cache is not None else None
    raws: list[bytes | None] = []
    docs: list[Document] = []
    with paused_gc():
        for i, (path, before) in enumerate(zip(paths, earlier, strict=True)):
            blob = blobs[i] if blobs is not None else None
            raw = blob.raw if blob is not None else _bytes(path)
            name = blob.name if blob is not None else path.as_posix()
            key = content_key(raw, path) if store is not None and raw is not None and blob is None else None
            if before is not None and raw is not None and raws[before] == raw:
                docs.append(twin(docs[before], path, name if blob is not None else None))
            else:
                docs.append(_cached(store, key, path, encoding) or _read(docs, raws, before, raw, path, name, encoding))
                if store is not None and key is not None and docs[-1].digest is None:
                    docs[-1].digest = key
                    store.put(key, docs[-1])
            raws.append(raw)
    for doc in docs:
        doc.data = None  # not needed after validation
    return docs


def _bytes(path: Path) -> bytes | None:
    try:
        return read_bounded(path)
    except (OSError, LoadError):
        return None  # reading again reports why


def _cached(store: Cache | None, key: str | None, path: Path, encoding: str | None) -> Document | None:
    entry = store.get(key) if store is not None and key is not None else None
    doc = restore(entry, path.as_posix(), path, encoding) if entry is not None else None
    if doc is not None:
        doc.digest = key
    return doc


def _read(docs: list[Document], raws: list[bytes | None], before: int | None, raw: bytes | None, path: Path, name: str,
          encoding: str | None) -> Document:
    """A file parsed: spliced from its earlier version when it can be, else read with its earlier items."""
    if before is None:
        return read_document(path, name, encoding, raw=raw)
    earlier, earlier_raw = docs[before], raws[before]
    if raw is not None and earlier_raw is not None:
        made = spliced(earlier, earlier_raw, raw, path, name, encoding)
        if made is not None:
            return made
    return read_document(path, name, encoding, raw=raw, earlier=earlier_items(earlier.data, earlier.items))
