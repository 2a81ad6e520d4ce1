"""The duty entries of a catalog (spec §5): each duty of each duty list, its guide entry found through `source`
(in the parent jurisdiction's duty lists; for a village, in the nearest jurisdiction above that has it: its
township's guide, else its county's), and its fields resolved from it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..load.document import Document
from ..model.codes import VILLAGE_PARTS
from ..model.duties import Duty
from ..problems import Loc, Message, Problem
from ..problems.codes import problem

#: the fields of an entry that only takes a guide entry: none of the guide's fields is written again
_TAKING = frozenset(("source", "code", "notes"))


@dataclass(slots=True)
class DutyEntry:
    """One duty of one duty list: `raw` as written; `duty` with the fields it leaves out taken from its source."""

    doc: Document
    index: int
    raw: Duty
    jurisdiction: str
    code: str
    source: DutyEntry | None = None
    part: str | None = None  # the part, written or inherited (set once the sources are found): every rule asks it
    _duty: Duty | None = None

    @property
    def duty(self) -> Duty:
        if self._duty is None:
            self._duty = self.raw if self.source is None else self.raw.inherit(self.source.duty)
        return self._duty

    def get(self, field: str) -> Any:
        """One field as resolved (written here, else inherited from the source chain), without resolving the
        whole entry: the rules read one or two fields of each of a province's duties."""
        entry = self
        value = entry.raw.__dict__[field]
        while value is None and entry.source is not None and entry.source is not entry:
            entry = entry.source
            value = entry.raw.__dict__[field]
        return value

    def writes(self, field: str) -> bool:
        """Whether the entry writes `field` itself, or has no source to take it from: an inherited value is
        checked in the guide, where it is written."""
        return self.raw.__dict__[field] is not None or self.source is None

    @property
    def file(self) -> str:
        return self.doc.file

    @property
    def in_guide(self) -> bool:
        return self.doc.header is not None and self.doc.header.guide

    @property
    def for_villages(self) -> bool:
        """Whether the entry is in one of a village list's parts (自治, 协助, 证明, 负面, 小微权力)."""
        return self.part in VILLAGE_PARTS

    def loc(self, *parts: str | int) -> Loc:
        return ("duties", self.index, *parts)

    def problem(self, code: str, message: Message, *parts: str | int, at_key: bool = False) -> Problem:
        return problem(code, self.file, message, self.loc(*parts), item=self.code, at_key=at_key)


