"""What the parent reads of each file before planning shards or parts: its size, its cache key, and the
jurisdiction its first lines name (guess.py), without parsing it."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from .guess import guess_jurisdiction, maybe_records, maybe_region

HEAD = 8192  # bytes of each file read to guess its jurisdiction


@dataclass
class Files:
    """The files of a run as the parent reads them before planning: bytes size, cache key, guesses."""

    paths: list[Path]
    sizes: list[int]
    keys: list[str | None]
    guesses: list[str | None]
    regions: list[int]  # indices of the files that may be region files (parsed by the parent)
    records: list[int] = field(default_factory=list)  # indices of the files that may hold adjustment records

    @classmethod
    def read(cls, paths: list[Path], keys: list[str | None] | None = None, raws: list[bytes | None] | None = None) -> Files:
        """Each file's size and guesses; `keys`: the parse cache's keys, when the caller has them (`digest`);
        `raws`: the files' bytes, when the caller has them (blobs read from git). Only a file's head is read (its
        header is at the top) unless its guess needs more; a guess missed that way (a region file's key further
        down) costs only the fallback."""
        out = cls(paths, [], list(keys) if keys else [None] * len(paths), [], [])
        for i, path in enumerate(paths):
            given = raws[i] if raws is not None else None
            raw, size, guess = _guess(given) if given is not None else _head(path)
            out.sizes.append(size)
            region = maybe_region(path, raw)
            out.guesses.append(None if region else guess)
            if region:
                out.regions.append(i)
            elif guess is None and maybe_records(raw):
                out.records.append(i)
        return out


def _head(path: Path) -> tuple[bytes, int, str | None]:
    """(the bytes read, the file's size, its guessed jurisdiction): the head, or the whole file when needed."""
    try:
        with path.open("rb") as f:
            raw, size = f.read(HEAD), os.fstat(f.fileno()).st_size
            whole = len(raw) >= size
            guess = guess_jurisdiction(raw if whole else raw[: raw.rfind(b"\n") + 1], complete=whole)
            if guess is None and not whole:
                raw += f.read()
                guess = guess_jurisdiction(raw)
    except OSError:
        return b"", 0, None
    return raw, size, guess


def _guess(raw: bytes) -> tuple[bytes, int, str | None]:
    """The same, of bytes at hand."""
    guess = guess_jurisdiction(raw[:HEAD][: raw[:HEAD].rfind(b"\n") + 1], complete=False) if len(raw) > HEAD else None
    return (raw[:HEAD], len(raw), guess) if guess is not None else (raw, len(raw), guess_jurisdiction(raw))
