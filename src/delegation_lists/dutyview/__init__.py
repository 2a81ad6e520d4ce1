"""Duty lists seen across townships: counts per part, the department view, inconsistencies (data only)."""

from .counts import NATIONAL, DutyCounts, average, duty_counts
from .view import DepartmentDuties, DutyRef, DutyView, Inconsistent, Outlier, duty_view

__all__ = ["NATIONAL", "DepartmentDuties", "DutyCounts", "DutyRef", "DutyView", "Inconsistent", "Outlier", "average",
           "duty_counts", "duty_view"]
