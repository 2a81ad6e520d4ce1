"""The garbage-collector pause shared by the command line and the public entry points.

A run loads millions of objects that form no reference cycles; every full collection would scan them all
again (it doubled the time of loading a province from the cache). The CLI pauses the collector for each
command; library entry points (validate, load_catalog, reconcile, diff, stats, export) pause it too, so a
library caller gets the same speed. Nothing below them needs to.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block (restored as it was afterwards)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
