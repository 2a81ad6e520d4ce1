"""What every reader returns: a `Table` of rows of cells, each row with its number and, where the file has them,
its page; `ReadError` when a file cannot be read; `need` for a reader whose library is an extra."""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

from ..said import Said, Text, msg


class ReadError(Said):
    """The file cannot be read as a table (wrong format, corrupt, unreadable, a reader not installed): a catalogue
    message and the file (set by `read_tables` when the reader did not)."""


@dataclass
class Table:
    """One sheet, one Word table (with the paragraphs around it) or one PDF table across its pages: rows of
    cells with their 1-based row numbers. Merged cells hold their value in every position they cover."""

    name: str
    rows: list[tuple[int, list[Any]]]
    header: list[str] | None = None  # JSON: the keys are the header
    jurisdiction: str | None = None  # from a dlists export's document properties
    jurisdiction_name: str | None = None
    notes: list[Text] = field(default_factory=list)
    places: dict[int, str] = field(default_factory=dict)  # row number -> where it is, when not '{name} 第{row}行'
    kind: str = "sheet"  # sheet | word | pdf | file | layout (a dlists export's layout sheet)

    def place(self, row: int) -> str:
        """Where row `row` is, as an analyst finds it: 'Sheet1 第12行', '表1 第3行', '第2页 第40行'."""
        return self.places.get(row) or f"{self.name} 第{row}行"


#: extra -> what it installs, for the message when a reader's library is missing
EXTRAS = {"xls": "python-calamine", "docx": "python-docx", "pdf": "pdfplumber"}


def need(module: str, extra: str, what: str) -> ModuleType:
    """Import a reader's library, or say which extra installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise ReadError(msg("import.read.extra", what=what, package=EXTRAS[extra], extra=extra)) from None
