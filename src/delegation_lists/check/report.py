"""The result of a validation run: the problems found, what was checked, and the texts to show lines from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..problems import Problem


@dataclass
class Report:
    """The result of a validation run."""

    problems: list[Problem]
    files: int
    items: int
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # file -> text, for showing source lines

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0}
        for p in self.problems:
            out[p.severity] += 1
        return out

    def failed(self, strict: bool = False) -> bool:
        c = self.counts()
        return bool(c["error"] or (strict and c["warning"]))
