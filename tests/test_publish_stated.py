"""A value every row of a published list shares (下放依据, 实施时间) is stated once, above the table or in each
section's heading, its column hidden (a workbook) or absent (Word, PDF): `dlists import` reads it back and gives
each row its value again, so export -> import keeps the delegation basis and date, in Chinese and in English."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import CATALOGS
from delegation_lists.catalog import Catalog, load_catalog
from delegation_lists.check import validate
from delegation_lists.importer.stated import stated_in_heading, stated_line
from printed import soffice, to_pdf

pytest.importorskip("docx")

TOWNSHIP_BASIS = "赵政发〔2023〕5号《赵湾镇人民政府关于村级便民服务站延伸办理事项的通知》"


def _view(cat: Catalog, code: str) -> set[tuple[object, ...]]:
    """(name, kind, department, mode taken on, (delegation mode, targets, basis, since)) of each item of `code`."""
    out = set()
    for e in cat.entries:
        if e.jurisdiction != code:
            continue
        src = e.source.item.delegation if e.source is not None else None
        d = e.item.delegation
        deleg = (d.mode, tuple(sorted(cat.places[t].name if t in cat.places else t for t in d.to)), d.basis, d.since) if d else None
        out.add((e.item.name, e.item.kind, e.item.department, e.item.mode or (src.mode if src else None), deleg))
    return out


@pytest.fixture(scope="module")
def relaying(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example catalog where 赵湾镇 hands every item it takes on to its villages on one basis, one date:
    its list states both once, above the table."""
    root = tmp_path_factory.mktemp("relaying") / "xunyang"
    shutil.copytree(CATALOGS / "xunyang", root)
    path = root / "townships" / "zhaowan.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    for item in doc["items"]:
        if "source" in item:
            item["delegation"] = {"mode": "extend", "to": "all", "basis": TOWNSHIP_BASIS, "since": dt.date(2023, 9, 1)}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return root


def _export(dlists, catalog: Path, who: str, out: Path, lang: str, *more: str) -> Path:  # type: ignore[no-untyped-def]
    source = out.with_suffix(".xlsx") if out.suffix == ".pdf" else out
    result = dlists("export", catalog, "-j", who, "-o", source, "--lang", lang, *more)
    assert result.exit_code == 0, result.output
    return to_pdf(source, out.parent) if out.suffix == ".pdf" else out


CASES = [("610928", "旬阳市", "county"), ("610928104", "赵湾镇", "township")]


@pytest.mark.parametrize("fmt", ["xlsx", "docx", pytest.param("pdf", marks=pytest.mark.skipif(soffice() is None, reason="no LibreOffice"))])
@pytest.mark.parametrize("code, name, level", CASES)
def test_stated_values_come_back(fmt: str, code: str, name: str, level: str, relaying: Path, tmp_path: Path, dlists):
    """The county (basis and date in each section's heading) and 赵湾镇 (both once above its table): every item
    back with its delegation basis and date, no DL108, in each format."""
    out = _export(dlists, relaying, code, tmp_path / f"list.{fmt}", "zh")
    back = tmp_path / "back"
    result = dlists("import", out, "-o", back, "--jurisdiction", code, "--name", name, "--level", level)
    assert result.exit_code == 0 and "0 row(s) not imported" in result.output, result.output
    assert not [p for p in validate([back]).problems if p.code == "DL108"]  # each delegation has its basis
    original, _ = load_catalog([relaying])
    got = _view(load_catalog([back])[0], code)
    assert got == _view(original, code)
    assert all(d is not None and d[2] and d[3] for *_, d in got if d is not None)  # basis and date on every row


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.skipif(soffice() is None, reason="no LibreOffice"))])
def test_stated_in_english(fmt: str, relaying: Path, tmp_path: Path, dlists):
    """`--lang en` states "Basis: ..." and "Since: ..." (a section heading "1. Licensing (31 items; Basis: ...)");
    its furniture (Attachment 2, Issued by, Date, the Total row, Note, Page N of M) kept out of the items."""
    furniture = ("--attachment", "2", "--issuer", "Xunyang", "--date", "2023-07-01", "--note", "Updated as needed")
    for code, name, level in CASES:
        out = _export(dlists, relaying, code, tmp_path / code / f"list.{fmt}", "en", *furniture)
        back = tmp_path / code / "back"
        result = dlists("import", out, "-o", back, "--jurisdiction", code, "--name", name, "--level", level)
        assert result.exit_code == 0 and "0 row(s) not imported" in result.output, result.output
        imported, _ = load_catalog([back])
        assert _view(imported, code) == _view(load_catalog([relaying])[0], code)
        assert all(not d.header.title.startswith("Attachment") for d in imported.docs if d.header and d.header.title)


