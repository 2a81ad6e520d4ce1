"""The key of a file's content for the parse cache, the incremental state and identical-file detection.

A document's kind depends on its bytes and on one fact about its name (whether it is `region.yaml`), so that
fact is part of the key: the same bytes as `a/region.yaml` and as `b/other.yaml` are two documents.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .discover import REGION_FILES


def content_key(raw: bytes, path: Path) -> str:
    """blake2b of the bytes read, with whether the file's name makes it a region file."""
    h = hashlib.blake2b(digest_size=20)
    h.update(b"region\0" if path.name in REGION_FILES else b"file\0")
    h.update(raw)
    return h.hexdigest()
