"""Attachments as offices send them, found wanting in QA: an .xls LibreOffice saved (its directory at the end),
section headings that name no kind, 注 lines numbered under the 注 row."""

from __future__ import annotations

import struct
from pathlib import Path

from delegation_lists.importer.readers.sniff import OLE, sniff


def _ole_file(path: Path, stream: str, filler_sectors: int = 126) -> None:
    """An OLE compound file (512-byte sectors) whose one FAT sector and directory sector come after
    `filler_sectors` sectors of data, as LibreOffice lays out the .xls it saves."""
    fat_at, dir_at = filler_sectors, filler_sectors + 1
    header = bytearray(512)
    header[:8] = OLE
    struct.pack_into("<HHH", header, 0x18, 0x3E, 3, 0xFFFE)
    struct.pack_into("<HH", header, 0x1E, 9, 6)
    struct.pack_into("<I", header, 0x2C, 1)  # one FAT sector
    struct.pack_into("<I", header, 0x30, dir_at)
    struct.pack_into("<I", header, 0x3C, 0xFFFFFFFE)
    struct.pack_into("<I", header, 0x44, 0xFFFFFFFE)
    struct.pack_into("<109I", header, 0x4C, fat_at, *([0xFFFFFFFF] * 108))
    fat = [0xFFFFFFFE] * 128
    fat[fat_at], fat[dir_at] = 0xFFFFFFFD, 0xFFFFFFFE
    entries = bytearray(512)
    for i, name in enumerate(["Root Entry", stream]):
        raw = name.encode("utf-16-le") + b"\0\0"
        entries[i * 128:i * 128 + len(raw)] = raw
        struct.pack_into("<H", entries, i * 128 + 0x40, len(raw))
    path.write_bytes(bytes(header) + b"\x01" * 512 * filler_sectors + struct.pack("<128I", *fat) + bytes(entries))


def test_ole_directory_past_the_head(tmp_path: Path) -> None:
    """The stream names of an .xls saved by LibreOffice sit at its end: still an .xls (read by calamine, no
    LibreOffice needed), a .doc still a .doc."""
    _ole_file(tmp_path / "a.xls", "Workbook")
    _ole_file(tmp_path / "b.doc", "WordDocument")
    _ole_file(tmp_path / "c.bin", "Other")
    assert sniff(tmp_path / "a.xls") == "xls"
    assert sniff(tmp_path / "b.doc") == "doc"
    assert sniff(tmp_path / "c.bin") == "ole"


def test_converted_format_named_in_chinese() -> None:
    """"已用 LibreOffice 从OLE 复合文档转换", not "从an OLE document转换"."""
    from delegation_lists.importer.readers.office import NAMES
    from delegation_lists.problems import msg

    for fmt in NAMES:
        zh = msg("import.note.converted", what=NAMES[fmt]).text("zh")
        en = msg("import.read.office_missing", what=NAMES[fmt], target="xlsx").text("en")
        assert "import.office" not in zh + en
        assert not any(word in zh for word in ("an OLE", "document", "web page", "binary")), zh
    assert msg("import.note.converted", what=NAMES["ole"]).text("en") == "converted from an OLE document by LibreOffice"


def _office_list(rows: list[list[str]]) -> list[list[str]]:
    """附件2, the title, a header (职能部门 as 龙华 writes it), `rows`, 合计, a note in numbered lines."""
    return [["附件2"], ["某区街道承接行政处罚事项目录"], ["序号", "事项名称", "区职能部门", "实施范围"], *rows,
            ["合计", "共3项"], ["注：1.本目录实行动态调整。"], ["2.街道以自己名义实施。"]]


BODY = [["一、城市管理（共2项）"], ["1", "对乱张贴的处罚", "区城管局", "全部"], ["2", "对乱堆放的处罚", "区城管局", "全部"],
        ["（二）卫生健康（共1项）"], ["3", "对无证行医的处罚", "区卫健局", "全部"]]


