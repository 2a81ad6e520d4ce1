"""Atomic output: write to a temporary file beside the target, then rename over it (never half-written).

The file gets the mode a plain `open(..., "w")` would give (0666 less the umask; the mode of the file it replaces
when there is one), not the 0600 of a temporary file, and reaches the disk before the rename; a full disk is an
OSError whose message says so.

Every temporary file or folder being written is known here (`remove_temporaries`), so that a process ended by a
signal leaves none behind: the CLI turns SIGTERM and SIGHUP into an exit that runs every `finally`, and removes
what is left first.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

_LIVE: set[Path] = set()  # temporary files and folders being written now


def _mode(target: Path) -> int:
    """The mode for a new output: that of the file it replaces, else 0666 less the umask."""
    with contextlib.suppress(OSError):
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces `target` (with the mode a new file
    would have, synced to disk), on error it is removed."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    _LIVE.add(Path(tmp))
    try:
        yield Path(tmp)
        os.chmod(tmp, _mode(target))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    finally:
        _LIVE.discard(Path(tmp))


@contextlib.contextmanager
def scratch_folder(beside: Path) -> Iterator[Path]:
    """A temporary folder beside `beside` (in the output's folder) for a library's own temporary files, removed
    with everything in it however the block ends."""
    folder = Path(tempfile.mkdtemp(prefix=f"{beside.name}.", suffix=".d", dir=beside.parent))
    _LIVE.add(folder)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        _LIVE.discard(folder)


def remove_temporaries() -> None:
    """Remove every temporary file and folder being written (the process is about to end)."""
    for path in list(_LIVE):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                path.unlink()
        _LIVE.discard(path)


def write_text(target: str | Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")
