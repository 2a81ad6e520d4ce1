"""Village lists (村级组织工作事项清单): the counts in `dlists stats`, the township's view in `dlists duties`, the
work-name matching behind DL502/DL504, the negative check on a guide's own entries, the parts by Chinese name."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import openpyxl

from conftest import CASES, CATALOGS
from delegation_lists.check import validate
from delegation_lists.model.work_match import THRESHOLD, WorkIndex, alternatives, core, match

CASE = CASES / "villages-township" / "input"


def test_stats_counts_each_village_part_exactly(dlists) -> None:
    data = json.loads(dlists("stats", CASE, "--format", "json").stdout)
    assert data["duties"] == {
        "100001101201": {"autonomy": 1, "assist": 5, "certificate": 2, "negative": 0, "micro_power": 1, "unresolved": 0, "total": 9},
        "100001101202": {"autonomy": 2, "assist": 2, "certificate": 1, "negative": 0, "micro_power": 1, "unresolved": 0, "total": 6},
    }  # 东岭村's entry in a township part (DL505) is counted nowhere
    assert data["duties_average"] is None  # the average is the townships'


def test_township_view_of_its_villages(dlists) -> None:
    view = json.loads(dlists("duties", CASE, "--format", "json").stdout)
    assert view["townships"] == []
    (town,) = view["villages"]
    assert town["township"] == "100001101" and town["unlisted"] == [{"jurisdiction": "100001101203", "name": "南沟村"}]
    assert [(v["name"], v["assist"], v["total"]) for v in town["villages"]] == [("东岭村", 5, 9), ("西河村", 2, 6)]
    works = {w["name"]: w for w in town["assist"]}
    assert [c["name"] for c in works["低保申请初审协助"]["villages"]] == ["东岭村", "西河村"]
    assert works["低保申请初审协助"]["code"] == "G-XZ-001" and works["低保申请初审协助"]["lead"] == "样例县民政局"
    (carrier,) = works["协助开展高龄津贴资格认证"]["villages"]
    assert carrier["admitted"] == {"basis": "样民发〔2024〕8号", "date": "2024-03-15", "applicant": "样例县民政局"}
    assert works["协助开展农村危房排查"]["villages"][0]["admitted"] is None and works["协助开展农村危房排查"]["code"] is None


def test_township_view_as_text_and_workbook(dlists, tmp_path: Path) -> None:
    text = dlists("duties", CASE, "--lang", "zh").stdout
    assert "甲镇：所辖村（社区）的工作事项" in text and "东岭村：样民发〔2024〕8号 2024-03-15" in text
    assert "东岭村未经准入" in text and "尚无清单的村（社区）1 个：南沟村" in text
    out = tmp_path / "v.xlsx"
    assert dlists("duties", CASE, "-f", "xlsx", "-o", out, "--lang", "zh").exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["村级组织工作事项", "甲镇村级协助事项"]
    rows = list(book["甲镇村级协助事项"].iter_rows(values_only=True))
    assert len(rows) == 2 + 7  # title, header, a row per village and assist work


def test_names_of_work_match_without_their_wrapping() -> None:
    assert core("协助开展招商引资项目服务工作") == "招商引资项目服务"
    assert alternatives("承担招商引资、协税护税任务") == ["招商引资协税护税", "招商引资", "协税护税"]
    assert match(core("参与征地拆迁"), core("承担征地拆迁工作")) == 1.0
    assert match(core("协助开展森林防火宣传"), core("森林防火执法")) < THRESHOLD  # (0.6: propaganda is not enforcement)
    index = WorkIndex([("N1", "承担招商引资、协税护税任务"), ("N2", "承担行政执法事项")])
    hit = index.best("协助做好行政执法", THRESHOLD)
    assert hit is not None and hit.key == "N2" and hit.matched == "行政执法"
    assert index.best("村民委员会选举", THRESHOLD) is None and index.best("居住证明", THRESHOLD) is None


def test_a_guide_entry_on_its_own_negative_list_is_reported_once(tmp_path: Path) -> None:
    """A township guide listing work its own negative list forbids: reported in the guide, not in each village
    that takes the entry."""
    root = tmp_path / "c"
    shutil.copytree(CASE, root)
    guide = root / "jia" / "village-guide.yaml"
    guide.write_text(guide.read_text(encoding="utf-8") + "  - {code: \"G-XZ-009\", name: 协助征地拆迁政策宣传, part: assist}\n",
                     encoding="utf-8")
    xihe = root / "jia" / "xihe.yaml"
    xihe.write_text(xihe.read_text(encoding="utf-8") + "  - source: \"G-XZ-009\"\n", encoding="utf-8")
    found = [p for p in validate([root], as_of=dt.date(2025, 1, 1)).problems if p.code == "DL502"]
    assert sorted((p.file.rsplit("/", 1)[-1], p.item) for p in found) == [("donglin.yaml", "DL-XZ-003"),
                                                                          ("village-guide.yaml", "G-XZ-009")]
    assert "G-FM-002" in found[-1].text("zh") or "G-FM-002" in found[0].text("zh")


def test_village_parts_by_chinese_name_in_the_schema(dlists) -> None:
    text = json.dumps(json.loads(dlists("schema", "duties").stdout), ensure_ascii=False)
    for name in ("依法自治事项", "协助政府工作事项", "出具证明事项", "负面事项", "小微权力事项", "admitted", "flow"):
        assert name in text


XUNYANG = CATALOGS / "xunyang"
VILLAGES = XUNYANG / "villages" / "zhaowan"


def test_the_draft_village_shows_each_village_rule_once(tmp_path: Path) -> None:
    """东坡村's draft waives its problems with the reason 草案 (the example validates clean); with the waivers
    taken out, each village rule is reported once, at its line, and nothing else anywhere under 赵湾镇."""
    root = tmp_path / "xunyang"
    shutil.copytree(XUNYANG, root)
    draft = root / "villages" / "zhaowan" / "dongpo-duties.yaml"
    lines = draft.read_text(encoding="utf-8").splitlines(keepends=True)
    draft.write_text("".join(x for x in lines if "waive" not in x), encoding="utf-8")
    text = draft.read_text(encoding="utf-8").splitlines()
    report = validate([root / "villages"], as_of=dt.date(2025, 1, 1))
    got = {p.code: p for p in report.problems}
    assert sorted(p.code for p in report.problems) == ["DL304", "DL501", "DL502", "DL503", "DL504", "DL505"]
    assert all(p.file.endswith("dongpo-duties.yaml") for p in report.problems)
    assert text[got["DL501"].line - 1].strip() == "part: assist"
    assert "招商引资" in text[got["DL502"].line - 1] and "610928-CFM-01" in got["DL502"].text("zh")
    assert "居住证明" in text[got["DL503"].line - 1] and "居民居住情况证明" in got["DL503"].text("zh")
    assert "基本履职事项" in text[got["DL505"].line - 1]
    assert got["DL304"].item == "610928104-CXW-004" and got["DL504"].item == "610928-FW-0021"


def _part_counts(path: Path, guides: dict[str, str]) -> dict[str, int]:
    import yaml

    counts = dict.fromkeys(("autonomy", "assist", "certificate", "negative", "micro_power"), 0)
    for d in yaml.safe_load(path.read_text(encoding="utf-8"))["duties"]:
        part = d.get("part") or guides[d["source"]]
        counts[part] = counts.get(part, 0) + 1
    return counts


def test_the_example_village_counts_are_exact(dlists) -> None:
    """stats' counts per part, against the parts read straight from the YAML (sources looked up by hand)."""
    import yaml

    guides = {d["code"]: d["part"] for f in (VILLAGES / "guide.yaml", XUNYANG / "county" / "village-guide.yaml")
              for d in yaml.safe_load(f.read_text(encoding="utf-8"))["duties"]}
    data = json.loads(dlists("stats", XUNYANG, "--format", "json").stdout)["duties"]
    for key, code in (("zhaowancun", "610928104201"), ("zhongshan", "610928104202"), ("dongpo", "610928104203")):
        want = _part_counts(VILLAGES / f"{key}-duties.yaml", guides)
        want.pop("基本履职事项", None)  # the draft's entry in a township part (DL505) counts nowhere
        assert data[code] == want | {"unresolved": 0, "total": sum(want.values())}, key
    assert "610928104" in data and set(data["610928104"]) == {"basic", "cooperate", "recalled", "unresolved", "total"}