def _check(result, out: Path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    assert result.exit_code == 0, result.output
    items = yaml.safe_load((out / "440309" / "penalty.yaml").read_text(encoding="utf-8"))["items"]
    assert [i["name"] for i in items] == ["对乱张贴的处罚", "对乱堆放的处罚", "对无证行医的处罚"]
    assert [i["department"] for i in items] == ["区城管局", "区城管局", "区卫健局"]
    assert "2.街道以自己名义实施。" in result.output  # a note, not a row without a name
    assert "rows were read" not in result.output and "实际读到" not in result.output  # the 合计 row agrees


def test_domain_headings_and_numbered_notes_xlsx(tmp_path: Path, dlists) -> None:  # type: ignore[no-untyped-def]
    """Sections by 领域 (no kind named) are headings, not items; "2.……" under "注：1.……" is the note going on,
    not a row without a name; 区职能部门 is the department."""
    from openpyxl import Workbook

    wb = Workbook()
    for row in _office_list(BODY):
        wb.active.append(row)
    for at in (4, 7):
        wb.active.merge_cells(start_row=at, start_column=1, end_row=at, end_column=4)
    wb.save(tmp_path / "a.xlsx")
    out = tmp_path / "out"
    _check(dlists("import", tmp_path / "a.xlsx", "-o", out, "-j", "440309", "--mode", "grant", "--expect", "3"), out)


def test_domain_headings_docx(tmp_path: Path, dlists) -> None:  # type: ignore[no-untyped-def]
    """The same in Word: the heading row merged across the table (python-docx gives its text in every cell)."""
    from docx import Document

    rows = _office_list(BODY)
    doc = Document()
    for line in rows[:2]:
        doc.add_paragraph(line[0])
    table = doc.add_table(rows=0, cols=4)
    for row in rows[2:-3]:
        cells = table.add_row().cells
        if len(row) == 1:
            cells[0].merge(cells[3]).text = row[0]
        else:
            for cell, value in zip(cells, row, strict=True):
                cell.text = value
    cells = table.add_row().cells
    cells[0].text, cells[1].text = rows[-3]
    for line in rows[-2:]:
        doc.add_paragraph(line[0])
    doc.save(str(tmp_path / "a.docx"))
    out = tmp_path / "out"
    _check(dlists("import", tmp_path / "a.docx", "-o", out, "-j", "440309", "--mode", "grant", "--expect", "3"), out)


def test_names_wrapped_in_their_cells_are_one_line(tmp_path: Path, dlists) -> None:  # type: ignore[no-untyped-def]
    """A published list wraps long names inside the cell (Alt+Enter): the name is imported on one line (Chinese
    joined without a space, Latin words with one), so no DL117."""
    import yaml
    from openpyxl import Workbook

    from delegation_lists.importer.headers import one_line

    assert one_line("食品经营许可\n（仅销售预包装食品）") == "食品经营许可（仅销售预包装食品）"
    assert one_line("Wi-Fi\nhotspot") == "Wi-Fi hotspot"
    wb = Workbook()
    for row in [["序号", "事项名称", "区职能部门", "实施范围"], ["1", "对乱张贴\n的处罚", "区城管\n局", "全部"]]:
        wb.active.append(row)
    wb.save(tmp_path / "a.xlsx")
    out = tmp_path / "out"
    result = dlists("import", tmp_path / "a.xlsx", "-o", out, "-j", "440309", "--mode", "grant", "--kind", "penalty")
    assert result.exit_code == 0, result.output
    (item,) = yaml.safe_load((out / "440309" / "penalty.yaml").read_text(encoding="utf-8"))["items"]
    assert (item["name"], item["department"]) == ("对乱张贴的处罚", "区城管局")
    import json

    codes = {p["code"] for p in json.loads(dlists("validate", out, "-f", "json").stdout)["problems"]}
    assert "DL117" not in codes  # (the list has no basis: DL104/DL108 are this sample's own)
