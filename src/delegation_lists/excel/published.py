"""The `published` template: the list as the office publishes it, one sheet per list (jurisdiction and title).

Title row merged across the columns with the total, a header row, one section row per kind in the domain order
with its count, 序号 restarting per section; A4 landscape, one page wide, title and header repeated on every page,
page numbers in the footer.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Catalog, Entry
from ..memory import paused_gc
from .labels import kind_label, label, section_number
from .layout import layout_sheet
from .lists import GETTERS, PublishedList, by_kind, properties, published_lists, scope_of, sheet_name
from .model import Book, Column, Print, Sheet, sheet_title

#: column key -> (width, style); the order of the columns in a sheet
COLUMNS: dict[str, tuple[float, str]] = {
    "seq": (6, "center"), "code": (18, "cell"), "main_item": (20, "cell"), "name": (32, "cell"), "department": (18, "cell"),
    "legal_basis": (44, "wrap"), "statutory_days": (9, "center"), "promised_days": (9, "center"), "violation": (32, "wrap"), "penalty_types": (14, "cell"),
    "mode_parent": (10, "center"), "mode": (10, "center"), "targets": (22, "cell"), "basis": (24, "cell"), "since": (11, "center"), "scope": (20, "cell"),
    "status": (8, "center"), "notes": (20, "cell"),
}
OPTIONAL = ("main_item", "legal_basis", "statutory_days", "promised_days", "since", "violation", "penalty_types", "basis", "scope", "status", "notes")  # shown only where some item has a value


def columns_for(cat: Catalog, pl: PublishedList, lang: str) -> list[str]:
    """The columns that fit a list: penalty columns only with penalties, a parent's list shows its targets."""
    keys = ["seq", "code", "main_item", "name", "department", "legal_basis", "statutory_days", "promised_days", "violation", "penalty_types"]
    keys += ["mode_parent", "targets", "basis", "since"] if pl.delegates else ["mode"]
    keys += ["scope", "status", "notes"]
    used = {k for k in OPTIONAL if _shown(k, pl.entries)}
    return [k for k in keys if k not in OPTIONAL or k in used]


def _shown(key: str, entries: list[Entry]) -> bool:
    """Whether any item has a value for an optional column (cheap checks on the items, no formatting)."""
    if key == "status":
        return any(e.item.status != "active" for e in entries)
    if key in ("basis", "since"):
        return any(e.item.delegation is not None and getattr(e.item.delegation, key) for e in entries)
    if key.endswith("_days"):
        return any(getattr(e.item, key) is not None for e in entries)
    if key == "scope":
        return any(scope_of(e) for e in entries)
    return any(getattr(e.item, key) for e in entries)


def list_sheet(cat: Catalog, pl: PublishedList, lang: str, title: str) -> Sheet:
    keys = columns_for(cat, pl, lang)
    sheet = Sheet(title, [Column(label(k, lang), *COLUMNS[k]) for k in keys])
    sheet.add_banner(pl.title + label("total", lang, n=len(pl.entries)), "title")
    sheet.heights[0] = 36
    sheet.add_header()
    for number, (kind, entries) in enumerate(by_kind(pl.entries), start=1):
        sheet.add_banner(label("section", lang, num=section_number(number, lang), kind=kind_label(kind, lang), n=len(entries)), "section")
        getters = [GETTERS[k] for k in keys[1:]]
        for seq, entry in enumerate(entries, start=1):
            sheet.origins[len(sheet.rows)] = (str(entry.doc.path), entry.index)
            sheet.rows.append([seq, *(get(cat, entry, lang) for get in getters)])
    sheet.print = Print(repeat_rows=(0, sheet.header_row), footer=label("footer", lang))
    return sheet


@paused_gc()
def published_book(cat: Catalog, only: Sequence[str] = (), lang: str = "zh", drafts: bool = False) -> Book:
    """One sheet per list (drafts only when `drafts`); custom properties map each sheet to its jurisdiction code
    (for `dlists import`)."""
    used: set[str] = set()
    lists = published_lists(cat, only, lang, drafts)
    sheets = [list_sheet(cat, pl, lang, sheet_title(sheet_name(pl, lists), used)) for pl in lists]
    props = properties([s.title for s in sheets], lists)
    return Book([*sheets, layout_sheet(cat, sheets)], props)
