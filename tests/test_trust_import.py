"""`dlists import` writes only inside -o, the whole tree at once, and reads text lists within bounds (issue 13):
codes from a workbook's document properties, --jurisdiction and mappings checked; paths resolved and refused
outside; --force swaps the previous import for the new one; JSON depth and CSV record size bounded."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.importer.output import OutputRefused, plain_relative, write_tree

HOSTILE_CODES = ["../../../escaped", "/tmp/dlists-abs", "../.github/workflows", "CON", "a\nb", "C:\\x", "..", "=1+1"]


def _workbook(path: Path, code: str) -> Path:
    """A one-sheet list whose document property `dlists:<sheet>` (as an export writes it) says `code`."""
    from openpyxl import Workbook
    from openpyxl.packaging.custom import StringProperty

    wb = Workbook()
    ws = wb.active
    ws.title = "县级"
    ws.append(["事项编码", "事项名称", "事项类型", "实施部门", "设定依据"])
    ws.append(["X-0001", "食品经营许可", "行政许可", "市场监管局", "《中华人民共和国食品安全法》"])
    wb.custom_doc_props.append(StringProperty(name="dlists:县级", value=code))
    wb.save(path)
    return path


def _yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml"))


@pytest.mark.parametrize("code", HOSTILE_CODES, ids=repr)
def test_a_workbook_property_is_never_a_path(code: str, tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    """A workbook naming its sheet's jurisdiction `../../../escaped`, an absolute path, `../.github/workflows`,
    `CON`...: refused (exit 2, the character named), nothing written anywhere."""
    deep = tmp_path / "a" / "b" / "c"
    deep.mkdir(parents=True)
    book = _workbook(tmp_path / "list.xlsx", code)
    monkeypatch.chdir(deep)
    result = dlists("import", book, "-o", "out", "--lang", "zh")
    assert result.exit_code == 2, result.output
    assert "dlists:县级" in result.output and "Traceback" not in result.output
    assert _yaml_files(tmp_path) == [] and not Path("/tmp/dlists-abs").exists()


def test_a_clean_property_still_imports(tmp_path: Path, dlists):
    book = _workbook(tmp_path / "list.xlsx", "610928")
    result = dlists("import", book, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert [p.relative_to(tmp_path / "out").as_posix() for p in _yaml_files(tmp_path)] == ["610928/licensing.yaml", "region.yaml"]


@pytest.mark.parametrize("code", ["../x", "a/b", "NUL", "６１０９２８"])
def test_jurisdiction_option_and_mapping_codes_are_checked(code: str, tmp_path: Path, dlists):
    book = _workbook(tmp_path / "list.xlsx", "610928")
    result = dlists("import", book, "-o", tmp_path / "out", "-j", code)
    assert result.exit_code == 2 and "--jurisdiction" in result.output, result.output
    mapping = tmp_path / "m.mapping.yaml"
    for text in (f'region: {{code: "{code}"}}\n', f'children: {{甲镇: "{code}"}}\n'):
        mapping.write_text(text, encoding="utf-8")
        result = dlists("import", book, "-o", tmp_path / "out", "-m", mapping)
        assert result.exit_code == 2 and "m.mapping.yaml" in result.output, result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("rel", ["../x.yaml", "/etc/x.yaml", "../.github/workflows/x.yaml", "a/../../x.yaml", ".git/x.yaml",
                                 "C:\\x.yaml", "a\nb.yaml", "", "CON.yaml", "nul/x.yaml", "com1.yaml"])
def test_every_target_is_a_plain_relative_path(rel: str, tmp_path: Path):
    with pytest.raises(OutputRefused):
        plain_relative(rel)
    with pytest.raises(OutputRefused):
        write_tree(tmp_path / "out", {"region.yaml": "x", rel: "y"})
    assert list(tmp_path.iterdir()) == []  # not even the temporary folder


def test_a_symlinked_folder_inside_the_output_is_never_written_through(tmp_path: Path, dlists):
    """`out/610928 -> elsewhere`: without --force the folder is not empty (refused); with --force the link is not a
    file an import writes (refused); elsewhere is never touched."""
    book = _workbook(tmp_path / "list.xlsx", "610928")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "610928").symlink_to(elsewhere)
    for extra in ([], ["--force"]):
        result = dlists("import", book, "-o", out, *extra)
        assert result.exit_code == 2, result.output
    assert list(elsewhere.iterdir()) == [] and (out / "610928").is_symlink()


def test_force_replaces_the_whole_previous_import(tmp_path: Path, dlists):
    """A second import with --force leaves exactly the new tree: no file of the first one stays beside it."""
    first = _workbook(tmp_path / "first.xlsx", "610928")
    out = tmp_path / "out"
    assert dlists("import", first, "-o", out).exit_code == 0
    (out / "610928" / "stale.yaml").write_text("list: {jurisdiction: '610928'}\nitems: []\n", encoding="utf-8")
    second = _workbook(tmp_path / "second.xlsx", "610929")
    refused = dlists("import", second, "-o", out)
    assert refused.exit_code == 2 and "--force" in refused.output
    assert dlists("import", second, "-o", out, "--force").exit_code == 0
    assert [p.relative_to(out).as_posix() for p in _yaml_files(out)] == ["610929/licensing.yaml", "region.yaml"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary folder left
    assert oct(out.stat().st_mode & 0o777) != oct(0o700)  # the folder as a plain mkdir makes it, not a temp folder's


@pytest.mark.parametrize("inside", ["input", "mapping", "other", "hidden"])
def test_force_never_deletes_what_is_not_an_import(inside: str, tmp_path: Path, dlists):
    """--force refuses a folder holding the file being imported, the mapping, another file, a hidden entry."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "region.yaml").write_text("region: {code: '610928', name: 旬阳市, level: county}\n", encoding="utf-8")
    book = _workbook((out if inside == "input" else tmp_path) / "list.xlsx", "610928")
    args = ["import", book, "-o", out, "--force"]
    if inside == "mapping":
        (out / "m.mapping.yaml").write_text("title: x\n", encoding="utf-8")
        args += ["-m", out / "m.mapping.yaml"]
    elif inside == "other":
        (out / "README.md").write_text("notes\n", encoding="utf-8")
    elif inside == "hidden":
        (out / ".git").mkdir()
    before = sorted(p.relative_to(out) for p in out.rglob("*"))
    result = dlists(*args)
    assert result.exit_code == 2, result.output
    assert sorted(p.relative_to(out) for p in out.rglob("*")) == before


