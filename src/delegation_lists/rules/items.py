"""Rules on the items of one jurisdiction: codes, names, time limits, legal bases, dates, waivers."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..problems import Message, Problem, Related, msg
from ..problems.codes import CODES, problem
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog


@rule("DL101")
def duplicate_code(cat: Catalog) -> Iterator[Problem]:
    """An item code is used twice in one jurisdiction.

    Codes identify items across versions and levels (diff, reconcile, township `source`), so within one
    jurisdiction's lists each code appears once. The second and later uses are reported.
    """
    for (_jur, _code), entries in cat.index.items():
        first = entries[0]
        for e in entries[1:]:
            field = "code" if e.raw.code and "code" in e.raw.model_fields_set else "source"
            said = (msg("DL101.same_file", code=e.code, index=first.index) if e.doc is first.doc
                    else msg("DL101.other_file", code=e.code, file=first.file, index=first.index))
            other = Related(first.file, first.loc("code" if "code" in first.raw.model_fields_set else "source"))
            yield dataclasses.replace(e.problem("DL101", said, field), related=(other,))


_NAMED = ("name", "department", "kind")


@rule("DL102")
def duplicate_name(cat: Catalog) -> Iterator[Problem]:
    """Two items of one jurisdiction share a name, department and kind.

    Usually the same item entered twice under two codes; if they are really distinct (e.g. two sub-items),
    give them names that tell them apart.
    """
    seen: dict[tuple[str, str, str, str], str] = {}
    for e in cat.entries:
        raw, src = e.raw, e.source
        # an item setting none of the three has its source's (the usual township item: nothing to merge)
        it = raw if src is None else src.item if raw.__pydantic_fields_set__.isdisjoint(_NAMED) else e.item
        if not it.name:
            continue
        first = seen.setdefault((e.jurisdiction, it.department or "", it.kind or "", it.name), e.code)
        if first != e.code:
            yield e.problem("DL102", msg("DL102", first=first, name=it.name), "name")


@rule("DL103")
def promised_over_statutory(cat: Catalog) -> Iterator[Problem]:
    """The promised time limit (承诺时限) is longer than the statutory one (法定时限).

    A promise can only shorten the statutory limit. Limits inherited from a `source` are checked at the source.
    """
    for e in cat.described:
        if e.raw.source is not None and e.raw.promised_days is None and e.raw.statutory_days is None:
            continue
        it = e.item
        if it.promised_days is not None and it.statutory_days is not None and it.promised_days > it.statutory_days:
            said = msg("DL103", promised=it.promised_days, statutory=it.statutory_days)
            yield e.problem("DL103", said, "promised_days")


@rule("DL104")
def missing_legal_basis(cat: Catalog) -> Iterator[Problem]:
    """An item has no legal basis (设定依据).

    Every administrative power (every kind but public_service) needs one, and so does a township's own item
    (one without `source`) whatever its kind: a lower level holds only what a law or a delegation gives it.
    Items taken on with `source` inherit their source's legal basis (a gap is reported at the source).
    """
    for e in cat.described:
        if e.raw.source is not None:
            continue
        it = e.raw  # no source: nothing inherited
        if it.legal_basis:
            continue
        own_child = e.raw.source is None and cat.parent_code(e.jurisdiction) is not None
        if it.kind != "public_service" or own_child:
            own = own_child and it.kind == "public_service"
            yield e.problem("DL104", msg("DL104.own") if own else msg("DL104", kind=it.kind))


@rule("DL111")
def effective_after_expires(cat: Catalog) -> Iterator[Problem]:
    """An item's `effective` date is after its `expires` date."""
    for e in cat.described:
        it = e.raw
        if it.effective and it.expires and it.effective > it.expires:
            yield e.problem("DL111", msg("DL111", effective=it.effective, expires=it.expires), "effective")


@rule("DL112")
def unknown_waiver(cat: Catalog) -> Iterator[Problem]:
    """An item or a list header waives a rule code that does not exist (a typo makes the waiver useless)."""
    for doc in cat.docs:
        for code in (doc.header.waive or {}) if doc.header else {}:
            if code not in CODES:
                yield problem("DL112", doc.file, msg("DL112.list", code=code), ("list", "waive"))
    for e in cat.described:
        for code in e.raw.waive or {}:
            if code not in CODES:
                yield e.problem("DL112", msg("DL112", code=code), "waive")



#: what breaks a name over lines (or across cells) when it is published, and how the message shows it
_BREAKS = {"\r\n": "↵", "\n": "↵", "\r": "↵", "\u2028": "↵", "\u2029": "↵", "\x85": "↵", "\v": "↵", "\f": "↵", "\t": "→"}
_MARKUP = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|&(?:nbsp|amp|lt|gt|quot|#\d+|#x[0-9A-Fa-f]+);")


@rule("DL117")
def name_not_one_line(cat: Catalog) -> Iterator[Problem]:
    """An item's or a duty's name holds a line break, a tab or web markup (`<br>`, `&nbsp;`).

    Pasted from a spreadsheet cell (Alt+Enter) or a web page: the published list breaks the name over lines or
    shows the markup, and the name no longer matches the same item elsewhere. Write it on one line as plain text.
    A name taken from a `source` is checked at the source."""
    named = [(e.raw.name, e.problem) for e in cat.described if e.raw.name]
    named += [(d.raw.name, d.problem) for d in cat.duties.written if d.raw.name]
    for name, located in named:
        said = _name_fault(name)
        if said is not None:
            yield located("DL117", said, "name")


def _name_fault(name: str) -> Message | None:
    if any(b in name for b in _BREAKS):
        shown = name
        for b, mark in _BREAKS.items():
            shown = shown.replace(b, mark)
        return msg("DL117.break", name=shown)
    markup = _MARKUP.search(name)
    return msg("DL117.markup", markup=markup.group(0), name=name) if markup else None
