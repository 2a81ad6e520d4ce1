"""Rules on village (community) lists (村级组织工作事项清单, spec §5): assist work admitted (准入), nothing from the
negative list, certificates only from the guide, the power items a township hands its villages listed as assist
work, and each part at its level. (A required guide entry missing is DL304, as for townships.)"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..catalog.holding import inactive
from ..model.codes import TOWNSHIP_PARTS, VILLAGE_PARTS
from ..model.similarity import NameIndex, normalise
from ..model.work_match import THRESHOLD, WorkIndex
from ..problems import Problem, msg
from ..problems.codes import problem
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog, Entry
    from ..catalog.duties import DutyEntry

#: how closely a name must match a negative entry, or a handed-down item's name an assist entry (0..1)
WORK_THRESHOLD = THRESHOLD
#: how close a certificate's name must be to an allowed one to be offered as meant
CERTIFICATE_CLOSE = 0.4
#: the modes in which a township hands an item to its villages' service stations
VILLAGE_MODES = ("assist", "extend")


def _village_lists(cat: Catalog) -> Iterator[DutyEntry]:
    """The entries of villages' own lists (not guides)."""
    duties = cat.duties
    return (e for j in duties.lists if j in duties.villages for e in duties.of(j) if not e.in_guide)


def _where(e: DutyEntry, field: str) -> str:
    """`field` when the entry writes it, else `source` (the entry takes it from its guide entry)."""
    return field if getattr(e.raw, field) is not None or e.raw.source is None else "source"


@rule("DL501")
def assist_not_admitted(cat: Catalog) -> Iterator[Problem]:
    """A village's assist work (协助政府工作事项) is neither taken from its guide (`source`) nor admitted
    (`admitted` with the approving document's `basis`).

    Since 厅字〔2022〕28号 work put on a village needs admission (准入): a department applies, the county or
    district approves. Take the entry from the guide, or record its admission:
    `admitted: {basis: 文号, date: 2024-03-01}`. Unadmitted work may be refused (权随责走、费随事转)."""
    for e in _village_lists(cat):
        if e.part != "assist" or (e.source is not None and e.source.in_guide):
            continue
        if e.raw.source is not None and e.source is None:
            continue  # the source not found is DL311's
        admitted = e.raw.admitted
        if admitted is None:
            yield e.problem("DL501", msg("DL501"), _where(e, "part"))
        elif not admitted.basis:
            yield e.problem("DL501", msg("DL501.no_basis"), "admitted")


@dataclass
class _Negatives:
    """The negative entries in scope of one jurisdiction, and their names indexed."""

    entries: list[DutyEntry]
    index: WorkIndex


def _negatives(cat: Catalog, jurisdiction: str, own_too: bool, found: dict[tuple[str, bool], _Negatives]) -> _Negatives:
    """The negative entries of the guides above `jurisdiction` (and of its own guides when `own_too`), once per
    jurisdiction."""
    key = (jurisdiction, own_too)
    if key not in found:
        ups = ([jurisdiction] if own_too else []) + cat.duties.above(jurisdiction)
        entries = [g for up in ups for g in cat.duties.guide_of(up) if g.part == "negative"]
        found[key] = _Negatives(entries, WorkIndex((str(i), g.duty.name or "") for i, g in enumerate(entries)))
    return found[key]


@rule("DL502")
def negative_work(cat: Catalog) -> Iterator[Problem]:
    """An entry of a village's list, or of a guide for villages, names work of the negative list (负面事项) of a
    guide above it: the names match (Chinese-aware, the words around the work left out) at 0.7 or more.

    The negative list names work that must not be put on villages (招商引资, 行政执法, 征地拆迁...): drop the
    entry, or say why it is different and waive the rule with the reason. The message names the negative entry.
    A name taken from a guide entry is checked in the guide."""
    found: dict[tuple[str, bool], _Negatives] = {}
    villages = cat.duties.villages
    for e in cat.duties.written:  # (a name taken from a guide entry is checked in the guide)
        if e.raw.name is None or not e.for_villages or e.part == "negative":
            continue
        if not (e.in_guide or e.jurisdiction in villages):
            continue
        negatives = _negatives(cat, e.jurisdiction, e.in_guide, found)
        hit = negatives.index.best(e.raw.name, WORK_THRESHOLD) if negatives.index else None
        if hit is not None:
            neg = negatives.entries[int(hit.key)]
            place = cat.places.get(neg.jurisdiction)
            yield e.problem("DL502", msg("DL502", code=neg.code, name=neg.duty.name or "", score=f"{hit.score:.2f}",
                                         guide=place.name if place else neg.jurisdiction), "name")


