"""`dlists diff`: one of each change type, no-change edits, exit codes, git revisions, delegation impact."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from conftest import CATALOGS, ROOT
from delegation_lists.render.diff import to_json

DIFF_CASES = ROOT / "tests" / "diff-cases"


def _versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CATALOGS / "xunyang", old)
    shutil.copytree(CATALOGS / "xunyang", new)
    powers = new / "county" / "powers.yaml"
    text = powers.read_text(encoding="utf-8")
    text = text.replace('  - code: "610928-JL-0003"\n    name: 教学成果奖励\n    kind: reward\n    department: 教体局\n'
                        "    legal_basis: [《教学成果奖励条例》第二条]\n", "")  # removed
    text = text.replace('code: "610928-CJ-0002"', 'code: "610928-CJ-0003"')  # renamed: new code, same item
    text = text.replace("[《娱乐场所管理条例》第九条]", "[《娱乐场所管理条例》第九条, 《娱乐场所管理办法》第五条]")  # changed
    moved = '  - code: "610928-QT-0006"\n    name: 文物保护单位保护范围内其他建设工程审核\n    kind: other\n    department: 文旅局\n' \
            "    legal_basis: [《中华人民共和国文物保护法》第十七条]\n"
    text = text.replace(moved, "")
    text += ('  - code: "610928-QT-0007"\n    name: 地名命名更名审核\n    kind: other\n    department: 民政局\n'
             "    legal_basis: [《地名管理条例》第十二条]\n")  # added
    powers.write_text(text, encoding="utf-8")
    (new / "county" / "moved.yaml").write_text('list: {jurisdiction: "610928", level: county}\nitems:\n' + moved, encoding="utf-8")  # moved
    deleg = new / "county" / "delegation.yaml"
    dtext = deleg.read_text(encoding="utf-8")
    i = dtext.index('code: "610928-XK-0002"')
    j = dtext.index("to: [吕河镇, 赵湾镇, 蜀河镇]", i)
    deleg.write_text(dtext[:j] + "to: [吕河镇, 蜀河镇]" + dtext[j + len("to: [吕河镇, 赵湾镇, 蜀河镇]"):], encoding="utf-8")  # withdrawn from 赵湾镇
    return old, new


def test_one_of_each_change(tmp_path: Path, dlists):
    old, new = _versions(tmp_path)
    result = dlists("diff", old, new, "--format", "json", "--exit-code")
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    got = {(c["type"], c["item"]) for c in data["changes"]}
    assert got == {("removed", "610928-JL-0003"), ("renamed", "610928-CJ-0003"), ("changed", "610928-XK-0033"),
                   ("moved", "610928-QT-0006"), ("added", "610928-QT-0007"), ("changed", "610928-XK-0002")}
    by = {c["item"]: c for c in data["changes"]}
    assert by["610928-CJ-0003"]["old_item"] == "610928-CJ-0002"
    (basis,) = by["610928-XK-0033"]["fields"]
    assert basis["field"] == "legal_basis" and basis["added"] == ["《娱乐场所管理办法》第五条"] and basis["removed"] == []
    assert by["610928-QT-0007"]["file"] == "county/powers.yaml" and by["610928-QT-0007"]["line"] > 1
    assert data["summary"]["total"] == 6
    (impact,) = data["impact"]
    assert impact["target"] == "610928104" and impact["withdrawn"] == ["610928-XK-0002"]
    assert impact["orphaned"] == ["610928-XK-0002"]  # 赵湾镇 still lists it


def test_reindent_and_reorder_is_no_change(tmp_path: Path, dlists):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CATALOGS / "xunyang", old)
    shutil.copytree(CATALOGS / "xunyang", new)
    f = new / "county" / "powers.yaml"
    data = yaml.safe_load(f.read_text(encoding="utf-8"))
    data["items"].reverse()
    data["items"][0]["name"] = "  " + data["items"][0]["name"].replace("学生", "学生 ")
    f.write_text(yaml.safe_dump(data, allow_unicode=True, indent=4, default_flow_style=False), encoding="utf-8")
    assert dlists("diff", old, new, "--exit-code").exit_code == 0
    assert dlists("diff", old, new, "--exit-code", "--strict-whitespace").exit_code == 1


def test_stat_and_markdown(tmp_path: Path, dlists):
    old, new = _versions(tmp_path)
    stat = json.loads(dlists("diff", old, new, "-f", "json", "--stat").stdout)
    assert set(stat) == {"summary", "broken"} and stat["summary"]["renamed"] == 1 and stat["broken"] == []
    md = dlists("diff", old, new, "-f", "markdown").stdout
    assert md.startswith("### Catalog diff") and "<details>" in md and "Delegation impact" in md
    assert "renamed" in dlists("diff", old, new).output


def test_markdown_and_text_in_chinese(dlists):
    """--lang zh: the pull-request comment's title, summary header, totals, folded changes and impact table in
    Chinese; the terminal's summary table and change types too."""
    old, new = DIFF_CASES / "one-of-each" / "old", DIFF_CASES / "one-of-each" / "new"
    md = dlists("diff", old, new, "-f", "markdown", "--lang", "zh").stdout
    assert md.startswith("### 清单变更：`")
    assert "| 辖区 | 新增 | 取消 | 变更 | 更名 | 移动 |" in md and "| 合计 | 1 | 1 | 3 | 1 | 1 |" in md
    assert "<summary>6 处变更</summary>" in md and "| 变更类型 | 辖区 | 事项 | 字段 |" in md and "| 更名 | 样例县 |" in md
    assert "**对下级的影响**" in md and "| 下级 | 新下放 | 收回 | 方式改变 | 失去来源的事项 |" in md
    assert "- 文件 `county/list.yaml` → `county/moved.yaml`（1 项移动，内容未变）" in md
    text = dlists("diff", old, new, "--lang", "zh").stdout
    assert "辖区" in text and "合计" in text and "更名     样例县 临时救助审批" in text and "对甲镇的影响：收回" in text