def test_the_published_village_list_has_its_parts_as_sections(dlists, tmp_path: Path) -> None:
    out = tmp_path / "v.xlsx"
    assert dlists("export", XUNYANG, "-t", "duties", "-j", "赵湾村", "-o", out).exit_code == 0
    rows = [[c.value for c in r] for sheet in openpyxl.load_workbook(out).worksheets for r in sheet.iter_rows()]
    firsts = [r[0] for r in rows if isinstance(r[0], str)]
    total = int(firsts[0].split("共")[1].rstrip("项）"))
    assert firsts[0].startswith("旬阳市赵湾镇赵湾村村级组织工作事项清单（共")
    sections = [t for t in firsts if t[1:2] == "、"]
    assert [s.split("（")[0] for s in sections] == ["一、依法自治事项", "二、协助政府工作事项", "三、出具证明事项", "四、小微权力事项"]
    counts = [int(s.split("共")[1].rstrip("项）")) for s in sections]
    stats = json.loads(dlists("stats", XUNYANG, "--format", "json").stdout)["duties"]["610928104201"]
    assert counts == [stats["autonomy"], stats["assist"], stats["certificate"], stats["micro_power"]]
    assert sum(counts) == total == stats["total"]
    headers = [r[:5] for r in rows if r[0] == "序号"]
    assert headers[1] == ["序号", "事项名称", "主管部门", "村级协助内容", "准入依据"]
    assert headers[3] == ["序号", "领域", "事项名称", "法律政策依据", "运行流程"]
    admitted = [r for r in rows if r[1] == "协助开展自然灾害综合风险普查入户调查"]
    assert admitted[0][4] == "旬社工准〔2023〕12号（2023-08-10）"


def test_the_village_station_service_list(dlists, tmp_path: Path) -> None:
    """赵湾镇's stations: 直办 (extended), 代办 (assist) from its delegations, 协办 from the villages' assist work
    on items not handed to them."""
    out = tmp_path / "s.xlsx"
    assert dlists("export", XUNYANG, "-t", "stations", "-o", out).exit_code == 0
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["赵湾镇"]
    rows = [[c.value for c in r] for r in book["赵湾镇"].iter_rows()]
    assert rows[0][0] == "赵湾镇村级便民服务站服务事项清单（共18项）"
    sections = [r[0] for r in rows if isinstance(r[0], str) and r[0][1:2] == "、"]
    assert sections == ["一、直办事项（共4项）", "二、代办事项（共9项）", "三、协办事项（共5项）"]
    by_code = {r[1]: r for r in rows if isinstance(r[0], int)}
    assert by_code["610928-FW-0009"][5] == "全部村（7个）"
    assert by_code["610928-FW-0021"][5] == "赵湾村、东坡村、狮子沟村"
    assert by_code["610928-QR-0006"][5] == "赵湾村、中山村、东坡村"  # 低保 initial review: every listed village
