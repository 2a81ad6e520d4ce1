"""The name scorer behind reconcile's suggestions and import --into's links: departments written another way,
action words, the kinds a name may be matched across, and the fast paths giving the plain answer."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from conftest import SHARED
from delegation_lists.catalog import load_catalog
from delegation_lists.catalog.matching import ItemMatcher, close_kinds
from delegation_lists.model.actions import actions, differ, marked
from delegation_lists.model.departments import Departments, abbreviates
from delegation_lists.model.similarity import NameIndex, normalise, tokens, tokens_of

LONGHUA = ["深圳市龙华区城市管理和综合执法局", "深圳市龙华区卫生健康局", "深圳市龙华区水务局", "深圳市龙华区住房和建设局",
           "深圳市生态环境局龙华管理局", "深圳市规划和自然资源局龙华管理局"]
GUANGAN = ["区人社局", "区医疗保障局", "区住建局", "区公安分局", "区残联", "区委办", "区卫健局", "区民政局"]


@pytest.mark.parametrize(("written", "meant"), [
    ("区城管局", LONGHUA[0]), ("城管局", LONGHUA[0]), ("深圳市龙华区城市管理局", LONGHUA[0]), ("区城管和综合执法局", LONGHUA[0]),
    ("区卫健局", LONGHUA[1]), ("住建局", LONGHUA[3]), ("区环保局", LONGHUA[4]), ("规土局", LONGHUA[5]),
    ("市规划和自然资源局龙华管理局", LONGHUA[5]), ("规划和自然资源局", LONGHUA[5]), (LONGHUA[2], LONGHUA[2]),
    ("观湖街道综合行政执法队", None), ("管理局", None), ("", None), (None, None),
])
def test_a_department_written_another_way(written: str | None, meant: str | None):
    assert Departments(LONGHUA, ["深圳市龙华区"]).resolve(written) == meant


@pytest.mark.parametrize(("written", "meant"), [
    ("区人力资源和社会保障局", "区人社局"), ("区医保局", "区医疗保障局"), ("区住房和城乡建设局", "区住建局"), ("公安局", "区公安分局"),
    ("残疾人联合会", "区残联"), ("区卫生健康局", "区卫健局"), ("区委办公室", "区委办"), ("区委统战部", None),
])
def test_a_short_catalog_name_and_a_full_written_one(written: str, meant: str | None):
    assert Departments(GUANGAN, ["四川省广安市广安区"]).resolve(written) == meant


def test_an_abbreviation_keeps_first_and_last_character():
    assert abbreviates("人社局", "人力资源和社会保障局") and abbreviates("城管局", "城市管理和综合执法局")
    assert not abbreviates("社局", "人力资源和社会保障局") and not abbreviates("委办", "委宣传部办公室")


def test_action_words():
    assert actions("残疾人证挂失补办") == {"reissue"} and actions("残疾人证换领") == {"exchange"}
    assert differ(actions("残疾人证补办"), actions("残疾人证换领"))
    assert not differ(actions("高龄津贴申领"), actions("高龄津贴发放"))  # applying is what the paying answers
    assert not differ(actions("小餐饮经营许可证核发"), actions("小餐饮经营许可"))  # issuing a licence approves it
    assert actions("个体工商户变更登记（备案）") == {"change"} and actions("护士执业注册（首次）") == {"issue"}
    assert actions("孤儿救助资格认定及基本生活费发放") == {"confirm", "pay"}
    assert not differ(actions("事实无人抚养儿童认定"), actions("事实无人抚养儿童认定及基本生活补贴发放"))
    assert not differ(actions("居住证办理"), actions("居住证签注"))  # no action word: nothing said
    assert marked("补发") == marked("补领") == marked("遗失补办") != marked("换发")


def test_tokens_of_many_names_are_each_names_tokens():
    names = [x["item_name"] for x in json.loads((SHARED / "real-data/longhua-440309/items.json").read_text(encoding="utf-8"))] \
        if (SHARED / "real-data").is_dir() else []
    names += ["ＡＢＣ　许可", "对（违法）建设的行政处罚", "e\u0301x", "\u0301开头", "", "对", "处罚", "a\x00b"]
    assert tokens_of(names) == [tokens(n) for n in names]


def _plain_ranked(index: NameIndex, name: str) -> list[tuple[str, float]]:
    """Every candidate scored, no pruning: what `ranked` must agree with above its floor."""
    mine = tokens(name)
    total = sum(sorted(index.weight(g) for g in mine))
    out = []
    for key, theirs in index.grams.items():
        both = sum(sorted(index.weight(g) for g in mine & theirs))
        if both:
            out.append((key, 0.75 * min(1.0, both / total) + 0.25 * min(1.0, both / index.totals[key])))
    return sorted(out, key=lambda t: (-t[1], t[0]))


def test_pruned_search_gives_the_plain_answer_above_its_floor():
    rng = random.Random(7)
    words = ["食品", "经营", "许可", "餐饮", "城市", "道路", "占用", "挖掘", "绿道", "擅自", "设置", "户外", "广告", "未按", "规定", "备案"]
    names = ["".join(rng.sample(words, rng.randint(2, 6))) for _ in range(400)]
    index = NameIndex([(f"K{i:03d}", n) for i, n in enumerate(names)])
    for query in names[:60] + ["".join(rng.sample(words, 3)) for _ in range(60)]:
        for floor in (0.3, 0.55, 0.8):
            plain = [(k, round(s, 9)) for k, s in _plain_ranked(index, query) if s >= floor]
            assert [(k, round(s, 9)) for k, s in index.ranked(query, floor)] == plain


def test_close_kinds():
    assert close_kinds("penalty") == {"penalty"} and close_kinds(None) is None
    assert close_kinds("public_service") == {"public_service", "benefit", "confirmation", "other"}
    assert "public_service" in close_kinds("benefit")  # both ways


REGION = """region:
  code: "100001"
  name: 样例县
  level: county
  children: [{code: "100001101", name: 甲镇, level: township}]
