"""Results -> one self-contained HTML file (inline CSS and SVG, no script or style loaded from anywhere, a
Content-Security-Policy that forbids any request), readable offline in any browser and printable on A4."""

from .pages import diff_html, reconcile_html, stats_html

__all__ = ["diff_html", "reconcile_html", "stats_html"]