def test_an_import_that_fails_midway_leaves_the_previous_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """An error while writing (a full disk, a bad path found late) leaves the old tree exactly, and no temp folder."""
    import delegation_lists.importer.output as output

    out = tmp_path / "out"
    write_tree(out, {"region.yaml": "old", "a/list.yaml": "old"})
    calls = []

    def failing(target: Path, text: str) -> None:
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        target.write_text(text, encoding="utf-8")

    monkeypatch.setattr(output, "write_text", failing)
    with pytest.raises(OSError):
        write_tree(out, {"region.yaml": "new", "a/list.yaml": "new", "b/list.yaml": "new"}, force=True)
    assert {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.yaml")} == {"region.yaml": "old", "a/list.yaml": "old"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_killed_import_leaves_the_old_tree_or_the_new(tmp_path: Path, dlists):
    """kill -9 at any moment of `import --force` of a 10-county export: the folder holds every file of the old
    import or every file of the new one, never a mix or a part (the hidden temporary folder aside)."""
    catalog = tmp_path / "gen"
    subprocess.run([sys.executable, str(Path(__file__).parent.parent / "benchmarks" / "generate.py"), "--counties", "10",
                    "--townships", "3", "--county-items", "30", "--seed", "4", "-o", str(catalog)], check=True, capture_output=True)
    assert dlists("export", catalog, "-o", tmp_path / "new.xlsx", "--allow-problems").exit_code == 0
    out = tmp_path / "out"
    assert dlists("import", _workbook(tmp_path / "old.xlsx", "610928"), "-o", out).exit_code == 0
    old = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.yaml")}
    env = {**os.environ, "DLISTS_NO_CACHE": "1"}
    command = [sys.executable, "-m", "delegation_lists", "import", str(tmp_path / "new.xlsx"), "-o", str(out), "--force"]
    started = time.monotonic()
    subprocess.run(command, env=env, check=False, capture_output=True)
    whole = time.monotonic() - started
    new = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.yaml")}
    assert len(new) > 40 and new != old
    seen = set()
    for i in range(8):  # kill at moments spread over the run, the old import back in place before each
        assert dlists("import", tmp_path / "old.xlsx", "-o", out, "--force").exit_code == 0
        proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(whole * (0.3 + 0.1 * i))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = {p.relative_to(out): p.read_bytes() for p in out.rglob("*.yaml")}
        assert now in (old, new), f"kill {i}: a mix of {len(now)} files"
        seen.add("new" if now == new else "old")
    assert seen  # (which ones depends on the machine's speed)


def test_a_kill_while_writing_leaves_the_old_tree(tmp_path: Path):
    """kill -9 while the files are being written (each write slowed down): the old tree stays whole; the new one
    is only in the hidden temporary folder beside it, which the next import ignores."""
    out = tmp_path / "out"
    write_tree(out, {"region.yaml": "old", "a/list.yaml": "old"})
    script = ("import sys, time\nfrom pathlib import Path\nimport delegation_lists.importer.output as o\n"
              "slow = o.write_text\no.write_text = lambda p, t: (time.sleep(0.02), slow(p, t))\n"
              "o.write_tree(Path(sys.argv[1]), {f'{i // 10}/{i}.yaml': 'new' for i in range(400)}, force=True)\n")
    proc = subprocess.Popen([sys.executable, "-c", script, str(out)])
    time.sleep(2.0)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert {p.relative_to(out).as_posix(): p.read_text() for p in out.rglob("*.yaml")} == {"region.yaml": "old", "a/list.yaml": "old"}
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".out.dlists-")]
    assert len(left) == 1 and 0 < len(list(left[0].rglob("*.yaml"))) < 400  # killed midway, beside, hidden
    write_tree(out, {"region.yaml": "newer"}, force=True)
    assert [p.name for p in out.iterdir()] == ["region.yaml"]


