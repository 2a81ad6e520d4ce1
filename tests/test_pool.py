"""`load/pool.shared`: tasks shared between worker processes and this one, results in task order."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

_MANY_QUICK_TASKS = """
import time
from delegation_lists.load.workers import shared
for largest_first in (False, True) * 10:
    out = shared(list(range(400)), abs, lambda x: (time.sleep(0.001), abs(x))[1], lambda x: x, 3, lambda i: None,
                 largest_first=largest_first)
    assert out == list(range(400)), out
"""


def test_tasks_done_before_their_callback_is_added_do_not_deadlock() -> None:
    """A task can finish before `add_done_callback` is reached, which then runs the callback at once: it must
    not wait for a lock its caller holds (this hung every few runs). Run in a child process with a time limit,
    so that a regression fails instead of hanging the suite."""
    run = subprocess.run([sys.executable, "-c", _MANY_QUICK_TASKS], capture_output=True, text=True, timeout=120,
                         cwd=ROOT)
    assert run.returncode == 0, run.stderr


def test_results_in_task_order_whoever_ran_them() -> None:
    from delegation_lists.load.workers import shared

    seen: list[int] = []
    out = shared(list(range(50)), str, lambda x: str(x), lambda x: x, 2, seen.append, largest_first=True)
    assert out == [str(i) for i in range(50)] and sorted(seen) == list(range(50))
