"""`dlists import` on the 龙华 list published as an office publishes it (benchmarks/attachments.py): .xlsx with
附件2, 填表单位, merged department cells, 合计 and 注 rows; the same saved as .xls by LibreOffice; a .docx with the
department cells merged vertically; the PDF LibreOffice makes of each. Also: content sniffing and refusals."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import attachments  # noqa: E402

TITLE = "深圳市龙华区街道承接区政府部门行政处罚事项目录"
HAVE_SOFFICE = shutil.which("soffice") is not None
if not HAVE_SOFFICE and os.environ.get("DLISTS_REQUIRE_SOFFICE"):
    raise RuntimeError("DLISTS_REQUIRE_SOFFICE is set but soffice is not installed")
needs_soffice = pytest.mark.skipif(not HAVE_SOFFICE, reason="LibreOffice (soffice) not installed")
needs_data = pytest.mark.skipif(not attachments.LONGHUA.is_file(), reason="../shared/real-data not beside the project")


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    formats = ["xlsx", "docx"] + (["xls", "pdf", "docx.pdf"] if HAVE_SOFFICE else [])
    return attachments.make(tmp_path_factory.mktemp("attachments"), formats)


def _imported(out: Path) -> tuple[dict, list[dict]]:
    doc = yaml.safe_load((out / "440309" / "penalty.yaml").read_text(encoding="utf-8"))
    return doc["list"], doc["items"]


@needs_data
@pytest.mark.parametrize("fmt", ["xlsx", "docx", pytest.param("xls", marks=needs_soffice)])
def test_attachment_imports_as_published(made, fmt, xlsx_reader, tmp_path: Path, dlists):
    """296 penalty items of 6 departments to 6 sub-districts; the title without 附件2; no 合计/注 items."""
    out = tmp_path / "out"
    result = dlists("import", made[fmt], "-o", out, "-j", "440309", "--name", "深圳市龙华区", "--mode", "grant")
    assert result.exit_code == 0, result.output
    header, items = _imported(out)
    assert header["title"] == TITLE
    assert len(items) == 296 and {i["kind"] for i in items} == {"penalty"}
    assert len({i["department"] for i in items}) == 6
    assert all(len(i["delegation"]["to"]) == 6 for i in items)
    assert not [i for i in items if i["name"].startswith(("合计", "注"))]
    expected = [r[2] for r in attachments.rows_of(attachments.json.loads(attachments.LONGHUA.read_text(encoding="utf-8")))]
    assert [i["name"] for i in items] == expected
    assert "注：1.本目录" in result.output  # the note is reported, not imported


@needs_data
@needs_soffice
@pytest.mark.parametrize("fmt", ["pdf", "docx.pdf"])
def test_pdf_attachment(made, fmt, tmp_path: Path, dlists):
    """The PDF Calc makes of the workbook and the one Writer makes of the document: a header on every page,
    department cells merged across rows and pages, names wrapped in their cells, a note wrapped under the table.
    Every row's name and department read as the source has them."""
    out = tmp_path / "out"
    result = dlists("import", made[fmt], "-o", out, "-j", "440309", "--name", "深圳市龙华区", "--mode", "grant")
    assert result.exit_code == 0, result.output
    header, items = _imported(out)
    assert header["title"] == TITLE and len(items) == 296
    assert all(len(i["delegation"]["to"]) == 6 for i in items)
    source = attachments.rows_of(attachments.json.loads(attachments.LONGHUA.read_text(encoding="utf-8")))
    assert [i["name"] for i in items] == [r[2] for r in source]
    assert [i["department"] for i in items] == [r[1] for r in source]
    assert "注：1.本目录所列事项由各街道办事处以自己的名义实施；2.备注栏所列为承接范围的限定。" in result.output


def test_content_not_extension(xlsx_reader, tmp_path: Path, dlists):
    """An .xlsx renamed .xls is read as what it is; an empty file, a zip and a file of nonsense are refused."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["事项名称", "事项类型"])
    wb.active.append(["食品经营许可", "行政许可"])
    wb.save(tmp_path / "renamed.xls")
    result = dlists("import", tmp_path / "renamed.xls", "-o", tmp_path / "o", "-j", "1")
    assert result.exit_code == 0, result.output
    assert "read as .xlsx" in result.output
    (tmp_path / "empty.xlsx").write_bytes(b"")
    result = dlists("import", tmp_path / "empty.xlsx", "-o", tmp_path / "o2", "-j", "1")
    assert result.exit_code == 2 and "empty" in result.output
    (tmp_path / "bad.docx").write_bytes(b"PK\x03\x04" + b"\0" * 100)
    result = dlists("import", tmp_path / "bad.docx", "-o", tmp_path / "o3", "-j", "1")
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_furniture_words() -> None:
    from delegation_lists.importer.furniture import means_all, split_points, strip_attachment, total_count

    assert means_all("全县各镇（街道）") and means_all("各乡镇") and means_all("全区各街道") and not means_all("赵湾镇")
    assert strip_attachment("附件2：某县清单") == "某县清单" and strip_attachment("附件2") == ""
    assert total_count(["合计", "", "296项"]) == 296 and total_count(["食品经营许可"]) is None
    assert split_points("1.《甲法》第三条 2.《乙条例》第五条") == ["《甲法》第三条", "《乙条例》第五条"]
    assert split_points("《甲法》第3.2条") == ["《甲法》第3.2条"]
