"""A catalog from paths: discover the files (with their context), load them, build the Catalog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from ..load.discover import discover
from ..load.many import load_documents
from ..memory import paused_gc
from .catalog import Catalog


def load_catalog(
    paths: Iterable[str | Path], *, encoding: str | None = None, exclude: Iterable[str] = (),
    as_of: dt.date | None = None, jobs: int | None = None, cache: Path | None = None,
) -> tuple[Catalog, int]:
    """The catalog of the given paths (with their context) and the number of files with load/schema errors."""
    found = discover(paths, exclude)
    docs = load_documents(found.targets + found.context, encoding, None, jobs, cache)
    broken = sum(1 for d in docs if any(p.severity == "error" for p in d.problems))
    with paused_gc():
        return Catalog.build(docs, as_of), broken
