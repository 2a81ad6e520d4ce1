"""Python values from a composed node tree: one tight pass, duplicate keys collected, aliases bounded.

An alias makes no copy of what it names, but everything downstream (rules, messages, reports) sees the value once
per alias: the expansion is bounded in nodes and in characters, each to `ALIAS_FACTOR` times what the file holds
(with a floor, so small files may use aliases freely). A 1,000,000-character name aliased 3,000 times is 3e9
characters: DL004, not a report of 3,000 copies."""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ...problems.message import msg
from ..errors import LoadError
from .scalars import T, Unsupported, construct, resolve_plain

SEQ, MAP, MERGE = T + "seq", T + "map", T + "merge"
PLAIN = "!plain"  # our marker (the composer's resolver): a plain scalar still to be resolved
MAX_DEPTH = 100
#: aliases may add this many times the nodes, and the scalar characters, the file holds (not fewer than the floors)
ALIAS_FACTOR = 10
ALIAS_NODES_FLOOR = 10_000
ALIAS_CHARS_FLOOR = 1_000_000


def at(node: Node) -> tuple[int, int]:
    """1-based (line, column) of a node."""
    return node.start_mark.line + 1, node.start_mark.column + 1


class Builder:
    """Builds Python values from a node tree; collects duplicate keys; bounds alias expansion."""

    def __init__(self, aliases: bool) -> None:
        self.duplicates: list[tuple[str, int, int, int]] = []  # key, line, column, line of the first
        self.memo: dict[int, Any] | None = {} if aliases else None
        self.sizes: dict[int, tuple[int, int]] = {}  # node -> (nodes, scalar characters) under it
        self.count = 0  # nodes built
        self.chars = 0  # characters of the scalars built
        self.expanded = 0  # nodes reached again through aliases
        self.expanded_chars = 0  # and their scalar characters

    def build(self, node: Node, depth: int = 0) -> Any:
        if self.memo is not None:
            return self._build_shared(node, depth)
        return self._build(node, depth)

    def _build_shared(self, node: Node, depth: int) -> Any:
        memo = self.memo
        assert memo is not None
        key = id(node)
        if key in memo:
            if memo[key] is _BUSY:
                raise LoadError("DL004", msg("DL004.recursive"), *at(node))
            nodes, chars = self.sizes[key]
            self.expanded += nodes
            self.expanded_chars += chars
            if (self.expanded > max(ALIAS_NODES_FLOOR, ALIAS_FACTOR * self.count)
                    or self.expanded_chars > max(ALIAS_CHARS_FLOOR, ALIAS_FACTOR * self.chars)):
                raise LoadError("DL004", msg("DL004.bomb"), *at(node))
            return memo[key]
        memo[key] = _BUSY
        nodes, chars = self.count + self.expanded, self.chars + self.expanded_chars
        value = memo[key] = self._build(node, depth)
        self.sizes[key] = (self.count + self.expanded - nodes, self.chars + self.expanded_chars - chars)
        return value

    def _build(self, node: Node, depth: int) -> Any:
        self.count += 1
        cls = type(node)
        if cls is ScalarNode:
            return self.scalar(node)
        if depth > MAX_DEPTH:
            raise LoadError("DL006", msg("DL006.too_deep", max=MAX_DEPTH), *at(node))
        if cls is MappingNode and node.tag == MAP:
            return self.mapping(node, depth + 1)
        if cls is SequenceNode and node.tag == SEQ:
            return [self.build(child, depth + 1) for child in node.value]
        raise LoadError("DL006", msg("DL006.tag", tag=repr(node.tag)), *at(node))

    def scalar(self, node: Node) -> Any:
        value = node.value
        self.chars += len(value)
        tag = resolve_plain(value) if node.tag == PLAIN else node.tag
        if tag is None:
            return value
        try:
            return construct(tag, value)
        except Unsupported:
            raise LoadError("DL006", msg("DL006.scalar_tag", tag=repr(tag)), *at(node)) from None
        except (ValueError, TypeError, yaml.YAMLError) as exc:
            raise LoadError("DL001", msg("DL001.bad_scalar", value=repr(value[:40]), tag=tag.rsplit(":", 1)[-1], detail=exc), *at(node)) from None

    def _first(self, node: Node, key: Any) -> int:
        """The line where a mapping first sets `key` (asked for duplicates only)."""
        for knode, _ in node.value:
            if type(knode) is ScalarNode and self.scalar(knode) == key:
                return at(knode)[0]
        return 0

    def mapping(self, node: Node, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        merged: set[Any] = set()
        for knode, vnode in node.value:
            if type(knode) is not ScalarNode:
                raise LoadError("DL006", msg("DL006.complex_key"), *at(knode))
            if knode.tag == MERGE or (knode.tag == PLAIN and knode.value == "<<"):
                self._merge(out, merged, vnode, depth)
                continue
            key = self.scalar(knode)
            if key in out and key not in merged:
                self.duplicates.append((str(key), *at(knode), self._first(node, key)))
            merged.discard(key)
            out[key] = self.build(vnode, depth)
        return out

    def _merge(self, out: dict[Any, Any], merged: set[Any], vnode: Node, depth: int) -> None:
        sources = vnode.value if type(vnode) is SequenceNode else [vnode]
        for src in sources:
            value = self.build(src, depth)
            if not isinstance(value, dict):
                raise LoadError("DL006", msg("DL006.merge"), *at(src))
            for k, v in value.items():
                if k not in out:
                    out[k] = v
                    merged.add(k)


_BUSY = object()
