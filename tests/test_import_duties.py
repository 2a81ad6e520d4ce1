"""Duty lists (履行职责事项清单) imported as published (issue 20, deliverable 6): the workbook `dlists export -t
duties` writes of each example township, and a township's list as offices publish it (benchmarks/
duty_attachments.py): one sheet with the three parts as sections and 领域 merged down, a sheet per part with the
headers real lists use and 领域 as section rows, a Word document with a table per part and 领域 cells merged
vertically. Each comes back as the `duties:` document of the township: every entry in its part, with its
name, domain, bases, office, lead department and both duties, taking department and way of working."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
import duty_attachments  # noqa: E402
from delegation_lists.check import validate  # noqa: E402

XUNYANG = ROOT / "catalogs" / "xunyang"
TOWNSHIPS = {"赵湾镇": "610928104", "蜀河镇": "610928106", "吕河镇": "610928102", "城关街道": "610928001"}
#: the fields each part's columns show (a guide entry placed in another part keeps fields no column shows)
FIELDS = {"basic": ("name", "basis", "office"), "cooperate": ("name", "lead", "lead_duty", "duty"),
          "recalled": ("name", "taken_by", "how")}

pytestmark = pytest.mark.usefixtures("xlsx_reader")  # every test on calamine and on openpyxl


def _expected(name: str, domains: tuple[str, ...]) -> tuple[str, dict[str, list[tuple]]]:
    title, parts = duty_attachments.entries(XUNYANG, name)
    return title, {part: [tuple(e[f] or None for f in (*FIELDS[part], *(("domain",) if part in domains else ()))) for e in rows]
                   for part, rows in parts.items()}


def _imported(out: Path, code: str, domains: tuple[str, ...]) -> tuple[dict, dict[str, list[tuple]]]:
    doc = yaml.safe_load((out / code / "duties.yaml").read_text(encoding="utf-8"))
    parts: dict[str, list[tuple]] = {}
    for d in doc["duties"]:
        fields = (*FIELDS[d["part"]], *(("domain",) if d["part"] in domains else ()))
        parts.setdefault(d["part"], []).append(tuple(d.get(f) for f in fields))
    return doc["list"], parts


def _import(dlists, path: Path, out: Path, code: str, name: str) -> str:
    result = dlists("import", path, "-o", out, "-j", code, "--name", name, "--lang", "en")
    assert result.exit_code == 0, result.output
    assert validate([out]).counts()["error"] == 0
    return " ".join(result.output.split())


@pytest.mark.parametrize("name", sorted(TOWNSHIPS))
def test_export_round_trip(name: str, tmp_path: Path, dlists):
    """`dlists export -t duties` of each example township back into its duty list (the export writes 领域 for
    basic duties only)."""
    code = TOWNSHIPS[name]
    book = tmp_path / "duties.xlsx"
    assert dlists("export", XUNYANG, "-t", "duties", "-j", name, "-o", book).exit_code == 0
    said = _import(dlists, book, tmp_path / "out", code, name)
    title, expected = _expected(name, ("basic",))
    header, got = _imported(tmp_path / "out", code, ("basic",))
    assert header == {"jurisdiction": code, "level": "township", "title": title}
    assert got == expected
    counts = {p: len(v) for p, v in expected.items()}
    assert f"basic {counts['basic']}, cooperate {counts['cooperate']}, recalled {counts['recalled']}" in said


@pytest.mark.parametrize("shape, domains", [("one-sheet", ("basic",)), ("three-sheets", ("basic", "cooperate", "recalled")),
                                            ("word", ("basic",))])
def test_published_shapes(shape: str, domains: tuple[str, ...], tmp_path: Path, dlists):
    """The same township's list as offices publish it: every entry back in its part, 领域 from merged cells
    and from section rows, the title without 附件1 or the part's name, the 注 line reported, not imported."""
    made = duty_attachments.make(XUNYANG, "赵湾镇", tmp_path / "made")
    said = _import(dlists, made[shape], tmp_path / "out", "610928104", "赵湾镇")
    title, expected = _expected("赵湾镇", domains)
    header, got = _imported(tmp_path / "out", "610928104", domains)
    assert header["title"] == title
    assert got == expected
    if shape != "three-sheets":
        assert "本清单根据上级部署动态调整" in said
    region = yaml.safe_load((tmp_path / "out" / "region.yaml").read_text(encoding="utf-8"))
    assert region["region"]["level"] == "township"
    assert {d["name"] for d in region["departments"]} >= {e[1] for e in expected["cooperate"]}