def test_ignore_field(tmp_path: Path, dlists):
    old, new = _versions(tmp_path)
    data = json.loads(dlists("diff", old, new, "-f", "json", "--ignore-field", "legal_basis").stdout)
    assert "610928-XK-0033" not in {c["item"] for c in data["changes"]}


def test_git_revisions(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    old, new = _versions(tmp_path)
    repo = tmp_path / "repo"
    (repo / "catalogs").mkdir(parents=True)
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copytree(old, repo / "catalogs" / "xunyang")
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "v1"], check=True)
    shutil.rmtree(repo / "catalogs" / "xunyang")
    shutil.copytree(new, repo / "catalogs" / "xunyang")
    subprocess.run([*git, "-C", str(repo), "add", "-A"], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "v2"], check=True)
    monkeypatch.chdir(repo)
    data = json.loads(dlists("diff", "HEAD~1:catalogs", "HEAD:catalogs", "-f", "json").stdout)
    assert data["summary"]["total"] == 6
    assert dlists("diff", "HEAD:catalogs", "HEAD:catalogs", "--exit-code").exit_code == 0
    assert dlists("diff", "nosuchrev:catalogs", "HEAD:catalogs").exit_code == 2
    monkeypatch.chdir(tmp_path)
    result = dlists("diff", "HEAD~1:catalogs", "HEAD:catalogs")
    assert result.exit_code == 2 and "not inside a git repository" in result.output


def test_step_summary(tmp_path: Path, dlists):
    old, new = _versions(tmp_path)
    target = tmp_path / "summary.md"
    target.write_text("earlier step\n", encoding="utf-8")
    result = dlists("diff", old, new, "--stat", "--summary", env={"GITHUB_STEP_SUMMARY": str(target)})
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n### Catalog diff") and "renamed" in text
    assert dlists("diff", old, new, "--summary", env={"GITHUB_STEP_SUMMARY": ""}).exit_code == 2


def test_ci_files_are_valid_yaml():
    from conftest import ROOT

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "dlists-validate" and hooks[0]["entry"] == "dlists validate"
    flow = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    assert "dlists diff" in json.dumps(flow["jobs"], ensure_ascii=False)


CASES_DIR = Path(__file__).parent / "diff-cases"


