"""Loader failures and the codes they carry; registered so `dlists rules` documents them."""

from __future__ import annotations

from ..rules.registry import define


class LoadError(Exception):
    """A file that cannot be read as a catalog document, with its location (1-based; 0 if unknown)."""

    def __init__(self, code: str, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.code, self.message, self.line, self.column = code, message, line, column


define("DL001", "yaml-syntax", "error", "load", """
    The file is not well-formed YAML (bad indentation, a tab in indentation, an unclosed bracket or quote...).

    The message says what the parser expected and points at the first character it could not read.
""")
define("DL002", "duplicate-key", "error", "load", """
    A key appears twice in one mapping.

    YAML loaders silently keep the last value, so one of the two is lost; the problem points at the second key.
""")
define("DL003", "encoding", "error", "load", """
    The file is not UTF-8 text.

    Files saved by Excel or Notepad on Chinese Windows are often GBK/GB18030: re-save them as UTF-8, or read
    them as they are with `--encoding gbk`. A UTF-8 byte-order mark is accepted.
""")
define("DL004", "alias-limit", "error", "load", """
    YAML aliases expand to too much data, or an alias refers to itself.

    Anchors and aliases (`&a` / `*a`) are allowed for sharing a block, but a "billion laughs" file that
    expands exponentially is refused quickly instead of exhausting memory.
""")
define("DL005", "document-shape", "error", "load", """
    The file is not one catalog document: it is empty, holds several documents, is not a mapping, or has
    neither a `region:` nor a `list:` key at the top.
""")
define("DL006", "unsupported-yaml", "error", "load", """
    The file uses a YAML feature catalogs do not allow: custom tags (`!foo`), sets, complex (non-scalar) keys,
    or nesting deeper than the loader accepts.
""")
define("DL007", "unreadable", "error", "load", """
    The file cannot be read at all (permissions, a folder where a file was expected, a vanished file).
""")
