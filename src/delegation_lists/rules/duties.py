"""Rules on township duty lists (spec §5): each part's required fields, the guide and its children, and duties
recalled while the power item is still pushed down."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..catalog.holding import inactive
from ..model.closest import closest_name
from ..problems import Message, Problem, Related, msg
from ..problems.codes import problem
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..catalog.duties import DutyEntry


def _townships(cat: Catalog, part: str, written: bool = False) -> Iterator[DutyEntry]:
    """The entries of one part in every duty list but villages' (a village's entry in a township's part is
    DL505's alone); with `written`, only those that write a field of their own (Duties.written)."""
    villages = cat.duties.villages
    if written:
        return (e for e in cat.duties.written if e.part == part and e.jurisdiction not in villages)
    return (e for e in cat.duties.in_part(part) if e.jurisdiction not in villages)


def _department(cat: Catalog, e: DutyEntry, field: str, code: str) -> Iterator[Problem]:
    """A department field (`lead`, `taken_by`): missing, or not declared in scope (with the one meant)."""
    if not e.writes(field) and not e.writes("part"):
        return  # takes the part and the field from its guide entry: checked there, where they are written
    value = e.get(field)
    if not value:
        if e.source is None or e.source.part != e.part:
            yield e.problem(code, msg(f"{code}.missing"), "part")
        return
    if not e.writes(field):
        return
    scope = cat.departments(e.doc)
    if value not in scope:
        close = closest_name(value, sorted(scope))
        said = (msg(f"{code}.close", department=value, close=cat.department_shown(e.doc, close)) if close
                else msg(f"{code}.unknown", department=value))
        yield e.problem(code, said, field)


@rule("DL301")
def cooperate_without_lead(cat: Catalog) -> Iterator[Problem]:
    """A cooperating duty (配合履职事项) has no `lead`, or its lead is not a declared department.

    The county department that leads answers first; the township cooperates. The list names the department."""
    for e in _townships(cat, "cooperate", written=True):
        yield from _department(cat, e, "lead", "DL301")


@rule("DL302")
def recalled_without_taker(cat: Catalog) -> Iterator[Problem]:
    """A recalled duty (上级部门收回事项) has no `taken_by`, or that department is not declared."""
    for e in _townships(cat, "recalled", written=True):
        yield from _department(cat, e, "taken_by", "DL302")


@rule("DL303")
def recalled_still_delegated(cat: Catalog) -> Iterator[Problem]:
    """A recalled duty whose power item is still pushed down: still in the township's own lists, or still
    delegated to it by the county; and a guide entry marked recalled whose item the county still delegates.

    收回 but still pushed down is the conflict the reform exists to end: withdraw the delegation and drop the
    item from the township's lists together."""
    for e in _townships(cat, "recalled"):
        item = e.get("item")
        if not item:
            continue
        place = cat.places.get(e.jurisdiction)
        name = place.name if place else e.jurisdiction
        if e.in_guide:
            said = _still_delegated_by(cat, e.jurisdiction, item)
        elif cat.index.get((e.jurisdiction, item)):
            said = msg("DL303.own_list", item=item, name=name)
        else:
            said = _delegated_to(cat, e.jurisdiction, item, name)
        if said is not None:
            yield e.problem("DL303", said, "item")


def _still_delegated_by(cat: Catalog, jurisdiction: str, item: str) -> Message | None:
    for src in cat.index.get((jurisdiction, item), []):
        if src.raw.delegation is not None and inactive(src, cat.as_of) is None:
            codes, _ = cat.targets(src)
            if codes:
                targets = "、".join(cat.places[c].name for c in codes)
                return msg("DL303.guide", item=item, targets=targets)
    return None


def _delegated_to(cat: Catalog, jurisdiction: str, item: str, name: str) -> Message | None:
    parent = cat.parent_code(jurisdiction) or ""
    for src in cat.index.get((parent, item), []):
        if src.raw.delegation is not None and inactive(src, cat.as_of) is None and jurisdiction in cat.targets(src)[0]:
            return msg("DL303.delegated", item=item, name=name, parent=cat.places[parent].name)
    return None


