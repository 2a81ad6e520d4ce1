"""Legal bases as data (`laws/`, `dlists laws`): numerals, titles, the citation parser on basis cells in the
shapes lists write them, the law index of a county and its townships, and the command in every format."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from typer.testing import CliRunner

from delegation_lists.catalog import load_catalog
from delegation_lists.cli import app
from delegation_lists.laws.index import law_index
from delegation_lists.laws.numerals import number
from delegation_lists.laws.parse import Citation, parse_basis, without_quoted_text
from delegation_lists.laws.query import article_number, law_uses
from delegation_lists.laws.titles import law_key, shown_title

DATA = Path(__file__).parent / "data"
FOREST = DATA / "laws-forest"
CASES = yaml.safe_load((DATA / "legal-bases.yaml").read_text(encoding="utf-8"))["cases"]
runner = CliRunner()


@pytest.mark.parametrize(("text", "value"), [
    ("35", 35), ("３５", 35), ("十", 10), ("十二", 12), ("三十五", 35), ("一百", 100), ("一百零五", 105),
    ("一百一十", 110), ("一百二十四", 124), ("两千零一十二", 2012), ("一千零七十六", 1076), ("二〇一九", 2019),
    ("叁拾伍", 35), ("零", 0), ("三十五条", None), ("", None), ("abc", None),
])
def test_numbers(text: str, value: int | None) -> None:
    assert number(text) == value


def test_titles_are_one_law() -> None:
    """The national prefix, quotes, width and spaces do not make another law; the table's abbreviations do not
    either; a provincial regulation stays itself."""
    assert law_key("《中华人民共和国森林法》") == law_key("森林法") == law_key("〈森林法〉") == "森林法"
    assert law_key("中华人民共和国 食品安全法") == "食品安全法"
    assert law_key("村委会组织法") == law_key("中华人民共和国村民委员会组织法") == "村民委员会组织法"
    assert law_key("陕西省森林管理条例") == "陕西省森林管理条例"
    assert law_key("中华人民共和国道路运输条例") == law_key("道路运输条例")
    assert shown_title("森林法", ["森林法"]) == "中华人民共和国森林法"  # the table knows the full title
    assert shown_title("某某条例", ["某某条例"]) == "某某条例"


def _written(c: Citation) -> str:
    text = c.key
    if c.article is None:
        return text
    text += f"#{c.article}"
    if c.paragraph or c.point:
        text += f".{c.paragraph or ''}"
    if c.point:
        text += f".{c.point}"
    return text


@pytest.mark.parametrize("case", CASES, ids=[c["basis"][:24] for c in CASES])
def test_basis_cells_parse(case: dict[str, object]) -> None:
    """Each cell of tests/data/legal-bases.yaml gives exactly its laws and articles, in order."""
    assert [_written(c) for c in parse_basis(str(case["basis"]))] == case["cites"]


def test_parse_details() -> None:
    (c,) = parse_basis("《中华人民共和国广告法》第五十五条之一")
    assert (c.law, c.article, c.sub) == ("中华人民共和国广告法", 55, 1)
    (c,) = parse_basis("陕政发〔2022〕11号《陕西省人民政府关于赋予镇（街道）部分县级行政执法权的决定》")
    assert c.number == "陕政发〔2022〕11号" and c.law == "陕西省人民政府关于赋予镇（街道）部分县级行政执法权的决定"
    (c,) = parse_basis("《国务院关于取消和下放一批行政许可事项的决定》（国发〔2015〕11号）")
    assert c.number == "国发〔2015〕11号"
    assert parse_basis("违反本法规定的") == [] and parse_basis("国家有关规定") == []
    # a line starting with an article continues the law of the line before
    (first,) = parse_basis("《食品安全法》第三十五条")
    (c,) = parse_basis("第三十六条", carry=first)
    assert (c.key, c.article) == ("食品安全法", 36)
    assert parse_basis("第三十六条") == []


def test_quoted_article_text_is_not_read() -> None:
    """Laws named in the article's text after the colon are not citations of the item."""
    cites = parse_basis("《中华人民共和国森林法》第七十三条：违反本法规定……依照《中华人民共和国行政处罚法》的规定处理。")
    assert [c.key for c in cites] == ["森林法"]
    shown = without_quoted_text("1.《森林法》第七十四条：违反本法规定。\n2.《森林法实施条例》第四十一条")
    assert shown == "1.《森林法》第七十四条……\n2.《森林法实施条例》第四十一条"


