"""A child's duty list against the powers it holds (spec §4): recalled duties whose power item it still takes on,
and delegated power items it takes on that appear nowhere in its duty list.

A duty lists a power item when its `item:` names the item (the parent's code, or the child's code for it), or
when its name names the same work (`model/work_match`: one name inside the other, or a bigram Dice of 0.7 or
more, after the words around the work are dropped). A recalled duty takes an item back by `item:`, else by
name in the same way.
"""

from __future__ import annotations

from ..catalog import Catalog, Entry
from ..catalog.duties import DutyEntry
from ..model.work_match import THRESHOLD, WorkIndex
from .results import DutyCheck, RecalledTaken


def duty_check(cat: Catalog, child: str, entries: list[Entry], taken: set[str]) -> DutyCheck | None:
    """The check of one child: `entries` its items, `taken` the parent codes it takes on as delegated to it.
    None when the child has no duty list of its own (guides aside)."""
    duties = [d for d in cat.duties.of(child) if not d.in_guide]
    if not duties:
        return None
    held = [e for e in entries if e.source is not None and e.source.code in taken]
    check = DutyCheck(duties=len(duties))
    check.recalled_taken = _recalled_taken(duties, held)
    linked = {str(d.get("item")) for d in duties if d.get("item")}
    names = WorkIndex((d.code, d.get("name") or "") for d in duties)
    for e in held:
        if e.code in linked or (e.raw.source or "") in linked or (names and names.best(e.item.name or "", THRESHOLD) is not None):
            check.with_duty += 1
        else:
            check.without_duty.append(e.raw.source or e.code)
    return check


def _recalled_taken(duties: list[DutyEntry], held: list[Entry]) -> list[RecalledTaken]:
    """Recalled duties whose item the child still takes on: by `item:`, else by name."""
    by_code = {code: e for e in held for code in (e.code, e.raw.source or "") if code}
    items = WorkIndex((str(i), e.item.name or "") for i, e in enumerate(held))
    out = []
    for d in duties:
        if d.part != "recalled":
            continue
        item = d.get("item")
        if item:
            if item in by_code:
                out.append(RecalledTaken(d.code, d.get("name") or "", by_code[item].raw.source or item, "item", 1.0))
            continue
        hit = items.best(d.get("name") or "", THRESHOLD) if items else None
        if hit is not None:
            e = held[int(hit.key)]
            out.append(RecalledTaken(d.code, d.get("name") or "", e.raw.source or e.code, "name", hit.score))
    return out
