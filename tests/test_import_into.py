"""`dlists import FILE --into CATALOG`: 赵湾镇's own sheet (names only, no codes, shuffled, five names as a
township rewrites them, its three own items) linked to the county's items of catalogs/xunyang."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from delegation_lists.catalog.loading import load_catalog
from delegation_lists.reconcile import reconcile

pytestmark = pytest.mark.usefixtures("xlsx_reader")  # every test on calamine and on openpyxl

ROOT = Path(__file__).resolve().parent.parent
ZHAOWAN = "610928104"
#: county item -> the name 赵湾镇 writes; each close to its county name, none the same after normalising
REWRITTEN = {
    "610928-XK-0001": "食品经营许可(除仅销售预包装食品外)",
    "610928-GF-0002": "农机购置补贴申请受理",
    "610928-XK-0025": "公路用地范围内设置非公路标志审批",
    "610928-GF-0015": "自主就业退役士兵一次性经济补助金发放",
    "610928-QR-0010": "城乡居民医保缴费困难人员身份认定",
}
#: names the same after normalising (full-width brackets and spaces, a trailing 。) are linked as the same name
RETYPED = {"610928-FW-0002": "消费投诉举报受理\u3000", "610928-XK-0014": "城镇污水排入排水管网许可。"}


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    """catalogs/xunyang without 赵湾镇's list (its duty list stays)."""
    out = tmp_path / "xunyang"
    shutil.copytree(ROOT / "catalogs" / "xunyang", out)
    (out / "townships" / "zhaowan.yaml").unlink()
    return out


def _sheet(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """赵湾镇's sheet: title, 序号 and 事项名称 only, rows shuffled; returns it and name -> county code."""
    cat, _ = load_catalog([ROOT / "catalogs" / "xunyang"])
    mine = [e for e in cat.entries if e.jurisdiction == ZHAOWAN]
    rows: list[tuple[str, str]] = []  # (name written, county code or "")
    for e in mine:
        if e.source is not None:
            written = REWRITTEN.get(e.source.code) or RETYPED.get(e.source.code) or e.item.name or ""
            rows.append((written, e.source.code))
        else:
            rows.append((e.item.name or "", ""))
    random.Random(7).shuffle(rows)
    wb = Workbook()
    ws = wb.active
    ws.title = "赵湾镇"
    ws.append(["附件1"])
    ws.append(["赵湾镇承接县级权力事项清单"])
    ws.append(["序号", "事项名称"])
    for n, (name, _) in enumerate(rows, start=1):
        ws.append([n, name])
    path = tmp_path / "赵湾镇清单.xlsx"
    wb.save(path)
    return path, dict(rows)


def _entries(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["items"]


def test_township_sheet_into_catalog(catalog: Path, tmp_path: Path, dlists):
    """Every exact name linked to its county item, the five rewritten names linked by a near name with their
    score, the own items not linked to any county item; the jurisdiction found from the title; the file beside
    the other townships' lists; reconcile then finds every county item 赵湾镇 holds matched."""
    sheet, truth = _sheet(tmp_path)
    before = {p: p.read_bytes() for p in catalog.rglob("*") if p.is_file()}
    result = dlists("import", sheet, "--into", catalog, "--expect", "95")
    assert result.exit_code == 0, result.output
    written = catalog / "townships" / f"{ZHAOWAN}.yaml"
    entries = _entries(written)
    assert len(entries) == 95
    text = written.read_text(encoding="utf-8")
    by_source = {e["source"]: e for e in entries if "source" in e}
    assert set(by_source) == {c for c in truth.values() if c}  # every county item, none linked twice
    for name, code in truth.items():
        comment = next(line for line in text.splitlines() if f"「{name.strip()}」" in line)
        if code:
            assert code in comment, comment
        else:
            assert "未关联" in comment, comment
    for code, name in REWRITTEN.items():
        comment = next(line for line in text.splitlines() if f"「{name.strip()}」" in line)
        assert "相近名称" in comment and "相似度 0." in comment and code in comment
    assert all(e["mode"] == "entrust" for e in by_source.values())
    assert all(set(e) == {"source", "mode"} for e in by_source.values())
    summary = " ".join(result.output.split())
    assert "0 linked by code, 87 by name, 5 by a near name, 3 not linked" in summary
    assert {p: p.read_bytes() for p in before} == before  # nothing else touched
    cat, _ = load_catalog([catalog])
    res = reconcile(cat, "610928", [ZHAOWAN])
    child = res.children[0]
    assert len(child.matched) == 92 and not child.missing


def test_near_names_listed_not_linked(catalog: Path, tmp_path: Path, dlists):
    """`--near list`: the five rewritten names stay items of their own, the candidate and score in a comment."""
    sheet, _ = _sheet(tmp_path)
    result = dlists("import", sheet, "--into", catalog, "-j", "赵湾镇", "--near", "list", "--kind", "other",
                    "--expect", "95")
    assert result.exit_code == 0, result.output
    entries = _entries(catalog / "townships" / f"{ZHAOWAN}.yaml")
    assert sum(1 for e in entries if "source" in e) == 87
    own = [e for e in entries if "source" not in e]
    assert {e["name"] for e in own} >= set(REWRITTEN.values())
    assert all(e["code"].startswith(f"{ZHAOWAN}-QT-") for e in own)


def test_into_refusals(catalog: Path, tmp_path: Path, dlists):
    """A jurisdiction that has a list, one the catalog lacks, an -o outside the catalog, --expect: each a one-line
    refusal (exit 2) or exit 1, and nothing written."""
    sheet, _ = _sheet(tmp_path)
    result = dlists("import", sheet, "--into", ROOT / "catalogs" / "xunyang")
    assert result.exit_code == 2 and "zhaowan.yaml" in result.output
    result = dlists("import", sheet, "--into", catalog, "-j", "不存在镇")
    assert result.exit_code == 2 and "不存在镇" in result.output
    result = dlists("import", sheet, "--into", catalog, "-o", tmp_path / "elsewhere.yaml")
    assert result.exit_code == 2 and "outside" in result.output and not (tmp_path / "elsewhere.yaml").exists()
    result = dlists("import", sheet, "--into", catalog, "--expect", "96")
    assert result.exit_code == 1 and "96" in result.output


def test_repeated_and_department_rows(catalog: Path, tmp_path: Path, dlists):
    """A row repeated is linked once more and said to be a repeat; a short department name the catalog declares
    narrows the search; a name of another kind's item is not linked when the row's section names its kind."""
    wb = Workbook()
    ws = wb.active
    ws.append(["赵湾镇承接事项清单"])
    ws.append(["序号", "事项名称", "实施部门"])
    ws.append(["一、行政许可"])
    ws.append([1, "食品经营许可（仅销售预包装食品除外）", "市场监管局"])
    ws.append([2, "食品经营许可（仅销售预包装食品除外）", "市场监管局"])
    ws.append(["二、公共服务"])
    ws.append([3, "消费投诉举报受理", "市场监管局"])
    wb.save(tmp_path / "s.xlsx")
    result = dlists("import", tmp_path / "s.xlsx", "--into", catalog)
    assert result.exit_code == 0, result.output
    text = (catalog / "townships" / f"{ZHAOWAN}.yaml").read_text(encoding="utf-8")
    entries = _entries(catalog / "townships" / f"{ZHAOWAN}.yaml")
    assert [e.get("source") for e in entries] == ["610928-XK-0001", "610928-XK-0001", "610928-FW-0002"]
    assert "重复" in text.splitlines()[next(i for i, line in enumerate(text.splitlines()) if "第5行" in line)]
