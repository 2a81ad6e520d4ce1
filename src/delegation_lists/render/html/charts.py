"""Inline SVG charts made by the tool (no chart library, nothing loaded from anywhere): horizontal bars and a
coloured matrix. Text is escaped; sizes are in CSS pixels and scale with the page."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Bar:
    """One bar: its label, its value and the text shown after it."""

    label: str
    value: float
    text: str


def _label_width(labels: list[str]) -> int:
    """Pixels for a column of labels (CJK characters count double)."""
    widest = max((sum(2 if ord(ch) > 0x2E80 else 1 for ch in s) for s in labels), default=4)
    return min(320, 7 * widest + 12)


def bars(rows: list[Bar], maximum: float, unit_width: int = 360, colour: str = "#2e7d32") -> str:
    """A horizontal bar chart, one bar per row, scaled to `maximum`."""
    left, height = _label_width([r.label for r in rows]), 22
    width = left + unit_width + 6 + _label_width([r.text for r in rows])  # room for the text after the longest bar
    out = [f'<svg class="chart" role="img" width="{width}" height="{height * len(rows) + 6}" viewBox="0 0 {width} {height * len(rows) + 6}" xmlns="http://www.w3.org/2000/svg">']
    for i, r in enumerate(rows):
        y = i * height + 4
        w = 0 if maximum <= 0 else round(unit_width * max(0.0, min(r.value, maximum)) / maximum, 1)
        out.append(f'<text x="{left - 6}" y="{y + 14}" text-anchor="end">{escape(r.label)}</text>')
        out.append(f'<rect x="{left}" y="{y}" width="{unit_width}" height="16" fill="#eceff1"/>')
        out.append(f'<rect x="{left}" y="{y}" width="{w}" height="16" fill="{colour}"><title>{escape(r.label)}: {escape(r.text)}</title></rect>')
        out.append(f'<text x="{left + unit_width + 6}" y="{y + 14}">{escape(r.text)}</text>')
    out.append("</svg>")
    return "".join(out)


def shade(ratio: float | None) -> str:
    """A cell colour for a coverage ratio: red (0) through amber to green (1); grey when nothing is delegated."""
    if ratio is None:
        return "#f5f5f5"
    if ratio >= 1:
        return "#a5d6a7"
    if ratio >= 0.8:
        return "#dcedc8"
    if ratio >= 0.5:
        return "#ffe082"
    return "#ef9a9a"
