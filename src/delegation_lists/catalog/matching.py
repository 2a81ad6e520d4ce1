"""Which parent item a name most likely is: the one scorer behind `reconcile`'s suggestions and `import --into`'s
links by near name.

The candidates are the parent jurisdiction's items:
- of the same kind, or of a kind lists often put the same item under (`CLOSE_KINDS`: a county's 公共服务 is often a
  township's 行政给付 or 行政确认, a 备案 is 行政许可 in one list and 其他行政权力 in the next), the score of an item
  of another kind lowered by `OTHER_KIND`; a penalty or a coercive measure is only ever its own kind;
- of the department the row names, when it names one of the parent's however written (`model/departments.py`:
  区城管局, 规土局, 区环保局);
- doing the same action, for service items (`model/actions.py`: 补办 is not 换领, 注销 not 变更).
Names are scored by `model/similarity.NameIndex` (weighted bigrams and characters, containment), one index per
group of close kinds (built on the first question about it: most runs ask none). A match is sure when the best
score reaches the threshold and leads the next item's by `MARGIN`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.actions import actions, differ
from ..model.departments import Departments
from ..model.similarity import NameIndex

if TYPE_CHECKING:
    from .catalog import Catalog
    from .entry import Entry, Place

#: how much closer the closest name must be than the next one to be taken (else it is only a candidate)
MARGIN = 0.05
#: the factor on the score of an item of another (close) kind
OTHER_KIND = 0.9
#: kinds lists often disagree on for one item (each pair both ways)
_CLOSE = (("public_service", "benefit"), ("public_service", "confirmation"), ("public_service", "other"),
          ("licensing", "other"), ("confirmation", "other"))
CLOSE_KINDS: dict[str, frozenset[str]] = {k: frozenset({k} | {b for a, b in _CLOSE if a == k} | {a for a, b in _CLOSE if b == k})
                                          for pair in _CLOSE for k in pair}


@dataclass(frozen=True)
class Candidate:
    """A parent item and how close its name is (0..1)."""

    entry: Entry
    score: float

    @property
    def code(self) -> str:
        return self.entry.code


@dataclass(frozen=True)
class Match:
    """The closest parent items to a name, closest first (at most three)."""

    ranked: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate | None:
        return self.ranked[0] if self.ranked else None

    @property
    def lead(self) -> float:
        """How much closer the best is than the next (its whole score when it is alone)."""
        if not self.ranked:
            return 0.0
        return self.ranked[0].score - (self.ranked[1].score if len(self.ranked) > 1 else 0.0)

    def sure(self, threshold: float) -> Candidate | None:
        """The best, when it reaches `threshold` and leads the next by `MARGIN`."""
        best = self.best
        return best if best is not None and best.score >= threshold and self.lead >= MARGIN else None

    def close_to_best(self) -> tuple[str, ...]:
        """Codes of the others within `MARGIN` of the best (why a match is not sure)."""
        best = self.best
        return tuple(c.code for c in self.ranked[1:] if best is not None and best.score - c.score < MARGIN)


def close_kinds(kind: str | None) -> frozenset[str] | None:
    """The kinds an item of `kind` may be listed under elsewhere (None: any kind, for a name without one)."""
    if kind is None:
        return None
    return CLOSE_KINDS.get(kind, frozenset({kind}))


class ItemMatcher:
    """The parent items names are matched against."""

    def __init__(self, cat: Catalog, entries: list[Entry]) -> None:
        self.cat, self.entries = cat, [e for e in entries if e.code]
        self.by_code = {e.code: e for e in self.entries}
        self._indexes: dict[frozenset[str] | None, NameIndex] = {}
        self._departments: Departments | None = None
        self._dept_of: dict[tuple[int, str], str] = {}  # (document, department as written) -> its full name
        self._acts: dict[str, frozenset[str]] = {}  # filled as items are looked at

    def _index(self, kinds: frozenset[str] | None) -> NameIndex:
        found = self._indexes.get(kinds)
        if found is None:
            found = self._indexes[kinds] = NameIndex(
                [(e.code, e.item.name or "") for e in self.entries if kinds is None or e.item.kind in kinds])
        return found

    def department_of(self, e: Entry) -> str:
        """An item's department, its full name (one lookup per document and name as written)."""
        key = (id(e.doc), e.item.department or "")
        name = self._dept_of.get(key)
        if name is None:
            name = self._dept_of[key] = self.cat.department_name(e)
        return name

    def department(self, written: str | None) -> str | None:
        """The parent department `written` (as the catalog expanded it) means, if it is one."""
        if not written:
            return None
        if self._departments is None:  # the departments declared where the parent's lists are (full names)
            docs = {d.path.parent: d for d in {id(e.doc): e.doc for e in self.entries}.values()}.values()  # one a folder
            places = [p.name for code in {e.jurisdiction for e in self.entries} for p in self._lineage(code)]
            self._departments = Departments({self.cat.full_department(d, n) for d in docs for n in self.cat.departments(d)}, places)
        return self._departments.resolve(written)

    def _lineage(self, code: str | None) -> list[Place]:
        out = []
        while code is not None and code in self.cat.places:
            out.append(self.cat.places[code])
            code = self.cat.places[code].parent
        return out

    def _actions(self, code: str) -> frozenset[str]:
        found = self._acts.get(code)
        if found is None:
            found = self._acts[code] = actions(self.by_code[code].item.name or "")
        return found

    def match(self, name: str, kind: str | None, department: str | None, floor: float = 0.0) -> Match:
        """The closest parent items to `name` among those the kind and department allow (see the module's doc);
        with `floor`, items that cannot score `floor` may be left out."""
        dept = self.department(department)
        acts = actions(name)
        ranked: list[Candidate] = []
        for code, s in self._index(close_kinds(kind)).ranked(name, floor=floor):
            if len(ranked) >= 3 and s < ranked[2].score:  # (sorted: no later item can be among the first three)
                break
            e = self.by_code[code]
            if dept is not None and self.department_of(e) != dept:
                continue
            if differ(acts, self._actions(code)) and e.item.kind not in ("penalty", "coercion"):  # 补办 is not 换领
                continue
            ranked.append(Candidate(e, s if kind is None or e.item.kind == kind else s * OTHER_KIND))
            ranked.sort(key=lambda c: (-c.score, c.code))
        return Match(tuple(ranked[:3]))
