"""Catalog YAML as the import writes it: block style, short lists of plain values on one line, list entries
indented under `items:` as the example catalogs have them, each entry under its comment when it has one (where
its row was, how it was linked)."""

from __future__ import annotations

from typing import Any

import yaml

#: the key of an entry's comment while it is built (never written as a field)
COMMENT = "#comment"


class _Dumper(yaml.CSafeDumper):
    """Block style, but short lists of plain values on one line (`to: [甲镇, 乙镇]`)."""


def _list(dumper: _Dumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(v, str) for v in data) and sum(len(v) + 2 for v in data) < 60
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(list, _list)


def dump(data: Any) -> str:
    """`data` as YAML."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=4096, default_flow_style=False)


def render_document(doc: dict[str, Any]) -> str:
    """A document as YAML; a list document's entries (`items:` or `duties:`) indented, each under its comment
    (`COMMENT`)."""
    key = next((k for k in ("items", "duties") if k in doc), None)
    if key is None:
        return dump(doc)
    lines = [dump({k: v for k, v in doc.items() if k != key}).rstrip("\n"), f"{key}:"]
    for entry in doc[key]:
        comment = entry.get(COMMENT)
        if comment:
            lines.append(f"  # {' '.join(str(comment).split())}")
        body = dump([{k: v for k, v in entry.items() if k != COMMENT}]).rstrip("\n").split("\n")
        lines += [f"  {line}" for line in body]
    return "\n".join(lines) + "\n"
