"""Problem paths -> line/column, by walking the node tree of the file.

Loading keeps no marks (it is the hot path); the few files that have problems are composed again here and each
path is walked to its node. A path that does not exist (a missing field) stops at the nearest parent.
"""

from __future__ import annotations

from dataclasses import replace

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..rules.problem import Loc, Problem
from .errors import LoadError
from .yaml import MERGE, PLAIN, Builder, compose


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


def place(problems: list[Problem], text: str) -> list[Problem]:
    """Fill in line/column of the problems of one file that are not located yet."""
    todo = [p for p in problems if p.line == 0]
    if not todo:
        return problems
    try:
        root = compose(text)
    except LoadError:
        return problems
    if root is None:
        return problems
    out = []
    for p in problems:
        if p.line == 0:
            line, column = locate(root, p.loc, p.at_key)
            p = replace(p, line=line, column=column)
        out.append(p)
    return out
