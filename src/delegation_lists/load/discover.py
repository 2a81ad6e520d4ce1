"""Paths given on the command line -> the files to check, plus the context they need.

A file is checked in the context of its whole catalog: region.yaml files in the folders above it declare its
jurisdictions and departments, and a township list needs its county's lists to resolve `source`. So the catalog
root is the highest folder above a target that holds a region.yaml, and every catalog file under it is loaded;
problems are reported for the targets only.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..problems import Message, msg

SUFFIXES = (".yaml", ".yml")
SKIP_DIRS = {".git", ".hg", ".venv", "venv", "node_modules", "__pycache__", ".dlists-cache", ".tox", ".mypy_cache"}
REGION_FILES = ("region.yaml", "region.yml")
NOT_CATALOG = (".mapping.yaml", ".mapping.yml")  # `dlists import` mappings kept beside the catalogs


class PathError(Exception):
    """A path given by the user that does not exist or cannot be used (exit code 2); its words a catalogue
    message, shown in the language in use."""

    def __init__(self, message: Message | str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message.text() if isinstance(self.message, Message) else self.message


@dataclass
class Discovered:
    targets: list[Path]  # files whose problems are reported
    context: list[Path]  # other files loaded for context only


def _walk(folder: Path, exclude: Iterable[str]) -> list[Path]:
    """The catalog files under `folder`, sorted (hidden files, hidden and tool folders skipped: a repository's
    `.pre-commit-config.yaml` is no list; symlinked folders not entered).
    A catalog file that is not a regular file inside `folder` (a symlink to elsewhere, a FIFO, a device) and a
    folder that cannot be read are errors, never silently read or skipped."""
    found = []
    inside = folder.resolve()

    def unreadable(exc: OSError) -> None:
        raise PathError(msg("path.cannot_read_folder", path=exc.filename, reason=exc.strerror))

    for top, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")]
        for name in names:
            if name.endswith(SUFFIXES) and not name.endswith(NOT_CATALOG) and not name.startswith("."):
                path = Path(top, name)
                if not _excluded(path, exclude):
                    found.append(checked_file(path, inside))
    return sorted(found)


def utf8_name(name: str) -> None:
    """A PathError when `name` (as the file system gave it: undecodable bytes as surrogates) is not UTF-8: no
    report, annotation or JSON could name the file, so it is refused, shown with `\\xNN` for those bytes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        shown = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        raise PathError(msg("path.not_utf8", path=shown)) from None


def checked_file(path: Path, root: Path | None = None) -> Path:
    """`path` when it is a regular file with a UTF-8 name (inside `root`, when given, after following links); else
    a PathError."""
    utf8_name(str(path))
    try:
        st = path.stat()
    except OSError as exc:
        raise PathError(msg("path.cannot_read", path=path, reason=exc.strerror)) from None
    if not stat.S_ISREG(st.st_mode):
        raise PathError(msg("path.not_regular", path=path))
    if root is not None and path.is_symlink() and not path.resolve().is_relative_to(root):
        raise PathError(msg("path.link_outside", path=path, target=path.resolve()))
    return path


def _excluded(path: Path, patterns: Iterable[str]) -> bool:
    text = path.as_posix()
    return any(fnmatch.fnmatch(text, p) or fnmatch.fnmatch(path.name, p) or f"/{p.strip('/')}/" in f"/{text}" for p in patterns)


def catalog_root(path: Path) -> Path:
    """The highest folder at or above `path` that holds a region.yaml (or `path`'s own folder if none)."""
    start = path if path.is_dir() else path.parent
    root = start
    for folder in [start, *start.parents]:
        if any((folder / name).is_file() for name in REGION_FILES):
            root = folder
        if (folder / ".git").exists():
            break
    return root


def discover(paths: Iterable[str | Path], exclude: Iterable[str] = (), context: bool = True) -> Discovered:
    """Expand folders into catalog files; add the context files of each target's catalog root."""
    exclude = list(exclude)
    targets: dict[Path, None] = {}
    roots: dict[Path, None] = {}
    walked: set[Path] = set()  # folders given whole: their catalog root adds nothing when it is the folder itself
    named_excluded = False
    paths_seen = list(paths)
    for raw in paths_seen:
        path = Path(raw)
        if not path.exists():
            raise PathError(msg("path.missing", path=raw))
        if path.is_dir():
            files = _walk(path, exclude)
        else:  # a file named on the command line (pre-commit names them): excluded as walked files are
            files = [] if _excluded(path, exclude) else [checked_file(path)]
            named_excluded |= not files
        targets.update(dict.fromkeys(files))
        resolved = path.resolve()
        roots[catalog_root(resolved)] = None
        if path.is_dir():
            walked.add(resolved)
    if not targets and not named_excluded:
        shown = ", ".join(str(p) for p in paths_seen)
        raise PathError(msg("path.nothing", paths=shown))
    extra: dict[Path, None] = {}
    todo = [root for root in roots if root not in walked]
    if context and todo:
        seen = {t.resolve() for t in targets}
        for root in todo:
            for f in _walk(root, exclude):
                if f.resolve() not in seen:
                    extra[_relative(f)] = None
    return Discovered(list(targets), list(extra))


def input_overwritten(output: Path, inputs: Iterable[str | Path]) -> str | None:
    """The input that writing `output` would replace or join, else None: an input file itself (a symbolic link
    to it too), or a catalog file by its name (`*.yaml`, not hidden, not a mapping) under an input folder or the
    catalog root of an input, which the next run would read as a list. Inputs that are no paths (`REV:PATH`)
    are skipped."""
    real = output.resolve()
    for raw in inputs:
        given = Path(raw)
        if not given.exists():
            continue
        path = given.resolve()
        if real == path:
            return str(raw)
        folders = {catalog_root(path)} | ({path} if path.is_dir() else set())
        for folder in sorted(folders):
            if real.is_relative_to(folder) and _read_as_catalog(real.relative_to(folder)):
                return str(raw) if folder == path else str(_relative(folder))
    return None


def _read_as_catalog(rel: Path) -> bool:
    """Whether a file at `rel` under a catalog folder is one a walk of the folder reads."""
    hidden = any(part in SKIP_DIRS or part.startswith(".") for part in rel.parts[:-1])
    return not hidden and rel.name.endswith(SUFFIXES) and not rel.name.endswith(NOT_CATALOG)


def _relative(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path
