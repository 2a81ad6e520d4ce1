"""Worker processes die with their parent (issue 13): `dlists validate` killed with SIGKILL while its workers load
a catalog leaves no process behind, and whoever reads its output (`dlists ... | cat`, pre-commit) sees the end."""

from __future__ import annotations

import contextlib
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                                reason="reads /proc/PID/task/*/children (Linux)")


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated catalog large enough for worker processes (over `PARALLEL_MIN_BYTES`)."""
    out = tmp_path_factory.mktemp("gen") / "catalog"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "60", "--townships", "10",
                    "--seed", "1", "-o", str(out)], check=True, capture_output=True)
    return out


def _children(pid: int) -> set[int]:
    """The processes `pid` started (Linux: /proc/PID/task/*/children)."""
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            found |= {int(c) for c in (task / "children").read_text().split()}
    return found


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for its new parent to reap it is dead)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _eof_within(fd: int, seconds: float) -> bool:
    """Whether reading `fd` reaches its end within `seconds` (reading whatever comes before)."""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if ready and not os.read(fd, 65536):
            return True
    return False


def _two_workers(proc: subprocess.Popen[bytes]) -> set[int]:
    """The worker processes of a run, once it has two (or its children when it ended or a minute passed)."""
    workers: set[int] = set()
    deadline = time.monotonic() + 60
    while len(workers) < 2 and time.monotonic() < deadline and proc.poll() is None:
        workers = _children(proc.pid)
        time.sleep(0.01)
    return workers


@pytest.mark.parametrize("trial", range(3))
def test_workers_end_when_the_parent_is_killed(big_catalog: Path, trial: int) -> None:
    proc = subprocess.Popen([sys.executable, "-m", "delegation_lists", "validate", str(big_catalog), "-J", "3", "--no-cache"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL, cwd=ROOT,
                            env={**os.environ, "DLISTS_NO_CACHE": "1"})
    assert proc.stdout is not None
    workers: set[int] = set()
    try:
        workers = _two_workers(proc)
        assert len(workers) == 2, "no worker processes started: the catalog is too small for them"
        time.sleep(0.3 + 0.3 * trial)  # mid-load
        assert proc.poll() is None, "the run ended before it could be killed: make the catalog larger"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        assert _eof_within(proc.stdout.fileno(), 2.0), "the output pipe is still held open"
        end = time.monotonic() + 2.0
        while any(_alive(w) for w in workers) and time.monotonic() < end:
            time.sleep(0.05)
        assert not [w for w in workers if _alive(w)], "worker processes outlived their parent"
    finally:
        for pid in [proc.pid, *workers, *_children(proc.pid)]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        proc.stdout.close()


def test_ctrl_c_mid_load_ends_everything_quietly(big_catalog: Path) -> None:
    """Ctrl-C reaches the whole process group: the workers end at once (default handler), the parent exits 130
    without a traceback from the pool's callbacks (before: one "exception calling callback" per worker)."""
    proc = subprocess.Popen([sys.executable, "-m", "delegation_lists", "validate", str(big_catalog), "-J", "3", "--no-cache"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, cwd=ROOT,
                            start_new_session=True, env={**os.environ, "DLISTS_NO_CACHE": "1"})
    workers: set[int] = set()
    try:
        workers = _two_workers(proc)
        assert len(workers) == 2
        time.sleep(0.3)
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=30)
        assert proc.returncode == 130
        assert b"Traceback" not in err and b"exception calling callback" not in err, err.decode()
        time.sleep(0.5)
        assert not [w for w in workers if _alive(w)]
    finally:
        for pid in [proc.pid, *workers]:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)
