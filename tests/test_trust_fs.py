"""Read only what is meant, print only what is there (issue 13): symlinks out of the catalog, FIFOs, unreadable
folders, huge files, a BOM before invalid bytes, nothing to check, exclude for named files, markup and terminal
escapes in names and values."""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS


def _copy(tmp_path: Path) -> Path:
    catalog = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    return catalog


def test_a_symlink_out_of_the_catalog_is_refused(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    catalog = _copy(tmp_path)
    secret = tmp_path / "secret.txt"
    secret.write_text("MYSECRET=hunter2\n", encoding="utf-8")
    (catalog / "env.yaml").symlink_to(secret)
    result = dlists("validate", catalog)
    assert result.exit_code == 2
    assert "hunter2" not in result.output and "outside the catalog folder" in result.output


def test_a_symlink_inside_the_catalog_is_read(tmp_path: Path, dlists):
    catalog = _copy(tmp_path)
    (catalog / "townships" / "alias.yml").symlink_to(catalog / "townships" / "zhaowan.yaml")
    assert dlists("validate", catalog).exit_code in (0, 1)


def test_a_fifo_is_never_opened(tmp_path: Path, dlists):
    catalog = _copy(tmp_path)
    fifo = catalog / "pipe.yaml"
    os.mkfifo(fifo)
    walked = dlists("validate", catalog)
    named = dlists("validate", fifo)
    assert walked.exit_code == 2 and named.exit_code == 2
    assert "not a regular file" in walked.output + named.output


def test_an_unreadable_folder_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from delegation_lists.load import discover

    catalog = _copy(tmp_path)

    def walk(folder, onerror=None):  # type: ignore[no-untyped-def]
        onerror(PermissionError(13, "Permission denied", str(catalog / "townships")))
        return iter(())

    monkeypatch.setattr(discover.os, "walk", walk)
    with pytest.raises(discover.PathError, match="cannot read folder"):
        discover.discover([catalog])


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from delegation_lists.load import document

    monkeypatch.setattr(document, "MAX_FILE", 100)
    doc = document.read_document(CATALOGS / "xunyang" / "region.yaml", "region.yaml")
    assert [p.code for p in doc.problems] == ["DL007"] and "over the limit" in doc.problems[0].text("en")


def test_a_file_is_read_whole_and_an_endless_one_only_to_the_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    import threading

    from delegation_lists.load import document

    text = (CATALOGS / "xunyang" / "region.yaml").read_bytes()
    assert document.read_bounded(CATALOGS / "xunyang" / "region.yaml") == text
    monkeypatch.setattr(document, "MAX_FILE", 1000)
    fifo = tmp_path / "endless.yaml"
    os.mkfifo(fifo)

    def feed() -> None:  # a writer that never stops on its own (a pipe reports size 0)
        with contextlib.suppress(BrokenPipeError), open(fifo, "wb") as out:
            while True:
                out.write(b"# more\n" * 100)

    threading.Thread(target=feed, daemon=True).start()
    with pytest.raises(document.LoadError, match="over the limit"):
        document.read_bounded(fifo)


def test_a_bom_then_an_invalid_byte_is_a_located_problem(tmp_path: Path, dlists):
    catalog = _copy(tmp_path)
    (catalog / "bad.yaml").write_bytes(b'\xef\xbb\xbflist:\n  jurisdiction: "\xff"\n')
    result = dlists("validate", catalog)
    assert result.exit_code == 1
    assert "bad.yaml:2:18" in result.output and "DL003" in result.output and "bug" not in result.output


def test_nothing_to_check_is_exit_2(tmp_path: Path, dlists):
    (tmp_path / "empty").mkdir()
    result = dlists("validate", tmp_path / "empty")
    assert result.exit_code == 2 and "nothing to check" in result.output


def test_exclude_applies_to_named_files(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    catalog = _copy(tmp_path)
    monkeypatch.chdir(catalog)
    (catalog / "dlists.toml").write_text('exclude = ["*.mapping.yaml", "broken*"]\n', encoding="utf-8")
    (catalog / "broken.yaml").write_text("list: [\n", encoding="utf-8")
    result = dlists("validate", "broken.yaml")
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", [":100:", "[bold]x[/]", "[/]", "\x1b[2J\x1b]0;owned\x07", "\u202eevil"])
def test_names_and_values_are_printed_literally(tmp_path: Path, dlists, value: str):
    """`file:100:20` never becomes an emoji, `[bold]` never markup, ESC and bidi overrides are shown escaped."""
    catalog = _copy(tmp_path)
    folder = catalog / "townships" / ("x" + value.replace("/", "_").replace("\x1b", "").replace("\x07", ""))
    folder.mkdir()
    long = "".join(f"# line {i}\n" for i in range(94))  # the problem on line 100: `bad.yaml:100:11`
    text = long + 'list:\n  jurisdiction: "610928104"\nitems:\n  - code: "Z-1"\n    name: "' + value.replace("\\", "") + '"\n    kind: nonsense\n'
    (folder / "bad.yaml").write_text(text, encoding="utf-8")
    result = dlists("validate", catalog, env={"FORCE_COLOR": "1", "TERM": "xterm-256color"})
    out = result.output
    assert "💯" not in out
    assert "\x1b" in value or ":10" in out  # the line number printed as a number
    assert "\x1b]0;owned" not in out and "\x1b[2J" not in out and "\u202e" not in out


def test_the_example_workflow_puts_no_expression_into_a_script():
    """`${{ github.base_ref }}` inside `run:` is script injection (a branch named `$(curl ...)`): values go
    through `env:`."""
    import yaml

    workflow = yaml.safe_load((CATALOGS.parent / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert runs and not [r for r in runs if "${{" in r]


def test_outputs_get_the_mode_of_a_plain_file(dlists, tmp_path) -> None:
    """Not the 0600 of a temporary file: an office shares what it writes (umask 022 -> 0644)."""
    import os
    import stat

    from conftest import CATALOGS

    old = os.umask(0o022)
    try:
        out = tmp_path / "list.xlsx"
        assert dlists("export", CATALOGS / "xunyang", "-o", out).exit_code == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
        report = tmp_path / "report.json"
        report.write_text("{}")
        report.chmod(0o640)  # an existing file keeps its mode
        dlists("validate", CATALOGS / "xunyang", "-f", "json", "-o", report)
        assert stat.S_IMODE(report.stat().st_mode) == 0o640
    finally:
        os.umask(old)


def test_hidden_files_are_no_catalog_files(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """A repository's root holds `.pre-commit-config.yaml`, `.gitlab-ci.yml`: a folder walk skips hidden files as
    it skips hidden folders; a hidden file named on the command line is still checked."""
    catalog = _copy(tmp_path)
    for name in (".pre-commit-config.yaml", "townships/.yamllint.yml"):
        (catalog / name).write_text("repos: []\n", encoding="utf-8")
    monkeypatch.chdir(catalog)
    assert dlists("validate", ".").exit_code == 0
    named = dlists("validate", ".pre-commit-config.yaml")
    assert named.exit_code == 1 and "DL005" in named.output


@pytest.mark.parametrize("where", ["../elsewhere", "/tmp/dlists-qa2-elsewhere", "link"])
def test_a_committed_cache_dir_setting_never_points_out_of_the_project(tmp_path: Path, dlists, where: str,
                                                                        monkeypatch: pytest.MonkeyPatch):
    """A pull request's dlists.toml (or pyproject.toml) made the CI run write its parse cache anywhere; the
    setting must name a folder inside the project (DLISTS_CACHE_DIR, the CI's own, may name any)."""
    project = tmp_path / "repo"
    shutil.copytree(CATALOGS / "xunyang" / "county", project / "catalogs")
    shutil.copy(CATALOGS / "xunyang" / "region.yaml", project / "catalogs")
    (project / "link").symlink_to(tmp_path / "linked", target_is_directory=True)
    (project / "dlists.toml").write_text(f'cache-dir = "{where}"\n', encoding="utf-8")
    monkeypatch.chdir(project)
    result = dlists("validate", "catalogs", env={"DLISTS_NO_CACHE": ""})
    assert result.exit_code == 2 and "cache-dir" in result.output
    assert not (tmp_path / "elsewhere").exists() and not (tmp_path / "linked").exists()
    assert not Path("/tmp/dlists-qa2-elsewhere").exists()
    (project / "dlists.toml").write_text('cache-dir = ".cache/dlists"\n', encoding="utf-8")
    assert dlists("validate", "catalogs", env={"DLISTS_NO_CACHE": ""}).exit_code == 0
    assert (project / ".cache" / "dlists").is_dir()
