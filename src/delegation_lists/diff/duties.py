"""Duty entries placed in another part of their duty list between two versions (基本/配合/收回履职事项, spec §5):
the differences a `move` record decides (spec §6). A township entry taking a guide entry with `source` moves
when the guide entry moves, unless it states its own part."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..load.document import Document
from ..load.errors import LoadError
from ..load.yaml.marks import locate
from ..load.yaml.parse import compose
from .results import DutyMove
from .side import Side


def duty_moves(old: Side, new: Side, mine: Callable[[str], bool] = lambda _: True) -> list[DutyMove]:
    """Every duty entry of both versions (of the jurisdictions `mine`) whose part (its own, or inherited from its
    guide entry) differs, in (jurisdiction, code) order, each at its line in the new version."""
    out = []
    composed: dict[int, Any] = {}  # a document composed once, however many of its entries moved
    for key in sorted(k for k in old.duties.keys() & new.duties.keys() if mine(k[0])):
        was, now = old.duty_field(key, "part"), new.duty_field(key, "part")
        if was is None or now is None or was == now:
            continue
        at = new.duties[key]
        name = new.duty_field(key, "name") or old.duty_field(key, "name") or ""
        out.append(DutyMove(key[0], key[1], name, str(was), str(now), at.duty.source, at.file, _line(at.doc, at.index, composed)))
    return out


def _line(doc: Document, index: int, composed: dict[int, Any]) -> int:
    """The line of `duties[index]` in its document (0 when it cannot be composed)."""
    if id(doc) not in composed:
        try:
            composed[id(doc)] = compose(doc.source())
        except LoadError:
            composed[id(doc)] = None
    node = composed[id(doc)]
    return locate(node, ("duties", index))[0] if node is not None else 0
