"""Rules: every code a user can meet, registered on import (loader and schema codes included)."""

from ..load import errors, schema  # noqa: F401  (registers DL001-DL012)
from . import delegation, items, levels, region  # noqa: F401  (registers the catalog rules)
from .problem import ERROR, WARNING, Problem
from .registry import RULES, Rule, Selection

__all__ = ["ERROR", "RULES", "WARNING", "Problem", "Rule", "Selection"]
