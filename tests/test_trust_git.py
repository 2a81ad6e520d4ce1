"""`REV:PATH` on a hostile pull request (issue 13): names with newlines, submodules named *.yaml, huge blobs, typo'd
revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CATALOGS

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git not installed")


def _git(repo: Path, *args: str) -> str:
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t",
           "HOME": str(repo), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout.strip()


def _repo(tmp_path: Path) -> tuple[Path, str]:
    repo = tmp_path / "repo"
    shutil.copytree(CATALOGS / "xunyang", repo / "catalogs")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "base")
    return repo, _git(repo, "rev-parse", "HEAD")


def _diff(dlists, repo: Path, monkeypatch: pytest.MonkeyPatch, *args: str):  # type: ignore[no-untyped-def]
    monkeypatch.chdir(repo)
    return dlists("diff", *args)


def test_a_newline_in_a_file_name_injects_nothing(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """A file named `zz-a\\n<base>:catalogs/county/powers.yaml` made `cat-file --batch` read the base version in
    place of the edited one, and the diff said "No differences"."""
    repo, base = _repo(tmp_path)
    powers = repo / "catalogs" / "county" / "powers.yaml"
    powers.write_text(powers.read_text(encoding="utf-8").replace("对扰乱公共秩序行为的处罚", "对扰乱秩序的处罚", 1), encoding="utf-8")
    (repo / "catalogs" / "zz-a.yaml").write_text("list: {jurisdiction: '610928'}\nitems: []\n", encoding="utf-8")
    planted = repo / "catalogs" / f"zz-a\n{base}:catalogs/county/powers.yaml"
    planted.parent.mkdir(parents=True)
    planted.write_text("x: 1\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "edit")
    result = _diff(dlists, repo, monkeypatch, f"{base}:catalogs", "HEAD:catalogs", "-f", "json", "--allow-broken")
    data = json.loads(result.stdout)
    changed = [c for c in data["changes"] if c.get("item") == "610928-CF-0005"]
    assert changed, result.stdout[:500]


def test_a_submodule_named_yaml_is_skipped(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    repo, base = _repo(tmp_path)
    _git(repo, "update-index", "--add", "--cacheinfo", f"160000,{base},catalogs/sub.yaml")
    _git(repo, "commit", "-qm", "gitlink")
    result = _diff(dlists, repo, monkeypatch, f"{base}:catalogs", "HEAD:catalogs")
    assert result.exit_code == 0, result.output
    assert "bug" not in result.output


def test_a_typo_in_the_revision_shows_what_git_says(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    repo, _ = _repo(tmp_path)
    result = _diff(dlists, repo, monkeypatch, "HEAD~7:catalogs", "HEAD:catalogs")
    assert result.exit_code == 2
    assert "HEAD~7" in result.output and "rev-parse failed" not in result.output


def test_an_option_as_revision_is_not_an_option(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    repo, _ = _repo(tmp_path)
    result = _diff(dlists, repo, monkeypatch, "--output=/tmp/x:catalogs", "HEAD:catalogs")
    assert result.exit_code == 2
    assert not Path("/tmp/x").exists() or Path("/tmp/x").stat().st_size > 0


def test_a_blob_over_the_limit_is_refused(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    import delegation_lists.load.git as git

    repo, _base = _repo(tmp_path)
    monkeypatch.setattr(git, "MAX_BLOB", 1600)
    docs = git.read_git("HEAD:catalogs", cwd=repo)
    big = [d for d in docs if d.problems and d.problems[0].code == "DL007"]
    assert big and all("over the limit" in d.problems[0].message.text("en") for d in big)
    assert any(not d.problems for d in docs)  # the small files are read


def test_a_file_name_that_is_not_utf8_is_refused_by_name(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """A name of GBK bytes reached the JSON (invalid UTF-8 on stdout) and crashed validate's state key."""
    repo, base = _repo(tmp_path)
    name = b"catalogs/townships/gbk\xd6\xd0.yaml"
    (repo / name.decode("utf-8", "surrogateescape")).write_bytes(b"list: {jurisdiction: '610928104'}\nitems: []\n")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "gbk name")
    result = _diff(dlists, repo, monkeypatch, f"{base}:catalogs", "HEAD:catalogs", "-f", "json")
    assert result.exit_code == 2 and result.stdout == ""
    assert "HEAD:catalogs/townships/gbk\\xd6\\xd0.yaml" in result.stderr and "UTF-8" in result.stderr
    for args in (["catalogs"], ["--no-cache", "catalogs", "-f", "json"]):
        walked = dlists("validate", *args)
        assert walked.exit_code == 2 and "gbk\\xd6\\xd0.yaml" in walked.stderr and "Traceback" not in walked.output


def test_a_hidden_file_in_the_tree_is_no_catalog_file(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    repo, base = _repo(tmp_path)
    (repo / "catalogs" / ".yamllint.yml").write_text("rules: {}\n", encoding="utf-8")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "hidden")
    result = _diff(dlists, repo, monkeypatch, f"{base}:catalogs", "HEAD:catalogs", "--exit-code")
    assert result.exit_code == 0, result.output
