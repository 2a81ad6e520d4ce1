"""Reading the files of two versions of a catalog together (the diff): a file whose bytes did not change is
parsed once; of a changed file in the plainest layout only the item blocks that changed are parsed (splice.py),
and of any other changed file the items whose data is exactly what the earlier version had are taken from it
(model/quick.py: `Earlier`) instead of being validated again. Each version still gets documents of its own
(names, problems, text), the same as reading it alone gives.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..memory import paused_gc
from ..model.quick import earlier_items
from .document import Document, read_bounded, read_document
from .errors import LoadError
from .many import twin
from .splice import spliced


def read_versions(paths: Sequence[Path], earlier: Sequence[int | None], encoding: str | None = None) -> list[Document]:
    """Every file, in order; `earlier[i]`: the index of the earlier version of file i (before i), or None."""
    raws: list[bytes | None] = []
    docs: list[Document] = []
    with paused_gc():
        for path, before in zip(paths, earlier, strict=True):
            try:
                raw: bytes | None = read_bounded(path)
            except (OSError, LoadError):
                raw = None  # reading again reports why
            if before is not None and raw is not None and raws[before] == raw:
                docs.append(twin(docs[before], path))
            elif before is not None and raw is not None and (made := spliced(docs[before], raw, path, path.as_posix(), encoding)):
                docs.append(made)
            else:
                known = earlier_items(docs[before].data, docs[before].items) if before is not None else None
                docs.append(read_document(path, path.as_posix(), encoding, raw=raw, earlier=known))
            raws.append(raw)
    for doc in docs:
        doc.data = None  # not needed after validation
    return docs
