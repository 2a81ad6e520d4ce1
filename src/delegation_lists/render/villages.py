"""Village counts and a township's view of its villages -> JSON data, rows and Markdown (`dlists stats`,
`dlists duties`)."""

from __future__ import annotations

from typing import Any

from ..dutyview import AssistWork, Carrier, DutyCounts, TownshipVillages
from ..model.codes import VILLAGE_PARTS
from .labels import label
from .tables import markdown, md_text


def village_counts_json(r: DutyCounts) -> dict[str, Any]:
    """A village's counts per part (every part, 0 included), the entries whose part is not known (source not
    found) and its total."""
    return {p: r.of(p) for p in VILLAGE_PARTS} | {"unresolved": r.unresolved, "total": r.total}


def village_counts_header(rows: list[DutyCounts]) -> list[str]:
    """The header of `village_counts_rows(rows)`: 来源不明 only when an entry's source is not found."""
    unresolved = ["duties.unresolved"] if any(r.unresolved for r in rows) else []
    return [label(k) for k in ("village", "code", *(f"villages.{p}" for p in VILLAGE_PARTS), *unresolved, "total")]


def village_counts_rows(rows: list[DutyCounts], flagged: bool | None = None) -> list[list[object]]:
    """A row per village; `flagged`: with the column 来源不明 (None: when one of `rows` has such entries)."""
    if flagged is None:
        flagged = any(r.unresolved for r in rows)
    return [[r.name, r.jurisdiction, *(r.of(p) for p in VILLAGE_PARTS), *([r.unresolved] if flagged else []), r.total]
            for r in rows]


def carrier_json(c: Carrier) -> dict[str, Any]:
    admitted = ({"basis": c.basis, "date": c.date.isoformat() if c.date else None, "applicant": c.applicant or None}
                if c.admitted else None)
    return {"jurisdiction": c.jurisdiction, "name": c.village, "code": c.code, "admitted": admitted}


def work_json(w: AssistWork) -> dict[str, Any]:
    return {"code": w.guide, "name": w.name, "lead": w.lead or None, "villages": [carrier_json(c) for c in w.carriers]}


def villages_json(view: list[TownshipVillages]) -> list[dict[str, Any]]:
    """The `villages` member of `dlists duties --format json` (spec §5)."""
    return [{"township": t.jurisdiction, "name": t.name,
             "villages": [{"jurisdiction": r.jurisdiction, "name": r.name} | village_counts_json(r) for r in t.villages],
             "unlisted": [{"jurisdiction": v.jurisdiction, "name": v.name} for v in t.unlisted],
             "assist": [work_json(w) for w in t.assist]} for t in view]


def _admission(c: Carrier) -> str:
    when = f" {c.date.isoformat()}" if c.date else ""
    return label("villages.admission", village=c.village, basis=c.basis, when=when)


def assist_header() -> list[str]:
    return [label(k) for k in ("villages.work", "villages.from", "villages.lead", "villages.count", "villages.carriers",
                               "villages.admitted")]


def assist_rows(t: TownshipVillages) -> list[list[object]]:
    """A row per assist work: where it comes from (the guide's code, or 准入), its department, how many villages
    carry it and which, and the admissions (village: document date); work neither from the guide nor admitted
    says so."""
    rows: list[list[object]] = []
    for w in t.assist:
        admitted = [c for c in w.carriers if c.admitted]
        missing = [c.village for c in w.carriers if not c.admitted] if w.guide is None else []
        said = "；".join(_admission(c) for c in admitted)
        if missing:
            said = "；".join(x for x in (said, label("villages.not_admitted", names="、".join(missing))) if x)
        rows.append([w.name, w.guide or label("villages.own"), w.lead, len(w.carriers),
                     "、".join(c.village for c in w.carriers), said])
    return rows


def carrier_header() -> list[str]:
    return [label(k) for k in ("villages.work", "villages.from", "villages.lead", "village", "code", "villages.basis",
                               "villages.date", "villages.applicant")]


def carrier_rows(t: TownshipVillages) -> list[list[object]]:
    """A row per village and assist work (the workbook's filterable sheet)."""
    return [[w.name, w.guide or label("villages.own"), w.lead, c.village, c.code, c.basis,
             c.date.isoformat() if c.date else "", c.applicant] for w in t.assist for c in w.carriers]


def unlisted_line(t: TownshipVillages) -> str | None:
    if not t.unlisted:
        return None
    return label("villages.unlisted", n=len(t.unlisted), names="、".join(v.name for v in t.unlisted))


def villages_markdown(view: list[TownshipVillages]) -> str:
    """Each township's villages: counts, the villages without a list, the assist work."""
    parts: list[str] = []
    for t in view:
        parts += [f"### {label('villages.title', name=md_text(t.name))}", markdown(village_counts_header(t.villages), village_counts_rows(t.villages))]
        if (line := unlisted_line(t)) is not None:
            parts.append(line)
        if t.assist:
            parts += [f"#### {label('villages.assist_title')}", markdown(assist_header(), assist_rows(t))]
    return "\n\n".join(parts)
