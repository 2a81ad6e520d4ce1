"""Shared fixtures: paths, and the CLI through one runner."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from delegation_lists.cli import app

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"
CATALOGS = ROOT / "catalogs"
SHARED = ROOT.parent / "shared"


class Run:
    """Invoke `dlists ARGS...` in-process; returns the typer Result (exit_code, stdout, stderr)."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
        # no parse cache unless a test asks for it: runs stay independent of earlier runs and of the source tree
        return self.runner.invoke(app, [str(a) for a in args], env={"GITHUB_ACTIONS": "", "DLISTS_NO_CACHE": "1", **(env or {})})


@pytest.fixture(autouse=True, scope="session")
def _user_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The user cache folder (parse cache, its secret) of the test run: never the real one."""
    import os

    os.environ["DLISTS_CACHE_HOME"] = str(tmp_path_factory.mktemp("user-cache"))


@pytest.fixture
def dlists() -> Run:
    return Run()


@pytest.fixture(params=["calamine", "openpyxl"])
def xlsx_reader(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run the test with .xlsx values read by one reader alone: python-calamine, or openpyxl (the fallback when
    calamine is not installed). Both must give the same results."""
    from delegation_lists.importer.readers import xlsx

    if request.param == "calamine":
        pytest.importorskip("python_calamine")
    monkeypatch.setattr(xlsx, "ENGINES", (request.param,))
    return str(request.param)


def parse_outcome(text: str, use_fast: bool) -> tuple[str, Any]:
    """What one YAML path makes of `text`: ("data", (repr of the data, duplicates)) or ("error", (code, message,
    line, column)); repr, so that types count (1 vs True vs '1', dates, NaN)."""
    from delegation_lists.load.errors import LoadError
    from delegation_lists.load.yaml.parse import parse

    try:
        data, dups = parse(text, fast=use_fast)
    except LoadError as exc:
        return "error", (exc.code, exc.message, exc.line, exc.column)
    return "data", (repr(data), dups)


@contextlib.contextmanager
def yaml_backend(fast: bool) -> Iterator[None]:
    """Every parse in the block on the fast path (rapidyaml) or the PyYAML path."""
    from delegation_lists.load.yaml import parse as parse_module

    saved = parse_module.FAST
    parse_module.FAST = fast
    try:
        yield
    finally:
        parse_module.FAST = saved
