"""The laws a catalog cites (`dlists laws`): every legal basis line of every item, duty and delegation parsed
into citations, gathered by law; and every entry citing one law, at every level.

Township items that take a county item on with `source` and leave `legal_basis` out cite what their source
cites (they are counted, marked with the source); a township's own item citing the short title counts for the
same law as the county's full title.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..catalog import Catalog
from ..catalog.tree import lineage
from .parse import Citation, normalise, parse_basis
from .results import LawIndex, LawSummary, Unparsed, Use, UseKind
from .titles import law_key, shown_title


@dataclass(frozen=True)
class _Basis:
    """The basis lines of one entry: an item's `legal_basis`, a duty's `basis` or an item's `delegation.basis`."""

    kind: UseKind
    jurisdiction: str
    code: str
    name: str
    lines: list[str]
    source: str | None  # inherited from this parent entry
    file: str
    path: str


class _Parser:
    """Parses each distinct line once (a county's lines are inherited by every township taking them on)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, Citation | None], list[Citation]] = {}

    def lines(self, lines: list[str]) -> list[list[Citation]]:
        """Citations of each line; a line starting with an article continues the law of the line before."""
        out: list[list[Citation]] = []
        carry: Citation | None = None
        for line in lines:
            found = self.seen.get((line, carry))
            if found is None:
                found = self.seen[(line, carry)] = parse_basis(line, carry)
            out.append(found)
            carry = found[-1] if found else carry
        return out


def law_index(cat: Catalog, own: frozenset[str] | None = None) -> LawIndex:
    """Every law the catalog cites, most cited first, with every use; the lines read and those not understood.
    `own`: only the entries of these jurisdictions (one part of a large catalog: catalog/parts.py, joined by
    `merge_indexes`)."""
    parser = _Parser()
    uses: list[Use] = []
    unparsed: list[Unparsed] = []
    lines = parsed = 0
    for basis in _bases(cat):
        if own is not None and basis.jurisdiction not in own:
            continue
        found = parser.lines(basis.lines)
        if basis.kind == "delegation" and not found[0]:  # a decision or an agreement named without quotes
            text = " ".join(normalise(basis.lines[0]).split())
            found = [[Citation(text, law_key(text))]]
        if basis.source is None and basis.kind != "delegation":
            for at, (text, cites) in enumerate(zip(basis.lines, found, strict=True)):
                lines += 1
                parsed += bool(cites)
                if not cites:
                    unparsed.append(Unparsed(basis.kind, basis.jurisdiction, basis.code, text, basis.file, f"{basis.path}[{at}]"))
        uses += _uses(cat, basis, found)
    return _indexed(cat, uses, lines, parsed, unparsed)


def merge_indexes(parts: list[LawIndex], tree: Catalog) -> LawIndex:
    """The indexes of the parts of a catalog as the index of the whole (`tree`: its region files)."""
    return _indexed(tree, [u for p in parts for u in p.uses], sum(p.lines for p in parts),
                    sum(p.parsed for p in parts), [u for p in parts for u in p.unparsed])


def _indexed(cat: Catalog, uses: list[Use], lines: int, parsed: int, unparsed: list[Unparsed]) -> LawIndex:
    """The uses in tree order (the county before its townships), gathered by law."""
    depth = {code: len(lineage(cat.places, code)) for code in {u.jurisdiction for u in uses} | {u.jurisdiction for u in unparsed}}
    uses.sort(key=lambda u: (depth[u.jurisdiction] or 99, u.jurisdiction))
    unparsed.sort(key=lambda u: (depth[u.jurisdiction] or 99, u.jurisdiction))
    return LawIndex(_summaries(cat, uses), uses, lines, parsed, unparsed)


def _bases(cat: Catalog) -> Iterator[_Basis]:
    for e in cat.entries:
        item = e.item
        if item.legal_basis:
            inherited = e.raw.legal_basis is None and e.source is not None
            yield _Basis("item", e.jurisdiction, e.code, item.name or "", list(item.legal_basis),
                         e.source.code if inherited and e.source else None, e.file,
                         f"items[{e.index}]" + ("" if inherited else ".legal_basis"))
        deleg = e.raw.delegation
        if deleg is not None and deleg.basis:
            yield _Basis("delegation", e.jurisdiction, e.code, item.name or "", [deleg.basis], None, e.file,
                         f"items[{e.index}].delegation.basis")
    for d in cat.duties.entries:
        duty = d.duty
        if duty.basis:
            inherited = d.raw.basis is None and d.source is not None
            yield _Basis("duty", d.jurisdiction, d.code, duty.name or "", list(duty.basis),
                         d.source.code if inherited and d.source else None, d.file,
                         f"duties[{d.index}]" + ("" if inherited else ".basis"))


def _uses(cat: Catalog, basis: _Basis, found: list[list[Citation]]) -> list[Use]:
    """One use per law the entry cites, with the lines citing it."""
    by_law: dict[str, list[Citation]] = defaultdict(list)
    written: dict[str, list[str]] = defaultdict(list)
    first: dict[str, int] = {}
    for at, (text, cites) in enumerate(zip(basis.lines, found, strict=True)):
        for c in cites:
            by_law[c.key].append(c)
            first.setdefault(c.key, at)
            if text not in written[c.key]:
                written[c.key].append(text)
    place = cat.places.get(basis.jurisdiction)
    own_line = basis.source is None and basis.kind != "delegation"  # items[3].legal_basis[0]
    return [Use(basis.kind, basis.jurisdiction, place.name if place else "", place.level if place else "",
                basis.code, basis.name, "；".join(written[key]), tuple(cites), basis.source, basis.file,
                basis.path + (f"[{first[key]}]" if own_line else ""))
            for key, cites in by_law.items()]


def _summaries(cat: Catalog, uses: list[Use]) -> list[LawSummary]:
    by_key: dict[str, LawSummary] = {}
    places: dict[str, set[str]] = defaultdict(set)
    articles: dict[str, set[int]] = defaultdict(set)
    for u in uses:
        s = by_key.setdefault(u.citations[0].key, LawSummary("", u.citations[0].key))
        if u.kind == "item":
            s.items += 1
            s.levels[u.level or "?"] = s.levels.get(u.level or "?", 0) + 1
        elif u.kind == "duty":
            s.duties += 1
        else:
            s.delegations += 1
        places[s.key].add(u.jurisdiction)
        articles[s.key].update(u.articles)
        s.written += [c.law for c in u.citations if c.law not in s.written]
        s.number = s.number or next((c.number for c in u.citations if c.number), None)
    for s in by_key.values():
        s.law = shown_title(s.key, s.written)
        s.jurisdictions = len(places[s.key])
        s.articles = sorted(articles[s.key])
    return sorted(by_key.values(), key=lambda s: (-s.total, s.law))
