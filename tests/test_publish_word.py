"""`dlists export -o X.docx`: the published lists as Word tables (title, section rows, the header row repeated,
merged department cells, no row broken across pages, each list in a landscape section numbering its own pages),
read back by `dlists import` as the same items; `-o X.pdf` through LibreOffice, with clear messages when python-docx
or LibreOffice is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import load_catalog
from printed import soffice

docx = pytest.importorskip("docx")


def _same(cat, jurisdiction: str):  # type: ignore[no-untyped-def]
    """(name, kind, department, mode, targets) of each item of a jurisdiction, as published."""
    out = set()
    for e in cat.entries:
        if e.jurisdiction != jurisdiction:
            continue
        d = e.item.delegation
        mode = d.mode if d else e.item.mode or (e.source.item.delegation.mode if e.source and e.source.item.delegation else None)
        targets = tuple(sorted(cat.places[t].name if t in cat.places else t for t in d.to)) if d else ()
        out.add((e.item.name, e.item.kind, e.item.department, mode, targets))
    return out


@pytest.mark.parametrize("who, code, name, level", [("610928", "610928", "旬阳市", "county"), ("赵湾镇", "610928104", "赵湾镇", "township")])
def test_word_round_trip(who: str, code: str, name: str, level: str, tmp_path: Path, dlists):
    """docx -> `dlists import` gives back the same items: names, kinds, departments, modes, targets."""
    out = tmp_path / "list.docx"
    result = dlists("export", CATALOGS / "xunyang", "-j", who, "-o", out, "--attachment", "2", "--issuer", "旬阳市人民政府",
                    "--date", "2023-07-01", "--note", "以上事项动态调整")
    assert result.exit_code == 0, result.output
    back = tmp_path / "back"
    result = dlists("import", out, "-o", back, "--jurisdiction", code, "--name", name, "--level", level)
    assert "0 row(s) not imported" in result.output, result.output
    original, _ = load_catalog([CATALOGS / "xunyang"])
    imported, _ = load_catalog([back])
    got = _same(imported, code)
    assert got == _same(original, code)
    assert len(got) == len([e for e in original.entries if e.jurisdiction == code])


def test_the_word_document(tmp_path: Path, dlists):
    out = tmp_path / "z.docx"
    assert dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", out, "--attachment", "2").exit_code == 0
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert texts[:2] == ["附件2", "旬阳市赵湾镇承接县级事项清单（共92项）"]
    assert "旬阳市赵湾镇自有事项清单（共3项）" in texts
    taken, own = doc.tables
    header = taken.rows[0]
    assert [c.text for c in header.cells][:3] == ["序号", "事项编码", "事项名称"]
    assert header._tr.trPr.find(docx.oxml.ns.qn("w:tblHeader")) is not None  # repeated on every page
    assert all(r._tr.trPr.find(docx.oxml.ns.qn("w:cantSplit")) is not None for r in taken.rows)  # no row cut
    assert taken.rows[1].cells[0].text == "一、行政许可（共31项）" and len({id(c._tc) for c in taken.rows[1].cells}) == 1
    department = [c.text for c in header.cells].index("实施部门")
    column = [r.cells[department]._tc for r in taken.rows[2:6]]
    assert len({id(tc) for tc in column}) < len(column)  # 市场监管局 merged over its rows
    assert [c.text for c in taken.rows[-1].cells][:2] == ["合计", "共92项"]
    assert "承接方式" not in [c.text for c in own.rows[0].cells]
    for section in doc.sections:
        assert section.page_width > section.page_height  # landscape
        assert section._sectPr.find(docx.oxml.ns.qn("w:pgNumType")).get(docx.oxml.ns.qn("w:start")) == "1"
    assert "SECTIONPAGES" in doc.sections[1].footer._element.xml


def test_missing_libraries_and_programs_are_named(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch):
    import builtins

    real = builtins.__import__

    def no_docx(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "docx" or name.startswith("docx."):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_docx)
    result = dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.docx")
    assert result.exit_code == 2 and "delegation-lists[docx]" in result.output
    monkeypatch.setattr(builtins, "__import__", real)
    monkeypatch.setenv("PATH", str(tmp_path))  # no soffice
    result = dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and "LibreOffice" in result.output
    assert not list(tmp_path.iterdir())


def test_format_and_extension(tmp_path: Path, dlists):
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.pdf", "--format", "docx").exit_code == 2
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.txt").exit_code == 2
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "x.docx", "-t", "checklist").exit_code == 2


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(tmp_path: Path, dlists):
    from printed import numbering, read_pages

    out = tmp_path / "z.pdf"
    result = dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", out)
    assert result.exit_code == 0, result.output
    pages = read_pages(out)
    runs = numbering(pages)
    assert len(runs) == 2 and runs[-1] == [1]  # 赵湾镇's list, then its own items
    assert runs[0] == list(range(1, len(runs[0]) + 1)) and pages[0].footer == (1, len(runs[0]))
    assert "旬阳市赵湾镇承接县级事项清单（共92项）" in pages[0].text.replace(" ", "")
    assert [p.name for p in tmp_path.iterdir()] == ["z.pdf"]  # nothing left beside it
