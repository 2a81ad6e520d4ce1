"""What an exported sheet holds: the lists of a catalog (one per jurisdiction and title) and each item's cells."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ..catalog import Catalog, Entry
from ..catalog.holding import shown_mode, taken_mode
from ..model.codes import KIND_ORDER
from ..model.items import DRAFT_WORDS
from .labels import label, mode_label, status_label


@dataclass
class PublishedList:
    """The items of one jurisdiction under one title, in catalog order."""

    jurisdiction: str
    name: str  # the jurisdiction's name
    title: str
    entries: list[Entry] = field(default_factory=list)
    delegates: bool = False  # a parent's list: shows where each item goes
    draft: bool = False  # from a draft (`list.status: draft`, 草案 in the title): its title says 草案


def _tree_order(cat: Catalog) -> dict[str, int]:
    order: dict[str, int] = {}
    roots = [c for c, p in cat.places.items() if p.parent is None or p.parent not in cat.places]

    def walk(code: str) -> None:
        order[code] = len(order)
        for child in cat.places[code].children:
            walk(child)

    for root in roots:
        walk(root)
    return order


def published_lists(cat: Catalog, only: Sequence[str] = (), lang: str = "zh", drafts: bool = False) -> list[PublishedList]:
    """The catalog's lists, jurisdictions in region-tree order (parents first), `only` by code or name; drafts
    only when `drafts` (their titles then say 草案)."""
    return [pl for pl in all_lists(cat, only, lang) if drafts or not pl.draft]


def drafts_left_out(cat: Catalog, only: Sequence[str] = (), lang: str = "zh") -> list[PublishedList]:
    """The drafts `published_lists` leaves out by default."""
    return [pl for pl in all_lists(cat, only, lang) if pl.draft]


def all_lists(cat: Catalog, only: Sequence[str] = (), lang: str = "zh") -> list[PublishedList]:
    """Every list of the catalog (drafts too), jurisdictions in region-tree order, `only` by code or name."""
    wanted = set()
    for key in only:
        place = cat.find_place(key)
        wanted.add(place.code if place else key)
    lists: dict[tuple[str, str], PublishedList] = {}
    by_doc: dict[int, PublishedList] = {}
    for entry in cat.entries:
        found = by_doc.get(id(entry.doc))
        if found is None:
            jur = entry.jurisdiction
            if wanted and jur not in wanted:
                continue
            place = cat.places.get(jur)
            name = place.name if place else jur
            header = entry.doc.header
            title = (header.title if header and header.title else "") or f"{name}{label('list', lang)}"
            draft = header is not None and header.draft
            if draft and not any(word in title for word in DRAFT_WORDS):
                title += label("draft", lang)
            found = by_doc[id(entry.doc)] = lists.setdefault((jur, title), PublishedList(jur, name, title, draft=draft))
        found.entries.append(entry)
        found.delegates = found.delegates or entry.raw.delegation is not None  # (never inherited)
    order = _tree_order(cat)
    return sorted(lists.values(), key=lambda pl: (order.get(pl.jurisdiction, len(order)), pl.jurisdiction))


def exported_files(cat: Catalog, lists: Sequence[PublishedList], only: Sequence[str] = (), drafts: bool = False) -> set[str]:
    """The files an export of `lists` shows something of: the lists' own files, the files of the items they take
    on (inherited fields), the region files (names of places and departments), every file that did not load
    as anything (it may be a list the export is missing), and every item list of a jurisdiction exported (`only`,
    all when empty; drafts with `drafts`) even when none of its items validated: its items are missing from the
    export."""
    files = {d.file for d in cat.docs if d.region is not None} | unread_files(cat)
    wanted = {place.code if (place := cat.find_place(key)) else key for key in only}
    files |= {d.file for d in cat.docs if d.kind == "list" and d.header is not None and not d.duties
              and (not wanted or d.header.jurisdiction in wanted) and (drafts or not d.header.draft)}
    for pl in lists:
        for entry in pl.entries:
            source: Entry | None = entry
            while source is not None:
                files.add(source.file)
                source = source.source
    return files


def unread_files(cat: Catalog) -> set[str]:
    """The files that did not load as any kind of document (a syntax error, a broken header)."""
    return {d.file for d in cat.docs if d.kind != "mapping" and d.region is None and d.header is None and d.adjustments is None}


def sheet_names(lists: list[PublishedList]) -> list[str]:
    """The name of each list's sheet: its jurisdiction's name; its title when the jurisdiction has several lists."""
    counts = Counter(pl.jurisdiction for pl in lists)
    return [pl.title if counts[pl.jurisdiction] > 1 else pl.name for pl in lists]


def properties(titles: list[str], lists: list[PublishedList]) -> dict[str, str]:
    """Custom document properties for `dlists import`: each sheet's jurisdiction code, each code's name."""
    props = {f"dlists:{title}": pl.jurisdiction for title, pl in zip(titles, lists, strict=True)}
    props.update({f"dlists-name:{pl.jurisdiction}": pl.name for pl in lists})
    return props


def by_kind(entries: list[Entry]) -> list[tuple[str, list[Entry]]]:
    """Entries grouped by kind in the domain order (licensing first), catalog order inside a kind."""
    groups: dict[str, list[Entry]] = {}
    for e in entries:
        groups.setdefault(e.field("kind") or "other", []).append(e)
    return sorted(groups.items(), key=lambda kv: KIND_ORDER.get(kv[0], 99))




def _targets(cat: Catalog, entry: Entry, lang: str) -> str:
    deleg = entry.raw.delegation
    if deleg is None:
        return ""
    if deleg.to_all:
        return label("all", lang)
    return label("separator", lang).join(cat.places[c].name if c in cat.places else c for c in deleg.to)


def scope_of(entry: Entry) -> str:
    deleg = entry.raw.delegation or (entry.source.raw.delegation if entry.source else None)
    return (deleg.scope or "") if deleg else ""


Getter = Callable[[Catalog, Entry, str], str | int]
#: column key -> the text of that column for one item
GETTERS: dict[str, Getter] = {
    "code": lambda cat, e, lang: e.code,
    "name": lambda cat, e, lang: e.field("name") or "",
    "main_item": lambda cat, e, lang: e.field("main_item") or "",
    "department": lambda cat, e, lang: e.field("department") or "",
    "violation": lambda cat, e, lang: e.field("violation") or "",
    "notes": lambda cat, e, lang: e.field("notes") or "",
    "legal_basis": lambda cat, e, lang: "\n".join(e.field("legal_basis") or ()),
    "penalty_types": lambda cat, e, lang: label("separator", lang).join(e.field("penalty_types") or ()),
    "mode": lambda cat, e, lang: mode_label(taken_mode(e) if e.raw.source is not None else shown_mode(e), lang),
    "mode_parent": lambda cat, e, lang: mode_label(shown_mode(e) if e.raw.source is None or e.raw.delegation else "", lang),
    "targets": _targets,
    "basis": lambda cat, e, lang: (e.raw.delegation.basis or "") if e.raw.delegation else "",
    "since": lambda cat, e, lang: e.raw.delegation.since.isoformat() if e.raw.delegation and e.raw.delegation.since else "",
    "statutory_days": lambda cat, e, lang: "" if e.field("statutory_days") is None else e.field("statutory_days"),
    "promised_days": lambda cat, e, lang: "" if e.field("promised_days") is None else e.field("promised_days"),
    "scope": lambda cat, e, lang: scope_of(e),
    "status": lambda cat, e, lang: status_label(e.raw.status, lang),
}


def field_value(cat: Catalog, entry: Entry, key: str, lang: str) -> str:
    """The text of one column for one item."""
    return str(GETTERS[key](cat, entry, lang))
