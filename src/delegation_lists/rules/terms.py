"""Rules on the dates of a delegation: an entrustment's term (`delegation.until`) and a granted power's
evaluation (`delegation.review`), judged on `--as-of` (default today)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..catalog.holding import inactive
from ..problems import Problem, msg
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry

#: a term ending within this many days of the day judged on is announced (DL114)
TERM_WARNING_DAYS = 60


def _in_force(cat: Catalog) -> Iterator[Entry]:
    """The delegating items in force (an abolished, suspended or expired one is DL110's: reported once)."""
    return (e for e in cat.delegating if inactive(e, cat.as_of) is None)


def _before_since(day: dt.date | None, since: dt.date | None) -> bool:
    """A date before the delegation starts: DL116's typo, not judged again as a term or a review."""
    return day is not None and since is not None and day < since


@rule("DL113")
def delegation_term_expired(cat: Catalog) -> Iterator[Problem]:
    """A delegation's term (`delegation.until`, the last day of an entrustment) has ended, yet the item is still
    delegated.

    An entrustment is published with its term; once it has run out the township acts in the department's name
    without an agreement. Renew the agreement and its `until`, or withdraw the item. Dates are compared with
    today (`--as-of` to choose another day)."""
    for e in _in_force(cat):
        d = e.raw.delegation
        if d is not None and d.until is not None and d.until < cat.as_of and not _before_since(d.until, d.since):
            said = msg("DL113", mode=d.mode, until=d.until, as_of=cat.as_of, days=(cat.as_of - d.until).days)
            yield e.problem("DL113", said, "delegation", "until")


@rule("DL114")
def delegation_term_ending(cat: Catalog) -> Iterator[Problem]:
    """A delegation's term (`delegation.until`) ends within 60 days.

    Renew the agreement in time, or prepare the withdrawal. `--as-of` shows what ends by another day (DL113 then
    reports the terms over by that day)."""
    horizon = cat.as_of + dt.timedelta(days=TERM_WARNING_DAYS)
    for e in _in_force(cat):
        d = e.raw.delegation
        if d is not None and d.until is not None and cat.as_of <= d.until <= horizon and not _before_since(d.until, d.since):
            days = (d.until - cat.as_of).days
            said = msg("DL114", mode=d.mode, until=d.until, days=days) if days else msg("DL114.today", mode=d.mode, until=d.until)
            yield e.problem("DL114", said, "delegation", "until")


@rule("DL115")
def review_overdue(cat: Catalog) -> Iterator[Problem]:
    """A delegation's evaluation date (`delegation.review`, usually a granted penalty's) has passed.

    Powers granted to townships are evaluated regularly and adjusted when a township cannot carry them: evaluate
    it, then set `review` to the next evaluation date."""
    for e in _in_force(cat):
        d = e.raw.delegation
        if d is not None and d.review is not None and d.review < cat.as_of and not _before_since(d.review, d.since):
            said = msg("DL115", mode=d.mode, review=d.review, as_of=cat.as_of, days=(cat.as_of - d.review).days)
            yield e.problem("DL115", said, "delegation", "review")


@rule("DL116")
def delegation_dates_inverted(cat: Catalog) -> Iterator[Problem]:
    """A delegation's term ends (`until`) or its review falls (`review`) before it starts (`since`): a typo."""
    for e in cat.delegating:
        d = e.raw.delegation
        if d is None or d.since is None:
            continue
        if _before_since(d.until, d.since):
            yield e.problem("DL116", msg("DL116.until", until=d.until, since=d.since), "delegation", "until")
        if _before_since(d.review, d.since):
            yield e.problem("DL116", msg("DL116.review", review=d.review, since=d.since), "delegation", "review")
