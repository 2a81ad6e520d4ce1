"""Tasks run in worker processes and in this process at once, with their results in task order."""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


def shared(tasks: Sequence[T], remote: Callable[[T], R], local: Callable[[T], S], unpack: Callable[[R], S],
           workers: int, finished: Callable[[int], None], initializer: Callable[..., None] | None = None,
           initargs: tuple[Any, ...] = (), largest_first: bool = False,
           meanwhile: Callable[[], None] | None = None) -> list[S]:
    """Run tasks in `workers - 1` worker processes (`remote`, whose results `unpack` turns into `local`'s) and in
    this process at once (`local`). Each worker is handed the next task from the front as it finishes one (never
    more than one ahead: a queued task could not be taken back) and this process takes tasks from the back, so
    the cores stay busy to the end; with `largest_first` (tasks sorted by decreasing size) it takes them from the
    front too, so that every process ends on small tasks. Results come in task order; `finished(i)` is called
    (in this thread) as task i's result is taken. While tasks run here, the interpreter switches threads more
    often: the thread handing workers their next task waits for this one otherwise (5 ms a turn). `meanwhile`
    runs here once the workers have their first tasks, before this process takes one."""
    ctx = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    order, lock = deque(range(len(tasks))), threading.Lock()
    results: list[S | None] = [None] * len(tasks)
    futures: dict[int, Future[R]] = {}
    with ProcessPoolExecutor(workers - 1, mp_context=ctx, initializer=initializer, initargs=initargs) as pool:

        def feed(_: object = None) -> None:
            with lock:
                if not order:
                    return
                i = order.popleft()
                futures[i] = future = pool.submit(remote, tasks[i])
            future.add_done_callback(feed)  # outside the lock: it calls `feed` at once when the task is done already

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
    return [r for r in results if r is not None]
