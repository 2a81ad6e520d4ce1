"""The Problem record: everything wrong in the data is one of these (spec §3)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from .message import Lang, Message

Loc = tuple[str | int, ...]
Severity = Literal["error", "warning"]
ERROR: Severity = "error"
WARNING: Severity = "warning"
SEVERITIES: tuple[Severity, ...] = (ERROR, WARNING)


def format_path(loc: Loc) -> str:
    """`("items", 3, "promised_days")` -> `items[3].promised_days`."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True, slots=True)
class Related:
    """Another place a problem concerns (the first of two duplicates): a file and a path, located like problems."""

    file: str
    loc: Loc = ()
    line: int = 0
    column: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "line": self.line, "column": self.column, "path": format_path(self.loc)}


@dataclass(frozen=True, slots=True)
class Problem:
    """One located problem. `line`/`column` are 1-based; 0 means "not located yet" (or a whole-file problem)."""

    code: str
    severity: Severity
    file: str
    message: Message
    loc: Loc = ()
    item: str | None = None
    line: int = 0
    column: int = 0
    at_key: bool = field(default=False, compare=False)  # locate the key rather than its value
    related: tuple[Related, ...] = ()  # the other half (SARIF relatedLocations; `related` in JSON)

    def text(self, lang: Lang | None = None) -> str:
        """The message in `lang` (default: the language in use)."""
        return self.message.text(lang)

    @property
    def path(self) -> str:
        return format_path(self.loc)

    def sort_key(self) -> tuple[str, int, int, str, Message]:
        return (self.file, self.line, self.column, self.code, self.message)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "item": self.item,
            "message": self.message.text(),
            **({"related": [r.to_dict() for r in self.related]} if self.related else {}),
        }


def by_file(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    """Problems grouped by file, each file's in the order given."""
    out: dict[str, list[Problem]] = {}
    for p in problems:
        out.setdefault(p.file, []).append(p)
    return out
