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


@dataclass(slots=True)
class DutyEntry:
    """One duty of one duty list: `raw` as written; `duty` with the fields it leaves out taken from its source."""

    doc: Document
    index: int
    raw: Duty
    jurisdiction: str
    code: str
    source: DutyEntry | None = None
    _duty: Duty | None = None
    _part: str | None = None
    _part_known: bool = False

    @property
    def duty(self) -> Duty:
        if self._duty is None:
            self._duty = self.raw if self.source is None else self.raw.inherit(self.source.duty)
        return self._duty

    def get(self, field: str) -> Any:
        """One field as resolved (written here, else inherited from the source chain), without resolving the
        whole entry: the rules read one or two fields of each of a province's duties."""
        value = getattr(self.raw, field)
        if value is None and self.source is not None and self.source is not self:
            return self.source.get(field)
        return value

    @property
    def part(self) -> str | None:
        """The part (written, else the guide's), found once: every rule asks it of every entry."""
        if not self._part_known:
            self._part, self._part_known = self.get("part"), True
        return self._part

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
    index: dict[tuple[str, str], list[DutyEntry]]
    lists: dict[str, list[Document]]  # jurisdiction -> its duty list documents (guides included)
    parents: dict[str, str | None] = field(default_factory=dict)  # the region tree: jurisdiction -> its parent
    villages: frozenset[str] = frozenset()  # the jurisdictions at level village

    def of(self, jurisdiction: str) -> list[DutyEntry]:
        """The duty entries of one jurisdiction, in file order."""
        return [e for doc in self.lists.get(jurisdiction, []) for e in self._by_doc[id(doc)]]

    def guide_of(self, jurisdiction: str) -> list[DutyEntry]:
        """The guide entries (`guide: true` lists) of one jurisdiction."""
        return [e for e in self.of(jurisdiction) if e.in_guide]

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

    def __post_init__(self) -> None:
        self._by_doc: dict[int, list[DutyEntry]] = defaultdict(list)
        self._village_guides: dict[str, list[DutyEntry]] = {}
        for e in self.entries:
            self._by_doc[id(e.doc)].append(e)


def build_duties(docs: Iterable[Document], parent_of: dict[str, str | None], villages: frozenset[str] = frozenset()) -> Duties:
    """The duty entries of the documents, each child entry's `source` looked up in its parent's duty lists (a
    village's: in the nearest jurisdiction above whose duty lists have it)."""
    entries: list[DutyEntry] = []
    index: dict[tuple[str, str], list[DutyEntry]] = defaultdict(list)
    lists: dict[str, list[Document]] = defaultdict(list)
    for doc in docs:
        if doc.header is None or not doc.duties:
            continue
        jur = doc.header.jurisdiction
        lists[jur].append(doc)
        for at, duty in enumerate(doc.duties):
            if duty is not None:
                entry = DutyEntry(doc, at, duty, jur, duty.code or "")
                entries.append(entry)
                index[(jur, entry.code)].append(entry)
    duties = Duties(entries, index, lists, parent_of, villages)
    for e in entries:
        if e.raw.source is not None:
            ups = duties.above(e.jurisdiction) if e.jurisdiction in villages else [parent_of.get(e.jurisdiction) or ""]
            found = next((hit for up in ups if (hit := index.get((up, e.raw.source)))), None)
            e.source = found[0] if found else None
    return duties
