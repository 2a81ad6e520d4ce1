"""Rules on a delegating item's `delegation:` block (the county side)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..catalog.holding import Inactive, inactive
from ..model.codes import DETENTION, MODES_NEEDING_BASIS
from ..problems import Message, Problem, msg
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog


def inactive_message(prefix: str, why: Inactive, **args: object) -> Message:
    """`<prefix>.status` or `<prefix>.expired`, saying why an item is not in force."""
    if why.status:
        return msg(f"{prefix}.status", status=why.status, **args)
    return msg(f"{prefix}.expired", date=why.expired, **args)


@rule("DL108")
def delegation_without_basis(cat: Catalog) -> Iterator[Problem]:
    """A grant, entrustment or authorization does not cite its basis.

    赋权 needs the province's published decision, 委托 a 委托协议/委托书, 授权 the law or regulation: put its
    number or title in `delegation.basis`. (assist and extend need none.)
    """
    for e in cat.delegating:
        d = e.raw.delegation  # never inherited
        if d is not None and d.mode in MODES_NEEDING_BASIS and not d.basis:
            yield e.problem("DL108", msg("DL108", mode=d.mode), "delegation")


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
            yield e.problem("DL109", msg("DL109", detention=DETENTION), "delegation")


@rule("DL110")
def inactive_delegated(cat: Catalog) -> Iterator[Problem]:
    """An abolished, suspended or expired item is still delegated.

    When an item is abolished or withdrawn (收回) its delegation must be removed too, or townships keep
    exercising a power nobody holds. Dates are compared with today (`--as-of` to choose another day).
    """
    for e in cat.delegating:
        why = inactive(e, cat.as_of)
        if why is not None:
            yield e.problem("DL110", inactive_message("DL110", why), "delegation")