def test_hit_rate_on_the_cells() -> None:
    """Every cell of the corpus gives at least one law (the figure the CHANGELOG reports)."""
    found = sum(1 for case in CASES if parse_basis(str(case["basis"])))
    assert found == len(CASES)


@pytest.fixture(scope="module")
def forest_index():  # type: ignore[no-untyped-def]
    cat, broken = load_catalog([FOREST])
    assert broken == 0
    return law_index(cat)


def test_index_counts_a_law_once(forest_index) -> None:  # type: ignore[no-untyped-def]
    """《中华人民共和国森林法》, 《森林法》 and 中华人民共和国森林法 are one row: 3 county items, 3 township items
    inheriting them, the township's own item, one duty."""
    rows = [s for s in forest_index.laws if "森林法" in s.key and "实施条例" not in s.key]
    assert len(rows) == 1
    (forest,) = rows
    assert forest.law == "中华人民共和国森林法"
    assert (forest.items, forest.levels, forest.duties, forest.delegations) == (7, {"county": 3, "township": 4}, 1, 0)
    assert forest.articles == [34, 56, 73, 76]
    assert set(forest.written) == {"中华人民共和国森林法", "森林法"}
    # the law named in the article's quoted text is not cited by the item
    assert "行政处罚法" not in {s.key for s in forest_index.laws}
    assert forest_index.lines == forest_index.parsed == 10


def test_law_uses_at_every_level(forest_index) -> None:  # type: ignore[no-untyped-def]
    result = law_uses(forest_index, "森林法")
    got = [(u.jurisdiction, u.kind, u.code, u.source) for u in result.uses]
    assert got == [
        ("610928", "item", "610928-CF-0021", None), ("610928", "item", "610928-CF-0022", None),
        ("610928", "item", "610928-XK-0018", None),
        ("610928102", "item", "610928-CF-0021", "610928-CF-0021"),
        ("610928104", "item", "610928-CF-0021", "610928-CF-0021"), ("610928104", "item", "610928-CF-0022", "610928-CF-0022"),
        ("610928104", "item", "610928104-QT-0001", None), ("610928104", "duty", "610928104-PH-003", None),
    ]
    own = result.uses[6]
    assert (own.place, own.name, own.basis, own.path) == ("赵湾镇", "护林员巡护管理", "《森林法》第三十四条", "items[3].legal_basis[0]")
    # an article: those citing it (and none here citing the whole law)
    assert [u.code for u in law_uses(forest_index, "《中华人民共和国森林法》", 76).uses] == ["610928-CF-0022", "610928-CF-0022"]
    assert law_uses(forest_index, "森林法第三十四条").article == 34
    # a township that writes its own basis for an item taken on cites what it writes
    food = law_uses(forest_index, "食品安全法")
    assert [(u.jurisdiction, u.source) for u in food.uses] == [("610928", None), ("610928102", None), ("610928104", "610928-XK-0001")]


def test_did_you_mean(forest_index) -> None:  # type: ignore[no-untyped-def]
    assert law_uses(forest_index, "森林").candidates[:2] == ["中华人民共和国森林法", "中华人民共和国森林法实施条例"]
    assert law_uses(forest_index, "食品安全发").candidates == ["中华人民共和国食品安全法"]
    assert law_uses(forest_index, "森林法").candidates == []


def test_delegation_bases_are_documents(forest_index) -> None:  # type: ignore[no-untyped-def]
    """A delegation's decision is indexed by its title (with its number), a number alone by the number."""
    decision = next(s for s in forest_index.laws if s.key.startswith("陕西省人民政府关于赋予"))
    assert (decision.delegations, decision.number) == (1, "陕政发〔2022〕11号")
    assert any(s.key == "旬林委〔2024〕3号" and s.delegations == 1 for s in forest_index.laws)
    by_number = law_uses(forest_index, "陕政发〔2022〕11号")
    assert by_number.law == decision.law and [u.code for u in by_number.uses] == ["610928-CF-0021"]


def test_article_number() -> None:
    assert article_number("74") == article_number("七十四") == article_number("第七十四条") == 74
    assert article_number("x") is None


