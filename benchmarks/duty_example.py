"""Write the duty lists of the 旬阳市 example catalog: the county guide (指导目录) and each township's duty list.

    python benchmarks/duty_example.py catalogs/xunyang

The guide's wording follows published township duty lists (领域 as their sections: 党的建设, 经济发展, 乡村振兴,
民生服务, 平安建设, 生态环境, 基层治理, 城乡建设); the recalled part takes its names from the real penalty items
深圳市龙华区 handed to its sub-districts (`../shared/real-data/longhua-440309`), the kind of enforcement the 2024
reform took back to county departments. Sizes near the national shares (117 / 99 / 124 of 340). The output is
deterministic; the files are committed, this script is how they were made.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LONGHUA = HERE.parent.parent / "shared" / "real-data" / "longhua-440309" / "items.json"

#: 领域 -> basic duties (the township does them and answers for them)
BASIC: dict[str, list[str]] = {
    "党的建设": [
        "宣传贯彻党的路线方针政策和上级决策部署", "加强镇党委自身建设", "抓好村（社区）党组织建设", "做好党员发展和教育管理监督",
        "落实全面从严治党主体责任", "抓好党风廉政建设和反腐败工作", "落实意识形态工作责任制", "做好统一战线工作",
        "领导工会、共青团、妇联等群团组织", "开展精神文明建设和新时代文明实践", "整顿软弱涣散村党组织", "指导村（社区）“两委”换届选举",
        "做好驻村第一书记和工作队日常管理", "加强非公有制经济组织和社会组织党建", "做好离退休干部和老党员服务管理", "推进党务、政务、村务公开",
        "抓好镇村干部队伍建设和教育培训", "做好人才引进培养和服务", "组织开展党员志愿服务", "管理宣传思想文化阵地",
    ],
    "经济发展": [
        "编制实施镇域经济社会发展规划", "做好招商引资和项目服务", "优化营商环境，为企业提供帮办服务", "发展壮大村级集体经济",
        "做好统计调查和统计数据质量管理", "编制执行镇级财政预算决算", "管理镇级国有资产", "管理村级集体资产和财务",
        "培育特色优势产业", "指导农民专业合作社和家庭农场发展", "推进农村电子商务发展", "做好重点项目征地拆迁协调",
        "开展经济运行监测分析", "做好个体工商户和小微企业服务", "推进镇村集市建设管理",
    ],
    "乡村振兴": [
        "巩固拓展脱贫攻坚成果", "做好防止返贫动态监测和帮扶", "组织实施村庄规划", "推进农村人居环境整治",
        "组织农村改厕和后续管护", "组织实施高标准农田建设的群众工作", "落实粮食生产责任", "推进农村土地承包经营权流转服务",
        "组织开展农业技术推广", "做好农村宅基地申请审核的初审", "做好农业防灾减灾组织工作", "推进移风易俗",
        "指导开展美丽乡村建设", "管理农村公益性设施", "组织开展农民技能培训",
    ],
    "民生服务": [
        "受理城乡居民基本养老保险参保登记", "受理城乡居民基本医疗保险参保缴费", "受理最低生活保障申请并入户调查", "受理特困人员救助供养申请",
        "实施临时救助", "受理残疾人两项补贴申请", "发放高龄老人生活补贴", "做好优抚对象服务和褒扬工作",
        "建设运行退役军人服务站", "提供就业创业政策咨询和服务", "做好控辍保学", "开展农村留守儿童和困境儿童关爱",
        "开展留守老人关爱服务", "保障妇女儿童合法权益", "推进殡葬改革", "落实计划生育家庭奖励扶助",
        "组织开展爱国卫生运动", "建设管理公共文化服务设施", "组织开展全民健身活动", "做好惠民惠农财政补贴资金发放",
        "建设运行便民服务中心", "提供政务服务事项帮办代办", "做好老年人助餐服务", "组织开展健康教育",
        "做好残疾人康复和就业服务",
    ],
    "平安建设": [
        "推进平安乡镇建设", "做好信访工作", "排查化解矛盾纠纷", "组织开展人民调解",
        "开展普法宣传教育", "推进法治乡镇建设", "做好社区矫正对象日常管理的配合", "做好安置帮教",
        "组织开展禁毒宣传", "组织开展反电信网络诈骗宣传", "开展网格化服务管理", "做好特殊人群服务管理",
        "组织开展国家安全宣传教育", "推进综治中心规范化建设",
    ],
    "生态环境": [
        "落实镇级河湖长制日常巡河", "落实镇级林长制日常巡林", "组织开展农村生活垃圾收运处置", "推进农村生活污水治理",
        "组织开展秸秆综合利用宣传", "做好农业面源污染防治的组织", "开展生态环境保护宣传", "落实生态环境保护网格化监管",
    ],
    "基层治理": [
        "指导村民委员会、居民委员会建设", "指导村（居）务监督委员会工作", "指导村规民约、居民公约制定", "做好村（社区）工作准入管理",
        "组织开展村（居）民议事协商", "培育发展社区社会组织", "做好流动人口服务管理", "管理镇属事业单位",
        "做好机构编制和人事管理", "落实政务公开和政府信息公开", "做好档案管理", "办理人大代表建议和政协委员提案",
    ],
    "城乡建设": [
        "维护集镇环境卫生和市容秩序", "管理集镇公共设施", "做好农村危房改造的组织实施", "推进农村公路日常养护",
        "做好农村饮水安全工程日常管护", "做好镇域内防汛设施日常管护", "组织开展集镇绿化美化",
    ],
    "应急管理": [
        "制定镇级突发事件应急预案", "组建镇级应急救援队伍", "做好应急物资储备", "组织开展应急演练",
        "做好灾情统计报送",
    ],
}

#: cooperate duties: (领域, name, the lead department's short name, the department's duty, the township's duty)
COOPERATE_THEMES: list[tuple[str, str, str, str, list[str]]] = [
    ("平安建设", "林业局", "负责森林防火监督管理和执法", "开展防火宣传，组织巡山护林，及时报告火情",
     ["森林防灭火", "野外火源管控", "森林资源管护", "古树名木保护", "林木采伐监督", "松材线虫病防控"]),
    ("平安建设", "自然资源局", "负责地质灾害防治监督管理和技术指导", "开展隐患点巡查，落实群测群防，组织避险转移",
     ["地质灾害防治", "地质灾害隐患点监测", "汛期地质灾害巡查", "切坡建房风险排查"]),
    ("平安建设", "水利局", "负责水旱灾害防御的组织指导和水利工程监管", "落实镇级防汛责任，组织巡查和群众转移",
     ["防汛抗旱", "山洪灾害防御", "小型水库安全度汛", "河道采砂秩序维护", "水土保持监督"]),
    ("平安建设", "应急管理局", "负责安全生产综合监督管理和执法", "开展安全生产宣传和隐患排查，发现问题及时报告",
     ["安全生产监督", "非煤矿山安全", "危险化学品安全", "烟花爆竹安全", "有限空间作业安全", "自建房安全排查", "消防安全",
      "人员密集场所安全", "汛期安全生产"]),
    ("平安建设", "市场监管局", "负责食品药品和特种设备安全监督管理和执法", "协助开展宣传和隐患排查，发现问题及时报告",
     ["食品安全监督管理", "农村集体聚餐食品安全", "校园周边食品安全", "药品安全", "特种设备安全", "产品质量安全",
      "价格秩序维护"]),
    ("平安建设", "交通运输局", "负责道路运输和农村公路安全监督管理", "协助开展交通安全宣传，劝导农村交通违法行为",
     ["农村道路交通安全", "农村客运安全", "农村公路路政管理", "水上交通安全"]),
    ("平安建设", "公安局", "负责社会治安管理和打击违法犯罪", "协助开展治安防范和宣传，及时报告线索",
     ["社会治安防控", "禁毒工作", "反电信网络诈骗", "流动人口登记", "重点人员稳控"]),
    ("生态环境", "生态环境分局", "负责生态环境监督管理和执法", "开展巡查，发现环境问题及时制止和报告",
     ["大气污染防治", "水污染防治", "土壤污染防治", "秸秆禁烧", "畜禽养殖污染防治", "饮用水水源地保护", "噪声污染防治",
      "固体废物污染防治"]),
    ("生态环境", "水利局", "负责河湖管理保护的监督指导", "落实镇级河湖长巡河，清理河道垃圾，制止侵占河道行为",
     ["河湖“清四乱”", "河道保洁", "入河排污口巡查"]),
    ("城乡建设", "自然资源局", "负责耕地保护和土地利用监督管理", "开展耕地保护巡查，发现违法占地及时制止和报告",
     ["耕地保护", "耕地“非农化”“非粮化”整治", "违法用地巡查", "农村乱占耕地建房整治", "国土空间规划实施监督"]),
    ("城乡建设", "住建局", "负责城乡建设和建筑市场监督管理", "协助开展巡查和宣传，发现问题及时报告",
     ["农村自建房质量安全", "建筑施工安全", "农村危房改造质量监督", "城镇燃气安全", "房屋安全鉴定"]),
    ("城乡建设", "城管执法局", "负责城市管理综合执法", "协助开展巡查，劝导和报告违法行为",
     ["违法建设治理", "集镇市容秩序", "户外广告管理", "城镇生活垃圾分类"]),
    ("乡村振兴", "农业农村局", "负责农业农村工作的行业管理和执法", "协助开展宣传、排查和统计，落实具体工作",
     ["动物防疫", "重大动物疫病防控", "农产品质量安全", "农药兽药使用监管", "农机安全", "农村宅基地管理",
      "农村集体经济组织管理", "耕地地力保护补贴核实", "农作物病虫害防治", "禁渔期管理"]),
    ("民生服务", "教体局", "负责教育事业发展和学校管理", "协助做好控辍保学、学生资助和校园周边治理",
     ["义务教育控辍保学", "学生资助", "校园周边环境治理", "学前教育普及", "校外培训机构监管"]),
    ("民生服务", "卫健局", "负责卫生健康事业管理和监督", "协助开展健康宣传、疫情报告和人群管理",
     ["传染病防控", "疫苗接种组织", "基本公共卫生服务", "家庭医生签约服务", "严重精神障碍患者管理"]),
    ("民生服务", "医保局", "负责医疗保障政策实施和基金监管", "做好参保动员和政策宣传",
     ["城乡居民医保参保扩面", "医保基金监管", "医疗救助"]),
    ("民生服务", "人社局", "负责社会保险和就业政策实施", "做好参保动员、就业信息采集和劳动纠纷调处",
     ["城乡居民养老保险参保扩面", "农民工工资支付保障", "劳动保障监察", "公益性岗位管理"]),
    ("民生服务", "民政局", "负责社会救助、养老服务和社会事务管理", "做好入户调查、信息采集和日常服务",
     ["城乡低保动态管理", "养老服务机构安全", "社会组织管理", "婚姻登记服务延伸", "未成年人保护"]),
    ("民生服务", "退役军人局", "负责退役军人服务保障政策实施", "做好信息采集、走访慰问和服务",
     ["退役军人优待抚恤", "退役军人就业创业", "烈士纪念设施保护"]),
    ("民生服务", "文旅局", "负责文化旅游市场管理和文物保护", "协助开展巡查和宣传，发现问题及时报告",
     ["文物保护", "旅游市场秩序", "网吧和娱乐场所管理", "非物质文化遗产保护"]),
]

#: the real department (深圳市龙华区) -> the 旬阳市 department that takes the penalty back
TAKERS = {"城市管理和综合执法局": "城管执法局", "规划和自然资源局": "自然资源局", "住房和建设局": "住建局",
          "生态环境局": "生态环境分局", "卫生健康局": "卫健局", "水务局": "水利局"}
#: county penalty items recalled to their department (not delegated: their recalled duty points at them)
RECALLED_ITEMS = {"对生产经营不符合食品安全标准食品的处罚": ("610928-CF-0006", "市场监管局"),
                  "对超标排放大气污染物的处罚": ("610928-CF-0007", "生态环境分局")}
TOWNSHIPS = {"chengguan": ("610928001", "城关街道"), "lvhe": ("610928102", "吕河镇"), "zhaowan": ("610928104", "赵湾镇"),
             "shuhe": ("610928106", "蜀河镇")}


def _taker(authority: str) -> str:
    return next((short for key, short in TAKERS.items() if key in authority), "城管执法局")


def _interleaved() -> list[dict[str, str]]:
    """The real penalty items, taking each department's in turn (so every department has some)."""
    by: dict[str, list[dict[str, str]]] = {}
    for x in json.loads(LONGHUA.read_text(encoding="utf-8")):
        by.setdefault(x["related_district_authority"], []).append(x)
    out: list[dict[str, str]] = []
    while any(by.values()):
        for rows in by.values():
            if rows:
                out.append(rows.pop(0))
    return out