@rule("DL304")
def required_duty_missing(cat: Catalog) -> Iterator[Problem]:
    """A required guide duty (规定事项, `required: true`) is missing from a child's duty list.

    A township's list is checked against its parent's guide for townships; a village's against the nearest
    guide for villages above it (its township's, else its county's). Reported at the child's list header, one
    problem per missing duty (the child takes it with `source`). An entry that takes it but fails its schema
    is reported for that alone."""
    required: dict[int, tuple[list[DutyEntry], frozenset[str]]] = {}  # id(guide) -> its required entries, codes
    for jurisdiction, docs in cat.duties.lists.items():
        mine = [d for d in docs if d.header is not None and not d.header.guide]
        guide = _guide_for(cat, jurisdiction) if mine else []
        if not guide:
            continue
        if id(guide) not in required:
            entries = [g for g in guide if g.raw.required]
            required[id(guide)] = entries, frozenset(g.code for g in entries)
        entries, codes = required[id(guide)]
        taken = {source for e in cat.duties.of(jurisdiction) if (source := e.raw.source)}
        if codes <= taken:  # every required duty taken (the usual list): nothing to report
            continue
        for g in entries:
            if g.code not in taken and (jurisdiction, g.code) not in cat.invalid:
                name = g.duty.name or ""
                yield problem("DL304", mine[0].file, msg("DL304", code=g.code, name=name), ("list",), item=g.code)


def _guide_for(cat: Catalog, jurisdiction: str) -> list[DutyEntry]:
    """The guide entries a child's list answers to: a village's nearest guide for villages, else the parent's
    guide entries that are not for villages."""
    if jurisdiction in cat.duties.villages:
        guides = cat.duties.village_guides(jurisdiction)
        return guides[0][1] if guides else []
    parent = cat.parent_code(jurisdiction)
    return cat.duties.township_guide(parent) if parent else []


@rule("DL305")
def required_duty_moved(cat: Catalog) -> Iterator[Problem]:
    """A child places a required guide duty in another part than the guide does."""
    yield from _moved(cat, True, "DL305")


@rule("DL306")
def optional_duty_moved(cat: Catalog) -> Iterator[Problem]:
    """A child places an optional guide duty (自选) in another part than the guide does."""
    yield from _moved(cat, False, "DL306")


def _moved(cat: Catalog, required: bool, code: str) -> Iterator[Problem]:
    for e in cat.duties.written:
        src = e.source
        if src is None or e.raw.part is None or bool(src.raw.required) is not required:
            continue
        if src.part and e.raw.part != src.part:
            yield e.problem(code, msg(code, code=src.code, part=src.part, mine=e.raw.part), "part")


@rule("DL307")
def duplicate_duty_code(cat: Catalog) -> Iterator[Problem]:
    """A duty code is used twice in one jurisdiction's duty lists (the second and later uses are reported)."""
    for e in cat.duties.repeats:
        first = cat.duties.index[e.jurisdiction][e.code]
        said = msg("DL307", code=e.code, file=first.file)
        other = Related(first.file, first.loc(_code_key(first)))
        yield dataclasses.replace(e.problem("DL307", said, _code_key(e)), related=(other,))


def _code_key(e: DutyEntry) -> str:
    """The key that gives an entry its code: `code`, or `source` when the code is the source's (not written)."""
    return "source" if e.raw.source is not None and e.raw.code == e.raw.source else "code"


@rule("DL308")
def duplicate_duty_name(cat: Catalog) -> Iterator[Problem]:
    """Two duties of one jurisdiction have the same name (entered twice, or listed in two parts)."""
    for jurisdiction in cat.duties.lists:
        yield from _same_names(cat.duties.of(jurisdiction))


