"""The parse cache: a loaded file, keyed by its content (`digest.content_key`), the tool (version and code) and
the encoding option, so that re-validating a catalog after editing one file parses only that file; the located
positions of its problems; and the state of the last validation run (check/incremental.py).

Safe to read whatever is on disk, because an entry is only ever a miss or what this tool wrote:
- entries are data (msgpack via msgspec), decoded into typed records, and models are rebuilt by validating them
  again (pydantic `model_validate`): nothing in an entry is code, no object is built without validation;
- every entry carries a keyed digest (HMAC-SHA256 with a secret made on first use in the user's cache folder,
  `secret`, mode 0600) over its name and bytes, checked before decoding: an entry copied from another machine,
  committed to a repository or edited is a miss;
- an entry larger than `MAX_ENTRY` is a miss without being read;
- the folder gets a `.gitignore` of `*` when the tool creates it, so `git add -A` does not commit it.
Where the cache lives is the caller's choice (the CLI: the user cache folder, keyed by the project's path).
Delete it at any time; `--no-cache` bypasses it.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import os
import tempfile
from pathlib import Path
from typing import Any, TypeVar

import msgspec
import platformdirs
from pydantic import ValidationError

from .. import __version__
from ..model.adjustments import AdjustmentsDoc
from ..model.duties import Duty
from ..model.items import Item, ListHeader
from ..model.region import RegionDoc
from ..problems import Problem
from .document import Document, read_at_most

FORMAT = 5  # bump when the cached shape changes
MAGIC = b"dlists\x00\x05"
MAX_ENTRY = 64 * 1024 * 1024  # bytes: a larger entry is never read
SECRET_FILE = "secret"
T = TypeVar("T")

Positions = dict[tuple[Any, bool], tuple[int, int]]


class Entry(msgspec.Struct, array_like=True):
    """A parsed document as data: its models as plain values (validated again on the way back)."""

    kind: str | None
    region: dict[str, Any] | None
    header: dict[str, Any] | None
    items: list[dict[str, Any] | None]
    problems: list[Problem]
    claimed: str | None = None
    known_codes: tuple[str, ...] = ()
    duties: list[dict[str, Any] | None] = []
    adjustments: dict[str, Any] | None = None


def user_cache_home() -> Path:
    """The user's cache folder for dlists (`DLISTS_CACHE_HOME`, else the platform's: ~/.cache/dlists)."""
    return Path(os.environ.get("DLISTS_CACHE_HOME") or platformdirs.user_cache_dir("dlists"))


@functools.cache
def secret() -> bytes:
    """The key of the entries' digests, made on first use (32 random bytes, readable by the user only)."""
    path = user_cache_home() / SECRET_FILE
    with contextlib.suppress(OSError):
        data = path.read_bytes()
        if len(data) == 32:
            return data
    key = os.urandom(32)
    with contextlib.suppress(OSError):
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
        os.replace(tmp, path)
        return path.read_bytes() if path.stat().st_size == 32 else key
    return key  # no writable cache folder: entries written now are misses in the next process


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
    """The entries under `folder` for this tool and encoding."""

    def __init__(self, folder: Path, encoding: str | None = None) -> None:
        self.root = folder
        self.dir = folder / f"{__version__}-{FORMAT}-{code_fingerprint()}-{encoding or 'auto'}"

    def _path(self, key: str, kind: str) -> Path:
        return self.dir / kind / key[:2] / f"{key}.msgpack"

    def get(self, key: str) -> Entry | None:
        """A cached document's entry, or None (missing, not ours, or unreadable: parse again)."""
        found: Entry | None = self._read(self._path(key, "docs"), Entry)
        return found

    def put(self, key: str, doc: Document) -> None:
        entry = Entry(doc.kind, _dump(doc.region), _dump(doc.header), [_dump(i) for i in doc.items],
                      [_unfiled(p) for p in doc.problems], doc.claimed, doc.known_codes, [_dump(d) for d in doc.duties],
                      _dump(doc.adjustments))
        self._write(self._path(key, "docs"), entry)

    def positions(self, key: str) -> Positions:
        """Problem locations found in this text before: (loc, at_key) -> (line, column)."""
        rows = self._read(self._path(key, "pos"), list[tuple[tuple[str | int, ...], bool, int, int]]) or []
        return {(loc, at_key): (line, column) for loc, at_key, line, column in rows}

    def save_positions(self, key: str, positions: Positions) -> None:
        self._write(self._path(key, "pos"), [(loc, at_key, line, col) for (loc, at_key), (line, col) in positions.items()])

    def state(self, key: str, kind: type[T]) -> T | None:
        """The state of the last validation run kept under `key`, decoded as `kind`, or None."""
        found: T | None = self._read(self._path(key, "states"), kind)
        return found

    def save_state(self, key: str, value: Any) -> None:
        self._write(self._path(key, "states"), value)

    def _read(self, path: Path, kind: Any) -> Any:
        try:
            with open(path, "rb", buffering=0) as fh:
                size = os.fstat(fh.fileno()).st_size
                raw = read_at_most(fh, size, MAX_ENTRY) if size <= MAX_ENTRY else None
        except OSError:
            return None
        if raw is None:
            return None
        head = len(MAGIC) + 32
        if len(raw) < head or not raw.startswith(MAGIC) or not hmac.compare_digest(raw[len(MAGIC):head], _mac(path, raw[head:])):
            return None
        try:
            return msgspec.msgpack.decode(raw[head:], type=kind)
        except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError):
            return None

    def _write(self, path: Path, value: Any) -> None:
        with contextlib.suppress(OSError):  # a read-only or full folder only costs speed
            self._ignore_in_git()
            path.parent.mkdir(parents=True, exist_ok=True)
            payload = msgspec.msgpack.encode(value)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as fh:
                    fh.write(MAGIC + _mac(path, payload) + payload)
                os.replace(tmp, path)
            except OSError:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise

    def _ignore_in_git(self) -> None:
        """A `.gitignore` of `*` in the cache folder, written when the tool creates the folder."""
        ignore = self.root / ".gitignore"
        if not ignore.exists():
            self.root.mkdir(parents=True, exist_ok=True)
            ignore.write_text("# the dlists parse cache: local state, never committed\n*\n", encoding="utf-8")


