"""`dlists laws` results -> JSON data, rows for the terminal and workbooks, Markdown."""

from __future__ import annotations

from typing import Any

from ..laws.parse import without_quoted_text
from ..laws.results import LEVELS, LawIndex, LawSummary, LawUses, Use
from ..model.codes import LEVELS as LEVEL_ROWS
from ..problems import language
from .labels import label
from .tables import markdown

#: articles a summary row lists before it shortens the list
SHOWN_ARTICLES = 12


def level_name(key: str) -> str:
    row = next((c for c in LEVEL_ROWS if c.key == key), None)
    return row.zh if row is not None and language() == "zh" else key


def _levels(index: LawIndex) -> list[str]:
    """The levels that have items citing laws, top down."""
    present = {lv for s in index.laws for lv in s.levels}
    return [lv for lv in LEVELS if lv in present] + sorted(present - set(LEVELS))


def articles_text(articles: list[int]) -> str:
    """`第35、110、124条` (the first few, then …)."""
    if not articles:
        return ""
    shown = "、".join(map(str, articles[:SHOWN_ARTICLES])) + ("…" if len(articles) > SHOWN_ARTICLES else "")
    return f"第{shown}条" if language() == "zh" else f"art. {shown.replace('、', ', ')}"


def summary_json(s: LawSummary) -> dict[str, Any]:
    return {"law": s.law, "key": s.key, "number": s.number, "items": s.items, "levels": s.levels, "duties": s.duties,
            "delegations": s.delegations, "total": s.total, "jurisdictions": s.jurisdictions, "articles": s.articles,
            "written": s.written}


def index_json(index: LawIndex) -> dict[str, Any]:
    """The `dlists laws --format json` contract (spec §8)."""
    return {"laws": [summary_json(s) for s in index.laws], "lines": index.lines, "parsed": index.parsed,
            "hit_rate": round(index.hit_rate, 4),
            "unparsed": [{"type": u.kind, "jurisdiction": u.jurisdiction, "code": u.code, "basis": u.basis,
                          "file": u.file, "path": u.path} for u in index.unparsed]}


def index_header(index: LawIndex) -> list[str]:
    return [label("laws.law"), label("laws.items"), *map(level_name, _levels(index)), label("laws.duties"),
            label("laws.delegations"), label("laws.jurisdictions"), label("laws.articles")]


def index_rows(index: LawIndex) -> list[list[object]]:
    """One row per law, most cited first."""
    levels = _levels(index)
    return [[_title(s), s.items, *[s.levels.get(lv, 0) for lv in levels], s.duties, s.delegations, s.jurisdictions,
             articles_text(s.articles)] for s in index.laws]


def _title(s: LawSummary) -> str:
    """`《title》（文号）`; a document known only by its number as the number."""
    if s.number == s.law:
        return s.law
    return f"《{s.law}》" + (f"（{s.number}）" if s.number else "")


def hit_line(index: LawIndex) -> str:
    return label("laws.hit_rate", lines=index.lines, parsed=index.parsed, rate=f"{index.hit_rate:.1%}", n=len(index.unparsed))


def unparsed_header() -> list[str]:
    return [label(k) for k in ("jurisdiction", "code", "laws.basis", "file")]


def unparsed_rows(index: LawIndex) -> list[list[object]]:
    return [[u.jurisdiction, u.code, u.basis, f"{u.file} {u.path}"] for u in index.unparsed]


def index_markdown(index: LawIndex) -> str:
    parts = [f"## {label('laws.title')}", hit_line(index), markdown(index_header(index), index_rows(index))]
    if index.unparsed:
        parts += [f"### {label('laws.unparsed')}", markdown(unparsed_header(), unparsed_rows(index))]
    return "\n\n".join(parts)


def use_json(u: Use) -> dict[str, Any]:
    return {"jurisdiction": u.jurisdiction, "jurisdiction_name": u.place, "level": u.level, "type": u.kind,
            "code": u.code, "name": u.name, "basis": u.basis, "articles": u.articles,
            "citations": [{"article": c.article, "sub": c.sub, "paragraph": c.paragraph, "point": c.point}
                          for c in u.citations],
            "source": u.source, "file": u.file, "path": u.path}


def uses_json(result: LawUses) -> dict[str, Any]:
    """The `dlists laws --law TITLE --format json` contract (spec §8)."""
    return {"law": result.law, "key": result.key, "article": result.article, "items": [use_json(u) for u in result.uses],
            "summary": summary_json(result.summary) if result.summary else None, "did_you_mean": result.candidates}


def uses_title(result: LawUses) -> str:
    if result.article is not None:
        return label("laws.uses_article", law=result.law, article=result.article, n=len(result.uses))
    return label("laws.uses_title", law=result.law, n=len(result.uses))


def uses_header() -> list[str]:
    return [label(k) for k in ("jurisdiction", "laws.jurisdiction_code", "category", "code", "item", "laws.basis",
                               "laws.source")]


def uses_rows(result: LawUses) -> list[list[object]]:
    """One row per entry, county first, then the townships."""
    return [[u.place, u.jurisdiction, label(f"laws.kind.{u.kind}"), u.code, u.name, without_quoted_text(u.basis),
             label("laws.inherited", source=u.source) if u.source else ""] for u in result.uses]


def not_found(result: LawUses) -> str:
    """`nothing cites 《X》; did you mean …?`; `nothing cites article N of 《X》` when the law is cited, but not there."""
    if result.article is not None and result.summary is not None:
        return label("laws.none_article", law=result.law, article=result.article)
    text = label("laws.none", law=result.law)
    if result.candidates:
        text += label("laws.did_you_mean", names="、".join(f"《{c}》" for c in result.candidates))
    return text


def uses_markdown(result: LawUses) -> str:
    if not result.uses:
        return f"## {label('laws.title')}\n\n{not_found(result)}"
    return f"## {uses_title(result)}\n\n" + markdown(uses_header(), uses_rows(result))
