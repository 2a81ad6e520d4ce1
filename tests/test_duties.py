"""Duty lists: the department view (`dlists duties`), the counts in `dlists stats`, the example catalog, the
schema, and the workbook of the department view."""

from __future__ import annotations

import json

import openpyxl

from conftest import CASES, CATALOGS

CASE = CASES / "duties-county" / "input"


def test_department_view_json_is_exact(dlists) -> None:
    result = dlists("duties", CASE, "--format", "json")
    assert result.exit_code == 0, result.output
    view = json.loads(result.stdout)
    assert [(t["jurisdiction"], t["basic"], t["cooperate"], t["recalled"]) for t in view["townships"]] == [
        ("100001101", 4, 1, 3), ("100001102", 2, 2, 1)]
    by = {d["department"]: d for d in view["departments"]}
    assert [(r["jurisdiction"], r["code"]) for r in by["样例县林业局"]["leads"]] == [("100001102", "G-PH-001")]
    assert [(r["jurisdiction"], r["code"]) for r in by["样例县自然资源局"]["took_back"]] == [
        ("100001101", "100001101-SH-002"), ("100001102", "100001102-SH-001")]
    assert [(r["jurisdiction"], r["code"]) for r in by["样例县市场监督管理局"]["took_back"]] == [("100001101", "G-PH-002")]
    assert view["inconsistent"] == [{"code": "G-PH-001", "name": "森林防灭火",
                                     "parts": {"100001101": "basic", "100001102": "cooperate"}}]


def test_stats_counts_duties_per_part(dlists) -> None:
    data = json.loads(dlists("stats", CASE, "--format", "json").stdout)
    assert data["duties"] == {"100001101": {"basic": 4, "cooperate": 1, "recalled": 3, "unresolved": 0, "total": 8},
                              "100001102": {"basic": 2, "cooperate": 2, "recalled": 1, "unresolved": 1, "total": 6}}
    # 乙镇's entry taking G-PH-009 (DL311: no such guide entry) is counted where it is listed, as 来源不明
    assert data["duties_national"] == {"basic": 117, "cooperate": 99, "recalled": 124, "total": 340}


def test_the_example_duty_lists_are_near_the_national_shares(dlists) -> None:
    view = json.loads(dlists("duties", CATALOGS / "xunyang", "--format", "json").stdout)
    assert len(view["townships"]) == 4
    for t in view["townships"]:
        assert 300 <= t["total"] <= 400 and t["basic"] > 100 and t["cooperate"] > 90 and t["recalled"] > 110
    assert [i["code"] for i in view["inconsistent"]] == ["610928-PH-009"]  # 蜀河镇's draft choice
    result = dlists("validate", CATALOGS / "xunyang", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["problems"] == []  # (蜀河镇 waives DL306 with its reason)


def test_department_workbook(dlists, tmp_path) -> None:
    out = tmp_path / "departments.xlsx"
    assert dlists("duties", CASE, "--format", "xlsx", "-o", out, "--lang", "zh").exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames[0] == "汇总" and "样例县自然资源局" in book.sheetnames
    rows = [[c.value for c in r] for r in book["样例县自然资源局"].iter_rows()]
    assert rows[0][0] == "样例县自然资源局" and len(rows) == 4


def test_duty_parts_by_chinese_name_and_the_schema(dlists) -> None:
    schema = json.loads(dlists("schema", "duties").stdout)
    assert "duties" in schema["properties"]
    text = json.dumps(schema, ensure_ascii=False)
    assert "基本履职事项" in text and "上级部门收回事项" in text


def test_published_duty_list_has_the_three_parts(dlists, tmp_path) -> None:
    out = tmp_path / "shuhe.xlsx"
    result = dlists("export", CATALOGS / "xunyang", "-t", "duties", "-j", "蜀河镇", "-o", out)
    assert result.exit_code == 0, result.output
    assert "1 list(s), 350 entries" in result.output  # (the duties, not the rows: each part repeats its header)
    book = openpyxl.load_workbook(out)  # a sheet per part, each under the list's title
    assert book.sheetnames == ["蜀河镇-基本履职事项", "蜀河镇-配合履职事项", "蜀河镇-上级部门收回事项"]
    rows = [[c.value for c in r] for sheet in book.worksheets for r in sheet.iter_rows()]
    firsts = [r[0] for r in rows if isinstance(r[0], str)]
    assert firsts[0].startswith("旬阳市蜀河镇履行职责事项清单（共350项）")
    assert all(str(sheet["A1"].value).startswith("旬阳市蜀河镇履行职责事项清单（共350项）") for sheet in book.worksheets)
    assert all(sheet.print_title_rows == "$1:$3" for sheet in book.worksheets)  # title, part, header on every page
    sections = [t for t in firsts if t[1:2] == "、"]
    assert [s.split("（")[0] for s in sections] == ["一、基本履职事项", "二、配合履职事项", "三、上级部门收回事项"]
    counts = [int(s.split("共")[1].rstrip("项）")) for s in sections]
    assert sum(counts) == 350
    headers = [r for r in rows if r[0] == "序号"]
    assert headers[0] == ["序号", "领域", "事项名称", "职责依据"]  # (no basic duty states its 承办机构: left out)
    assert headers[1][:5] == ["序号", "事项名称", "牵头部门", "部门职责", "乡镇配合职责"]
    assert headers[2][:4] == ["序号", "事项名称", "承接部门", "工作方式"]


def test_quick_duties_are_what_pydantic_makes() -> None:
    """Entries that only take a guide duty are made without pydantic: the same Duty, the same fields set."""
    import yaml
    from pydantic import ValidationError

    from delegation_lists.model.duties import DutyDoc, validate_duties

    docs = [CATALOGS / "xunyang" / "townships" / "shuhe-duties.yaml", CATALOGS / "xunyang" / "county" / "duty-guide.yaml"]
    datas = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in docs]
    datas.append({"list": {"jurisdiction": "1"}, "duties": [{"source": "A"}, {"source": "B", "code": "C", "notes": ""},
                                                             {"source": " D"}, {"source": 5}, {"code": "x"}, {"source": "E", "x": 1}]})
    for data in datas:
        try:
            whole = DutyDoc.model_validate(data)
        except ValidationError as exc:
            try:
                validate_duties(data)
            except ValidationError as again:
                assert again.errors() == exc.errors()
                continue
            raise AssertionError("the quick path accepted what pydantic refuses") from None
        header, duties = validate_duties(data)
        assert header == whole.header
        assert [d.__dict__ if d else None for d in duties] == [d.__dict__ for d in whole.duties]
        assert [d.model_fields_set if d else None for d in duties] == [d.model_fields_set for d in whole.duties]


