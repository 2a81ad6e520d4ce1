"""Values a published list states once instead of in each row (publish/columns.py `state_shared`): a line above
the table ("下放依据：旬政办发〔2023〕15号……", "Basis: ...") for every row of the list, or a part of a section's
heading ("一、行政许可（共31项；下放依据：……；实施时间：2023-07-01）", "1. Licensing (31 items; Basis: ...)") for
every row of the section. Read back here, so that a list whose column was left out (Word has no hidden column; a
PDF shows none) gives each row its value again. A row's own cell, where it has one, wins."""

from __future__ import annotations

import re

from .headers import SYNONYMS, header_field

#: the fields a list may state once for all its rows (what the exporter states, and what offices state alike)
STATEABLE = ("basis", "since", "scope", "mode", "delegation_mode")
_LABELS = sorted((s for f in STATEABLE for s in SYNONYMS[f]), key=len, reverse=True)
_LABEL = "|".join(re.escape(s) for s in _LABELS)
#: a whole line "下放依据：……" / "Basis: ..."
LINE = re.compile(r"^\s*(?P<label>[^:：\n]{1,16}?)\s*[:：]\s*(?P<value>\S.*?)\s*$", re.S)
#: a field stated inside a section heading's brackets, after 共N项 or another stated field
IN_HEADING = re.compile(rf"(?:^|[；;，,]\s*)(?P<label>{_LABEL})\s*[:：]\s*", re.I)
OPEN, CLOSE = "（(", "）)"


def stated_line(text: str) -> tuple[str, str] | None:
    """ "下放依据：……" -> ("basis", "……"); None when the line states no shared value."""
    match = LINE.match(text)
    if match is None:
        return None
    field = header_field(match["label"])
    return (field, match["value"]) if field in STATEABLE else None


def _brackets(heading: str) -> str:
    """What the outer brackets of a section heading hold: "一、许可（共3项；下放依据：《甲（乙）》）" ->
    "共3项；下放依据：《甲（乙）》"; "" when it has none."""
    text = heading.rstrip()
    if not text or text[-1] not in CLOSE:
        return ""
    depth = 0
    for at in range(len(text) - 1, -1, -1):
        depth += text[at] in CLOSE
        depth -= text[at] in OPEN
        if depth == 0:
            return text[at + 1 : -1]
    return ""


def stated_in_heading(heading: str) -> list[tuple[str, str]]:
    """The fields a section heading states for its rows, in order: [("basis", "……"), ("since", "2023-07-01")]."""
    inner = _brackets(heading)
    found = list(IN_HEADING.finditer(inner))
    out = []
    for match, after in zip(found, [*found[1:], None][: len(found)], strict=True):
        value = inner[match.end() : after.start() if after is not None else len(inner)].strip(" ；;，,")
        field = header_field(match["label"])
        if field is not None and value:
            out.append((field, value))
    return out
