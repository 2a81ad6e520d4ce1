"""Where `dlists import -o DIR` writes: only inside DIR, and the whole tree at once.

Every file of the import is a plain relative path (no `..`, no absolute or hidden part) checked again, once
resolved, to lie inside the folder being written. The tree is written into a hidden temporary folder beside DIR
(`.DIR.dlists-PID-XXXX`, PID the writing process's), then put in DIR's place in one step: renamed into place when DIR is new or empty; with
`--force`, exchanged with the previous import (Linux `renameat2(RENAME_EXCHANGE)`; two renames in a row where
the file system cannot), then the previous tree is deleted. So a killed import leaves the previous tree or the
new one, never a mix and never a part of one (at most the hidden temporary folder beside it, which the next import
into DIR removes once its process is gone: stale.py); nothing is ever written through a symbolic link found in
DIR, as nothing is written into the old tree at all.

`--force` replaces what a previous import wrote, nothing else: DIR must hold only catalog files (`*.yaml`,
`*.yml` in plain folders), no symbolic link, no hidden entry (`.git`), no other file, and no input of this import.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..atomic import write_text
from ..load.discover import NOT_CATALOG, REGION_FILES, SUFFIXES
from ..model.code_syntax import is_device_name
from .said import Said, msg
from .stale import clean_stale, temp_prefix


class OutputRefused(Said):
    """The output folder cannot be written as asked (exit 2): `key` names the reason, its message the catalogue's
    `import.out.KEY` (path, file, input, not_empty, foreign, cwd) filled with `args`."""

    def __init__(self, key: str, **args: object) -> None:
        self.key = key
        super().__init__(msg(f"import.out.{key}", **args))


def plain_relative(rel: str) -> PurePosixPath:
    """`rel` as a relative path of plain parts, or OutputRefused (`..`, absolute, a drive, a hidden part, a name
    Windows keeps for a device)."""
    path = PurePosixPath(rel)
    if path.is_absolute() or not path.parts or any(p in (".", "..") or p.startswith(".") or "\\" in p or ":" in p
                                                  or not p.isprintable() or is_device_name(p) for p in path.parts):
        raise OutputRefused("path", rel=repr(rel))
    return path


def _foreign(folder: Path) -> str | None:
    """The first entry of `folder` an import does not write (a symlink, a hidden entry, another file), or None."""
    for top, dirs, names in os.walk(folder):
        for name in sorted(dirs + names):
            path = Path(top, name)
            if path.is_symlink() or name.startswith(".") or (name in names and (not name.endswith(SUFFIXES) or name.endswith(NOT_CATALOG))):
                return str(path.relative_to(folder))
    return None


def check_target(out: Path, force: bool, inputs: list[Path]) -> Path:
    """DIR (absolute, its own symlinks resolved) when the import may write it; OutputRefused otherwise."""
    real = out.resolve()
    if real.exists() and not real.is_dir():
        raise OutputRefused("file", out=out)
    for given in inputs:
        source = given.resolve()
        if source == real or real in source.parents:
            raise OutputRefused("input", input=given, out=out)
    if not real.is_dir() or not any(real.iterdir()):
        return real
    if not force:
        first = sorted(p.name for p in real.iterdir())[0]
        raise OutputRefused("not_empty", out=out, first=first)
    foreign = _foreign(real)
    if foreign is not None:
        raise OutputRefused("foreign", out=out, foreign=foreign)
    cwd = Path.cwd().resolve()
    if cwd == real or real in cwd.parents:
        raise OutputRefused("cwd", out=out)
    return real


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    func = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if func is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if func(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _folder_mode(target: Path) -> int:
    """The mode of the folder replaced, else 0777 less the umask (a temporary folder is created 0700)."""
    with contextlib.suppress(OSError):
        return target.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o777 & ~umask


@dataclass
class Written:
    """The files written, and the temporary folders of interrupted imports into the same folder removed first."""

    files: list[Path]
    cleaned: list[Path] = field(default_factory=list)


def write_tree(out: Path, files: dict[str, str], force: bool = False, inputs: list[Path] | None = None) -> Written:
    """Write `files` (relative path -> text) as the whole content of folder `out`, in one step; first remove
    what killed imports into `out` left beside it."""
    real = check_target(out, force, inputs or [])
    rels = [plain_relative(rel) for rel in files]
    real.parent.mkdir(parents=True, exist_ok=True)
    cleaned = clean_stale(real)
    tmp = Path(tempfile.mkdtemp(prefix=temp_prefix(real), dir=real.parent))
    try:
        for rel, text in zip(rels, files.values(), strict=True):
            target = tmp.joinpath(*rel.parts)
            if not target.parent.resolve().is_relative_to(tmp.resolve()):
                raise OutputRefused("path", rel=repr(str(rel)))
            target.parent.mkdir(parents=True, exist_ok=True)
            write_text(target, text)
        os.chmod(tmp, _folder_mode(real))
        _put_in_place(tmp, real)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return Written([out / Path(*rel.parts) for rel in rels], cleaned)


def _put_in_place(tmp: Path, real: Path) -> None:
    """`tmp` becomes `real`; the tree `real` held (if any) ends in `tmp`, to be deleted. An empty `real` that
    holds the current folder (`-o .`) keeps its place: the entries move into it, the top region file last."""
    if real.exists() and not any(real.iterdir()):
        cwd = Path.cwd().resolve()
        if cwd == real or real in cwd.parents:
            for entry in sorted(tmp.iterdir(), key=lambda p: p.name in REGION_FILES):
                os.rename(entry, real / entry.name)
            return
        os.rmdir(real)
    if not real.exists():
        os.rename(tmp, real)
        return
    if not _exchange(tmp, real):
        old = tmp.with_name(tmp.name + ".old")
        os.rename(real, old)
        os.rename(tmp, real)
        os.rename(old, tmp)
    with contextlib.suppress(OSError):
        fd = os.open(real.parent, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
