"""What the root options set for the command that runs (kept apart from common.py so that `dlists --version`
and the root's help import nothing heavy)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class State:
    debug: bool = False
    lang: str | None = None  # `dlists --lang zh COMMAND`
    argv: list[str] = field(default_factory=list)  # the words after `dlists`, as given (speech.py reads `--lang`)


LANG_HELP = r"Language of messages, headers and labels: zh | en (default: `lang` in the \[tool.dlists] table of dlists.toml or pyproject.toml, else the locale: LANG=zh_CN.UTF-8 gives zh)."

state = State()
