"""The invariant incremental re-validation and sharded checking rest on: no rule reads the lists of the
jurisdictions below the one it reports on. For every registered rule and every jurisdiction J of several
catalogs, the problems on J's files are the same with and without the lists of J's descendants; and a rule
that does read below is caught by the same harness."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import CASES, CATALOGS, ROOT
from delegation_lists.catalog import Catalog
from delegation_lists.check.run import run_rules
from delegation_lists.load.discover import discover
from delegation_lists.load.document import Document
from delegation_lists.load.many import load_documents
from delegation_lists.problems import Problem, Selection, msg
from delegation_lists.rules import RULES
from delegation_lists.rules.registry import Rule

DAY = dt.date(2025, 1, 1)


@pytest.fixture(scope="module")
def province(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("prov") / "p"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--counties", "3", "--townships", "4",
                    "--county-items", "60", "--plant", "4", "--seed", "3", "-o", str(out)], check=True, capture_output=True)
    return out


def _docs(root: Path) -> list[Document]:
    return load_documents(discover([root]).targets)


def _below(cat: Catalog, code: str) -> set[str]:
    out, todo = set(), list(cat.places[code].children)
    while todo:
        c = todo.pop()
        out.add(c)
        todo += cat.places[c].children
    return out


def _key(p: Problem) -> tuple[object, ...]:
    return (p.code, p.file, p.loc, p.message)


def violations(docs: list[Document], selection: Selection) -> Iterator[str]:
    """For each jurisdiction with children: the problems on its files that change when the lists of its
    descendants are dropped."""
    full = Catalog.build(docs, DAY)
    everything = run_rules(full, selection)
    for code in sorted(c for c, p in full.places.items() if p.children):
        below = _below(full, code)
        mine = {d.file for d in docs if d.header is not None and d.header.jurisdiction == code}
        kept = [d for d in docs if d.header is None or d.header.jurisdiction not in below]
        alone = run_rules(Catalog.build(kept, DAY), selection)
        before = sorted(_key(p) for p in everything if p.file in mine)
        after = sorted(_key(p) for p in alone if p.file in mine)
        if before != after:
            yield f"{code}: {len(before)} problems with the lists below, {len(after)} without"


@pytest.mark.parametrize("code", sorted(c for c, r in RULES.items() if r.check is not None))
def test_no_rule_reads_the_lists_below(code: str, province: Path) -> None:
    selection = Selection({code})
    for root in (CATALOGS / "xunyang", CASES / "all-rules" / "input", CASES / "villages-township" / "input", province):
        docs = _docs(root)
        assert sum(1 for d in docs if d.header is not None) >= 5, root  # the harness has lists to drop
        assert list(violations(docs, selection)) == [], root


def test_a_rule_that_reads_below_is_caught(monkeypatch: pytest.MonkeyPatch) -> None:
    """A throwaway rule reporting on county items that some township takes on (it reads the townships' lists)."""

    def taken_below(cat: Catalog) -> Iterator[Problem]:
        taken = {e.source.code for e in cat.sourced if e.source is not None}
        for e in cat.entries:
            if e.raw.source is None and e.code in taken:
                yield e.problem("DL101", msg("DL206"), "code")

    rule = Rule("DL101", "duplicate-code", "error", "items", "test", "测试", taken_below)
    monkeypatch.setitem(RULES, "DL101", rule)
    found = list(violations(_docs(CATALOGS / "xunyang"), Selection({"DL101"})))
    assert found and found[0].startswith("610928")
