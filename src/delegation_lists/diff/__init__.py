"""`diff`: two versions of a catalog, item by item and field by field (spec §4). Returns data; never prints.

Items are matched by (jurisdiction, code) (changes.py); region changes, the delegation impact on each township
(impact.py) and duty entries placed in another part (duties.py) come with them. A large catalog is compared
part by part (parts.py: `compare`); `diff` compares two versions loaded whole, as one part (part.py, join.py).
"""


from __future__ import annotations

from .fields import Options, field_changes
from .impact import impact
from .join import diff
from .lines import item_lines
from .parts import Compared, compare
from .results import TYPES, BrokenFile, Change, ChangeType, DiffResult, DutyMove, FieldChange, ModeChange, Summary, TargetImpact
from .side import Side, load_side, load_sides

__all__ = [
    "TYPES", "BrokenFile", "Change", "ChangeType", "Compared", "DiffResult", "DutyMove", "FieldChange", "ModeChange", "Options", "Side",
    "Summary", "TargetImpact", "compare", "diff", "field_changes", "impact", "item_lines", "load_side", "load_sides",
]