@dataclass
class Duties:
    """Every duty entry, by (jurisdiction, code), and the duty lists by jurisdiction."""

    entries: list[DutyEntry]
    index: dict[str, dict[str, DutyEntry]]  # jurisdiction -> code -> the first entry of that code
    lists: dict[str, list[Document]]  # jurisdiction -> its duty list documents (guides included)
    parents: dict[str, str | None] = field(default_factory=dict)  # the region tree: jurisdiction -> its parent
    villages: frozenset[str] = frozenset()  # the jurisdictions at level village
    by_doc: dict[int, list[DutyEntry]] = field(default_factory=dict)  # id(document) -> its entries, in file order
    repeats: list[DutyEntry] = field(default_factory=list)  # the entries whose code came earlier in their jurisdiction
    #: the entries that write something of their own: all but those that only take a guide entry found (`source`,
    #: perhaps `code` and `notes`), whose fields are the guide's, checked there; the rules on written fields read these
    written: list[DutyEntry] = field(default_factory=list)
    _village_guides: dict[str, list[DutyEntry]] = field(default_factory=dict, init=False, repr=False)
    _township_guides: dict[str, list[DutyEntry]] = field(default_factory=dict, init=False, repr=False)
    _by_part: dict[str, list[DutyEntry]] | None = field(default=None, init=False, repr=False)

    def in_part(self, part: str) -> list[DutyEntry]:
        """The entries of one part (as resolved), in file order: the rules of a part read only its entries."""
        if self._by_part is None:
            grouped: dict[str, list[DutyEntry]] = defaultdict(list)
            for e in self.entries:
                grouped[e.part or ""].append(e)
            self._by_part = grouped
        return self._by_part.get(part, [])

    def of(self, jurisdiction: str) -> list[DutyEntry]:
        """The duty entries of one jurisdiction, in file order."""
        return [e for doc in self.lists.get(jurisdiction, []) for e in self.by_doc.get(id(doc), ())]

    def guide_of(self, jurisdiction: str) -> list[DutyEntry]:
        """The guide entries (`guide: true` lists) of one jurisdiction."""
        return [e for e in self.of(jurisdiction) if e.in_guide]

    def township_guide(self, jurisdiction: str) -> list[DutyEntry]:
        """The guide entries of one jurisdiction that are not for villages: what its townships' lists answer to
        (found once per jurisdiction)."""
        found = self._township_guides.get(jurisdiction)
        if found is None:
            found = self._township_guides[jurisdiction] = [e for e in self.guide_of(jurisdiction) if not e.for_villages]
        return found

    def village_guides(self, jurisdiction: str) -> list[tuple[str, list[DutyEntry]]]:
        """The guides for villages above a village, nearest first: (jurisdiction, its guide entries in village
        parts) for each jurisdiction above that has some (a township's guide for its villages, a county's)."""
        out = []
        for up in self.above(jurisdiction):
            found = self._village_guides.get(up)
            if found is None:
                found = self._village_guides[up] = [e for e in self.guide_of(up) if e.for_villages]
            if found:
                out.append((up, found))
        return out

    def above(self, jurisdiction: str) -> list[str]:
        """The jurisdictions above one, nearest first."""
        out: list[str] = []
        up = self.parents.get(jurisdiction)
        while up is not None and up not in out:
            out.append(up)
            up = self.parents.get(up)
        return out



def build_duties(docs: Iterable[Document], parent_of: dict[str, str | None], villages: frozenset[str] = frozenset()) -> Duties:
    """The duty entries of the documents, each child entry's `source` looked up in its parent's duty lists (a
    village's: in the nearest jurisdiction above whose duty lists have it)."""
    entries: list[DutyEntry] = []
    index: dict[str, dict[str, DutyEntry]] = {}
    repeats: list[DutyEntry] = []
    lists: dict[str, list[Document]] = defaultdict(list)
    by_doc: dict[int, list[DutyEntry]] = {}
    for doc in docs:
        if doc.header is None or not doc.duties:
            continue
        jur = doc.header.jurisdiction
        lists[jur].append(doc)
        mine = by_doc[id(doc)] = [DutyEntry(doc, at, duty, jur, duty.code or "") for at, duty in enumerate(doc.duties)
                                  if duty is not None]
        codes = index.setdefault(jur, {})
        for entry in mine:
            if codes.setdefault(entry.code, entry) is not entry:
                repeats.append(entry)
        entries += mine
    duties = Duties(entries, index, lists, parent_of, villages, by_doc, repeats)
    for mine in by_doc.values():
        if mine:
            _find_sources(duties, mine)
    written = duties.written
    for e in entries:
        part = e.raw.part  # written, else the source's as written (the usual case: one look-up), else further up
        if part is None and (up := e.source) is not None:
            part = up.raw.part if up.raw.part is not None else up.get("part")
        e.part = part
        if e.source is None or not e.raw.__pydantic_fields_set__ <= _TAKING:
            written.append(e)
    return duties


def _find_sources(duties: Duties, entries: list[DutyEntry]) -> None:
    """Each child entry's `source` entry, for the entries of one document: in its parent's duty lists (a
    village's: the nearest jurisdiction above whose duty lists have it); None where there is none (DL311)."""
    index, jurisdiction = duties.index, entries[0].jurisdiction
    if jurisdiction in duties.villages:
        ups = duties.above(jurisdiction)
        for e in entries:
            if (source := e.raw.source) is not None:
                e.source = next((hit for up in ups if (hit := index.get(up, {}).get(source))), None)
        return
    guide = index.get(duties.parents.get(jurisdiction) or "", {})
    for e in entries:
        if (source := e.raw.source) is not None:
            e.source = guide.get(source)
