"""The parse cache: a loaded file, keyed by a hash of its bytes, the tool (version and code) and the encoding
option, so that re-validating a catalog after editing one file parses only that file; and the state of the last
validation run (incremental.py), keyed by the file names, rules, day and encoding.

Entries live under `.dlists-cache/` (one pickle per content hash, written atomically), hold the validated models
and the load/schema problems, never the file name: a hit is rebuilt with the file's current name and text, so
cached and uncached runs give identical reports. The folder is local state like `__pycache__`: do not copy one
from an untrusted source. Delete it at any time; `--no-cache` bypasses it.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from .. import __version__
from ..model.items import item_from_state, item_state
from .document import Document

CACHE_DIR = ".dlists-cache"
FORMAT = 3  # bump when the cached shape changes


@functools.cache
def code_fingerprint() -> str:
    """The tool's own code (name, size and time of every module): an edited rule or loader, even without a new
    version number, gets a fresh cache folder."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=6)
    for module in sorted(package.rglob("*.py")):
        st = module.stat()
        h.update(f"{module.relative_to(package)}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, root: Path, encoding: str | None = None) -> None:
        self.dir = root / CACHE_DIR / f"{__version__}-{FORMAT}-{code_fingerprint()}-{encoding or 'auto'}"

    @staticmethod
    def key(raw: bytes) -> str:
        return hashlib.blake2b(raw, digest_size=20).hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.pickle"

    def positions(self, key: str) -> dict[tuple[Any, bool], tuple[int, int]]:
        """Problem locations found in this text before: (loc, at_key) -> (line, column)."""
        found = _read(self._path(key).with_suffix(".pos"))
        return found if isinstance(found, dict) else {}

    def save_positions(self, key: str, positions: dict[tuple[Any, bool], tuple[int, int]]) -> None:
        self._write(self._path(key).with_suffix(".pos"), positions)

    def get(self, key: str) -> dict[str, Any] | None:
        """A cached document's entry, or None (missing or unreadable: parse again)."""
        entry = _read(self._path(key))
        return entry if isinstance(entry, dict) else None

    def state(self, key: str) -> Any:
        """The state of the last validation run kept under `key` (incremental.State), or None."""
        return _read(self.dir / "states" / key[:2] / f"{key}.pickle")

    def save_state(self, key: str, value: Any) -> None:
        self._write(self.dir / "states" / key[:2] / f"{key}.pickle", value)

    def put(self, key: str, doc: Document) -> None:
        items = [item_state(i) if i is not None else None for i in doc.items]  # plain state: 2x faster to load
        entry = {"kind": doc.kind, "region": doc.region, "header": doc.header, "items": items,
                 "problems": [dataclasses.replace(p, file="") for p in doc.problems]}
        self._write(self._path(key), entry)

    @staticmethod
    def _write(path: Path, value: Any) -> None:
        with contextlib.suppress(OSError):  # a read-only folder only costs speed
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)


def _read(path: Path) -> Any:
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, TypeError, ValueError, IndexError):
        return None  # missing or unreadable: computed again


def restore(entry: dict[str, Any], file: str, path: Path, encoding: str | None) -> Document:
    """A cached document under its current name (its text is read again only if needed)."""
    items = [item_from_state(s) if s is not None else None for s in entry["items"]]
    return Document(file, path, entry["kind"], None, None, entry["region"], entry["header"], items,
                    [dataclasses.replace(p, file=file) for p in entry["problems"]], encoding=encoding)
