"""The message catalogue: every problem message template, by key, in English and Chinese.

A key is a code (`DL103`) or a code and a variant (`DL001.tab`), or a message of `dlists import` (`import.…`), of a path
(`path.…`) or of a command (`cli.…`). Templates use `{name}` for an argument and
`{name|filter}` for a coded value shown as the language names it (problems/message.py). One module per family
of codes; `tests/test_messages.py` walks them all in both languages.
"""

from __future__ import annotations

from .cli import CLI
from .importer import IMPORT
from .load import LOAD
from .records import RECORDS
from .rules import RULES
from .schema import SCHEMA

#: key -> (English, Chinese)
TEMPLATES: dict[str, tuple[str, str]] = {**LOAD, **SCHEMA, **RULES, **RECORDS, **IMPORT, **CLI}
