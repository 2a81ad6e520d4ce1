"""Attachment furniture: what a published list carries besides its items. Recognised here and kept out of the
items: "附件2" lines, 填表单位/填表时间 lines, 合计/总计 rows (their count checked against the rows read), 注/说明
lines under the table (kept as the list's notes); 自有 in 承接方式 is an own item (no mode); "全县各镇（街道）" in
实施范围 means every child; a 依据 cell of
numbered points is several bases; a title that names one kind ("……行政处罚事项目录") gives the rows their kind."""

from __future__ import annotations

import re

from ..model.codes import KINDS

ATTACHMENT = re.compile(r"^\s*(?:附\s*件\s*[\d一二三四五六七八九十]*|(?:Attachment|Annex)\s*\d*)\s*(?:[:：]\s*|$)", re.I)
FORM = re.compile(r"^\s*(?:填\s*(?:表|报)|制\s*表|编\s*制|报\s*送|发\s*布|印\s*发)\s*(?:单\s*位|时\s*间|日\s*期|人|部\s*门)"
                  r"|^\s*(?:单位|日期)\s*[:：]|^\s*(?:Issued by|Date)\s*:")
TOTAL = re.compile(r"^\s*(?:合\s*计|总\s*计|共\s*计|小\s*计|Total)\s*[:：]?\s*(?:(?P<n>\d+)\s*(?:项|items?)?)?\s*$", re.I)
COUNT = re.compile(r"^\s*(?:共\s*)?(?P<n>\d+)\s*(?:项|个|条|items?)?\s*$", re.I)
NOTE_WORD = re.compile(r"^\s*(?:注|备注|说明|附注|注释)\s*[:：]\s*")
NOTE = re.compile(r"^\s*(?:注|备注|说明|附注|注释)\s*(?:[:：]|\d|[一二三四五六七八九十]、)|^\s*注\s*$|^\s*Notes?\s*\d*\s*:")
ALL = re.compile(r"^(?:全(?:县|区|市|旗|镇))?(?:各|所有|全部)\s*(?:乡镇|镇|乡|街道|苏木|社区|村)"
                 r"(?:\s*[（(]\s*(?:街道|乡镇|镇|乡|社区)(?:办事处)?\s*[)）])?(?:办事处|人民政府)?$|^(?:全部|all)$")
#: 承接方式 of a township's own item, as `dlists export --own section` writes it (自有 / own): no mode at all
OWN = re.compile(r"^\s*(?:自\s*有(?:\s*事\s*项)?|own(?:\s+items?)?)\s*$", re.I)
POINT = re.compile(r"(?:^|(?<=[\s。；;，,]))(?:\d{1,2}[.、．](?!\d)|[（(]\d{1,2}[)）]|[①-⑳])\s*")


def strip_attachment(text: str) -> str:
    """ "附件2：某县……目录" -> "某县……目录"; "附件2" alone -> ""."""
    return ATTACHMENT.sub("", text, count=1).strip()


def is_form_line(text: str) -> bool:
    """填表单位：……, 填表时间：……, 制表：……: the form's own lines, not a title or an item."""
    return bool(FORM.match(text))


def total_count(cells: list[str]) -> int | None:
    """A 合计 row -> the count it states (0 when it states none); None when the row is not a total."""
    filled = [c for c in cells if c]
    if not filled:
        return None
    match = TOTAL.match(re.sub(r"\s+", "", filled[0]))  # (a narrow 序号 column wraps "Total" as "Tot al")
    if match is None:
        return None
    if match["n"]:
        return int(match["n"])
    counts = [COUNT.match(c) for c in dict.fromkeys(filled[1:])]
    return next((int(m["n"]) for m in counts if m), 0)


def note_text(cells: list[str]) -> str | None:
    """A note line under (or in) the table: one text across the row, starting 注/说明/备注 -> the text."""
    filled = list(dict.fromkeys(c for c in cells if c))
    return filled[0] if len(filled) == 1 and NOTE.match(filled[0]) else None


def says_note(note: str) -> bool:
    """Whether a note line says it is one (注：…, 说明：…): shown as it is, not under another 注."""
    return NOTE_WORD.match(note) is not None


def is_own(mode: str) -> bool:
    """ "自有" (or "own") in the 承接方式 column: the township's own item, taken on from no one (no mode)."""
    return bool(OWN.match(mode))


def means_all(text: str) -> bool:
    """ "全县各镇（街道）", "各乡镇", "全区各街道", "全部": every child of the list's owner."""
    return bool(ALL.match(re.sub(r"\s+", "", text)))


def split_points(line: str) -> list[str]:
    """ "1.《甲法》第三条 2.《乙条例》第五条" -> the two bases, numbering dropped; a line with fewer than two
    numbered points stays whole."""
    starts = [m for m in POINT.finditer(line)]
    if len(starts) < 2 or starts[0].start() != 0:
        return [line]
    ends = [m.start() for m in starts[1:]] + [len(line)]
    parts = [line[m.end():end].strip(" ；;，,。") for m, end in zip(starts, ends, strict=True)]
    return [p for p in parts if p]


def kind_of_title(title: str | None) -> str | None:
    """The one kind a title names ("……行政处罚事项目录" -> penalty); None when it names none or several."""
    if not title:
        return None
    named = {k.key for k in KINDS if k.zh in title}
    return named.pop() if len(named) == 1 else None


#: what a list's notes or title say about the mode: in the township's own name is 赋权; in the department's name,
#: or 委托 said outright, is 委托
GRANT_WORDS = re.compile(r"以(?:自己|本(?:镇|乡|街道)|各(?:镇|乡|街道)\S{0,8}?)的?名义|赋权|授权")
ENTRUST_WORDS = re.compile(r"以\S{0,20}?(?:部门|局|委|办)\S{0,4}?的?名义|委托")


def mode_hint(texts: list[str]) -> str | None:
    """The mode a list's title and notes suggest (grant or entrust), when they suggest exactly one."""
    grant = any(GRANT_WORDS.search(t) for t in texts)
    entrust = any(ENTRUST_WORDS.search(t) for t in texts)
    return "grant" if grant and not entrust else "entrust" if entrust and not grant else None
