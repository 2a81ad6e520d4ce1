"""A published list as data, whatever it is written as (an Excel sheet, a Word table, the PDF of either): its
furniture (附件 line, title, issuer and date, the values every row shares), columns with their widths, sections of
rows, the 合计 row and the notes under the table, and the paper it is printed on."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Options:
    """What the office chooses for an export; each header field of a list (`attachment`, `issuer`, `date`,
    `notes`) is used where the option is not given."""

    lang: str = "zh"
    drafts: bool = False  # include drafts (their titles say 草案)
    own: str = "list"  # a township's own items: "list" (a list of their own) or "section" (sections of their own)
    paper: str = "auto"  # auto | a4 | a3
    attachment: str | None = None  # "2" -> 附件2
    issuer: str | None = None
    date: dt.date | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class Paper:
    """The paper a list is printed on: A4 or A3, portrait or landscape; sizes in points."""

    name: str  # "A4" | "A3"
    landscape: bool = True

    @property
    def size(self) -> tuple[float, float]:
        """(width, height) in points."""
        short, long = (595.3, 841.9) if self.name == "A4" else (841.9, 1190.6)
        return (long, short) if self.landscape else (short, long)


#: margins of every printed list, in inches (left, right, top, bottom; header and footer distances)
MARGINS = (0.5, 0.5, 0.6, 0.6)
HEADER_FOOTER = (0.3, 0.3)


@dataclass
class Col:
    """A column: the field it shows, its header, how its cells align, its width in Excel character units."""

    key: str
    label: str
    align: str = "left"  # left | center
    width: float = 0.0
    #: not shown: its values are stated above the table or in the section headings, or there was no room for it
    #: (a workbook keeps it as a hidden column, so that `dlists import` reads every value back)
    hidden: bool = False


@dataclass
class Row:
    """One item's cells (in the table's column order) and where the item is written (file, index)."""

    cells: list[str | int]
    origin: tuple[str, int] | None = None


@dataclass
class Section:
    """A section of a list: "一、行政许可（共31项）" and its rows (序号 restarting at 1)."""

    heading: str  # "一、行政许可（共31项）"
    rows: list[Row] = field(default_factory=list)
    stated: list[str] = field(default_factory=list)  # values its rows share ("下放依据：……"), said in its heading

    def title(self, lang: str = "zh") -> str:
        """The heading with what its rows share: "一、行政许可（共31项；下放依据：……）"."""
        if not self.stated:
            return self.heading
        sep = "；" if lang == "zh" else "; "
        close = self.heading[-1] if self.heading[-1:] in "）)" else ""
        return f"{self.heading[:-1] if close else self.heading}{sep}{sep.join(self.stated)}{close}"


@dataclass
class PublishedTable:
    """One list as published: everything a reader sees, in order."""

    jurisdiction: str
    name: str  # the jurisdiction's name
    sheet: str  # the name of its sheet (before Excel's rules shorten it)
    title: str  # with the total: "旬阳市赵湾镇承接县级事项清单（共92项）"
    columns: list[Col]
    sections: list[Section]
    attachment: str = ""  # "附件2"
    issuer: str = ""  # "发布单位：旬阳市人民政府", under the title on the left
    date: str = ""  # "发布日期：2023年7月1日", on the right
    lines: list[str] = field(default_factory=list)  # under the title: the values all rows share ("下放依据：……")
    total: tuple[str, str] = ("", "")  # the 合计 row: ("合计", "共92项")
    notes: list[str] = field(default_factory=list)  # under the table: "注：……"
    merged: list[str] = field(default_factory=list)  # columns whose equal neighbours are merged (department)
    paper: Paper = field(default_factory=lambda: Paper("A4"))
    dropped: list[str] = field(default_factory=list)  # columns left out for want of room (their labels)
    draft: bool = False
    own: bool = False  # the own items of a township (a list of their own)

    @property
    def count(self) -> int:
        return sum(len(s.rows) for s in self.sections)

    def column(self, key: str) -> int | None:
        """The position of the column showing `key`, if shown."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), None)
