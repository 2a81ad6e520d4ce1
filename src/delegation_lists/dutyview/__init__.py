"""Duty lists seen across townships: counts per part, the department view, inconsistencies (data only)."""

from .counts import NATIONAL, DutyCounts, average, duty_counts, township_rows, village_rows
from .view import DepartmentDuties, DutyPart, DutyRef, DutyView, Inconsistent, Outlier, duty_part, duty_view, merge_duty_parts
from .villages import AssistWork, Carrier, TownshipVillages, village_view

__all__ = ["NATIONAL", "AssistWork", "Carrier", "DepartmentDuties", "DutyCounts", "DutyPart", "DutyRef", "DutyView", "Inconsistent",
           "Outlier", "TownshipVillages", "average", "duty_counts", "duty_part", "duty_view", "merge_duty_parts", "township_rows", "village_rows", "village_view"]
