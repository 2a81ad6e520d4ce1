"""One file -> one Document: its text, data, validated model (region or list) and load/schema problems."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..memory import paused_gc
from ..model.adjustments import AdjustmentsDoc
from ..model.duties import Duty, validate_duties
from ..model.items import Item, ListHeader
from ..model.quick import Earlier, validate_list
from ..model.region import RegionDoc
from ..problems import Problem, Related, msg
from ..problems.codes import problem
from .errors import LoadError
from .known import invalid_codes, scanned
from .schema_errors import schema_problems
from .text import decode, plain_utf8
from .yaml.parse import parse
from .yaml.slips import Mended, mend

#: top-level keys that mark the kind of a document
KIND_KEYS = {"region": "region", "list": "list", "items": "list", "duties": "list", "mapping": "mapping",
             "adjustments": "adjustments"}


@dataclass
class Document:
    """A loaded file. `model` is None when the file could not be read or validated."""

    file: str  # the path as shown to the user
    path: Path
    kind: str | None = None  # region | list | mapping | adjustments
    text: str | None = ""  # None: not kept (parsed in a worker process); `source()` reads it again
    data: Any = None
    region: RegionDoc | None = None
    header: ListHeader | None = None
    items: list[Item | None] = field(default_factory=list)  # aligned with the YAML `items:` (None: invalid)
    problems: list[Problem] = field(default_factory=list)
    digest: str | None = None  # the parse cache's key of the file's bytes, when read through it
    encoding: str | None = None  # the --encoding the file was read with
    written: str | None = None  # the text as written, when input-method slips were mended (yaml/slips.py)
    #: a list that could not be (wholly) used: the jurisdiction it names (when its header is unusable) and the
    #: codes of its items that are there but invalid (load/known.py)
    claimed: str | None = None
    known_codes: tuple[str, ...] = ()
    duties: list[Duty | None] = field(default_factory=list)  # aligned with `duties:` in a duty list (spec §5)
    adjustments: AdjustmentsDoc | None = None  # a file of adjustment records (spec §6)
    #: the real folder of the file (symlinks followed), found once (catalog.py): the region files, read once by the
    #: parent, serve every shard's catalog without asking the file system again
    folder: Path | None = field(default=None, repr=False, compare=False)

    def source(self) -> str:
        """The text parsed (slips mended): the one problems are located in. Read, decoded and mended again when
        it was not kept (files parsed in worker processes and files from the parse cache keep no text: only the
        few with problems need it)."""
        if self.text is None:
            opened = any(p.message.key == "DL001.slip_open_quote" for p in self.problems)
            self.text = mend(self._read(), opened).text
        return self.text

    def original(self) -> str:
        """The text as written, for showing source lines."""
        if self.written is not None:
            return self.written
        return self._read() if self.text is None else self.text

    def _read(self) -> str:
        try:
            return decode(self.path.read_bytes(), self.encoding)
        except (OSError, LoadError):
            return ""


#: bytes: a larger catalog file is refused unread (the largest real list is a few MB)
MAX_FILE = 50 * 1024 * 1024


def read_bounded(path: Path) -> bytes:
    """A file's bytes, refusing one over `MAX_FILE` (LoadError DL007) before reading it. Read unbuffered, asking
    for the size the file has (and one byte more): asking for `MAX_FILE` made Python set aside 50 MB for every
    file, which took most of the time of reading a catalog's 2,600 files. Read to its end whatever its size said
    (a file that grew, a pipe), never past the bound."""
    with open(path, "rb", buffering=0) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > MAX_FILE:
            raise LoadError("DL007", msg("DL007.too_big", size=f"{size:,}", limit=f"{MAX_FILE:,}"))
        data = read_at_most(fh, size, MAX_FILE)
        if data is None:
            raise LoadError("DL007", msg("DL007.too_big", size=f"{MAX_FILE + 1:,}+", limit=f"{MAX_FILE:,}"))
        return data


def read_at_most(fh: Any, size: int, limit: int) -> bytes | None:
    """An unbuffered file's bytes to its end, asking first for the `size` it said it has (whatever it really
    has: a read may return less, a pipe says 0); None past `limit` bytes."""
    parts: list[bytes] = []
    total, want = 0, size + 1
    while chunk := fh.read(min(want, limit + 1 - total)):
        parts.append(chunk)
        total += len(chunk)
        if total > limit:
            return None
        want = max(want - len(chunk), 1 << 16)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def _kind(data: Any, path: Path) -> str | None:
    if not isinstance(data, dict):
        return None
    for key in data:
        if key in KIND_KEYS:
            return KIND_KEYS[key]
    return "region" if path.name in ("region.yaml", "region.yml") else None


def read_document(path: Path, file: str, encoding: str | None = None, raw: bytes | None = None,
                  earlier: Earlier | None = None) -> Document:
    """Read (or take `raw` bytes, e.g. from git), decode, parse and validate one catalog file; every failure
    becomes a Problem. `earlier`: the items of an earlier version of the file (model/quick.py)."""
    doc = Document(file, path, encoding=encoding)
    try:
        raw = read_bounded(path) if raw is None else raw
        text = decode(raw, encoding)
        with paused_gc():
            data, duplicates = _parse_mended(doc, text, raw if plain_utf8(raw, encoding) else None)
            doc.problems += [
                problem("DL002", file, msg("DL002", key=key, first=first), line=ln, column=col,
                        related=(Related(file, (), first, 1),) if first else ())
                for key, ln, col, first in duplicates
            ]
            doc.data = data
            _validate(doc, earlier)
    except OSError as exc:
        doc.problems.append(problem("DL007", file, msg("DL007", reason=exc.strerror or exc)))
    except LoadError as exc:
        doc.problems.append(problem(exc.code, file, exc.message, line=exc.line, column=exc.column))
    if doc.problems and doc.kind in ("list", None):
        _keep_known(doc, raw)
    return doc


def _keep_known(doc: Document, raw: bytes | None) -> None:
    """What a list with problems still says (load/known.py): the codes of its invalid items, and, when its data
    could not be used at all, its jurisdiction and every code its text names (codes are ASCII: a file that did
    not decode is scanned as far as it reads)."""
    if doc.header is not None:
        doc.known_codes = invalid_codes(doc.data, doc.items, "items") + invalid_codes(doc.data, doc.duties, "duties")
    elif doc.path.name not in ("region.yaml", "region.yml"):
        text = doc.text or (raw or b"").decode("utf-8", "replace")
        doc.claimed, doc.known_codes = scanned(text)


def _parse_mended(doc: Document, text: str, utf8: bytes | None) -> tuple[Any, list[tuple[str, int, int, int]]]:
    """Parse the text with its input-method slips mended (each slip a problem of `doc`); when that does not parse,
    once more with quotes left open closed too. Raises the LoadError of the text that got furthest."""
    mended = mend(text)
    try:
        return _parse_as(doc, text, mended, utf8)
    except LoadError as failed:
        again = mend(text, open_quotes=True)
        if len(again.slips) == len(mended.slips):
            _keep(doc, text, mended)
            raise
        try:
            return _parse_as(doc, text, again, utf8)
        except LoadError:
            _keep(doc, text, mended)
            raise failed from None


def _parse_as(doc: Document, text: str, mended: Mended, utf8: bytes | None) -> tuple[Any, list[tuple[str, int, int, int]]]:
    done = parse(mended.text, utf8=None if mended.slips else utf8)
    _keep(doc, text, mended)
    return done


def _keep(doc: Document, text: str, mended: Mended) -> None:
    """Record the text parsed, the text as written, and one problem per slip."""
    doc.text = mended.text
    doc.written = text if mended.slips else None
    doc.problems += [problem("DL001", doc.file, slip.message, line=slip.line, column=slip.column) for slip in mended.slips]


def _validate(doc: Document, earlier: Earlier | None = None) -> None:
    data = doc.data
    if data is None:
        doc.problems.append(problem("DL005", doc.file, msg("DL005.empty"), line=1, column=1))
        return
    if not isinstance(data, dict):
        shape = type(data).__name__
        doc.problems.append(problem("DL005", doc.file, msg("DL005.not_mapping", shape=shape), line=1, column=1))
        return
    doc.kind = _kind(data, doc.path)
    if doc.kind is None:
        keys = ", ".join(f"`{k}`" for k in list(data)[:5])
        doc.problems.append(problem("DL005", doc.file, msg("DL005.not_catalog", keys=keys), line=1, column=1))
        return
    if doc.kind == "mapping":
        return
    try:
        if doc.kind == "region":
            doc.region = RegionDoc.model_validate(data)
        elif doc.kind == "adjustments":
            doc.adjustments = AdjustmentsDoc.model_validate(data)
        elif "duties" in data:
            doc.header, doc.duties = validate_duties(data)
        else:
            header, items = validate_list(data, earlier)
            doc.header, doc.items = header, list(items)
    except ValidationError as exc:
        doc.problems += schema_problems(exc, doc.file, data)
        if doc.kind == "list":
            _salvage(doc)


def _valid(model: type[Item] | type[Duty] | type[ListHeader], value: Any) -> Any:
    try:
        return model.model_validate(value)
    except ValidationError:
        return None


def _salvage(doc: Document) -> None:
    """Keep the valid header and items (or duties) of a list with errors, so rules still see them."""
    doc.header = _valid(ListHeader, doc.data.get("list"))
    items = doc.data.get("items")
    doc.items = [_valid(Item, x) for x in items] if isinstance(items, list) else []
    duties = doc.data.get("duties")
    doc.duties = [_valid(Duty, x) for x in duties] if isinstance(duties, list) else []
