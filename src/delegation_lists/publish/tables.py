"""The catalog's lists as published tables: one per list (drafts only when asked), a township's own items apart
from what it takes on (a list of their own, or sections of their own), sections by kind, the columns some row
fills, shared values stated once, the office's furniture (附件N, issuer, date, 合计, notes), paper and widths."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..catalog import Catalog, Entry
from ..excel.labels import kind_label, label, section_number
from ..excel.lists import GETTERS, PublishedList, by_kind, published_lists, sheet_names
from ..model.items import ListHeader
from .columns import KEYS, columns, state_shared
from .model import Options, PublishedTable, Row, Section
from .paper import fit


def split_own(pl: PublishedList) -> tuple[list[Entry], list[Entry]]:
    """(taken on, own): a list that takes items on (`source`) apart from its own items; a list that takes nothing
    on is all its own, and is not split."""
    taken = [e for e in pl.entries if e.source is not None or e.raw.source is not None]
    if not taken:
        return pl.entries, []
    return taken, [e for e in pl.entries if e.source is None and e.raw.source is None]


def own_title(title: str, name: str, lang: str) -> str:
    """The title of a township's own items: "旬阳市赵湾镇承接县级事项清单" -> "旬阳市赵湾镇自有事项清单"."""
    if lang == "zh" and "承接" in title:
        return title[: title.index("承接")] + label("own.list", lang)
    return f"{title}{label('own.suffix', lang)}" if title else f"{name}{label('own.list', lang)}"


def attachment_line(value: str | None, lang: str) -> str:
    """`2` -> "附件2"; "附件二" stays as it is; nothing -> ""."""
    if not value:
        return ""
    text = str(value).strip()
    return text if re.match(r"^\s*(附\s*件|Attachment|Annex)", text, re.I) else label("attachment", lang, n=text)


def _status(cat: Catalog, e: Entry, lang: str) -> str:
    """状态 only where an item is not in force (暂停, 取消): an empty column is left out."""
    return "" if e.raw.status == "active" else str(GETTERS["status"](cat, e, lang))


def _rows(cat: Catalog, entries: list[Entry], keys: tuple[str, ...], lang: str, mode: str = "") -> list[Row]:
    """The cells of every column of `keys` (序号 left to number), the mode column written `mode` when given."""
    getters = [_status if k == "status" else GETTERS.get(k) for k in keys]
    rows = []
    for e in entries:
        cells: list[str | int] = [mode if mode and k == "mode" else get(cat, e, lang) if get else "" for k, get in zip(keys, getters, strict=True)]
        rows.append(Row(cells, (str(e.doc.path), e.index)))
    return rows


def _sections(cat: Catalog, groups: list[tuple[str, list[Entry], bool]], keys: tuple[str, ...], lang: str) -> list[Section]:
    """One section per (kind, entries, own): headings numbered in order, 序号 restarting in each."""
    out = []
    for number, (kind, entries, own) in enumerate(groups, start=1):
        key = "section.own" if own else "section"
        heading = label(key, lang, num=section_number(number, lang), kind=kind_label(kind, lang), n=len(entries))
        rows = _rows(cat, entries, keys, lang, label("own.mode", lang) if own else "")
        for seq, row in enumerate(rows, start=1):
            row.cells[0] = seq
        out.append(Section(heading, rows))
    return out


def build_table(cat: Catalog, pl: PublishedList, role: str, entries: list[Entry], own: list[Entry], opts: Options,
                sheet: str, title: str) -> PublishedTable:
    """One published table of `entries` (and `own` items in sections of their own) as a list of `role`."""
    keys = KEYS[role]
    groups = [(k, es, False) for k, es in by_kind(entries)] + [(k, es, True) for k, es in by_kind(own)]
    sections = _sections(cat, groups, keys, opts.lang)
    cols, kept = columns(role, [r.cells for s in sections for r in s.rows], opts.lang)
    for section in sections:
        for row in section.rows:
            row.cells = [row.cells[i] for i in kept]
    n = len(entries) + len(own)
    table = PublishedTable(pl.jurisdiction, pl.name, sheet, title + label("total", opts.lang, n=n), cols, sections,
                           draft=pl.draft, own=role == "own" and bool(pl.entries) and len(entries) < len(pl.entries))
    _furnish(table, pl, cat, opts)
    state_shared(table, opts.lang)
    table.merged = [c.key for c in table.columns if c.key == "department" and not c.hidden]
    fit(table, opts.paper)
    return table


def _header(cat: Catalog, pl: PublishedList) -> ListHeader | None:
    return pl.entries[0].doc.header if pl.entries else None


def _furnish(table: PublishedTable, pl: PublishedList, cat: Catalog, opts: Options) -> None:
    """附件N, issuer and date lines, the 合计 row and the notes: the options, else the list header's fields."""
    header = _header(cat, pl)
    lang = opts.lang
    table.attachment = attachment_line(opts.attachment or (header.attachment if header else None), lang)
    issuer = opts.issuer or (header.issuer if header else None)
    date = opts.date or (header.date if header else None)
    table.issuer = label("issuer", lang, issuer=issuer) if issuer else ""
    table.date = label("date", lang, date=label("date.format", lang, y=date.year, m=date.month, d=date.day)) if date else ""
    table.total = (label("sum", lang), label("sum.count", lang, n=table.count))
    notes = [*(header.notes or [] if header else []), *opts.notes]
    if len(notes) == 1:
        table.notes = [label("note", lang, text=notes[0])]
    else:
        table.notes = [label("note.n", lang, n=i, text=t) for i, t in enumerate(notes, start=1)]


def published_tables(cat: Catalog, only: Sequence[str] = (), opts: Options | None = None,
                     lists: list[PublishedList] | None = None) -> list[PublishedTable]:
    """Every list to publish as tables, in region-tree order; a township's own items as a list of their own
    right after its list (`opts.own == "list"`) or as the last sections of it ("section"). `lists`: the lists
    `excel.lists.published_lists` gives, when the caller has them already."""
    opts = opts or Options()
    lists = published_lists(cat, only, opts.lang, opts.drafts) if lists is None else lists
    return [t for pl, sheet in zip(lists, sheet_names(lists), strict=True) for t in list_tables(cat, pl, sheet, opts)]


def list_tables(cat: Catalog, pl: PublishedList, sheet: str, opts: Options) -> list[PublishedTable]:
    """The tables of one list (two when its township's own items are a list of their own)."""
    taken, own = split_own(pl)
    role = ("relay" if any(e.raw.source is not None for e in pl.entries) else "parent") if pl.delegates else "child"
    if not own:
        return [build_table(cat, pl, role, pl.entries, [], opts, sheet, pl.title)]
    if opts.own == "section":
        return [build_table(cat, pl, role, taken, own, opts, sheet, pl.title)]
    return [build_table(cat, pl, role, taken, [], opts, sheet, pl.title),
            build_table(cat, pl, "own", own, [], opts, sheet + label("own.sheet", opts.lang), own_title(pl.title, pl.name, opts.lang))]
