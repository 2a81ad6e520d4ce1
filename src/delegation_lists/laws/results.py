"""What `dlists laws` finds: every law the catalog cites with its counts, and the entries citing one law."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from .parse import Citation

#: what cites a law: an item's `legal_basis`, a duty's `basis`, an item's `delegation.basis`
UseKind = Literal["item", "duty", "delegation"]
#: the levels in the order reports show them
LEVELS = ("province", "city", "county", "township", "village")


@dataclass(frozen=True)
class Use:
    """One entry of the catalog citing one law (its citations of that law gathered from all its basis lines)."""

    kind: UseKind
    jurisdiction: str
    place: str  # the jurisdiction's name
    level: str
    code: str
    name: str
    basis: str  # the basis lines citing the law, as written ("；" between two lines)
    citations: tuple[Citation, ...]
    source: str | None  # the parent item (or guide duty) the basis is inherited from
    file: str
    path: str  # where in the file: items[3].legal_basis[0]; items[3] when inherited

    @property
    def articles(self) -> list[int]:
        return sorted({c.article for c in self.citations if c.article is not None})

    @property
    def whole_law(self) -> bool:
        """The entry cites the law without naming an article."""
        return any(c.article is None for c in self.citations)


@dataclass
class LawSummary:
    """One law and how much of the catalog rests on it."""

    law: str  # the title shown (the full title when known)
    key: str
    number: str | None = None  # its document number (文号), when a list writes one with it
    items: int = 0  # items at every level (township items inheriting their basis through `source` included)
    levels: dict[str, int] = field(default_factory=dict)  # level -> items
    duties: int = 0  # duty entries (履职事项)
    delegations: int = 0  # items whose delegation cites it (a decision, an agreement)
    jurisdictions: int = 0
    articles: list[int] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # the titles as the lists write them

    @property
    def total(self) -> int:
        return self.items + self.duties + self.delegations


@dataclass(frozen=True)
class Unparsed:
    """A basis line in which no law title was found."""

    kind: UseKind
    jurisdiction: str
    code: str
    basis: str
    file: str
    path: str


@dataclass
class LawIndex:
    """Every law cited, most cited first; every use; the basis lines read and those not understood."""

    laws: list[LawSummary]
    uses: list[Use]
    lines: int  # basis lines read (legal_basis and duty basis, each once per list it is written in)
    parsed: int  # lines in which at least one law was found
    unparsed: list[Unparsed]

    @property
    def hit_rate(self) -> float:
        return self.parsed / self.lines if self.lines else 1.0


@dataclass
class LawUses:
    """The entries citing one law (and article), at every level, in tree order."""

    law: str
    key: str
    article: int | None
    uses: list[Use]
    summary: LawSummary | None  # None when nothing cites it
    candidates: list[str] = field(default_factory=list)  # titles the one asked for may mean
