"""The command line: help for every command, formats, exit codes, settings, no tracebacks."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CASES, CATALOGS, ROOT
from delegation_lists.cli import COMMANDS as REGISTRY

BAD = CASES / "dl103-promised-over-statutory" / "input"
WARN = CASES / "dl102-duplicate-name" / "input"
COMMANDS = sorted(REGISTRY)


def test_every_command_has_help_and_docs(dlists):
    assert {"validate", "rules", "schema"} <= set(COMMANDS)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        result = dlists(name, "--help")
        assert result.exit_code == 0, name
        assert "Usage" in result.output
        assert f"dlists {name}" in readme, f"README does not document `dlists {name}`"


def test_text_format_shows_source_line(dlists):
    result = dlists("validate", BAD)
    assert result.exit_code == 1
    assert "county.yaml:15:20" in result.output and "DL103" in result.output
    assert "promised_days: 30" in result.output and "^" in result.output
    assert "1 error" in result.output


def test_json_format(dlists):
    result = dlists("validate", BAD, "--format", "json")
    data = json.loads(result.stdout)
    assert result.exit_code == 1
    assert data["counts"]["error"] == 1 and data["problems"][0]["code"] == "DL103"


def test_github_format_auto(dlists):
    result = dlists("validate", BAD, env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    line = result.stdout.strip().splitlines()[0]
    assert line.startswith("::error file=") and ",line=15,col=20,title=DL103" in line


def test_sarif_format(dlists, tmp_path: Path):
    out = tmp_path / "report.sarif"
    result = dlists("validate", BAD, "--format", "sarif", "-o", out)
    log = json.loads(out.read_text(encoding="utf-8"))
    assert result.exit_code == 1 and log["version"] == "2.1.0"
    (res,) = log["runs"][0]["results"]
    assert res["ruleId"] == "DL103" and res["locations"][0]["physicalLocation"]["region"]["startLine"] == 15


def test_exit_codes(dlists):
    assert dlists("validate", CATALOGS).exit_code == 0
    assert dlists("validate", BAD).exit_code == 1
    assert dlists("validate", WARN).exit_code == 0
    assert dlists("validate", WARN, "--strict").exit_code == 1
    assert dlists("validate", "no/such/folder").exit_code == 2
    assert dlists("validate", BAD, "--format", "xml").exit_code == 2
    assert dlists("validate", BAD, "--select", "NOPE").exit_code == 2


def test_select_and_ignore(dlists):
    assert dlists("validate", BAD, "--ignore", "DL103").exit_code == 0
    assert dlists("validate", BAD, "--ignore", "promised-over-statutory").exit_code == 0
    assert dlists("validate", BAD, "--select", "DL2").exit_code == 0
    assert dlists("validate", BAD, "--select", "DL1").exit_code == 1


def test_pyproject_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dlists):
    (tmp_path / "pyproject.toml").write_text('[tool.dlists]\nignore = ["DL103"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert dlists("validate", BAD).exit_code == 0
    (tmp_path / "pyproject.toml").write_text('[tool.dlists]\nignor = ["DL103"]\n', encoding="utf-8")
    result = dlists("validate", BAD)
    assert result.exit_code == 2 and "unknown setting" in result.output


def test_waiver_needs_reason(tmp_path: Path, dlists):
    case = tmp_path / "c"
    case.mkdir()
    for f in (CASES / "waiver" / "input").iterdir():
        (case / f.name).write_text(f.read_text(encoding="utf-8").replace("waive: {DL104: 依据待省级目录公布后补录}", "waive: [DL104]"), encoding="utf-8")
    result = dlists("validate", case, "--format", "json")
    assert [p["code"] for p in json.loads(result.stdout)["problems"]] == ["DL012"]


def test_rules_and_schema(dlists):
    result = dlists("rules")
    assert result.exit_code == 0 and "DL109" in result.output
    assert "行政拘留" in dlists("rules", "DL109").output
    assert json.loads(dlists("rules", "--format", "json").stdout)[0]["code"] == "DL001"
    schema = json.loads(dlists("schema", "list").stdout)
    assert "licensing" in json.dumps(schema, ensure_ascii=False) and "行政许可" in json.dumps(schema, ensure_ascii=False)
    assert dlists("schema", "nope").exit_code == 2


def test_committed_schemas_are_current(dlists):
    for kind in ("list", "region"):
        committed = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert committed == json.loads(dlists("schema", kind).stdout), "run `dlists schema --out-dir schemas`"


def test_no_traceback_on_bad_input(tmp_path: Path):
    """As a user runs it: a process, every loader failure case, never a traceback."""
    for case in sorted(CASES.glob("dl00*/input")):
        proc = subprocess.run([sys.executable, "-m", "delegation_lists", "validate", str(case)], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode == 1, case
        assert "Traceback" not in proc.stdout + proc.stderr
    proc = subprocess.run([sys.executable, "-m", "delegation_lists", "validate", str(tmp_path / "missing")], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "no such file" in proc.stderr


def test_single_file_uses_catalog_context(dlists):
    """A township file alone is checked against its county (found through region.yaml above it)."""
    result = dlists("validate", CATALOGS / "xunyang" / "townships" / "zhaowan.yaml")
    assert result.exit_code == 0, result.output
    assert "1 file" in result.output


def test_version(dlists):
    from delegation_lists import __version__
    from delegation_lists.load.yaml.parse import backend

    result = dlists("--version")
    assert result.exit_code == 0 and result.stdout.strip() == f"dlists {__version__} (YAML: {backend()})"
    assert "libyaml" in result.stdout  # the C parser is there (and rapidyaml in front of it when installed)


def test_text_report_to_file(tmp_path: Path, dlists):
    out = tmp_path / "report.txt"
    result = dlists("validate", CASES / "all-rules" / "input", "-o", out)
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "error DL101" in text and "\x1b[" not in text  # the problems, without colour codes
    assert "error DL101" not in result.stdout  # not on the terminal


def test_unknown_encoding_is_a_usage_error(dlists):
    result = dlists("validate", CATALOGS / "xunyang", "--encoding", "nosuch")
    assert result.exit_code == 2 and "unknown encoding" in result.output


def test_github_paths_relative_to_the_workspace(dlists, tmp_path: Path, monkeypatch):
    """Run from a subfolder of the checkout (or given absolute paths), the annotations still name the files as
    the pull request does: relative to GITHUB_WORKSPACE. Outside it, paths stay as given."""
    repo = tmp_path / "repo"
    shutil.copytree(BAD.parent if BAD.is_file() else BAD, repo / "catalogs" / "bad")
    monkeypatch.chdir(repo / "catalogs")
    result = dlists("validate", "bad", "--format", "github", env={"GITHUB_WORKSPACE": str(repo)})
    assert result.exit_code == 1
    assert result.stdout.startswith("::error file=catalogs/bad/"), result.stdout
    absolute = dlists("validate", repo / "catalogs" / "bad", "--format", "sarif", env={"GITHUB_WORKSPACE": str(repo)})
    uri = json.loads(absolute.stdout)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.startswith("catalogs/bad/")
    elsewhere = dlists("validate", "bad", "--format", "github", env={"GITHUB_WORKSPACE": str(tmp_path / "other")})
    assert elsewhere.stdout.startswith("::error file=bad/")