@pytest.mark.parametrize("case", sorted(p.name for p in CASES_DIR.iterdir()))
def test_case_folders(case: str, dlists):
    """tests/diff-cases/<case>/{old,new}/ and the expected json (regenerate by hand and review when it changes)."""
    folder = CASES_DIR / case
    result = dlists("diff", folder / "old", folder / "new", "-f", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == json.loads((folder / "expected.json").read_text(encoding="utf-8"))


def test_one_of_each_type_in_case_folder(dlists):
    data = json.loads((CASES_DIR / "one-of-each" / "expected.json").read_text(encoding="utf-8"))
    assert sorted({c["type"] for c in data["changes"]}) == ["added", "changed", "moved", "removed", "renamed"]
    folder = CASES_DIR / "one-of-each"
    assert dlists("diff", folder / "old", folder / "new", "--exit-code").exit_code == 1
    assert dlists("diff", folder / "old", folder / "old", "--exit-code").exit_code == 0


def test_moving_and_reindenting_is_no_change(dlists):
    folder = CASES_DIR / "move-and-reindent"
    data = json.loads(dlists("diff", folder / "old", folder / "new", "-f", "json").stdout)
    assert [c["type"] for c in data["changes"]] == ["moved"]
    assert dlists("diff", folder / "old", folder / "new", "--exit-code").exit_code == 0


def test_xlsx(tmp_path: Path, dlists):
    from openpyxl import load_workbook

    folder = CASES_DIR / "one-of-each"
    out = tmp_path / "d.xlsx"
    assert dlists("diff", folder / "old", folder / "new", "-f", "xlsx", "-o", out).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["summary", "changes", "Delegation impact"]
    rows = list(wb["changes"].iter_rows(values_only=True))
    assert rows[0][:4] == ("change", "jurisdiction", "code", "item")
    basis = next(r for r in rows if r[2] == "C-01")
    assert basis[1] == "样例县" and basis[3] == "食品经营许可"  # names beside codes
    assert basis[7] == "legal_basis" and "《食品经营许可管理办法》第十条" in basis[9]
    cell = next(c for c in wb["changes"]["J"] if c.value and "第十条" in str(c.value))
    assert cell.fill.fgColor.rgb.endswith("C6EFCE")  # new values highlighted green
    assert dlists("diff", folder / "old", folder / "new", "-f", "xlsx").exit_code == 2


def test_scanned_item_lines_agree_with_the_parser():
    """The text scan that places diff lines gives the composer's lines on every example and case file."""
    from conftest import ROOT
    from delegation_lists.diff import item_lines
    from delegation_lists.load.document import read_document
    from delegation_lists.load.yaml.marks import locate
    from delegation_lists.load.yaml.parse import compose

    checked = 0
    for path in sorted([*(ROOT / "catalogs").rglob("*.yaml"), *(ROOT / "tests").rglob("*.yaml")]):
        doc = read_document(path, str(path))
        if doc.header is None or not doc.items or (got := item_lines(doc)) is None:
            continue
        root = compose(doc.text)
        assert got == [locate(root, ("items", i))[0] for i in range(len(doc.items))], path
        checked += 1
    assert checked > 30


def test_identical_files_of_two_versions_are_parsed_once(tmp_path, monkeypatch):
    """Loading two versions together parses a file whose bytes did not change once; each version still gets its
    own documents (names, problems, text) and the diff is the same as loading the versions one by one."""
    import shutil

    from conftest import CATALOGS
    from delegation_lists.diff import diff, load_side, load_sides
    from delegation_lists.load import many as v

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CATALOGS / "xunyang", old)
    shutil.copytree(CATALOGS / "xunyang", new)
    edited = next(p for p in sorted(new.rglob("*.yaml")) if "items:" in p.read_text(encoding="utf-8"))
    edited.write_text(edited.read_text(encoding="utf-8").replace("name: ", "name: 新", 1), encoding="utf-8")
    parsed: list[str] = []
    real = v._parse_one
    monkeypatch.setattr(v, "_parse_one", lambda p, *a: parsed.append(p.name) or real(p, *a))
    together = load_sides([str(old), str(new)])
    files = len(list(old.rglob("*.yaml")))
    assert len(parsed) == files + 1  # every file of the old version, and the one edited file of the new one
    apart = [load_side(str(old)), load_side(str(new))]
    assert to_json(diff(*together)) == to_json(diff(*apart))
    assert diff(*together).summary().by_type["changed"] + diff(*together).summary().by_type["renamed"] == 1
    for side in together:
        for at in side.items.values():
            doc = at.doc
            assert doc.path.as_posix().endswith(at.file) and doc.file == doc.path.as_posix()
            assert doc.source() == doc.path.read_text(encoding="utf-8")


