"""Statistics -> JSON data, the jurisdiction x kind table, Markdown with a jurisdiction's departments and modes."""

from __future__ import annotations

from typing import Any

from ..catalog.holding import OWN
from ..model.codes import KIND_BY_KEY, KIND_ORDER, KINDS, LEVELS, MODE_BY_KEY
from ..problems import language
from ..stats import JurisdictionStats
from .labels import label
from .tables import Table, markdown, md_text


def jurisdiction_json(r: JurisdictionStats) -> dict[str, Any]:
    return {
        "jurisdiction": r.code, "name": r.name, "level": r.level, "total": r.total,
        "kinds": dict(sorted(r.kinds.items(), key=lambda kv: KIND_ORDER.get(kv[0], 99))),
        "departments": dict(r.departments.most_common()),
        "modes": {m: {"items": c.items, "departments": len(c.departments), "kinds": dict(c.kinds)} for m, c in r.modes.items()},
        "delegated": dict(r.delegated),
        "unresolved": r.unresolved,
    }


def to_json(rows: list[JurisdictionStats]) -> dict[str, Any]:
    return {"jurisdictions": [jurisdiction_json(r) for r in rows]}


def mode_label(mode: str) -> str:
    return f"{mode} ({MODE_BY_KEY[mode].zh})" if mode in MODE_BY_KEY else ("own (自有)" if mode == OWN else mode)


def kind_table(rows: list[JurisdictionStats], short: bool = False) -> Table:
    """Items by jurisdiction x kind: code, name and level (`short`: the name only), a column per kind present,
    the entries whose source is not found (其中来源不明: counted in the total, flagged) when there are any."""
    kinds = [k.key for k in KINDS if any(r.kinds.get(k.key) for r in rows)]
    labels = [KIND_BY_KEY[k].abbr if short else KIND_BY_KEY[k].zh for k in kinds]
    flagged = any(r.unresolved for r in rows)
    lead = [label("jurisdiction")] if short else [label(k) for k in ("code", "jurisdiction", "level")]
    body: list[list[object]] = [
        [*([r.name] if short else [r.code, r.name, _level(r.level)]), *[r.kinds.get(k, 0) for k in kinds],
         *([r.unresolved] if flagged else []), r.total] for r in rows
    ]
    return Table([*lead, *labels, *([label("stats.unresolved")] if flagged else []), label("total")], body)


def _level(key: str) -> str:
    row = next((c for c in LEVELS if c.key == key), None)
    return row.zh if row is not None and language() == "zh" else key


def detail_markdown(r: JurisdictionStats) -> str:
    modes = [[mode_label(m), c.items, len(c.departments), c.kinds.get("licensing", 0)] for m, c in sorted(r.modes.items())]
    deps = [[name, n] for name, n in r.departments.most_common()]
    heads = [label(k) for k in ("mode", "items", "departments", "licensing")]
    return (f"\n\n### {md_text(r.name)} ({r.code})\n\n" + markdown(heads, modes)
            + "\n\n" + markdown([label("department"), label("items")], deps))
