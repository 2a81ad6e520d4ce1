"""`REV:PATH` arguments: catalog files read straight from git (no checkout, no temporary clone)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .discover import SUFFIXES, PathError
from .document import Document, read_document


def is_git_spec(arg: str) -> bool:
    """`HEAD~1:catalogs`, `main:catalogs/x.yaml`, `abc123:` - but not a Windows drive or an existing path."""
    return ":" in arg and not Path(arg).exists() and not (len(arg) > 1 and arg[1] == ":" and arg[0].isalpha())


def _git(args: list[str], cwd: Path, data: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=data, capture_output=True, check=False)
    except FileNotFoundError:
        raise PathError("git is not installed, so REV:PATH cannot be read") from None
    if proc.returncode != 0:
        raise PathError(proc.stderr.decode("utf-8", "replace").strip().splitlines()[-1] if proc.stderr else f"git {args[0]} failed")
    return proc.stdout


def read_git(spec: str, encoding: str | None = None, cwd: Path | None = None) -> list[Document]:
    """Every catalog file under PATH at revision REV, as Documents named `REV:path`."""
    rev, _, sub = spec.partition(":")
    cwd = cwd or Path.cwd()
    try:
        top = Path(_git(["rev-parse", "--show-toplevel"], cwd).decode().strip())
    except PathError:
        raise PathError(f"{spec}: not inside a git repository, so REV:PATH cannot be read") from None
    prefix = (cwd.resolve().relative_to(top.resolve()).as_posix() + "/") if cwd.resolve() != top.resolve() else ""
    target = (prefix + sub).strip("/")
    commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], top).decode().strip()
    listing = _git(["ls-tree", "-r", "-z", "--name-only", commit, "--", target or "."], top).decode("utf-8")
    names = sorted(n for n in listing.split("\0") if n and n.endswith(SUFFIXES))
    if not names:
        raise PathError(f"{spec}: no catalog files at that revision and path")
    blobs = _cat_files(top, commit, names)
    return [read_document(Path(top / n), f"{rev}:{n}", encoding, raw=blobs[n]) for n in names]


def _cat_files(top: Path, commit: str, names: list[str]) -> dict[str, bytes]:
    """All blobs in one `git cat-file --batch` call."""
    out = _git(["cat-file", "--batch"], top, "".join(f"{commit}:{n}\n" for n in names).encode())
    blobs, pos = {}, 0
    for name in names:
        end = out.index(b"\n", pos)
        size = int(out[pos:end].split()[2])
        blobs[name] = out[end + 1 : end + 1 + size]
        pos = end + 1 + size + 1
    return blobs
