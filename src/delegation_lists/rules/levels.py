"""Cross-level rules: a child's (township's) items against the parent's (county's) delegations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..catalog.holding import inactive, taken_mode
from ..model.closest import CodeIndex
from ..problems import Problem, msg
from .delegation import inactive_message
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry


def _children(cat: Catalog) -> list[Entry]:
    """Items with a `source` (taken on from the parent jurisdiction's lists)."""
    return cat.sourced


@rule("DL201")
def source_not_found(cat: Catalog) -> Iterator[Problem]:
    """A child item's `source` is not an item of the parent jurisdiction's lists (无权执法: nobody gave it).

    A source that is there but invalid is not reported again (the parent item's own problem says why); when a
    list file of the parent does not load at all, a child file reports it once, not once per entry. The entry is
    still counted where it is listed: `dlists stats` counts it in the total (flagged 其中来源不明, `unresolved`)
    and `dlists reconcile` lists it as unbacked."""
    noted: set[str] = set()
    indexes: dict[str, CodeIndex] = {}
    for e in _children(cat):
        if e.source is None:
            parent = cat.parent_code(e.jurisdiction) or ""
            if (parent, e.raw.source or "") in cat.invalid or e.doc.file in noted:
                continue
            name = cat.places[parent].name if parent in cat.places else ""
            if cat.broken.get(parent):
                noted.add(e.doc.file)
                said = msg("DL201.broken_parent", source=e.raw.source, parent=name, file=cat.broken[parent][0])
            elif name:
                near = _codes(cat, parent, indexes).near(e.raw.source or "")
                said = (msg("DL201.near", source=e.raw.source, parent=name, close=near) if near
                        else msg("DL201", source=e.raw.source, parent=name))
            else:
                said = msg("DL201.no_parent", source=e.raw.source)
            yield e.problem("DL201", said, "source")


def _codes(cat: Catalog, place: str, indexes: dict[str, CodeIndex]) -> CodeIndex:
    """The codes of a jurisdiction's items, for near misses (made once per jurisdiction, when first asked)."""
    found = indexes.get(place)
    if found is None:
        found = indexes[place] = CodeIndex(code for jur, code in cat.index if jur == place)
    return found


@rule("DL202")
def source_not_delegated(cat: Catalog) -> Iterator[Problem]:
    """A child takes on a parent item that is not delegated to it (no `delegation`, or `to` leaves it out)."""
    for e in _children(cat):
        src = e.source
        if src is None:
            continue
        if src.item.delegation is None:
            yield e.problem("DL202", msg("DL202.not_delegated", source=src.code), "source")
        elif e.jurisdiction not in cat.targets(src)[0]:
            yield e.problem("DL202", msg("DL202.not_to", source=src.code, name=cat.places[e.jurisdiction].name), "source")


@rule("DL203")
def source_inactive(cat: Catalog) -> Iterator[Problem]:
    """A child item's source is abolished, suspended or expired (收回/取消: the township must drop it)."""
    for e in _children(cat):
        why = inactive(e.source, cat.as_of) if e.source else None
        if why is not None:
            yield e.problem("DL203", inactive_message("DL203", why, source=e.raw.source), "source")


@rule("DL204")
def mode_mismatch(cat: Catalog) -> Iterator[Problem]:
    """A child takes an item on with a different mode than the parent delegated it (e.g. grant vs entrust).

    The mode decides in whose name the township acts, so both lists must agree.
    """
    for e in _children(cat):
        deleg = e.source.item.delegation if e.source else None
        if deleg is not None and e.raw.mode is not None and e.raw.mode != deleg.mode:
            yield e.problem("DL204", msg("DL204", taken=e.raw.mode, delegated=deleg.mode), "mode")


@rule("DL205")
def kind_mismatch(cat: Catalog) -> Iterator[Problem]:
    """A child item declares a different kind than its source (a penalty cannot become a licensing item)."""
    for e in _children(cat):
        if e.source is not None and e.raw.kind is not None and e.raw.kind != e.source.item.kind:
            yield e.problem("DL205", msg("DL205", kind=e.raw.kind, source_kind=e.source.item.kind), "kind")


#: the modes that hand the power itself on (the rest forward cases: 帮办代办, 延伸)
_HANDING_POWER = frozenset(("entrust", "grant", "authorize"))


@rule("DL206")
def re_entrusted(cat: Catalog) -> Iterator[Problem]:
    """An entrusted item is handed down again by entrusting, granting or authorizing (委托 may not be
    re-entrusted, 行政处罚法 art. 20).

    A township forwarding an entrusted item to its villages' service stations as assist (帮办代办) or extend
    (延伸) is normal practice: the station receives and forwards, the entrusting department still decides."""
    for e in cat.delegating:  # a child item delegating further
        deleg = e.raw.delegation
        if e.raw.source is None or deleg is None or deleg.mode not in _HANDING_POWER:
            continue
        if taken_mode(e) == "entrust":
            yield e.problem("DL206", msg("DL206", mode=deleg.mode), "delegation", "mode")