def test_cli_index_text_and_json() -> None:
    out = runner.invoke(app, ["laws", str(FOREST), "--lang", "zh"])
    assert out.exit_code == 0, out.output
    assert "《中华人民共和国森林法》" in out.output and "乡镇级" in out.output and "共 10 条依据" in out.output
    data = json.loads(runner.invoke(app, ["laws", str(FOREST), "-f", "json"]).output)
    forest = next(row for row in data["laws"] if row["key"] == "森林法")
    assert (forest["law"], forest["items"], forest["duties"]) == ("中华人民共和国森林法", 7, 1)
    assert data["hit_rate"] == 1.0 and data["unparsed"] == []


def test_cli_law_json_and_markdown() -> None:
    data = json.loads(runner.invoke(app, ["laws", str(FOREST), "--law", "《森林法》", "-f", "json"]).output)
    assert data["law"] == "中华人民共和国森林法" and len(data["items"]) == 8
    first = data["items"][0]
    assert {k: first[k] for k in ("jurisdiction", "jurisdiction_name", "code", "name")} == {
        "jurisdiction": "610928", "jurisdiction_name": "旬阳市", "code": "610928-CF-0021", "name": "对违法占用林地的行政处罚"}
    assert first["basis"].startswith("《中华人民共和国森林法》第七十三条第一款")
    md = runner.invoke(app, ["laws", str(FOREST), "--law", "森林法", "--article", "第三十四条", "-f", "markdown", "--lang", "zh"]).output
    assert md.startswith("## 引用《中华人民共和国森林法》第34条的事项（2 项") and "| 赵湾镇 | 610928104 |" in md


def test_cli_not_found_and_usage() -> None:
    out = runner.invoke(app, ["laws", str(FOREST), "--law", "森林", "--lang", "zh"])
    assert out.exit_code == 0 and "没有事项引用《森林》；是不是《中华人民共和国森林法》" in out.output
    assert runner.invoke(app, ["laws", str(FOREST), "--article", "3"]).exit_code == 2
    assert runner.invoke(app, ["laws", str(FOREST), "--law", "森林法", "--article", "x"]).exit_code == 2
    assert runner.invoke(app, ["laws", str(FOREST), "-f", "xlsx"]).exit_code == 2


def test_cli_xlsx(tmp_path: Path) -> None:
    index, uses = tmp_path / "laws.xlsx", tmp_path / "forest.xlsx"
    assert runner.invoke(app, ["laws", str(FOREST), "-f", "xlsx", "-o", str(index), "--lang", "zh"]).exit_code == 0
    assert runner.invoke(app, ["laws", str(FOREST), "--law", "森林法", "-f", "xlsx", "-o", str(uses), "--lang", "zh"]).exit_code == 0
    sheet = openpyxl.load_workbook(index).worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][0] == "引用的法律法规" and rows[2][:3] == ["法律法规", "事项", "县级"]
    assert rows[3][:4] == ["《中华人民共和国森林法》", 7, 3, 4]
    sheet = openpyxl.load_workbook(uses).worksheets[0]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][0] == "引用《中华人民共和国森林法》的事项（8 项）" and len(rows) == 10
    assert rows[2][:4] == ["旬阳市", "610928", "事项", "610928-CF-0021"] and rows[2][5].endswith("……")


def test_unparsed_lines_are_listed(tmp_path: Path) -> None:
    (tmp_path / "region.yaml").write_text((FOREST / "region.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "county.yaml").write_text(
        'list: {jurisdiction: "610928", level: county}\nitems:\n  - {code: A-1, name: 甲, kind: other, department: 林业局,'
        ' legal_basis: [依照有关规定办理, 《森林法》第十条]}\n', encoding="utf-8")
    data = json.loads(runner.invoke(app, ["laws", str(tmp_path), "-f", "json"]).output)
    assert (data["lines"], data["parsed"]) == (2, 1)
    assert data["unparsed"] == [{"type": "item", "jurisdiction": "610928", "code": "A-1", "basis": "依照有关规定办理",
                                 "file": str(tmp_path / "county.yaml"), "path": "items[0].legal_basis[0]"}]
    out = runner.invoke(app, ["laws", str(tmp_path), "--unparsed", "--lang", "zh"]).output
    assert "未识别出法律法规名称的依据" in out and "依照有关规定办理" in out