def guide_entries() -> list[dict[str, object]]:
    """The county guide: basic, cooperate and recalled entries, codes by part."""
    out: list[dict[str, object]] = []
    for domain, names in BASIC.items():
        for name in names:
            out.append({"code": f"610928-JB-{len(out) + 1:03d}", "name": name, "part": "basic", "domain": domain,
                        "basis": ["《中共中央办公厅 国务院办公厅关于全面建立乡镇（街道）履行职责事项清单的意见》"],
                        "required": True})
    n = 0
    for domain, lead, lead_duty, duty, names in COOPERATE_THEMES:
        for name in names:
            n += 1
            out.append({"code": f"610928-PH-{n:03d}", "name": name, "part": "cooperate", "domain": domain, "lead": lead,
                        "lead_duty": lead_duty, "duty": duty, "required": n % 9 != 0})
    recalled = [(name, *RECALLED_ITEMS[name]) for name in RECALLED_ITEMS]
    recalled += [(x["item_name"], None, _taker(x["related_district_authority"])) for x in _interleaved()[: 124 - len(recalled)]]
    for n, (name, item, taker) in enumerate(recalled, 1):
        entry: dict[str, object] = {"code": f"610928-SH-{n:03d}", "name": name, "part": "recalled", "domain": "行政执法",
                                    "taken_by": taker, "how": "县级部门直接实施，乡镇发现问题及时报告", "required": True}
        if item:
            entry["item"] = item
        out.append(entry)
    return out


