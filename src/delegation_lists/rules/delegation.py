"""Rules on a delegating item's `delegation:` block (the county side)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model.codes import DETENTION, MODE_BY_KEY, MODES_NEEDING_BASIS
from ..problems import Problem
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry


def inactive_reason(entry: Entry, as_of: dt.date) -> str | None:
    """Why an item cannot be in force on `as_of` (abolished, suspended, expired), or None."""
    it = entry.raw
    if it.status != "active":
        return str(it.status)
    if it.expires is not None and it.expires < as_of:
        return f"expired on {it.expires}"
    return None


@rule("DL108")
def delegation_without_basis(cat: Catalog) -> Iterator[Problem]:
    """A grant, entrustment or authorization does not cite its basis.

    赋权 needs the province's published decision, 委托 a 委托协议/委托书, 授权 the law or regulation: put its
    number or title in `delegation.basis`. (assist and extend need none.)
    """
    for e in cat.delegating:
        d = e.raw.delegation  # never inherited
        if d is not None and d.mode in MODES_NEEDING_BASIS and not d.basis:
            zh = MODE_BY_KEY[d.mode].zh
            yield e.problem("DL108", f"{d.mode} ({zh}) needs `basis`: the published decision or agreement", "delegation")


@rule("DL109")
def detention_delegated(cat: Catalog) -> Iterator[Problem]:
    """A penalty that includes administrative detention (行政拘留) is delegated to a township.

    Penalties restricting personal liberty stay with public security organs (行政处罚法 art. 18); they cannot be
    granted or entrusted to townships or sub-districts.
    """
    for e in cat.delegating:
        if DETENTION not in (e.item.penalty_types or ()):
            continue
        codes, _ = cat.targets(e)
        if any(cat.places[c].level in ("township", "village") for c in codes):
            yield e.problem("DL109", f"a penalty with {DETENTION} cannot be delegated to a township", "delegation")


@rule("DL110")
def inactive_delegated(cat: Catalog) -> Iterator[Problem]:
    """An abolished, suspended or expired item is still delegated.

    When an item is abolished or withdrawn (收回) its delegation must be removed too, or townships keep
    exercising a power nobody holds. Dates are compared with today (`--as-of` to choose another day).
    """
    for e in cat.delegating:
        reason = inactive_reason(e, cat.as_of)
        if reason:
            yield e.problem("DL110", f"item is {reason} but still delegated", "delegation")
