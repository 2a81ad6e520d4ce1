"""The rule registry: stable codes, names, severities and documentation; selection and waivers.

Loader and schema problems are registered here too (with no check function), so that `dlists rules` lists
every code a user can meet and every code can be selected or ignored the same way.

A rule reports each problem on one file, and reads for it only that file, the other lists of the same
jurisdiction, the lists of the jurisdictions above, and the region files - never the lists of the jurisdictions
below. Incremental re-validation (incremental.py) relies on this: keep it when adding a rule, or make
`incremental.recheck` re-check more.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .problem import SEVERITIES, Loc, Problem

if TYPE_CHECKING:
    from ..catalog import Catalog

Check = Callable[["Catalog"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str
    family: str
    doc: str
    check: Check | None = None

    @property
    def summary(self) -> str:
        return " ".join(self.doc.split("\n\n", 1)[0].split())


RULES: dict[str, Rule] = {}


def _register(rule: Rule) -> None:
    if rule.code in RULES:
        raise ValueError(f"rule code {rule.code} registered twice")
    if rule.severity not in SEVERITIES:
        raise ValueError(f"rule {rule.code}: bad severity {rule.severity}")
    RULES[rule.code] = rule


def define(code: str, name: str, severity: str, family: str, doc: str) -> None:
    """Register a code that the loader or the schema check reports."""
    _register(Rule(code, name, severity, family, inspect.cleandoc(doc)))


def rule(code: str, name: str, severity: str, family: str) -> Callable[[Check], Check]:
    """Decorator: register a catalog rule; its docstring is its documentation."""

    def wrap(check: Check) -> Check:
        _register(Rule(code, name, severity, family, inspect.getdoc(check) or name, check))
        return check

    return wrap


def problem(code: str, file: str, message: str, loc: Loc = (), **extra: Any) -> Problem:
    """Build a Problem with the severity registered for `code`."""
    return Problem(code, RULES[code].severity, file, message, loc, **extra)


@dataclass
class Selection:
    """Which codes run: `select` (None = all) minus `ignore`; entries may be prefixes (`DL1`) or names."""

    select: set[str] | None = None
    ignore: set[str] = field(default_factory=set)

    @staticmethod
    def _matches(code: str, patterns: Iterable[str]) -> bool:
        name = RULES[code].name if code in RULES else ""
        return any(code.startswith(p.upper()) or p == name for p in patterns)

    def enabled(self, code: str) -> bool:
        if self.select is not None and not self._matches(code, self.select):
            return False
        return not self._matches(code, self.ignore)

    def unknown(self) -> list[str]:
        """Patterns that match no registered code (reported as a usage error)."""
        pats = (self.select or set()) | self.ignore
        return sorted(p for p in pats if not any(self._matches(c, [p]) for c in RULES))


def checks(selection: Selection) -> Iterator[Rule]:
    """The enabled rules that have a check function, in code order."""
    for code in sorted(RULES):
        r = RULES[code]
        if r.check is not None and selection.enabled(code):
            yield r