def _same_names(entries: list[DutyEntry]) -> Iterator[Problem]:
    """DL308 in one jurisdiction's entries."""
    names = [e.raw.name if e.raw.name is not None or e.source is None else e.source.raw.name or e.get("name")
             for e in entries]  # written, else the source's as written (one look-up), else further up
    if len(set(names)) == len(names):  # no name twice: nothing to report (the usual list)
        return
    seen: dict[str, str] = {}
    for e, name in zip(entries, names, strict=True):
        if not name:
            continue
        first = seen.setdefault(name, e.code)
        if first != e.code:
            yield e.problem("DL308", msg("DL308", first=first, name=name), "name" if e.writes("name") else "source")


@rule("DL309")
def basic_without_basis(cat: Catalog) -> Iterator[Problem]:
    """A basic duty (基本履职事项) has no `basis`: what the township must do should say on what ground.

    A guide entry taken as it is was checked in the guide; one a township moves into its basic duties (from
    another part of the guide) is checked here, as a moved cooperating duty is for its lead (DL301)."""
    for e in _townships(cat, "basic", written=True):
        moved = e.source is not None and e.raw.part is not None and e.source.part != e.part
        if (e.writes("basis") or moved) and not e.get("basis"):
            yield e.problem("DL309", msg("DL309"), "part" if e.raw.part else "code")


@rule("DL310")
def unknown_office(cat: Catalog) -> Iterator[Problem]:
    """A duty's `office` (承办机构) is not one of the township's offices declared in region.yaml (`offices:`; not
    checked where none are declared).

    An office is checked where it is used. One written on an entry of a list is reported at it. A guide's entry
    is not checked against the guide's own jurisdiction (a county has no township offices; a township's guide
    for its villages names village bodies such as 村民委员会), but where it is taken: an entry taking it
    (`source`, no `office:` of its own) is checked against the offices of the township taking it, since a county
    guide names one office for every township and a township may have none of that name. That is reported once
    per township and office, at the first entry taking it (its `source`), the township's other entries taking
    the same office named as related places: the fix is in the township's list (write its own `office:` on those
    entries) or in region.yaml (declare the office under the name the guide uses)."""
    for e in cat.duties.written:
        if e.in_guide or not e.writes("office"):
            continue
        place = cat.places.get(e.jurisdiction)
        office = e.get("office")
        if place is None or not place.offices or not office or office in place.offices:
            continue
        yield e.problem("DL310", msg("DL310", office=office, name=place.name, offices="、".join(place.offices)), "office")
    yield from _inherited_offices(cat)


def _inherited_offices(cat: Catalog) -> Iterator[Problem]:
    """DL310 for the offices taken from guide entries: once per township and office (see `unknown_office`)."""
    for code, place in cat.places.items():
        if not place.offices:
            continue
        taken: dict[str, list[DutyEntry]] = {}
        for e in cat.duties.of(code):
            if e.source is None or e.raw.office is not None or e.in_guide:
                continue
            office = e.get("office")
            if office and office not in place.offices:
                taken.setdefault(office, []).append(e)
        for office, entries in taken.items():
            first, more = entries[0], entries[1:]
            said = msg("DL310.inherited_more" if more else "DL310.inherited", office=office, source=first.raw.source,
                       name=place.name, offices="、".join(place.offices), n=len(more))
            related = tuple(Related(e.file, e.loc("source")) for e in more)
            yield dataclasses.replace(first.problem("DL310", said, "source"), related=related)


@rule("DL311")
def duty_source_not_found(cat: Catalog) -> Iterator[Problem]:
    """A child duty's `source` is not a duty of the parent jurisdiction's duty lists (its guide).

    The entry is still counted where it is listed: with no part of its own it is 来源不明 (`unresolved`) in the
    counts of `dlists stats` and `dlists duties`, in the total, as `dlists reconcile` counts it."""
    for e in cat.duties.written:
        if e.raw.source is None or e.source is not None:
            continue
        parent = cat.parent_code(e.jurisdiction) or ""
        if (parent, e.raw.source) in cat.invalid:
            continue
        name = cat.places[parent].name if parent in cat.places else parent
        yield e.problem("DL311", msg("DL311", source=e.raw.source, parent=name), "source")
