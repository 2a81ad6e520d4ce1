"""Loader failures: a file that cannot be read as a catalog document, with the code and place (problems/codes.py
documents the codes)."""

from __future__ import annotations

from ..problems.message import Message


class LoadError(Exception):
    """A file that cannot be read as a catalog document, with its location (1-based; 0 if unknown)."""

    def __init__(self, code: str, message: Message, line: int = 0, column: int = 0) -> None:
        super().__init__(message.text("en"))
        self.code, self.message, self.line, self.column = code, message, line, column