def test_counts_codes_and_bad_rows(tmp_path: Path, dlists):
    """A section title stating another count is said; a row without a name is reported (exit 1); codes are
    numbered per part as the examples number them; 《…》、《…》 is two bases."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    for row in (["某镇履行职责事项清单"], ["一、基本履职事项（共3项）"], ["序号", "领域", "事项名称", "职责依据", "承办机构"],
                [1, "党的建设", "抓党建", "《甲条例》、《乙意见》第三条", "党政办"], [2, "党的建设", None, "《甲条例》", None],
                ["二、配合履职事项（共1项）"], ["序号", "事项名称", "牵头部门", "部门职责", "乡镇配合职责"],
                [1, "森林防火", "县林业局", "监管", "巡山"]):
        ws.append(row)
    wb.save(tmp_path / "d.xlsx")
    result = dlists("import", tmp_path / "d.xlsx", "-o", tmp_path / "out", "-j", "1", "--lang", "en")
    assert result.exit_code == 1, result.output
    text = " ".join(result.output.split())
    assert "row 5: not imported: no item name" in text
    assert "basic: the section title states 3 entries; 1 were read" in text
    duties = yaml.safe_load((tmp_path / "out" / "1" / "duties.yaml").read_text(encoding="utf-8"))["duties"]
    assert [(d["code"], d["part"]) for d in duties] == [("1-JB-001", "basic"), ("1-PH-001", "cooperate")]
    assert duties[0]["basis"] == ["《甲条例》", "《乙意见》第三条"] and duties[1]["lead"] == "县林业局"


def test_a_power_list_is_not_a_duty_list() -> None:
    from delegation_lists.importer.duty_rows import looks_like_duties
    from delegation_lists.importer.readers import Table

    power = Table("S", [(1, ["序号", "事项名称", "事项类型", "实施部门", "设定依据", "承接方式"]), (2, [1, "甲", "行政许可", "局", "法", "委托"])])
    duty = Table("S", [(1, ["序号", "履职事项", "职责依据"]), (2, [1, "甲", "法"])])
    assert not looks_like_duties([power]) and looks_like_duties([duty])
    assert looks_like_duties([Table("配合履职事项", [])])
    assert looks_like_duties([Table("S", [(1, ["二、配合履职事项（共9项）"])])])


def test_a_workbook_of_several_lists(tmp_path: Path, dlists):
    """The export of every duty list of the catalog (the county's guides, four townships, 赵湾镇's guide for its
    villages, two villages: a sheet each): refused without --name, naming the sheets; with --name the township's
    own list is read and the others said."""
    book = tmp_path / "all.xlsx"
    assert dlists("export", XUNYANG, "-t", "duties", "-o", book).exit_code == 0
    refused = dlists("import", book, "-o", tmp_path / "a", "-j", "610928104", "--lang", "en")
    assert refused.exit_code == 2 and "9 duty lists" in refused.output and "赵湾镇" in refused.output
    said = _import(dlists, book, tmp_path / "b", "610928104", "赵湾镇")
    assert "read 旬阳市赵湾镇履行职责事项清单 (named 赵湾镇), not 旬阳市镇（街道）履行职责事项指导目录" in said
    assert "赵湾镇赵湾村" in said  # (its villages' lists are among those not read)
    assert _imported(tmp_path / "b", "610928104", ("basic",))[1] == _expected("赵湾镇", ("basic",))[1]