def test_the_docx_states_them_once(relaying: Path, tmp_path: Path, dlists):
    """What the import reads: the line above 赵湾镇's table, the county's section headings; no such column."""
    import docx

    county = _export(dlists, relaying, "610928", tmp_path / "c.docx", "zh")
    table = docx.Document(str(county)).tables[0]
    assert "下放依据" not in [c.text for c in table.rows[0].cells]
    assert stated_in_heading(table.rows[1].cells[0].text)[0][0] == "basis"
    township = _export(dlists, relaying, "赵湾镇", tmp_path / "t.docx", "zh")
    lines = [p.text for p in docx.Document(str(township)).paragraphs]
    assert f"下放依据：{TOWNSHIP_BASIS}" in lines and "实施时间：2023-09-01" in lines


@pytest.mark.parametrize("text, expected", [
    ("下放依据：旬政办发〔2023〕15号", ("basis", "旬政办发〔2023〕15号")),
    ("Basis: Decision 15", ("basis", "Decision 15")),
    ("实施时间： 2023-07-01", ("since", "2023-07-01")),
    ("承接方式：委托", ("mode", "委托")),
    ("发布单位：旬阳市人民政府", None),  # the issuer, not a field of the rows
    ("旬阳市向镇（街道）下放事项清单（共98项）", None),
    ("注：以上事项动态调整", None),
])
def test_stated_line(text: str, expected: tuple[str, str] | None):
    assert stated_line(text) == expected


@pytest.mark.parametrize("heading, expected", [
    ("一、行政许可（共31项；下放依据：旬政办发〔2023〕15号《关于向镇（街道）委托下放的通知》；实施时间：2023-07-01）",
     [("basis", "旬政办发〔2023〕15号《关于向镇（街道）委托下放的通知》"), ("since", "2023-07-01")]),
    ("1. Licensing (31 items; Basis: Decision 15 (2023); Since: 2023-07-01)",
     [("basis", "Decision 15 (2023)"), ("since", "2023-07-01")]),
    ("一、行政许可（共31项）", []),
    ("一、行政许可（自有事项，共3项）", []),
    ("一、行政许可", []),
])
def test_stated_in_heading(heading: str, expected: list[tuple[str, str]]):
    assert stated_in_heading(heading) == expected


def test_a_cell_wins_over_the_line(tmp_path: Path, dlists):
    """A row's own 下放依据 wins over the line above the table; a row without one takes the line's."""
    csv = tmp_path / "list.csv"
    csv.write_text("某县下放事项清单\n下放依据：县政发〔2023〕1号\n事项名称,事项类型,实施部门,下放方式,实施范围,下放依据\n"
                   "甲许可,行政许可,县局,委托,甲镇,\n乙许可,行政许可,县局,委托,甲镇,县政发〔2023〕2号\n", encoding="utf-8")
    result = dlists("import", csv, "-o", tmp_path / "back", "-j", "610000")
    assert result.exit_code == 0, result.output
    cat, _ = load_catalog([tmp_path / "back"])
    bases = {e.item.name: e.item.delegation.basis for e in cat.entries if e.item.delegation}
    assert bases == {"甲许可": "县政发〔2023〕1号", "乙许可": "县政发〔2023〕2号"}