@rule("DL503")
def certificate_not_allowed(cat: Catalog) -> Iterator[Problem]:
    """A village issues a certificate (出具证明事项) its guide does not list.

    A village may issue only the certificates listed by its guide (the nearest guide above it that lists any;
    山西 allows 5 kinds): take the one meant with `source`, or drop the entry. Not checked where no guide for
    villages is in scope."""
    allowed_at: dict[str, list[DutyEntry] | None] = {}
    for e in _village_lists(cat):
        if e.part != "certificate" or e.raw.source is not None:
            continue
        allowed = _certificates(cat, e.jurisdiction, allowed_at)
        if allowed is None:
            continue
        name = e.get("name") or ""
        if any(normalise(a.duty.name or "") == normalise(name) for a in allowed):
            continue
        ranked = NameIndex([(str(i), a.duty.name or "") for i, a in enumerate(allowed)]).ranked(name)
        best = ranked[0] if ranked else None
        if best is not None and best[1] >= CERTIFICATE_CLOSE:
            meant = allowed[int(best[0])]
            said = msg("DL503.close", name=name, close=meant.duty.name or "", code=meant.code)
        else:
            said = msg("DL503", name=name, allowed="、".join(a.duty.name or "" for a in allowed) or "—")
        yield e.problem("DL503", said, "name")


def _certificates(cat: Catalog, village: str, found: dict[str, list[DutyEntry] | None]) -> list[DutyEntry] | None:
    """The certificates of the nearest guide for villages that lists any ([] when guides are there but list
    none; None when no guide for villages is in scope)."""
    if village not in found:
        guides = cat.duties.village_guides(village)
        lists = [[g for g in entries if g.part == "certificate"] for _, entries in guides]
        found[village] = next((x for x in lists if x), [] if guides else None)
    return found[village]


@rule("DL504")
def delegated_without_assist(cat: Catalog) -> Iterator[Problem]:
    """A power item the township hands to a village (`delegation` mode assist 帮办代办 or extend 延伸, `to` the
    village) has no assist entry in that village's list (by `item:`, or a name matching the item's at 0.7).

    What the village service station handles for the township is work on the village: list it among the
    assist work, linked with `item: CODE`. Reported at the village list's header, one problem per item."""
    to_villages: dict[str, list[Entry]] = defaultdict(list)
    for x in cat.delegating:
        deleg = x.raw.delegation
        if deleg is not None and deleg.mode in VILLAGE_MODES and inactive(x, cat.as_of) is None:
            to_villages[x.jurisdiction].append(x)
    for village in sorted(cat.duties.villages):
        mine = [d for d in cat.duties.lists.get(village, []) if d.header is not None and not d.header.guide]
        parent = cat.parent_code(village)
        if not mine or parent is None:
            continue
        handed = [x for x in to_villages.get(parent, ()) if village in cat.targets(x)[0]]
        if not handed:
            continue
        assist = [e for e in cat.duties.of(village) if not e.in_guide and e.part == "assist"]
        linked = {e.get("item") for e in assist}
        names = WorkIndex((e.code, e.get("name") or "") for e in assist)
        for x in handed:
            if x.code in linked or (x.raw.source or "") in linked:
                continue
            if names and names.best(x.item.name or "", WORK_THRESHOLD) is not None:
                continue
            said = msg("DL504", item=x.code, name=x.item.name or "", mode=str(x.raw.delegation.mode) if x.raw.delegation else "")
            yield problem("DL504", mine[0].file, said, ("list",), item=x.code)


@rule("DL505")
def part_of_another_level(cat: Catalog) -> Iterator[Problem]:
    """A village's list has an entry in a township's part (基本/配合/收回), or a township's list one in a village's
    part (自治/协助/证明/负面/小微权力).

    Each level publishes its own parts: a village's work is self-governance, assistance, certificates and
    micro-powers; a township's, basic, cooperating and recalled duties."""
    villages = cat.duties.villages
    for part in VILLAGE_PARTS:  # in a township's list
        yield from _wrong_level(cat, (e for e in cat.duties.in_part(part) if e.jurisdiction not in villages), "township")
    for part in TOWNSHIP_PARTS:  # in a village's list
        yield from _wrong_level(cat, (e for e in cat.duties.in_part(part) if e.jurisdiction in villages), "village")


def _wrong_level(cat: Catalog, entries: Iterable[DutyEntry], level: str) -> Iterator[Problem]:
    """DL505 for entries (of a part that is not `level`'s) in the own lists of jurisdictions at `level`."""
    for e in entries:
        place = cat.places.get(e.jurisdiction)
        if place is not None and place.level == level and not e.in_guide:
            yield e.problem("DL505", msg("DL505", part=e.part, level=level, name=place.name), _where(e, "part"))
