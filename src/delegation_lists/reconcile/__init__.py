"""`reconcile`: a parent's delegations against each child's list (spec §4), and suggestions for own items."""

from .reconcile import DEFAULT_THRESHOLD, ReconcileError, parents, reconcile, reconcile_all
from .results import (
    CATEGORIES,
    Category,
    ChildResult,
    Coverage,
    DutyCheck,
    ModeMismatch,
    RecalledTaken,
    ReconcileResult,
    Suggestion,
    Totals,
    Unbacked,
)

__all__ = [
    "CATEGORIES", "DEFAULT_THRESHOLD", "Category", "ChildResult", "Coverage", "DutyCheck", "ModeMismatch", "RecalledTaken",
    "ReconcileError", "ReconcileResult",
    "Suggestion", "Totals", "Unbacked", "parents", "reconcile", "reconcile_all",
]