def test_deep_json_is_a_located_error(tmp_path: Path, dlists):
    """JSON nested 10^6 deep: exit 2 naming line and column (was: RecursionError)."""
    for name, text in (("deep.json", "[" * 1_000_000), ("objects.json", '{"a": ' * 1_000_000),
                       ("lines.json", "[\n" + "  [\n" * 120 + "1" + "]" * 121)):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        result = dlists("import", path, "-o", tmp_path / "out", "-j", "610928")
        assert result.exit_code == 2, result.output
        assert "nested deeper than 100 levels" in result.output and "line " in result.output
    assert "line 101, column 3" in result.output


def test_a_csv_record_over_the_limit_is_refused_unread(tmp_path: Path, dlists):
    """A one-line CSV of millions of cells, or one row running over quoted line breaks: exit 2 at the row."""
    one_line = tmp_path / "one-line.csv"
    with one_line.open("wb") as fh:
        fh.write("事项名称,事项类型\n".encode())
        for _ in range(40):
            fh.write(b"a," * 500_000)
    quoted = tmp_path / "quoted.csv"
    quoted.write_text("事项名称,备注\n" + '"\n",' * 600_000, encoding="utf-8")
    for path in (one_line, quoted):
        result = dlists("import", path, "-o", tmp_path / "out", "-j", "610928")
        assert result.exit_code == 2, result.output
        assert "line 2: a row longer than 1,048,576 bytes" in result.output.replace("\n", "")


def test_a_csv_within_the_limits_imports(tmp_path: Path, dlists):
    """Quoted line breaks, GBK, a long cell: read as before."""
    path = tmp_path / "list.csv"
    rows = "".join(f'食品经营许可{i},行政许可,"市场\n监管局",{"依据" * 2000}\n' for i in range(50))
    path.write_bytes(("事项名称,事项类型,实施部门,设定依据\n" + rows).encode("gbk"))
    result = dlists("import", path, "-o", tmp_path / "out", "-j", "610928")
    assert result.exit_code == 0, result.output
    assert "50 items" in result.output.replace("\n", " ")
    assert CATALOGS.exists()


@pytest.mark.parametrize("where", ["list", "region"])
def test_a_layout_sheet_naming_a_bad_code_is_not_used(where: str, tmp_path: Path, dlists):
    """The export's layout sheet (`_dlists`) comes with the workbook: a list header or region file in it whose
    code is `../../x` makes the layout unused (a note says why); everything is written inside -o."""
    import json

    from openpyxl import load_workbook

    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "a.xlsx").exit_code == 0
    wb = load_workbook(tmp_path / "a.xlsx")
    for row in wb["_dlists"].iter_rows():
        if row[0].value == where:
            doc = json.loads("".join(str(c.value) for c in row[2:] if c.value is not None))
            if where == "list":
                doc["jurisdiction"] = "../../x"
            else:
                doc["region"]["code"] = "../../x"
            for cell in row[2:]:
                cell.value = None
            row[2].value = json.dumps(doc, ensure_ascii=False)
            break
    wb.save(tmp_path / "a.xlsx")
    out = tmp_path / "deep" / "out"
    result = dlists("import", tmp_path / "a.xlsx", "-o", out)
    assert "layout is not used" in result.output and "Traceback" not in result.output, result.output
    assert all(out in p.parents for p in tmp_path.rglob("*.yaml"))
