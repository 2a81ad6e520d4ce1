"""`-o` never replaces an input (issue 13): `dlists validate c -f json -o c/county.yaml` replaced the catalog
file with the report. Every command with `-o` refuses an input file, a link to one, and a catalog file name
inside an input folder (the next run would read it as a list); exit 2, nothing written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS

COMMANDS = {
    "validate": ["validate", "{c}", "-f", "json"],
    "reconcile": ["reconcile", "{c}", "-f", "json"],
    "stats": ["stats", "{c}", "-f", "json"],
    "duties": ["duties", "{c}", "-f", "json"],
    "diff": ["diff", "{c}", "{c}", "-f", "json"],
    "export": ["export", "{c}"],
}


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    shutil.copytree(CATALOGS / "xunyang", tmp_path / "c")
    return tmp_path / "c"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("target", ["county/powers.yaml", "new.yaml", "townships/new.yml", "link"])
def test_output_onto_an_input_is_refused(command: str, target: str, catalog: Path, tmp_path: Path, dlists):
    before = _snapshot(catalog)
    output = catalog / target
    if target == "link":
        output = tmp_path / "report.json"
        output.symlink_to(catalog / "county" / "powers.yaml")
    args = [a.format(c=catalog) for a in COMMANDS[command]]
    result = dlists(*args, "-o", output, "--lang", "zh") if command != "export" else dlists(*args, "-o", output)
    assert result.exit_code == 2, result.output
    assert _snapshot(catalog) == before
    if command != "export":  # (export first refuses any name but .xlsx)
        assert "-o" in result.output and ("要读取的文件" in result.output or "清单目录" in result.output), result.output


def test_a_named_file_brings_its_catalog(catalog: Path, dlists):
    """Validating one file reads its whole catalog: a list file name anywhere in that catalog is refused too."""
    result = dlists("validate", catalog / "townships" / "zhaowan.yaml", "-f", "json", "-o", catalog / "county" / "report.yaml")
    assert result.exit_code == 2 and not (catalog / "county" / "report.yaml").exists()


@pytest.mark.parametrize("name", ["report.json", "report.sarif", ".reports/out.yaml", "stats.csv"])
def test_other_outputs_inside_the_catalog_are_written(name: str, catalog: Path, dlists):
    """A report that is not a catalog file may sit in the catalog folder (`dlists stats c -f csv -o c/stats.csv`)."""
    output = catalog / name
    output.parent.mkdir(exist_ok=True)
    fmt = "csv" if name.endswith(".csv") else "json"
    result = dlists("stats" if fmt == "csv" else "validate", catalog, "-f", fmt, "-o", output)
    assert result.exit_code in (0, 1), result.output
    assert output.stat().st_size > 0


def test_record_never_appends_to_a_list_file(catalog: Path, tmp_path: Path, dlists):
    """`dlists record OLD NEW -o FILE` appends to an adjustments file only: a list file stays as it was."""
    new = tmp_path / "new"
    shutil.copytree(catalog, new)
    powers = new / "county" / "powers.yaml"
    text = powers.read_text(encoding="utf-8")
    powers.write_text(text.replace("name: 对扰乱公共秩序行为的处罚", "name: 对扰乱公共秩序的处罚", 1), encoding="utf-8")
    before = _snapshot(new)
    result = dlists("record", catalog, new, "-o", powers)
    assert result.exit_code == 2, result.output
    assert _snapshot(new) == before


def test_import_into_never_replaces_another_file_of_the_catalog(catalog: Path, tmp_path: Path, dlists):
    """`--into c -o c/county/powers.yaml --force`: the county's list is not replaced by a township's."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["事项名称", "承接方式"])
    ws.append(["食品经营许可", "委托"])
    wb.save(tmp_path / "town.xlsx")
    before = _snapshot(catalog)
    for target in ("county/powers.yaml", "region.yaml"):
        result = dlists("import", tmp_path / "town.xlsx", "--into", catalog, "-j", "蜀河镇", "-o", catalog / target, "--force")
        assert result.exit_code == 2, result.output
    assert _snapshot(catalog) == before