def test_a_side_that_does_not_load_is_named_first_and_nothing_of_it_removed(tmp_path: Path, dlists):
    """A syntax error in the new version of a file: the file is named first, its items are not 'removed', exit 2;
    with --allow-broken the rest of the diff is shown and the exit code is the usual one."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CASES_DIR / "one-of-each" / "old", old)
    shutil.copytree(CASES_DIR / "one-of-each" / "old", new)
    broken = new / "county" / "list.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("items:", "items:\n  - code: [unclosed", 1), encoding="utf-8")
    result = dlists("diff", old, new, "-f", "json")
    assert result.exit_code == 2
    data = json.loads(result.stdout)
    assert [(b["side"], b["file"]) for b in data["broken"]] == [("new", "county/list.yaml")]
    assert data["summary"]["removed"] == 0
    md = dlists("diff", old, new, "-f", "markdown", "--allow-broken")
    assert md.exit_code == 0 and md.stdout.index("did not load") < md.stdout.index("No differences")
    assert "No differences among the files that loaded" in md.stdout  # (not "No differences." alone)
    text = dlists("diff", old, new, "--allow-broken")
    assert "No differences among the files that loaded" in text.stdout and "No differences." not in text.stdout


def test_a_broken_file_withdraws_nothing(tmp_path: Path, dlists):
    """The county's list fails to parse in the new version: its delegations are neither withdrawn nor orphan the
    townships' items (the impact says nothing of them), and a township item taking on one of its items is still
    shown by name (from the version that has it)."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CASES_DIR / "one-of-each" / "old", old)
    shutil.copytree(CASES_DIR / "one-of-each" / "old", new)
    county = new / "county" / "list.yaml"
    county.write_text(county.read_text(encoding="utf-8").replace("items:", "items:\n  - code: [unclosed", 1), encoding="utf-8")
    data = json.loads(dlists("diff", old, new, "-f", "json", "--allow-broken").stdout)
    assert data["impact"] == [] and data["summary"]["removed"] == 0


@pytest.mark.parametrize(("path", "checked"), [
    ("catalogs/xunyang/county/powers.yaml", True),
    ("lists/region.yml", True),
    (".pre-commit-config.yaml", False),  # every repository using pre-commit has it: never a catalog file
    (".gitlab-ci.yml", False),
    (".github/workflows/catalogs.yml", False),
    ("catalogs/.yamllint.yaml", False),
    ("schemas/list.schema.yaml", False),
])
def test_pre_commit_hook_passes_catalog_files_only(path: str, checked: bool):
    """pre-commit runs the hook on the paths its `files` regex finds and its `exclude` regex does not (re.search)."""
    import re

    from conftest import ROOT

    hook = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))[0]
    assert (bool(re.search(hook["files"], path)) and not re.search(hook["exclude"], path)) is checked


def test_field_changes_named_as_analysts_know_them(tmp_path: Path, dlists):
    """A changed field by its Chinese column name with the key beside it, and the townships a delegation now
    reaches by name: in the text, the markdown PR comment and the workbook (English keeps the keys)."""
    from conftest import CATALOGS

    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CATALOGS / "xunyang", old)
    shutil.copytree(CATALOGS / "xunyang", new)
    county = new / "county" / "delegation.yaml"
    text = county.read_text(encoding="utf-8")
    assert "promised_days: 10" in text and "to: [吕河镇, 赵湾镇, 蜀河镇]" in text
    county.write_text(text.replace("promised_days: 10", "promised_days: 5", 1)
                      .replace("to: [吕河镇, 赵湾镇, 蜀河镇]", "to: [吕河镇, 赵湾镇, 蜀河镇, 610928001]", 1), encoding="utf-8")
    zh = dlists("diff", old, new, "--lang", "zh")
    assert "承诺时限（promised_days）: 10 → 5" in zh.stdout
    assert "下放对象（delegation.to）: +城关街道 (610928001)" in zh.stdout
    md = dlists("diff", old, new, "--lang", "zh", "-f", "markdown").stdout
    assert "承诺时限（promised\\_days）: 10 → 5" in md and "+城关街道 (610928001)" in md
    en = dlists("diff", old, new, "--lang", "en")
    assert "promised_days: 10 → 5" in en.stdout and "delegation.to: +城关街道 (610928001)" in en.stdout


def test_a_broken_file_is_said_in_the_language_in_use(tmp_path: Path, dlists):
    """The file that did not load, its side and why, in Chinese under --lang zh (the reason was kept in English)."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CASES_DIR / "one-of-each" / "old", old)
    shutil.copytree(CASES_DIR / "one-of-each" / "old", new)
    (new / "county" / "broken.yaml").write_text('list: {jurisdiction: "x", level: county}\nitems:\n  - code: a\n    name: b: c\n',
                                                encoding="utf-8")
    zh = dlists("diff", old, new, "--lang", "zh")
    assert zh.exit_code == 2
    assert "新版本 county/broken.yaml" in zh.output and "此处不应出现“:”" in zh.output
    assert "unexpected" not in zh.output and "No differences" not in zh.output
    en = dlists("diff", old, new, "--lang", "en", "--allow-broken", "-f", "json")
    assert json.loads(en.stdout)["broken"][0]["problem"].startswith("unexpected ':' here")
