"""Problem paths -> line/column, by walking the node tree of the file.

Loading keeps no marks (it is the hot path); for the few files that have problems, the lines of the item concerned
(or, failing that, the whole file) are composed again here and each path is walked to its node. A path that does
not exist (a missing field) stops at the nearest parent.
"""

from __future__ import annotations

from dataclasses import replace

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..rules.problem import Loc, Problem
from .builder import MERGE, PLAIN, Builder
from .errors import LoadError
from .scan import ItemLines, scan_items
from .yaml import compose


def _key_matches(knode: Node, key: str | int) -> bool:
    if type(knode) is not ScalarNode:
        return False
    if knode.value == str(key):
        return True
    try:
        return bool(Builder(aliases=False).scalar(knode) == key)
    except LoadError:
        return False


def _child(node: Node, part: str | int) -> tuple[Node, Node] | None:
    """(key node, value node) of `part` under `node`; the last occurrence wins, as in loading."""
    if type(node) is SequenceNode and isinstance(part, int):
        return (node.value[part], node.value[part]) if 0 <= part < len(node.value) else None
    if type(node) is not MappingNode:
        return None
    found = None
    for knode, vnode in node.value:
        if knode.tag == MERGE or (knode.tag == PLAIN and knode.value == "<<"):
            continue
        if _key_matches(knode, part):
            found = (knode, vnode)
    if found is None:  # maybe it came in through a merge key
        for knode, vnode in node.value:
            if knode.value == "<<":
                for src in vnode.value if type(vnode) is SequenceNode else [vnode]:
                    hit = _child(src, part)
                    if hit is not None:
                        return hit
    return found


def locate(root: Node, loc: Loc, at_key: bool = False) -> tuple[int, int]:
    """1-based (line, column) of the node at `loc`, or of its nearest existing parent."""
    node, key = root, None
    for part in loc:
        hit = _child(node, part)
        if hit is None:
            break
        key, node = hit
    else:
        if at_key and key is not None:
            node = key
    return node.start_mark.line + 1, node.start_mark.column + 1


def place(problems: list[Problem], text: str, items: int | None = None) -> list[Problem]:
    """Fill in line/column of the problems of one file that are not located yet. With `items` (the number of
    items the file holds), a problem inside an item is located by composing that item's lines alone (found by a
    text scan); the whole file is composed only for the rest, or when the scan declines."""
    if not any(p.line == 0 for p in problems):
        return problems
    found: dict[tuple[Loc, bool], tuple[int, int]] = {}
    scan = scan_items(text, items) if items else None
    whole: list[Node | None] = []  # the composed file, once needed
    for p in problems:
        key = (p.loc, p.at_key)
        if p.line or key in found:
            continue
        at = _in_item(scan, p) if scan is not None else None
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


def _in_item(scan: ItemLines, p: Problem) -> tuple[int, int] | None:
    """(line, column) of a problem under `items[i]`, composing only that item's lines (same text, same marks)."""
    loc = p.loc
    if len(loc) < 2 or loc[0] != "items" or not isinstance(loc[1], int) or not 0 <= loc[1] < len(scan.starts):
        return None
    first, end = scan.span(loc[1])
    try:
        root = compose("\n" * first + "\n".join(scan.lines[first:end]))
    except LoadError:
        return None  # e.g. an alias to an anchor outside the item
    if type(root) is not SequenceNode or len(root.value) != 1:
        return None
    return locate(root, (0, *loc[2:]), p.at_key)
