"""Problems -> line and column: each problem's path walked in its file's node tree (load/yaml/marks.py).

For the few files with problems only: a problem inside an item is located by composing that item's lines alone
(found by a text scan); the whole file is composed only for the rest. With the parse cache, the places found
are remembered per text, so a re-validation does not parse a file again just to locate unchanged problems.
"""

from __future__ import annotations

import dataclasses
from dataclasses import replace

from yaml.nodes import Node, SequenceNode

from ..load.cache import Cache
from ..load.document import Document
from ..load.errors import LoadError
from ..load.yaml.item_lines import ItemLines, scan_items
from ..load.yaml.marks import locate
from ..load.yaml.parse import compose
from ..problems import Loc, Message, Problem
from ..problems.templates import TEMPLATES


def place(problems: list[Problem], text: str, items: int | None = None) -> list[Problem]:
    """Fill in line/column of the problems of one file that are not located yet. With `items` (the number of
    items the file holds), a problem inside an item is located by composing that item's lines alone (found by a
    text scan); the whole file is composed only for the rest, or when the scan declines."""
    if not any(p.line == 0 for p in problems):
        return problems
    found: dict[tuple[Loc, bool], tuple[int, int]] = {}
    scan = scan_items(text, items) if items else None
    whole: list[Node | None] = []  # the composed file, once needed
    composed: dict[int, Node | None] = {}  # item index -> its lines composed
    for p in problems:
        key = (p.loc, p.at_key)
        if p.line or key in found:
            continue
        at = _in_item(scan, p, composed) if scan is not None else None
        if at is None:
            if not whole:
                whole.append(_compose(text))
            at = locate(whole[0], p.loc, p.at_key) if whole[0] is not None else None
        if at is not None:
            found[key] = at
    return [replace(p, line=found[(p.loc, p.at_key)][0], column=found[(p.loc, p.at_key)][1])
            if p.line == 0 and (p.loc, p.at_key) in found else p for p in problems]


def _compose(text: str) -> Node | None:
    try:
        return compose(text)
    except LoadError:
        return None


def _in_item(scan: ItemLines, p: Problem, composed: dict[int, Node | None]) -> tuple[int, int] | None:
    """(line, column) of a problem under `items[i]`, composing only that item's lines (each item once; its
    lines composed alone, their line numbers shifted by where the item starts)."""
    loc = p.loc
    if len(loc) < 2 or loc[0] != "items" or not isinstance(loc[1], int) or not 0 <= loc[1] < len(scan.starts):
        return None
    first, end = scan.span(loc[1])
    if loc[1] not in composed:
        try:
            composed[loc[1]] = compose("\n".join(scan.lines[first:end]))
        except LoadError:
            composed[loc[1]] = None  # e.g. an alias to an anchor outside the item
    root = composed[loc[1]]
    if type(root) is not SequenceNode or len(root.value) != 1:
        return None
    at = locate(root, (0, *loc[2:]), p.at_key)
    return (at[0] + first, at[1]) if at is not None else None


def place_cached(problems: list[Problem], doc: Document, cache: Cache | None) -> list[Problem]:
    """`place` (line and column from the parsed text), remembering the answers per text in the cache, so a
    re-validation does not parse a file again just to locate its (unchanged) problems."""
    if cache is None or doc.digest is None:
        return place(problems, doc.source(), len(doc.items))
    known = cache.positions(doc.digest)
    out = [dataclasses.replace(p, line=known[(p.loc, p.at_key)][0], column=known[(p.loc, p.at_key)][1])
           if p.line == 0 and (p.loc, p.at_key) in known else p for p in problems]
    if any(p.line == 0 for p in out):
        out = place(out, doc.source(), len(doc.items))
        found = {(p.loc, p.at_key): (p.line, p.column) for p in out if p.line and (p.loc, p.at_key) not in known}
        if found:
            cache.save_positions(doc.digest, {**known, **found})
    return out


def place_related(problems: list[Problem], files: dict[str, Document], cache: Cache | None) -> list[Problem]:
    """Locate the related places of problems (the other half of a duplicate), as problems are located, and name
    the line in the message where the catalogue has a `.line` variant of it (`DL101.same_file.line`)."""
    wanted = [(i, j, r) for i, p in enumerate(problems) for j, r in enumerate(p.related) if not r.line and r.file in files]
    if not wanted:
        return problems
    stubs: dict[str, list[Problem]] = {}
    for i, _, r in wanted:
        stubs.setdefault(r.file, []).append(dataclasses.replace(problems[i], file=r.file, loc=r.loc, line=0, column=0, related=()))
    found = {f: iter(place_cached(ps, files[f], cache)) for f, ps in stubs.items()}
    out = list(problems)
    for i, j, r in wanted:
        at = next(found[r.file])
        related = list(out[i].related)
        related[j] = dataclasses.replace(r, line=at.line, column=at.column)
        out[i] = dataclasses.replace(out[i], related=tuple(related), message=_with_line(out[i].message, at.line))
    return out


def _with_line(message: Message, line: int) -> Message:
    key = f"{message.key}.line"
    if not line or key not in TEMPLATES:
        return message
    return Message(key, (*message.args, ("line", str(line))))
