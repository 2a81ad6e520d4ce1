"""Hostile attachments (issue 13, deliverable 5), each made here from a small valid file (benchmarks/hostile.py):
a value at XFD1048576, a merge A3:XFD1048576, overlapping merges, a row past the sheet's end, a claimed
`<dimension>`, a styled empty cell at the sheet's end; billion laughs, an external entity and a part cut short
in a workbook, an OpenDocument sheet and a Word document; an .ods cell repeated over the whole sheet.

Each runs with its address space capped at 1 GB above what the test process holds (the bound the readers keep;
before, a 5 KB workbook took 2.7 GB and then a MemoryError). A refused file is one message naming it and the
cause, exit 2, nothing written; never a traceback or "bug in dlists"."""

from __future__ import annotations

import contextlib
import resource
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import hostile  # noqa: E402

pytestmark = pytest.mark.usefixtures("xlsx_reader")  # every test on calamine and on openpyxl

LIMIT = 1 << 30


@contextlib.contextmanager
def capped_memory() -> Iterator[None]:
    """The process's address space capped at 1 GB above its present size, for the block."""
    size = next(int(line.split()[1]) * 1024 for line in Path("/proc/self/status").read_text().splitlines()
                if line.startswith("VmSize:"))
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (size + LIMIT, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("hostile")
    return {**hostile.spreadsheets(out), **hostile.docx(out)}


def _run(dlists, path: Path, out: Path):  # type: ignore[no-untyped-def]
    if Path("/proc/self/status").exists():
        with capped_memory():
            result = dlists("import", path, "-o", out, "-j", "1", "--lang", "en")
    else:
        result = dlists("import", path, "-o", out, "-j", "1", "--lang", "en")
    assert "Traceback" not in result.output and "bug in dlists" not in result.output, result.output
    return result


REFUSED = {
    "far-cell": ("far-cell.xlsx", "XFD1048576", "200 columns"),
    "past-200-columns": ("GS3", "at most 200 columns"),
    "past-10m-cells": ("GR60000", "10,000,000 cells"),
    "overlapping-merges": ("merged ranges overlap",),
    "row-past-limit": ("row 2,147,483,647",),
    "laughs-sheet": ("xl/worksheets/sheet1.xml", "DTD or an entity"),
    "laughs-strings": ("xl/sharedStrings.xml", "DTD or an entity"),
    "laughs-workbook": ("xl/workbook.xml", "DTD or an entity"),
    "laughs-styles": ("xl/styles.xml", "DTD or an entity"),
    "external-entity": ("xl/sharedStrings.xml", "DTD or an entity"),
    "truncated-sheet": ("xl/worksheets/sheet1.xml", "not well-formed XML", "cut short"),
    "truncated-strings": ("xl/sharedStrings.xml", "not well-formed XML"),
    "truncated-workbook": ("xl/workbook.xml", "not well-formed XML"),
    "ods-repeated-cells": ("ods-repeated-cells.ods", "XFD1048003", "200 columns"),
    "ods-laughs": ("content.xml", "DTD or an entity"),
    "docx-laughs": ("docx-laughs.docx", "word/document.xml", "DTD or an entity"),
    "docx-external-entity": ("word/document.xml", "DTD or an entity"),
    "docx-truncated": ("word/document.xml", "not well-formed XML"),
}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_hostile_file_refused(name: str, files: dict[str, Path], tmp_path: Path, dlists):
    out = tmp_path / "out"
    result = _run(dlists, files[name], out)
    assert result.exit_code == 2, result.output
    text = " ".join(result.output.split())
    for word in REFUSED[name]:
        assert word in text, text
    assert "passwd" not in text and "root:" not in text
    assert not out.exists() or not any(out.rglob("*.yaml"))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) not installed")
@pytest.mark.parametrize("name, words", [("xls-far-cell", ("IV65536", "200 columns")), ("xls-sparse", ("GR50000", "10 values"))])
def test_hostile_xls_refused(name: str, words: tuple[str, ...], tmp_path: Path, dlists):
    """An .xls (LibreOffice's save) with a value at IV65536 (1.1 GB in calamine before), or ten values spread to
    GR50000 (670 MB): each sheet's extent read from its BIFF records first, refused."""
    made = hostile.xls(tmp_path / "made")
    result = _run(dlists, made[name], tmp_path / "out")
    assert result.exit_code == 2, result.output
    for word in words:
        assert word in " ".join(result.output.split())


@pytest.mark.parametrize("name", ["claimed-dimension", "styled-far-cell", "ods-trailing-empty-rows"])
def test_claims_and_styles_are_not_values(name: str, files: dict[str, Path], tmp_path: Path, dlists):
    """A `<dimension>` claiming the whole sheet, a styled empty cell at XFD1048576, the empty rows Calc writes
    to the sheet's end: the list's two rows are imported, nothing else is read."""
    result = _run(dlists, files[name], tmp_path / "out")
    assert result.exit_code == 0, result.output
    import yaml

    docs = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((tmp_path / "out").rglob("*.yaml"))]
    names = sorted(i["name"] for d in docs for i in d.get("items", []))
    assert names == sorted(r[0] for r in hostile.ROWS)


def test_huge_merge_covers_the_list_only(files: dict[str, Path], tmp_path: Path, dlists):
    """A merge A3:XFD1048576 over a two-row list: clipped to the list, row 3's cells take A3's value (as Excel
    shows them), row 2 is imported, row 3 reported; 3 GB before."""
    result = _run(dlists, files["huge-merge"], tmp_path / "out")
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "row 3" in text and "unknown kind" in text and "imported 1 items" in text


def test_extent_scan_units() -> None:
    from delegation_lists.importer.readers.extent import Extent, TooBig, cell_ref, column_letters, column_number

    assert column_number("XFD") == 16384 and column_letters(16384) == "XFD" and column_letters(200) == "GR"
    assert cell_ref("$B$12") == (12, 2) and cell_ref("12B") is None
    extent = Extent("S")
    extent.value_at(3, 2)
    extent.merge((2, 1), (1048576, 16384))
    extent.merge((9, 1), (12, 4))  # starts past the extent: dropped
    assert extent.finish().merges == [(2, 1, 3, 2)]
    with pytest.raises(TooBig, match="GS7"):
        Extent("S").value_at(7, 201)


def test_ods_merged_cells_filled(tmp_path: Path, dlists):
    """An .ods department cell merged down two rows (`number-rows-spanned`, the row below a covered cell): both
    rows get the department, as in .xlsx (calamine gives no merges for .ods; the scan does)."""
    import yaml

    cell = '<table:table-cell office:value-type="string"{}><text:p>{}</text:p></table:table-cell>'
    rows = (hostile.ods_row(["事项名称", "事项类型", "实施部门"])
            + "<table:table-row>" + cell.format("", "甲") + cell.format("", "行政许可")
            + cell.format(' table:number-rows-spanned="2"', "县市场监管局") + "</table:table-row>"
            + "<table:table-row>" + cell.format("", "乙") + cell.format("", "行政许可")
            + "<table:covered-table-cell/></table:table-row>")
    path = hostile.ods_file(tmp_path / "merged.ods", rows)
    result = dlists("import", path, "-o", tmp_path / "out", "-j", "1", "--lang", "en")
    assert result.exit_code == 0, result.output
    items = yaml.safe_load((tmp_path / "out" / "1" / "licensing.yaml").read_text(encoding="utf-8"))["items"]
    assert [(i["name"], i["department"]) for i in items] == [("甲", "县市场监管局"), ("乙", "县市场监管局")]
