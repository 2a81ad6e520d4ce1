"""The path errors of every command (load/discover.py) speak the user's language: a symbolic link out of the
catalog, a path that is not there, a folder with nothing to check, a FIFO."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REGION = 'region: {code: "610928", name: 旬阳市, level: county}\n'


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_path_errors_in_the_language_in_use(tmp_path: Path, dlists, lang: str) -> None:  # type: ignore[no-untyped-def]
    catalog = tmp_path / "cat"
    catalog.mkdir()
    (catalog / "region.yaml").write_text(REGION, encoding="utf-8")
    (tmp_path / "secret.yaml").write_text("x: 1\n", encoding="utf-8")
    (catalog / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (tmp_path / "empty").mkdir()
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    said = {
        "link": dlists("--lang", lang, "validate", catalog),
        "missing": dlists("--lang", lang, "validate", tmp_path / "nope"),
        "nothing": dlists("--lang", lang, "stats", tmp_path / "empty"),
        "fifo": dlists("--lang", lang, "validate", fifo),
    }
    want = {"zh": {"link": "符号链接", "missing": "没有这个文件或文件夹", "nothing": "没有可检查的文件", "fifo": "不是普通文件"},
            "en": {"link": "outside the catalog folder", "missing": "no such file or folder", "nothing": "nothing to check",
                   "fifo": "not a regular file"}}[lang]
    for case, result in said.items():
        assert result.exit_code == 2, (case, result.output)
        assert want[case] in result.output and "Traceback" not in result.output, (case, result.output)


def test_a_list_whose_every_item_fails_stops_the_export(tmp_path: Path, dlists) -> None:  # type: ignore[no-untyped-def]
    """A list file of an exported jurisdiction whose only item fails its schema (a kind mistyped) shows nothing
    in the export: its item would be missing from the published list without a word. Its error stops the export
    like any other in the lists published (it was counted as "in files not exported")."""
    import shutil

    from conftest import CATALOGS

    catalog = tmp_path / "xunyang"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    (catalog / "county" / "more.yaml").write_text(
        'list: {jurisdiction: "610928", level: county}\n'
        "items: [{code: 610928-XK-9001, name: 某某许可, kind: 许可类, department: 市场监管局, legal_basis: [《某法》]}]\n",
        encoding="utf-8")
    out = tmp_path / "out.xlsx"
    result = dlists("export", catalog, "-o", out)
    assert result.exit_code == 1, result.output
    assert "more.yaml" in result.output and not out.exists()
    other = dlists("export", catalog, "-o", out, "-j", "610928104")  # another jurisdiction chosen: not in its way
    assert other.exit_code in (0, 1) and "more.yaml" not in other.output


def test_a_file_over_the_limit_is_said_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    """DL007 for a file over the size limit: the whole message in Chinese (the reason was English inside it)."""
    from conftest import CATALOGS
    from delegation_lists.load import document

    monkeypatch.setattr(document, "MAX_FILE", 100)
    doc = document.read_document(CATALOGS / "xunyang" / "region.yaml", "region.yaml")
    (problem,) = doc.problems
    assert problem.code == "DL007" and "超过上限 100 字节" in problem.text("zh") and "bytes" not in problem.text("zh")
    assert "over the limit of 100" in problem.text("en")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_git_revision_errors_in_the_language_in_use(tmp_path: Path, dlists, lang: str,  # type: ignore[no-untyped-def]
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        pytest.skip("git not installed")
    monkeypatch.chdir(tmp_path)
    outside = dlists("--lang", lang, "diff", "HEAD:catalogs", "HEAD~1:catalogs")
    repo = tmp_path / "repo"
    (repo / "catalogs").mkdir(parents=True)
    (repo / "catalogs" / "region.yaml").write_text(REGION, encoding="utf-8")
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@t"}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "base"]):
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)
    monkeypatch.chdir(repo)
    said = {"outside": outside, "revision": dlists("--lang", lang, "diff", "nope:catalogs", "HEAD:catalogs"),
            "files": dlists("--lang", lang, "diff", "HEAD:elsewhere", "HEAD:catalogs")}
    want = {"zh": {"outside": "不在 git 仓库中", "revision": "不是本仓库的版本", "files": "没有清单文件"},
            "en": {"outside": "not inside a git repository", "revision": "is not a revision", "files": "no catalog files"}}[lang]
    for case, result in said.items():
        assert result.exit_code == 2 and want[case] in result.output and "Traceback" not in result.output, (case, result.output)
