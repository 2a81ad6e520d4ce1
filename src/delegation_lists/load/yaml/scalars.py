"""Plain scalars as PyYAML reads them: YAML 1.1 resolution and construction, shared by both parser backends."""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import ScalarNode

T = "tag:yaml.org,2002:"
STR = T + "str"
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_SC = yaml.constructor.SafeConstructor()
_SCALARS = {
    T + "null": lambda n: None,
    T + "bool": _SC.construct_yaml_bool,
    T + "int": _SC.construct_yaml_int,
    T + "float": _SC.construct_yaml_float,
    T + "timestamp": _SC.construct_yaml_timestamp,
    T + "binary": _SC.construct_yaml_binary,
    STR: lambda n: n.value,
}


class Unsupported(Exception):
    """A tag the loader does not build (catalogs use plain YAML values)."""


#: by first character, every resolver's pattern in one (a quick "no" for most strings: codes like `450100-00001`)
_ANY = {first: re.compile("|".join(f"(?:{r.pattern})" for _, r in found), re.X) for first, found in _IMPLICIT.items()}


def resolve_plain(value: str) -> str | None:
    """The tag PyYAML's YAML 1.1 resolvers give a plain scalar; None for a string."""
    quick = _ANY.get(value[:1])
    if quick is None or not quick.match(value):
        return None
    for rtag, regexp in _IMPLICIT[value[:1]]:
        if regexp.match(value):
            return rtag  # type: ignore[no-any-return]
    return None


def construct(tag: str, value: str) -> Any:
    """A scalar's Python value, built by PyYAML's constructors; raises Unsupported, or ValueError and the like
    on bad values."""
    make = _SCALARS.get(tag)
    if make is None:
        raise Unsupported(tag)
    return make(ScalarNode(tag, value))  # type: ignore[no-untyped-call]
