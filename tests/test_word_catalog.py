"""A whole-catalog Word document (several jurisdictions' lists, one landscape section each) imports back per
jurisdiction: the .docx carries the layout a workbook carries in `_dlists` (a custom XML part,
publish/word_layout.py), the Word reader keeps each section's list apart (no joining of same-width tables across
lists), and the import writes each list back to its file. The part is never trusted: defusedxml, codes checked,
files through importer/layout.py."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import Catalog, load_catalog

docx = pytest.importorskip("docx")

DRAFT = "610928106"  # 蜀河镇, a draft: one of its rows takes on an item the county never had (no name to publish)


def _by_place(cat: Catalog) -> dict[str, set[tuple[object, ...]]]:
    """Per jurisdiction name: (name, kind, department, mode taken on, delegation mode, targets, basis, since)."""
    out: dict[str, set[tuple[object, ...]]] = {}
    for e in cat.entries:
        if e.item.name is None:
            continue
        d = e.item.delegation
        src = e.source.item.delegation if e.source is not None else None
        targets = tuple(sorted(cat.places[t].name if t in cat.places else t for t in d.to)) if d else ()
        row = (e.item.name, e.item.kind, e.item.department, e.item.mode or (src.mode if src else None),
               d.mode if d else None, targets, d.basis if d else None, d.since if d else None)
        out.setdefault(cat.places[e.jurisdiction].name, set()).add(row)
    return out


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from delegation_lists.cli import app

    out = tmp_path_factory.mktemp("word") / "all.docx"
    result = CliRunner().invoke(app, ["export", str(CATALOGS / "xunyang"), "-o", str(out), "--include-drafts", "--allow-problems"],
                                env={"DLISTS_NO_CACHE": "1"})
    assert result.exit_code == 0, result.output
    return out


def test_catalog_docx_round_trips_per_jurisdiction(exported: Path, tmp_path: Path, dlists):
    """Every jurisdiction's items back under it (names, kinds, departments, modes, targets, basis, date), each
    list in its file (county/delegation.yaml, townships/zhaowan.yaml, ...), no --jurisdiction needed."""
    back = tmp_path / "back"
    result = dlists("import", exported, "-o", back)
    # only the draft's row without a name is not imported (as from the workbook)
    assert re.findall(r"not imported: (\w+ \w+ \w+)", result.output) == ["no item name"], result.output
    original, _ = load_catalog([CATALOGS / "xunyang"])
    imported, _ = load_catalog([back])
    assert _by_place(imported) == _by_place(original)
    written = {p.relative_to(back).as_posix() for p in back.rglob("*.yaml")}
    assert {"county/delegation.yaml", "county/powers.yaml", "townships/zhaowan.yaml", "townships/lvhe.yaml",
            "townships/chengguan.yaml", "townships/shuhe-draft.yaml", "region.yaml"} <= written
    assert not any(re.search(r"/\d+/", f) for f in written)  # no 610928/1 folders
    zhaowan = [e for e in imported.entries if e.file.endswith("townships/zhaowan.yaml")]
    assert sum(1 for e in zhaowan if e.raw.source is not None) == 92  # taken on: `source:` again


def test_the_word_reader_keeps_lists_apart(exported: Path):
    """Sections of one width stay apart: 8 lists, 8 tables, each with its title and jurisdiction; the notes of a
    list stay under it."""
    from delegation_lists.importer.readers import read_tables

    tables = [t for t in read_tables(exported) if t.kind == "word"]
    assert len(tables) == 8
    assert [t.jurisdiction for t in tables] == ["610928", "610928", "610928001", "610928102", "610928104", "610928104",
                                                 "610928106", "610928106"]
    assert all(t.rows[0][1][0].startswith("旬阳市") for t in tables)


def _with_part(source: Path, target: Path, change) -> Path:  # type: ignore[no-untyped-def]
    """`source` with its layout part rewritten by `change` (text -> text)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename.startswith("customXml/item") and b"urn:delegation-lists:layout" in data:
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(info, data)
    return target


@pytest.mark.parametrize("file", ["../outside.yaml", "/etc/x.yaml", ".git/hooks/x.yaml", "CON.yaml"])
def test_a_layout_part_naming_a_path_elsewhere_is_not_used(file: str, exported: Path, tmp_path: Path, dlists):
    """A layout part naming a file outside the output folder: not used (a note says why), everything written
    inside -o in the default layout."""
    changed = _with_part(exported, tmp_path / "x.docx", lambda t: t.replace("<c>county/delegation.yaml</c>", f"<c>{file}</c>"))
    out = tmp_path / "deep" / "out"
    result = dlists("import", changed, "-o", out)
    assert "layout is not used" in result.output, result.output
    written = list(tmp_path.rglob("*.yaml"))
    assert written and all(out in p.parents for p in written)


def test_a_layout_part_with_a_bad_code_stops(exported: Path, tmp_path: Path, dlists):
    changed = _with_part(exported, tmp_path / "x.docx", lambda t: t.replace('jurisdiction="610928001"', 'jurisdiction="../../escaped"'))
    result = dlists("import", changed, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "表3" in result.output, result.output
    assert not (tmp_path / "out").exists() and not list(tmp_path.parent.rglob("escaped*"))


def test_a_layout_part_with_a_dtd_is_refused(exported: Path, tmp_path: Path, dlists):
    bomb = '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">]>'
    changed = _with_part(exported, tmp_path / "x.docx", lambda t: bomb + t.split("?>", 1)[1])
    result = dlists("import", changed, "-o", tmp_path / "out")
    assert result.exit_code == 2 and "customXml/item2.xml" in result.output, result.output


def test_a_word_list_without_the_part_still_imports(exported: Path, tmp_path: Path, dlists):
    """Without the part (an office's own document), each section's list is still a table of its own; the rows
    are the owner's (--jurisdiction) as before."""
    plain = _with_part(exported, tmp_path / "plain.docx", lambda t: '<?xml version="1.0"?><other xmlns="urn:else"/>')
    result = dlists("import", plain, "-o", tmp_path / "out", "-j", "610928", "--name", "旬阳市")
    assert "items read per table: 表1 98, 表2 15, 表3 37" in result.output.replace("\n", " "), result.output


def test_a_list_over_two_sections_stays_one(tmp_path: Path):
    """A list split over two sections (the second table repeating the header, no paragraph before it) is one
    table; a table after a section break with text of its own above it is another list."""
    from docx.enum.section import WD_SECTION

    from delegation_lists.importer.readers import read_tables

    doc = docx.Document()
    header = ["序号", "事项名称", "实施部门"]

    def table(rows: list[list[str]]) -> None:
        grid = doc.add_table(rows=0, cols=3)
        for cells in [header, *rows]:
            row = grid.add_row()
            for cell, text in zip(row.cells, cells, strict=True):
                cell.text = text

    doc.add_paragraph("某镇承接事项")
    table([["一、行政许可（共2项）", "一、行政许可（共2项）", "一、行政许可（共2项）"], ["1", "甲许可", "县局"]])
    doc.add_section(WD_SECTION.NEW_PAGE)
    table([["2", "乙许可", "县局"]])
    doc.add_section(WD_SECTION.NEW_PAGE)
    doc.add_paragraph("另一镇承接事项")
    table([["1", "丙许可", "县局"]])
    doc.save(str(tmp_path / "two.docx"))
    tables = read_tables(tmp_path / "two.docx")
    assert [[c[1] for _, c in t.rows if len(c) > 1] for t in tables] == [
        ["事项名称", "一、行政许可（共2项）", "甲许可", "事项名称", "乙许可"], ["事项名称", "丙许可"]]
