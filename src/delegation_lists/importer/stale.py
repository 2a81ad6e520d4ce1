"""Temporary folders an import killed midway left beside its output (output.py writes `.DIR.dlists-PID-XXXX`,
PID the writing process's id): found and removed at the next import into the same DIR.

A folder is stale when all of these hold: its name is `.DIR.dlists-PID-…` for this DIR (a folder an older version
wrote, with no PID in its name, is left alone), it is a real folder (not a link) of the user running the import,
it was last changed before the running process started, and no live process can be the one that made it: PID is
not running, or the process now holding PID started after the folder was last changed (the id was reused). Only
on POSIX systems (elsewhere nothing is removed)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import time
from pathlib import Path

_LOADED = time.time()  # when the process's start time cannot be read: the time this module was loaded
_PID = re.compile(r"(\d{1,10})-")


def temp_prefix(real: Path) -> str:
    """The name a temporary folder beside `real` starts with: `.NAME.dlists-PID-`."""
    return f".{real.name}.dlists-{os.getpid()}-"


def started(pid: int) -> float | None:
    """When process `pid` started (seconds since the epoch, from /proc), or None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace").rsplit(")", 1)[1].split()
        boot = time.time() - float(Path("/proc/uptime").read_text().split()[0])  # (btime is whole seconds)
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def _alive(pid: int, changed: float) -> bool:
    """Whether a live process may be the one that made a folder last changed at `changed`."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # running, as another user (or unknown: keep the folder)
    began = started(pid)
    return began is None or began <= changed + 1.0  # started after the last change: the id was reused


def stale_temps(real: Path) -> list[Path]:
    """The stale temporary folders beside `real` (see the module's doc), in name order."""
    if os.name != "posix":
        return []
    since = started(os.getpid()) or _LOADED
    prefix = f".{real.name}.dlists-"
    found = []
    with contextlib.suppress(OSError):
        for entry in sorted(real.parent.iterdir()):
            pid = _PID.match(entry.name[len(prefix):]) if entry.name.startswith(prefix) else None
            if pid is None or int(pid[1]) == os.getpid():
                continue
            with contextlib.suppress(OSError):
                info = entry.lstat()
                if (stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid() and info.st_mtime < since
                        and not _alive(int(pid[1]), info.st_mtime)):
                    found.append(entry)
    return found


def clean_stale(real: Path) -> list[Path]:
    """Remove the stale temporary folders beside `real`; those removed."""
    removed = []
    for folder in stale_temps(real):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            removed.append(folder)
    return removed
