"""Project settings: `[tool.dlists]` in pyproject.toml, or a dlists.toml, found from the current folder up."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..problems import MessageError, msg


class ConfigError(MessageError):
    """A settings file that cannot be used (exit code 2)."""


@dataclass
class Config:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    strict: bool = False
    encoding: str | None = None
    lang: str | None = None  # zh | en (default: the locale)
    cache_dir: str | None = None  # a parse-cache folder, relative to the settings file (default: the user cache)
    source: Path | None = None  # the file the settings came from


KEYS = {"select": list, "ignore": list, "exclude": list, "strict": bool, "encoding": str, "lang": str, "cache-dir": str}


def _table(path: Path) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(msg("cli.settings.unreadable", path=path, reason=exc)) from None
    table: Any = data.get("tool", {}).get("dlists", data if path.name == "dlists.toml" else None)
    if table is not None and not isinstance(table, dict):
        raise ConfigError(msg("cli.settings.not_table", path=path))
    return table


def find_config(start: Path | None = None) -> Config:
    """The first dlists.toml or pyproject.toml with a [tool.dlists] table, from `start` up."""
    start = (start or Path.cwd()).resolve()
    for folder in [start, *start.parents]:
        for name in ("dlists.toml", "pyproject.toml"):
            path = folder / name
            if path.is_file():
                table = _table(path)
                if table is not None:
                    return _config(table, path)
    return Config()


def _config(table: dict[str, Any], path: Path) -> Config:
    for key, value in table.items():
        if key not in KEYS:
            raise ConfigError(msg("cli.settings.unknown", path=path, key=key, known=", ".join(KEYS)))
        if not isinstance(value, KEYS[key]):
            raise ConfigError(msg("cli.settings.type", path=path, key=key, type=f"cli.settings.{KEYS[key].__name__}"))
    folder = path.parent.resolve()
    if "cache-dir" in table and not (folder / table["cache-dir"]).resolve().is_relative_to(folder):
        # a settings file comes with the repository (a pull request's): it never sends a write out of it
        raise ConfigError(msg("cli.settings.cache_outside", path=path, folder=folder))
    return Config(source=path, **{k.replace('-', '_'): v for k, v in table.items()})
