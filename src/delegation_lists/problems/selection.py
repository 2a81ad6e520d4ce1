"""Which codes a run reports: `select` (None = all) minus `ignore`; patterns are codes, prefixes or names."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .codes import CODES


@dataclass
class Selection:
    """Which codes run: `select` (None = all) minus `ignore`; entries may be prefixes (`DL1`) or names."""

    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)

    @staticmethod
    def _matches(code: str, patterns: Iterable[str]) -> bool:
        name = CODES[code].name if code in CODES else ""
        return any(code.startswith(p.upper()) or p == name for p in patterns)

    def enabled(self, code: str) -> bool:
        if self.select is not None and not self._matches(code, self.select):
            return False
        return not self._matches(code, self.ignore)

    def unknown(self) -> list[str]:
        """Patterns that match no code (reported as a usage error)."""
        pats = (self.select or set()) | self.ignore
        return sorted(p for p in pats if not any(self._matches(c, [p]) for c in CODES))
