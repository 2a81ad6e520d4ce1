"""`REV:PATH` arguments: catalog files read straight from git (no checkout, no temporary clone).

File names from a pull request are untrusted: the tree is listed with `ls-tree -z` (mode, type, object id,
name) and blobs are read by object id (`cat-file --batch` is fed hashes, never names, so a name holding a newline
cannot inject a request; a name that is not UTF-8 is refused, as discovery refuses it). Only regular files count: submodules (gitlinks) and symlinks are skipped, as discovery
skips what is not a catalog file (hidden and tool folders, `*.mapping.yaml`). A blob larger than `MAX_BLOB` is
not read (the file gets a DL007 problem). User values reach git after `--end-of-options`; a bad revision shows
git's own message.
"""

from __future__ import annotations

import contextlib
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path

from ..problems import msg
from ..problems.codes import problem
from .discover import NOT_CATALOG, SKIP_DIRS, SUFFIXES, PathError, utf8_name
from .document import Document, read_document

MAX_BLOB = 50 * 1024 * 1024  # bytes: a larger file at a revision is refused
FILE_MODES = ("100644", "100755")


@dataclass(frozen=True)
class Blob:
    """A regular file of the tree: its object id and its path in the repository."""

    oid: str
    name: str


def is_git_spec(arg: str) -> bool:
    """`HEAD~1:catalogs`, `main:catalogs/x.yaml`, `abc123:` - but not a Windows drive or an existing path."""
    return ":" in arg and not Path(arg).exists() and not (len(arg) > 1 and arg[1] == ":" and arg[0].isalpha())


def _git(args: list[str], cwd: Path, data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)
    except FileNotFoundError:
        raise PathError(msg("path.git_missing")) from None
    if proc.returncode != 0:
        said = proc.stderr.decode("utf-8", "replace").strip()
        raise PathError(said.splitlines()[-1] if said else f"git {args[0]} failed (exit {proc.returncode})")
    return proc.stdout


@dataclass(frozen=True)
class GitFile:
    """A catalog file at a revision: its name as shown (`REV:path`), its place in the work tree, and its bytes
    (None: larger than `MAX_BLOB`, not read)."""

    name: str
    path: Path
    raw: bytes | None
    size: int


def git_files(spec: str, cwd: Path | None = None) -> list[GitFile]:
    """Every catalog file under PATH at revision REV, by name."""
    rev, _, sub = spec.partition(":")
    cwd = cwd or Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    except PathError:
        raise PathError(msg("path.git_outside", spec=spec)) from None
    prefix = (cwd.resolve().relative_to(top.resolve()).as_posix() + "/") if cwd.resolve() != top.resolve() else ""
    target = (prefix + sub).strip("/")
    try:
        commit = _git(["rev-parse", "--verify", "--end-of-options", f"{rev}^{{commit}}"], top).decode().strip()
    except PathError as exc:
        raise PathError(msg("path.git_rev", spec=spec, rev=rev, reason=exc)) from None
    blobs = [b for b in _tree(top, commit, target) if _is_catalog_file(b.name)]
    for b in blobs:
        utf8_name(f"{rev}:{b.name}")
    if not blobs:
        raise PathError(msg("path.git_empty", spec=spec))
    sizes = _sizes(top, blobs)
    contents = _contents(top, [b for b in blobs if sizes[b.oid] <= MAX_BLOB])
    return [GitFile(f"{rev}:{b.name}", Path(top / b.name), contents.get(b.oid), sizes[b.oid]) for b in sorted(blobs, key=lambda b: b.name)]


def read_git(spec: str, encoding: str | None = None, cwd: Path | None = None) -> list[Document]:
    """Every catalog file under PATH at revision REV, as Documents named `REV:path`."""
    docs = []
    for f in git_files(spec, cwd):
        if f.raw is not None:
            docs.append(read_document(f.path, f.name, encoding, raw=f.raw))
        else:
            too_big = msg("DL007.too_big", size=f"{f.size:,}", limit=f"{MAX_BLOB:,}")
            docs.append(Document(f.name, f.path, problems=[problem("DL007", f.name, too_big)]))
    return docs


def _tree(top: Path, commit: str, target: str) -> list[Blob]:
    """The regular files under `target` at `commit` (gitlinks, symlinks and trees left out)."""
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", commit, "--", target or "."], top)
    out = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name = entry.partition(b"\t")
        mode, kind, oid = meta.decode("ascii", "replace").split(" ")
        if kind == "blob" and mode in FILE_MODES:
            out.append(Blob(oid, name.decode("utf-8", "surrogateescape")))
    return out


def _is_catalog_file(name: str) -> bool:
    """What discovery would read in a folder: YAML files, not mappings, not hidden, not in hidden or tool folders."""
    parts = name.split("/")
    return (name.endswith(SUFFIXES) and not name.endswith(NOT_CATALOG) and not parts[-1].startswith(".")
            and not any(p in SKIP_DIRS or p.startswith(".") for p in parts[:-1]))


def _sizes(top: Path, blobs: list[Blob]) -> dict[str, int]:
    out = _git(["cat-file", "--batch-check=%(objectname) %(objectsize)"], top, "".join(f"{b.oid}\n" for b in blobs).encode())
    sizes = {}
    for line in out.decode("ascii", "replace").splitlines():
        oid, _, size = line.partition(" ")
        sizes[oid] = int(size) if size.isdigit() else MAX_BLOB + 1
    return {b.oid: sizes.get(b.oid, MAX_BLOB + 1) for b in blobs}


def _contents(top: Path, blobs: list[Blob]) -> dict[str, bytes]:
    """The blobs, by object id, from one `git cat-file --batch` fed object ids only, read as a stream."""
    oids = list(dict.fromkeys(b.oid for b in blobs))
    if not oids:
        return {}
    try:
        proc = subprocess.Popen(["git", "cat-file", "--batch"], cwd=top, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
    except FileNotFoundError:
        raise PathError(msg("path.git_missing")) from None
    assert proc.stdin is not None and proc.stdout is not None
    stdin = proc.stdin

    def feed() -> None:  # in a thread: git's output is read meanwhile, so neither pipe fills up
        with contextlib.suppress(OSError):
            stdin.write("".join(f"{oid}\n" for oid in oids).encode())
            stdin.close()

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    out = {}
    for oid in oids:
        head = proc.stdout.readline().split()
        if len(head) != 3 or head[1] != b"blob":
            break
        size = int(head[2])
        out[oid] = proc.stdout.read(size)
        proc.stdout.read(1)
    proc.stdout.close()
    feeder.join()
    proc.wait()
    return out