departments:
  - {name: 样例县市场监督管理局, short: 市场监管局}
  - {name: 样例县民政局}
"""
COUNTY = """list: {jurisdiction: "100001"}
items:
  - {code: C-1, name: 对未取得食品经营许可从事食品经营活动的处罚, kind: penalty, department: 市场监管局, legal_basis: [x]}
  - {code: C-2, name: 食品经营许可证核发, kind: licensing, department: 市场监管局, legal_basis: [x]}
  - {code: C-3, name: 高龄津贴发放, kind: public_service, department: 样例县民政局, legal_basis: [x]}
  - {code: C-4, name: 残疾人证补办, kind: confirmation, department: 样例县民政局, legal_basis: [x]}
  - {code: C-5, name: 残疾人证换领, kind: confirmation, department: 样例县民政局, legal_basis: [x]}
"""


@pytest.fixture
def matcher(tmp_path: Path) -> ItemMatcher:
    (tmp_path / "region.yaml").write_text(REGION, encoding="utf-8")
    (tmp_path / "county.yaml").write_text(COUNTY, encoding="utf-8")
    cat, _ = load_catalog([tmp_path])
    return ItemMatcher(cat, [e for e in cat.entries if e.jurisdiction == "100001"])


def test_a_penalty_is_never_a_licence(matcher: ItemMatcher):
    found = matcher.match("食品经营许可", "penalty", None)
    assert [c.code for c in found.ranked] == ["C-1"]
    assert [c.code for c in matcher.match("食品经营许可", "licensing", None).ranked] == ["C-2"]


def test_a_close_kind_is_a_candidate_scored_lower(matcher: ItemMatcher):
    found = matcher.match("高龄津贴申领", "benefit", "民政局")
    best = found.sure(0.6)
    assert best is not None and best.code == "C-3"
    same_kind = matcher.match("高龄津贴申领", "public_service", "民政局").best
    assert same_kind is not None and best.score == pytest.approx(same_kind.score * 0.9)


def test_another_action_and_another_department_are_not_the_item(matcher: ItemMatcher):
    assert [c.code for c in matcher.match("残疾人证遗失补办", "confirmation", None).ranked] == ["C-4"]
    assert matcher.match("残疾人证补办", "confirmation", "市场监管局").ranked == ()
    assert normalise("残疾人证补办") in {normalise(e.item.name or "") for e in matcher.entries}


def test_an_index_of_nothing_finds_nothing() -> None:
    """No candidates (a guide left without certificates by a broken file): no tokens, nothing ranked, no error
    (the fuzz test found `tokens_of([])` giving one empty set)."""
    from delegation_lists.model.similarity import NameIndex, tokens_of

    assert tokens_of([]) == []
    assert NameIndex([]).ranked("居住证明") == []
