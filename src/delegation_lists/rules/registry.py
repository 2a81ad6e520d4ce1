"""The rule registry: a check function for each catalog rule code of the code table (problems/codes.py).

A rule reports each problem on one file, and reads for it only that file, the other lists of the same
jurisdiction, the lists of the jurisdictions above, and the region files - never the lists of the jurisdictions
below. Incremental re-validation and sharded checking (check/) rely on this; tests/test_invariants.py proves it
for every registered rule.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..problems import CODES, Problem, Selection, Severity

if TYPE_CHECKING:
    from ..catalog import Catalog

Check = Callable[["Catalog"], Iterable[Problem]]


@dataclass(frozen=True)
class Rule:
    """A code of the code table with its documentation and, for catalog rules, its check."""

    code: str
    name: str
    severity: Severity
    family: str
    doc: str
    doc_zh: str
    check: Check | None = None

    @property
    def summary(self) -> str:
        return " ".join(self.doc.split("\n\n", 1)[0].split())


RULES: dict[str, Rule] = {
    c.code: Rule(c.code, c.name, c.severity, c.family, inspect.cleandoc(c.doc_en), c.doc_zh) for c in CODES.values() if c.doc_en
}


def rule(code: str) -> Callable[[Check], Check]:
    """Decorator: the check of catalog rule `code` (a row of problems/codes.py); its docstring is its English
    documentation."""
    info = CODES[code]

    def wrap(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} registered twice")
        RULES[code] = Rule(code, info.name, info.severity, info.family, inspect.getdoc(check) or info.name, info.doc_zh, check)
        return check

    return wrap


def checks(selection: Selection) -> Iterator[Rule]:
    """The enabled rules that have a check function, in code order."""
    for code in sorted(RULES):
        r = RULES[code]
        if r.check is not None and selection.enabled(code):
            yield r
