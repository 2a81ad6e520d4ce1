"""Every case folder: validating `input/` gives exactly the problems of `expected.yaml` (code, file, line, column),
and where an expected problem pins `zh:` or `en:`, its message in that language holds that fragment."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from conftest import CASES
from delegation_lists.check import validate

CASE_DIRS = sorted(p for p in CASES.iterdir() if (p / "expected.yaml").is_file())


def _key(p: dict) -> tuple:  # type: ignore[type-arg]
    return (p["code"], p["file"], p["line"], p["column"])


@pytest.mark.parametrize("backend", ["default", "pyyaml"])
@pytest.mark.parametrize("case", CASE_DIRS, ids=[p.name for p in CASE_DIRS])
def test_case(case, backend, monkeypatch):  # type: ignore[no-untyped-def]
    """Under the default parser (the fast one when installed) and under the PyYAML path alone."""
    if backend == "pyyaml":
        monkeypatch.setattr("delegation_lists.load.yaml.parse.FAST", False)
    expected = yaml.safe_load((case / "expected.yaml").read_text(encoding="utf-8"))["problems"]
    report = validate([case / "input"], as_of=dt.date(2025, 1, 1))
    got = [{"code": p.code, "file": p.file.rsplit("/", 1)[-1], "line": p.line, "column": p.column} for p in report.problems]
    assert sorted(map(_key, got)) == sorted(map(_key, expected))
    texts = {_key(g): p for g, p in zip(got, report.problems, strict=True)}
    for want in expected:
        for lang in ("zh", "en"):
            if lang in want:
                assert want[lang] in texts[_key(want)].text(lang), (want, texts[_key(want)].text(lang))


def test_every_rule_has_a_case():
    from delegation_lists.rules import RULES

    covered = {p.name.split("-")[0].upper() for p in CASE_DIRS}  # a case named after its rule, or one expecting it
    covered |= {want["code"] for p in CASE_DIRS
                for want in yaml.safe_load((p / "expected.yaml").read_text(encoding="utf-8"))["problems"]}
    missing = sorted(code for code in RULES if code not in covered and code != "DL007")
    assert missing == []


def test_problem_fields_complete():
    report = validate([CASES / "dl103-promised-over-statutory" / "input"])
    (p,) = report.problems
    assert p.to_dict() == {
        "code": "DL103", "severity": "error", "file": p.file, "line": 15, "column": 20,
        "path": "items[1].promised_days", "item": "C-2", "message": "promised_days (30) exceeds statutory_days (20)",
    }


def test_all_rules_catalog_reports_each_rule_once():
    """The hand-made catalog with one of each problem: every catalog rule exactly once, exit 1."""
    from delegation_lists.rules import RULES

    report = validate([CASES / "all-rules" / "input"], as_of=dt.date(2025, 1, 1))
    codes = [p.code for p in report.problems]
    assert sorted(codes) == sorted(c for c, r in RULES.items() if r.check is not None and r.family not in ("duties", "records", "villages"))
    assert report.failed()


def test_duties_catalog_reports_each_duty_rule():
    """The hand-made county with a guide and two townships: every duty rule, each variant once."""
    from delegation_lists.rules import RULES

    report = validate([CASES / "duties-county" / "input"], as_of=dt.date(2025, 1, 1))
    codes = sorted(p.code for p in report.problems)
    duty_rules = sorted(c for c, r in RULES.items() if r.family == "duties")
    assert sorted(set(codes)) == duty_rules
    keys = [p.message.key for p in report.problems]
    assert len(keys) == len(set(keys))  # one problem per rule and variant


def test_villages_catalog_reports_each_village_rule():
    """The hand-made township with a guide for its villages and two villages: every village rule, each variant
    once; DL304 (a required guide entry missing) for a village too; nothing else."""
    from delegation_lists.rules import RULES

    report = validate([CASES / "villages-township" / "input"], as_of=dt.date(2025, 1, 1))
    village_rules = sorted(c for c, r in RULES.items() if r.family == "villages")
    assert sorted({p.code for p in report.problems}) == sorted([*village_rules, "DL304"])
    keys = [p.message.key for p in report.problems]
    assert len(keys) == len(set(keys))
