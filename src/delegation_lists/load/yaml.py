"""YAML text -> Python data, with duplicate-key errors, bounded aliases and located, human error messages.

libyaml's C composer builds the node tree; the resolver is cut down to a tag per node kind, and Python values
are built here in one tight pass (plain scalars resolved with PyYAML's own YAML 1.1 rules, so the data is the
same as `yaml.load(..., CSafeLoader)` gives). The garbage collector is paused while a file is built.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import LoadError
from .fast import AVAILABLE, VERSION, fast_parse
from .humanize import describe_yaml_error
from .scalars import STR, T, Unsupported, construct, resolve_plain

try:
    from yaml._yaml import CParser as _Parser

    LIBYAML = True
except ImportError:  # pragma: no cover - only without libyaml
    from yaml.composer import Composer
    from yaml.parser import Parser
    from yaml.reader import Reader
    from yaml.resolver import BaseResolver
    from yaml.scanner import Scanner

    class _Parser(Reader, Scanner, Parser, Composer, BaseResolver):  # type: ignore[no-redef]
        def __init__(self, stream: str) -> None:
            Reader.__init__(self, stream)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            BaseResolver.__init__(self)

    LIBYAML = False

SEQ, MAP, MERGE = T + "seq", T + "map", T + "merge"
PLAIN = "!plain"  # our marker: a plain scalar still to be resolved
MAX_DEPTH = 100
#: use the fast backend (rapidyaml) when installed; DLISTS_YAML=pyyaml turns it off
FAST = AVAILABLE and os.environ.get("DLISTS_YAML", "").lower() != "pyyaml"


def backend() -> str:
    """Which YAML parser loads files, for `--version` and the benchmarks."""
    base = "libyaml" if LIBYAML else "pure-Python PyYAML"
    if FAST:
        return f"rapidyaml {VERSION}, falling back to {base}"
    return base


class _Composer(_Parser):  # type: ignore[misc, unused-ignore]
    """The C composer with a resolver that only marks plain scalars; values are resolved while building."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            return PLAIN if implicit[0] else STR
        return SEQ if kind is SequenceNode else MAP

    depth = 0

    def descend_resolver(self, parent: Any, index: Any) -> None:
        """Called before each node is composed: bound the nesting (the C composer recurses on the C stack)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _TooDeep(_at(parent) if isinstance(parent, Node) else (0, 0))

    def ascend_resolver(self) -> None:
        self.depth -= 1


class _TooDeep(Exception):
    pass


def compose(text: str) -> Node | None:
    """The node tree of a one-document stream (None when empty); raises LoadError (located)."""
    parser = _Composer(text)
    try:
        return parser.get_single_node()
    except yaml.YAMLError as exc:
        code, message, line, column = describe_yaml_error(exc, text)
        raise LoadError(code, message, line, column) from None
    except _TooDeep as deep:
        raise LoadError("DL006", f"nesting is deeper than {MAX_DEPTH} levels", *deep.args[0]) from None
    finally:
        parser.dispose()


def _at(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


class Builder:
    """Builds Python values from a node tree; collects duplicate keys; bounds alias expansion."""

    def __init__(self, aliases: bool) -> None:
        self.duplicates: list[tuple[str, int, int]] = []
        self.memo: dict[int, Any] | None = {} if aliases else None
        self.sizes: dict[int, int] = {}
        self.count = 0  # nodes built
        self.expanded = 0  # nodes reached again through aliases

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
                raise LoadError("DL004", "an alias refers to the node that contains it (recursive alias)", *_at(node))
            self.expanded += self.sizes[key]
            if self.expanded > max(10_000, 10 * self.count):
                raise LoadError("DL004", "aliases expand to far more data than the file holds (alias bomb?)", *_at(node))
            return memo[key]
        memo[key] = _BUSY
        before = self.count + self.expanded
        value = memo[key] = self._build(node, depth)
        self.sizes[key] = self.count + self.expanded - before
        return value

    def _build(self, node: Node, depth: int) -> Any:
        self.count += 1
        cls = type(node)
        if cls is ScalarNode:
            return self.scalar(node)
        if depth > MAX_DEPTH:
            raise LoadError("DL006", f"nesting is deeper than {MAX_DEPTH} levels", *_at(node))
        if cls is MappingNode and node.tag == MAP:
            return self.mapping(node, depth + 1)
        if cls is SequenceNode and node.tag == SEQ:
            return [self.build(child, depth + 1) for child in node.value]
        raise LoadError("DL006", f"unsupported tag {node.tag!r} (catalogs use plain YAML values)", *_at(node))

    def scalar(self, node: Node) -> Any:
        value = node.value
        tag = resolve_plain(value) if node.tag == PLAIN else node.tag
        if tag is None:
            return value
        try:
            return construct(tag, value)
        except Unsupported:
            raise LoadError("DL006", f"unsupported tag {tag!r} on a scalar", *_at(node)) from None
        except (ValueError, TypeError, yaml.YAMLError) as exc:
            raise LoadError("DL001", f"cannot read value {value[:40]!r} as {tag.rsplit(':', 1)[-1]}: {exc}", *_at(node)) from None

    def mapping(self, node: Node, depth: int) -> dict[Any, Any]:
        out: dict[Any, Any] = {}
        merged: set[Any] = set()
        for knode, vnode in node.value:
            if type(knode) is not ScalarNode:
                raise LoadError("DL006", "a key must be a plain value, not a list or mapping", *_at(knode))
            if knode.tag == MERGE or (knode.tag == PLAIN and knode.value == "<<"):
                self._merge(out, merged, vnode, depth)
                continue
            key = self.scalar(knode)
            if key in out and key not in merged:
                self.duplicates.append((str(key), *_at(knode)))
            merged.discard(key)
            out[key] = self.build(vnode, depth)
        return out

    def _merge(self, out: dict[Any, Any], merged: set[Any], vnode: Node, depth: int) -> None:
        sources = vnode.value if type(vnode) is SequenceNode else [vnode]
        for src in sources:
            value = self.build(src, depth)
            if not isinstance(value, dict):
                raise LoadError("DL006", "a merge key (<<) needs a mapping or a list of mappings", *_at(src))
            for k, v in value.items():
                if k not in out:
                    out[k] = v
                    merged.add(k)


_BUSY = object()


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector (loading creates millions of objects and no cycles)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def parse(text: str, fast: bool | None = None) -> tuple[Any, list[tuple[str, int, int]]]:
    """Text of one YAML document -> (data, duplicate keys as (key, line, column)). Raises LoadError.
    With `fast` (default: `FAST`, on when rapidyaml is installed) the fast backend answers whenever it can."""
    if FAST if fast is None else fast:
        done = fast_parse(text)
        if done is not None:
            return done
    root = compose(text)
    if root is None:
        return None, []
    builder = Builder(aliases="*" in text)
    try:
        return builder.build(root), builder.duplicates
    except RecursionError:
        raise LoadError("DL006", f"nesting is deeper than the loader accepts ({MAX_DEPTH} levels)", *_at(root)) from None
