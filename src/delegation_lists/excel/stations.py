"""The `stations` export template: a township's village-station service list (村级便民服务站服务事项清单).

One sheet per township: the title with the total, then a section per way the stations handle items
("一、直办事项（共N项）", "二、代办事项（共N项）", "三、协办事项（共N项）"), each item with its code, kind, department and
the stations (villages) that handle it ("全部（7个）" when every village's does); A4 landscape, one page wide, the
title and header repeated, page numbers in the footer.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Catalog
from ..dutyview.stations import StationList, StationService, station_lists
from ..model.codes import STATION_MODES
from .labels import kind_label, label, section_number
from .model import Book, Column, Print, Sheet, sheet_title

COLUMNS = (("seq", 6, "center"), ("code", 20, "cell"), ("name", 36, "wrap"), ("kind", 12, "center"),
           ("department", 26, "wrap"), ("station.villages", 30, "wrap"))


def _stations(s: StationService, every: int, lang: str) -> str:
    if s.everywhere:
        return label("station.all", lang, n=every)
    return label("separator", lang).join(s.villages)


def station_sheet(sl: StationList, lang: str, title: str) -> Sheet:
    """One township's list: title, header, a section per way of handling (those with items)."""
    sheet = Sheet(title, [Column(label(k, lang), w, style) for k, w, style in COLUMNS])
    head = label("station.title", lang, name=sl.name)
    sheet.add_banner(head + label("total", lang, n=len(sl.services)), "title")
    sheet.heights[0] = 36
    sheet.add_header()
    number = 0
    for row in STATION_MODES:
        mine = [s for s in sl.services if s.mode == row.key]
        if not mine:
            continue
        number += 1
        sheet.add_banner(label("section", lang, num=section_number(number, lang),
                               kind=label("station.section", lang, mode=row.zh if lang == "zh" else row.en), n=len(mine)), "section")
        sheet.rows += [[seq, s.code, s.name, kind_label(s.kind, lang), s.department, _stations(s, len(sl.villages), lang)]
                       for seq, s in enumerate(mine, start=1)]
    sheet.print = Print(repeat_rows=(0, sheet.header_row), footer=label("footer", lang))
    return sheet


def station_book(cat: Catalog, only: Sequence[str] = (), lang: str = "zh") -> Book:
    """One sheet per township whose villages' stations handle items (`only`: by code or name)."""
    wanted = {p.code if (p := cat.find_place(k)) else k for k in only}
    used: set[str] = set()
    return Book([station_sheet(sl, lang, sheet_title(sl.name, used)) for sl in station_lists(cat, wanted or None)])
