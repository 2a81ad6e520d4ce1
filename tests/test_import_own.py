"""`dlists export --own section` writes a township's own items as sections of its list, 承接方式 "自有" (English
"own"): `dlists import` reads such a row as the township's own item (no mode, never linked to a parent's item),
not as a row with an unknown mode."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import Catalog, load_catalog
from delegation_lists.importer.furniture import is_own

ZHAOWAN = "610928104"


def _mine(cat: Catalog) -> set[tuple[object, ...]]:
    """赵湾镇's items: (name, kind, department, mode, own)."""
    out = set()
    for e in cat.entries:
        if e.jurisdiction == ZHAOWAN:
            own = e.source is None and e.raw.source is None and e.item.mode is None
            out.add((e.item.name, e.item.kind, e.item.department, e.item.mode, own))
    return out


@pytest.mark.parametrize("text, own", [("自有", True), ("自有事项", True), ("自 有", True), ("own", True), ("Own", True),
                                       ("own items", True), ("委托", False), ("自有委托", False), ("", False)])
def test_is_own(text: str, own: bool):
    assert is_own(text) is own


@pytest.mark.usefixtures("xlsx_reader")
def test_workbook_with_own_sections_round_trips(tmp_path: Path, dlists):
    """The whole catalog with --own section: every row imported, 赵湾镇's file back as it was (its 3 own items
    without a mode), the same as the default export gives back."""
    book = tmp_path / "s.xlsx"
    assert dlists("export", CATALOGS / "xunyang", "-o", book, "--own", "section").exit_code == 0
    result = dlists("import", book, "-o", tmp_path / "back")
    assert result.exit_code == 0 and "0 row(s) not imported" in result.output, result.output
    original, _ = load_catalog([CATALOGS / "xunyang"])
    back, _ = load_catalog([tmp_path / "back"])
    assert _mine(back) == _mine(original)
    assert sum(1 for *_, own in _mine(back) if own) == 3


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_word_with_own_sections(lang: str, tmp_path: Path, dlists):
    """赵湾镇's Word list with --own section (自有 / own in 承接方式): 95 items, the 3 own ones without a mode."""
    pytest.importorskip("docx")
    out = tmp_path / "z.docx"
    assert dlists("export", CATALOGS / "xunyang", "-j", "赵湾镇", "-o", out, "--own", "section", "--lang", lang).exit_code == 0
    result = dlists("import", out, "-o", tmp_path / "back", "-j", ZHAOWAN, "--name", "赵湾镇", "--level", "township")
    assert result.exit_code == 0 and "0 row(s) not imported" in result.output, result.output
    back, _ = load_catalog([tmp_path / "back"])
    items = [e for e in back.entries if e.jurisdiction == ZHAOWAN]
    assert len(items) == 95
    modeless = {e.item.name for e in items if e.item.mode is None and e.item.delegation is None}
    assert modeless == {"村民委员会选举指导", "农村五保供养对象日常走访", "村（社区）居民居住情况证明"}


def test_into_keeps_an_own_row_apart(tmp_path: Path, dlists):
    """--into: a row whose 承接方式 says 自有 stays the township's own item even when its name is a county item's."""
    catalog = tmp_path / "xunyang"
    shutil.copytree(CATALOGS / "xunyang", catalog)
    (catalog / "townships" / "zhaowan.yaml").unlink()
    sheet = tmp_path / "zhaowan.csv"
    sheet.write_text("赵湾镇承接县级事项清单\n序号,事项名称,事项类型,承接方式\n1,小餐饮经营许可,行政许可,委托\n"
                     "2,食品小作坊登记,行政许可,自有\n3,村民委员会选举指导,其他行政权力,自有\n", encoding="utf-8")
    result = dlists("import", sheet, "--into", catalog, "-j", "赵湾镇")
    assert result.exit_code == 0, result.output
    cat, _ = load_catalog([catalog])
    entries = {e.item.name: e for e in cat.entries if e.jurisdiction == ZHAOWAN}
    assert entries["小餐饮经营许可"].raw.source == "610928-XK-0002" and entries["小餐饮经营许可"].item.mode == "entrust"
    for name in ("食品小作坊登记", "村民委员会选举指导"):  # the first is a county item's name: still its own
        assert entries[name].raw.source is None and entries[name].item.mode is None
