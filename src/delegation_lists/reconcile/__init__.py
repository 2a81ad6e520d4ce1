"""`reconcile`: a parent's delegations against each child's list (spec §4), and suggestions for own items."""

from .reconcile import (
    CATEGORIES,
    DEFAULT_THRESHOLD,
    ChildResult,
    ReconcileError,
    ReconcileResult,
    parents,
    reconcile,
    reconcile_all,
)

__all__ = ["CATEGORIES", "DEFAULT_THRESHOLD", "ChildResult", "ReconcileError", "ReconcileResult", "parents", "reconcile", "reconcile_all"]