def _yaml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_yaml_value(v)}" for k, v in value.items()) + "}"
    text = str(value)
    plain = not any(c in text for c in ':#"[]{},&*!|>%@`') and text[:1] not in "-?'" and not text[:1].isdigit()
    return text if plain else json.dumps(text, ensure_ascii=False)


def dump(header: dict[str, object], entries: list[dict[str, object]], schema: str) -> str:
    lines = [f"# yaml-language-server: $schema={schema}", "list:"]
    lines += [f"  {k}: {_yaml_value(v)}" for k, v in header.items()]
    lines.append("duties:")
    for e in entries:
        first = True
        for k, v in e.items():
            lines.append(f"  {'- ' if first else '  '}{k}: {_yaml_value(v)}")
            first = False
    return "\n".join(lines) + "\n"


def township_entries(guide: list[dict[str, object]], key: str, code: str, name: str) -> list[dict[str, object]]:
    """What a township takes: every required entry, most optional ones (by a fixed pattern per township), and a
    few duties of its own; 蜀河镇 (a draft) places one optional duty in another part."""
    salt = sum(map(ord, key))
    out: list[dict[str, object]] = []
    for i, g in enumerate(guide):
        if not g["required"] and (i + salt) % 3 == 0:
            continue
        entry: dict[str, object] = {"source": g["code"]}
        if key == "shuhe" and not g["required"] and not any("part" in e for e in out):
            entry["part"] = "basic"  # a choice the county should look at (`dlists duties`), waived with the reason
            entry["waive"] = {"DL306": "蜀河镇地质灾害隐患点多，汛期巡查由镇自行组织、负全责"}
        out.append(entry)
    own = {"chengguan": ["老旧小区改造居民协调", "城市社区网格员队伍管理"], "lvhe": ["汉江沿岸防汛巡查", "吕河古镇保护利用"],
           "zhaowan": ["茶叶产业技术服务", "村级便民服务站运行管理", "集镇农贸市场管理"], "shuhe": ["蜀河古镇文物巡查"]}
    for n, own_name in enumerate(own[key], 1):
        out.append({"code": f"{code}-JB-{n:03d}", "name": own_name, "part": "basic", "domain": "经济发展" if n == 1 else "民生服务",
                    "basis": [f"旬阳市{name}“三定”规定"]})
    return out


def main(root: Path) -> None:
    guide = guide_entries()
    header: dict[str, object] = {"jurisdiction": "610928", "level": "county", "title": "旬阳市镇（街道）履行职责事项指导目录",
                                 "version": "2025-06", "guide": True}
    (root / "county" / "duty-guide.yaml").write_text(dump(header, guide, "../../schemas/duties.schema.json"), encoding="utf-8")
    for key, (code, name) in TOWNSHIPS.items():
        head: dict[str, object] = {"jurisdiction": code, "level": "township", "title": f"旬阳市{name}履行职责事项清单",
                                   "version": "2025-06"}
        path = root / "townships" / f"{key}-duties.yaml"
        path.write_text(dump(head, township_entries(guide, key, code, name), "../../schemas/duties.schema.json"), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "catalogs/xunyang"))
