"""The one answer to "how is this item held": in force or not, and in which mode a jurisdiction holds it.

Rules, reconcile, stats and the workbooks all ask these questions; they are answered here only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .entry import Entry

OWN = "own"  # the "mode" of an item a jurisdiction holds itself (not taken on from above)
UNKNOWN = "unknown"  # taken on from a source that gives no mode


@dataclass(frozen=True)
class Inactive:
    """Why an item is not in force: its status (abolished, suspended), or the day it expired."""

    status: str | None = None
    expired: dt.date | None = None

    def reason(self) -> str:
        """`abolished`, `suspended` or `expired on DATE` (the reconcile report's wording)."""
        return self.status if self.status else f"expired on {self.expired}"


def inactive(entry: Entry, as_of: dt.date) -> Inactive | None:
    """Why an item cannot be in force on `as_of` (abolished, suspended, expired), or None when it is."""
    it = entry.raw  # status and expiry are never inherited
    if it.status != "active":
        return Inactive(status=str(it.status))
    if it.expires is not None and it.expires < as_of:
        return Inactive(expired=it.expires)
    return None


def taken_mode(entry: Entry) -> str | None:
    """The mode a child takes its source on in: its own `mode`, else the mode its source is delegated in
    (None for an item without a source, or a source that is not delegated)."""
    if entry.raw.mode is not None:
        return str(entry.raw.mode)
    deleg = entry.source.item.delegation if entry.source is not None else None
    return str(deleg.mode) if deleg is not None else None


def held_mode(entry: Entry) -> str:
    """How the list's jurisdiction holds the item: OWN without a source, else `taken_mode` (UNKNOWN when the
    source gives none)."""
    if entry.raw.source is None:
        return OWN
    return taken_mode(entry) or UNKNOWN


def shown_mode(entry: Entry) -> str | None:
    """The mode a published list shows for an item: the mode it is delegated in (a parent's list), else the
    mode it is held in (None for an own item)."""
    deleg = entry.raw.delegation
    if deleg is not None:
        return str(deleg.mode)
    return taken_mode(entry) if entry.raw.source is not None else (str(entry.raw.mode) if entry.raw.mode else None)
