"""What the import says: catalogue messages (problems/templates/importer.py), rendered in the language in use
when shown. `Text` is a message or, from code that has not moved to the catalogue yet, plain text."""

from __future__ import annotations

from ..problems import Message, msg

Text = Message | str

__all__ = ["Message", "Said", "Text", "msg", "text"]


def text(said: Text) -> str:
    """The words of a message in the language in use."""
    return said.text() if isinstance(said, Message) else said


class Said(Exception):
    """An error whose words are a catalogue message, shown with the file it is about (when it names one)."""

    def __init__(self, message: Text, file: object = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file

    def __str__(self) -> str:
        words = text(self.message)
        return f"{self.file}: {words}" if self.file else words
