"""The key of a file's content for the parse cache, the incremental state and identical-file detection.

A document's kind depends on its bytes and on one fact about its name (whether it is `region.yaml`), so that
fact is part of the key: the same bytes as `a/region.yaml` and as `b/other.yaml` are two documents.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .discover import REGION_FILES


def content_key(raw: bytes, path: Path) -> str:
    """SHA-256 of the bytes read, with whether the file's name makes it a region file (its first 160 bits, as hex).
    SHA-256 rather than blake2b: processors hash it in hardware (SHA extensions), and a warm run over a province
    is mostly this: 74 MB in 0.05 s instead of 0.09 s."""
    h = hashlib.sha256(b"region\0" if path.name in REGION_FILES else b"file\0")
    h.update(raw)
    return h.hexdigest()[:40]
