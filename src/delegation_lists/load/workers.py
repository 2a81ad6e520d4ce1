"""Tasks run in worker processes and in this process at once, with their results in task order.

Workers end with their parent: killed with SIGKILL, the parent cannot stop them, and a forked worker blocked on a
queue whose other end it holds itself would wait for ever, holding the parent's stdout (so `dlists ... | tee` never
ends). Each worker asks the kernel for SIGKILL when its parent dies (`prctl(PR_SET_PDEATHSIG)`, Linux), or else
watches its parent's pid; it lets go of stdin and stdout (its results go back through the pool's queues), and
takes back the default signal handlers (the parent's cleanup handlers are the parent's).
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


def shared(tasks: Sequence[T], remote: Callable[[T], R], local: Callable[[T], S], unpack: Callable[[R], S],
           workers: int, finished: Callable[[int], None], initializer: Callable[..., None] | None = None,
           initargs: tuple[Any, ...] = (), largest_first: bool = False,
           meanwhile: Callable[[], None] | None = None, sizes: Sequence[int] | None = None) -> list[S]:
    """Run tasks in `workers - 1` worker processes (`remote`, whose results `unpack` turns into `local`'s) and in
    this process at once (`local`). Each worker is handed the next task from the front as it finishes one (never
    more than one ahead: a queued task could not be taken back) and this process takes tasks from the back, so
    the cores stay busy to the end; with `largest_first` (tasks sorted by decreasing size) it takes them from the
    front too, so that every process ends on small tasks; `sizes` (each task's) has them taken so, largest first,
    whatever their order. Results come in task order; `finished(i)` is called
    (in this thread) as task i's result is taken. While tasks run here, the interpreter switches threads more
    often: the thread handing workers their next task waits for this one otherwise (5 ms a turn). `meanwhile`
    runs here once the workers have their first tasks, before this process takes one."""
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    if sizes is not None:
        order, largest_first = deque(sorted(range(len(tasks)), key=lambda i: -sizes[i])), True
    else:
        order = deque(range(len(tasks)))
    lock = threading.Lock()
    results: list[S | None] = [None] * len(tasks)
    futures: dict[int, Future[R]] = {}
    pool = ProcessPoolExecutor(workers - 1, mp_context=ctx, initializer=worker_start, initargs=(os.getpid(), initializer, initargs))

    def feed(_: object = None) -> None:
        with lock:
            if not order:
                return
            i = order.popleft()
            try:
                futures[i] = future = pool.submit(remote, tasks[i])
            except (RuntimeError, BrokenProcessPool):  # shut down (Ctrl-C) or a worker killed: the waiting
                order.appendleft(i)  # thread takes the task, or reports the broken pool, not this callback
                return
        future.add_done_callback(feed)  # outside the lock: it calls `feed` at once when the task is done already

    try:
        for _ in range(workers - 1):
            feed()
        if meanwhile is not None:
            meanwhile()
        interval = sys.getswitchinterval()
        sys.setswitchinterval(min(interval, 0.0005))
        try:
            while True:
                with lock:
                    mine = (order.popleft() if largest_first else order.pop()) if order else None
                if mine is None:
                    break
                results[mine] = local(tasks[mine])
                finished(mine)
        finally:
            sys.setswitchinterval(interval)
        with lock:
            remaining = sorted(futures.items())
        for i, future in remaining:
            results[i] = unpack(future.result())
            finished(i)
    except BaseException:
        _stop(pool)  # an error, Ctrl-C or SIGTERM: the workers' tasks are not waited for
        raise
    pool.shutdown()
    return [r for r in results if r is not None]


def _stop(pool: ProcessPoolExecutor) -> None:
    """End the pool's workers now, without waiting for the tasks they run; then the pool (its thread sees them
    gone at once: waiting for it keeps its exit from racing the interpreter's, "Bad file descriptor")."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):  # (no public way to reach them)
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


PR_SET_PDEATHSIG = 1  # <linux/prctl.h>
WATCH_INTERVAL = 0.25  # seconds between two looks at the parent's pid, where the kernel cannot be asked


def worker_start(parent: int, initializer: Callable[..., None] | None, initargs: tuple[Any, ...]) -> None:
    """The first thing a worker process runs: end with `parent`, let go of its output, default signal handlers;
    then the caller's `initializer`."""
    for name in ("SIGTERM", "SIGINT", "SIGHUP"):
        if hasattr(signal, name):  # (no SIGHUP on Windows)
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if not _kernel_kills_with_parent():
        threading.Thread(target=_watch, args=(parent,), daemon=True, name="dlists-parent-watch").start()
    if os.getppid() != parent:  # the parent died before this process could ask
        os._exit(1)
    with contextlib.suppress(OSError):
        null = os.open(os.devnull, os.O_RDWR)
        os.dup2(null, 0)
        os.dup2(null, 1)
        os.close(null)
    if initializer is not None:
        initializer(*initargs)


def _kernel_kills_with_parent() -> bool:
    """Ask Linux to SIGKILL this process when its parent ends (False: not Linux, or no prctl)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    """End this process as soon as its parent is gone (it is then another process's child)."""
    while os.getppid() == parent:
        time.sleep(WATCH_INTERVAL)
    os._exit(1)
