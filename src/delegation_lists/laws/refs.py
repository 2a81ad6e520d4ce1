"""The article part of a citation: `第三十五条第一款第（五）项`, lists (`第二十条、第二十一条`, `第十、十一条`,
`第一款、第二款`), ranges (`第十条至第十二条`), `第五十二条之一`. Read on text already NFKC-normalised."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from .numerals import NUMBER_CHARS, number

_N = f"[{NUMBER_CHARS}]+"
_ARTICLE = re.compile(rf"\s*第?\s*({_N}(?:\s*[、,]\s*{_N})*)\s*条(?:\s*之\s*({_N}))?")
#: `第一百九十三的规定`: an article whose 条 was left out, read when 规定 follows
_ARTICLE_NO_MARK = re.compile(rf"\s*第\s*({_N})(?=\s*(?:的规定|之规定|规定))")
_PARAGRAPH = re.compile(rf"\s*第\s*({_N})\s*款")
_POINT = re.compile(rf"\s*(?:第\s*[(（]\s*({_N})\s*[)）]\s*项?|[(（]\s*({_N})\s*[)）]\s*项?|第\s*({_N})\s*项)")
_SUBPOINT = re.compile(rf"\s*第\s*{_N}\s*目")
_RANGE = re.compile(rf"\s*(?:至|到|~|—|-|－)\s*(?=第|{_N}\s*条|[(（])")
_SEPARATOR = re.compile(r"\s*(?:、|,|和|及|以及|与|或者|或|;)\s*(?=第|[(（]|\d|[一二三四五六七八九十百]+\s*条)")
#: ranges longer than this are kept as their two ends (a typo such as 第十条至第一百条 lists nothing)
MAX_RANGE = 60


@dataclass(frozen=True, slots=True)
class Ref:
    """One article (and paragraph, point) of a citation."""

    article: int
    sub: int | None = None
    paragraph: int | None = None
    point: int | None = None


def read_refs(text: str, at: int) -> tuple[list[Ref], int]:
    """The article references starting at `at` (after spaces) and where they end; ([], at) when none does."""
    refs: list[Ref] = []
    ranging = False
    i = at
    while True:
        m = _ARTICLE.match(text, i) or _ARTICLE_NO_MARK.match(text, i)
        if m is not None:
            numbers = [number(n) for n in re.split(r"\s*[、,]\s*", m.group(1))]
            sub = number(m.group(2)) if m.re is _ARTICLE and m.group(2) else None
            if any(n is None for n in numbers):
                break
            if ranging and refs:
                refs += [Ref(n) for n in _between(refs[-1].article, numbers[0] or 0)]
            refs += [Ref(n, sub) for n in numbers if n is not None]
            i, ranging = m.end(), False
            continue
        if ranging and refs and refs[-1].point is not None:  # 第（一）至（三）项
            m = _POINT.match(text, i)
            n = number(m.group(1) or m.group(2) or m.group(3)) if m is not None else None
            if m is None or n is None:
                break
            last = refs[-1]
            refs += [replace(last, point=p) for p in [*_between(last.point or 0, n), n]]
            i, ranging = m.end(), False
            continue
        if refs and not ranging:
            step = _detail(text, i, refs)
            if step is not None:
                i = step
                continue
            m = _RANGE.match(text, i)
            if m is not None:
                i, ranging = m.end(), True
                continue
            m = _SEPARATOR.match(text, i)
            if m is not None and (_ARTICLE.match(text, m.end()) or _detail(text, m.end(), list(refs)) is not None):
                i = m.end()
                continue
        break
    return refs, (i if refs else at)


def _detail(text: str, i: int, refs: list[Ref]) -> int | None:
    """A paragraph, point or sub-point of the last article, added to `refs`; the end, or None."""
    last = refs[-1]
    m = _PARAGRAPH.match(text, i)
    if m is not None:
        n = number(m.group(1))
        if n is None:
            return None
        if last.paragraph is None and last.point is None:
            refs[-1] = replace(last, paragraph=n)
        else:
            refs.append(Ref(last.article, last.sub, n))
        return m.end()
    m = _POINT.match(text, i)
    if m is not None:
        n = number(m.group(1) or m.group(2) or m.group(3))
        if n is None:
            return None
        if last.point is None:
            refs[-1] = replace(last, point=n)
        else:  # 第一款第（五）项、第（六）项: another point of the same paragraph
            refs.append(replace(last, point=n))
        return m.end()
    m = _SUBPOINT.match(text, i)
    return m.end() if m is not None else None


def _between(first: int, last: int) -> range:
    """The numbers strictly between the two ends of a range (the ends are read themselves); none for a range
    running backwards or longer than MAX_RANGE."""
    return range(first + 1, last) if 0 < last - first <= MAX_RANGE else range(0)
