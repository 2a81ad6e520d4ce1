"""Rules: one check function per catalog rule code, registered on import."""

from ..problems import ERROR, WARNING, Problem, Selection
from . import delegation, duties, items, levels, records, region, terms, villages  # noqa: F401  (registers the catalog rules)
from .registry import RULES, Rule

__all__ = ["ERROR", "RULES", "WARNING", "Problem", "Rule", "Selection"]
