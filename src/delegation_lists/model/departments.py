"""Which of a catalog's departments a department name written another way means.

A township writes the county's departments as it knows them: `区城管局` for 深圳市龙华区城市管理和综合执法局,
`区人力资源和社会保障局` for a catalog that says 区人社局, `区环保局` years after it became 生态环境局. A name is
reduced to its core (NFKC, no spaces or punctuation, the place names of the jurisdiction and its parents cut,
`办公室`/`委员会`/`联合会` as `办`/`委`/`联`, a leading 区/市/县 dropped, a name from before the 2018 reform put
as it is called now), and two cores name one department when they are equal, or when the shorter is an
abbreviation of the longer: its characters in the same order, the first and last the same (人社局 in
人力资源和社会保障局, 城管局 in 城市管理和综合执法局). A name that could be several departments is none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_DROP = re.compile(r"[\s\u3000()（）\[\]【】、，,。.·•\-_]+")
_PLACE_PART = re.compile(r".+?(?:自治区|自治州|自治县|特别行政区|省|市|州|盟|区|县|旗)")
_TAILS = (("办公室", "办"), ("委员会", "委"), ("联合会", "联"))
#: names from before the 2018 institutional reform that township lists still use -> the name now
RENAMED = (("环境保护", "生态环境"), ("环保", "生态环境"), ("规划国土", "规划和自然资源"), ("规土", "规划和自然资源"),
           ("国土资源", "自然资源"), ("国土", "自然资源"), ("卫生和计划生育", "卫生健康"), ("卫计", "卫生健康"),
           ("安全生产监督管理", "应急管理"), ("安监", "应急管理"), ("工商行政管理", "市场监督管理"), ("工商", "市场监督管理"),
           ("食品药品监督管理", "市场监督管理"), ("食药监", "市场监督管理"), ("质量技术监督", "市场监督管理"),
           ("质监", "市场监督管理"))


def place_parts(names: Iterable[str]) -> tuple[str, ...]:
    """The parts of place names a department name may carry (`深圳市龙华区` -> 深圳市, 龙华区, 深圳, 龙华), longest
    first."""
    parts: set[str] = set()
    for name in names:
        for part in _PLACE_PART.findall(name):
            parts.add(part)
            if len(part) >= 3:
                parts.add(part[:-1])
    return tuple(sorted(parts, key=lambda p: (-len(p), p)))


def core(name: str, places: tuple[str, ...] = ()) -> str:
    """A department name without what varies between writers (see the module's doc)."""
    text = _DROP.sub("", unicodedata.normalize("NFKC", name))
    for place in places:
        text = text.replace(place, "")
    for long, short in _TAILS:
        text = text.replace(long, short)
    for old, new in RENAMED:
        if old in text and new not in text:
            text = text.replace(old, new)
            break
    return text[1:] if len(text) > 2 and text[0] in "区市县" else text


def abbreviates(short: str, long: str) -> bool:
    """Whether `short` is `long` abbreviated: its characters in order, the first and last the same."""
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    rest = iter(long)
    return all(ch in rest for ch in short)


class Departments:
    """A catalog's department names, to find which one a name written another way means."""

    def __init__(self, names: Iterable[str], places: Iterable[str] = ()) -> None:
        self.places = place_parts(places)
        self.cores = {name: core(name, self.places) for name in names}
        self.found: dict[str, str | None] = {}

    def resolve(self, written: str | None) -> str | None:
        """The department `written` means: itself when the catalog has it, else the only one whose core is the
        same or abbreviates or is abbreviated by it; None when none or several are."""
        if not written:
            return None
        if written in self.cores:
            return written
        if written not in self.found:
            mine = core(written, self.places)
            same = [n for n, c in self.cores.items() if c == mine]
            if not same and mine:
                same = [n for n, c in self.cores.items() if c and (abbreviates(mine, c) or abbreviates(c, mine))]
            self.found[written] = same[0] if len(same) == 1 else None
        return self.found[written]
