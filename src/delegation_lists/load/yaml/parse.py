"""YAML text -> Python data, with duplicate-key errors, bounded aliases and located, human error messages.

`parse` asks the fast backend first (rapid.py, when rapidyaml is installed), which answers only when it is sure
to give the same data. Otherwise libyaml's C composer builds the node tree here (the resolver cut down to a tag
per node kind) and builder.py makes the Python values in one tight pass (plain scalars resolved with PyYAML's
own YAML 1.1 rules, so the data is what `yaml.load(..., CSafeLoader)` gives).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.nodes import Node, ScalarNode, SequenceNode

from ...problems.message import msg
from ..errors import LoadError
from .backend import FAST as BACKEND_FAST
from .backend import backend as backend
from .builder import MAP, MAX_DEPTH, PLAIN, SEQ, Builder, at
from .rapid import fast_parse
from .scalars import STR
from .syntax_errors import describe_yaml_error

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

FAST = BACKEND_FAST  # (tests turn it off here)


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
            raise _TooDeep(at(parent) if isinstance(parent, Node) else (0, 0))

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
        raise describe_yaml_error(exc, text, byte_offsets=LIBYAML) from None
    except _TooDeep as deep:
        raise LoadError("DL006", msg("DL006.too_deep", max=MAX_DEPTH), *deep.args[0]) from None
    finally:
        parser.dispose()


def parse(text: str, fast: bool | None = None, utf8: bytes | None = None) -> tuple[Any, list[tuple[str, int, int, int]]]:
    """Text of one YAML document -> (data, duplicate keys as (key, line, column)). Raises LoadError.
    With `fast` (default: `FAST`, on when rapidyaml is installed) the fast backend answers whenever it can
    (`utf8`: the text's UTF-8 bytes, when the caller has them)."""
    if FAST if fast is None else fast:
        done = fast_parse(text, utf8)
        if done is not None:
            return done
    root = compose(text)
    if root is None:
        return None, []
    builder = Builder(aliases="*" in text)
    try:
        return builder.build(root), builder.duplicates
    except RecursionError:
        raise LoadError("DL006", msg("DL006.too_deep_loader", max=MAX_DEPTH), *at(root)) from None