OFFICES = CASES / "dl310-inherited-office" / "input"


def test_an_office_taken_from_the_guide_is_checked_once_per_township_and_office(dlists) -> None:
    """DL310 for an office a township takes from the county guide without having it: once per township and
    office, at the first entry taking it, the others named as related places (not reported again)."""
    problems = json.loads(dlists("validate", OFFICES, "-f", "json").stdout)["problems"]
    assert [(p["code"], p["path"], p["item"]) for p in problems] == [
        ("DL310", "duties[1].source", "G-JB-002"), ("DL310", "duties[4].source", "G-JB-005")]
    assert [(r["line"], r["path"]) for r in problems[0]["related"]] == [(5, "duties[2].source")]
    assert "related" not in problems[1] or not problems[1]["related"]


def test_an_office_written_in_a_guide_is_checked_where_it_is_taken(dlists, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """A township's guide for its villages names village bodies (责任主体: 村民委员会), not the township's offices:
    no DL310 at the guide, which it reported against the township's offices."""
    import shutil

    shutil.copytree(OFFICES, tmp_path / "c")
    town = tmp_path / "c" / "townships"
    (town / "region.yaml").write_text('region:\n  code: "100001101"\n  name: 甲镇\n  level: township\n  children:\n'
                                      '    - {code: "100001101201", name: 甲村, level: village}\n', encoding="utf-8")
    (town / "village-guide.yaml").write_text(
        'list: {jurisdiction: "100001101", level: township, guide: true, title: 甲镇村级组织工作事项指导目录}\nduties:\n'
        '  - code: "100001101-CXZ-001"\n    name: 召集村民会议\n    part: autonomy\n    domain: 基层治理\n'
        '    basis: [《中华人民共和国村民委员会组织法》]\n    office: 村民委员会\n', encoding="utf-8")
    problems = json.loads(dlists("validate", tmp_path / "c", "-f", "json").stdout)["problems"]
    assert [(p["file"].rsplit("/", 1)[-1], p["path"]) for p in problems if p["code"] == "DL310"] == [
        ("jia.yaml", "duties[1].source"), ("jia.yaml", "duties[4].source")]


def test_inherited_offices_read_no_list_below() -> None:
    """The check reads the township's lists, the guide above and the region files only (the invariant incremental
    and sharded validation rest on): 甲镇's problems are the same with the county's lists below dropped."""
    from delegation_lists.problems import Selection
    from test_invariants import _docs, violations

    assert list(violations(_docs(OFFICES), Selection({"DL310"}))) == []
