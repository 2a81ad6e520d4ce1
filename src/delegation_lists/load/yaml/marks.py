"""Paths in a document -> line/column: walk a composed node tree to the node a path names.

Loading keeps no marks (it is the hot path); whoever needs a place (problems, diff lines) composes the text or
one item's lines again (item_lines.py) and walks it here. A path that does not exist (a missing field) stops at
the nearest parent.
"""

from __future__ import annotations

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import LoadError
from .builder import MERGE, PLAIN, Builder

Loc = tuple[str | int, ...]


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