def _mac(path: Path, payload: bytes) -> bytes:
    """The keyed digest of an entry: its place (kind and key) and its bytes."""
    place = f"{path.parent.parent.name}/{path.name}\0".encode()
    return hmac.new(secret(), place + payload, hashlib.sha256).digest()


def _dump(model: Any) -> dict[str, Any] | None:
    return None if model is None else model.model_dump(mode="json", exclude_unset=True)


def _unfiled(p: Problem) -> Problem:
    """A problem without its file name: a hit is shown under the file's current name."""
    from dataclasses import replace

    return replace(p, file="")


def restore(entry: Entry, file: str, path: Path, encoding: str | None) -> Document | None:
    """A cached document under its current name, its models validated again (None: the entry does not
    validate, parse the file again)."""
    from dataclasses import replace

    try:
        region = RegionDoc.model_validate(entry.region) if entry.region is not None else None
        header = ListHeader.model_validate(entry.header) if entry.header is not None else None
        items = [Item.model_validate(i) if i is not None else None for i in entry.items]
        duties = [Duty.model_validate(d) if d is not None else None for d in entry.duties]
        adjustments = AdjustmentsDoc.model_validate(entry.adjustments) if entry.adjustments is not None else None
    except (ValidationError, ValueError, TypeError):
        return None
    return Document(file, path, entry.kind, None, None, region, header, items,
                    [replace(p, file=file) for p in entry.problems], encoding=encoding, claimed=entry.claimed,
                    known_codes=tuple(entry.known_codes), duties=duties,
                    adjustments=adjustments)
