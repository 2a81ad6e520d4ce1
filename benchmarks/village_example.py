"""Write the village lists of the 旬阳市 example catalog: 赵湾镇's 7 villages (村级便民服务站) and their lists.

    python benchmarks/village_example.py catalogs/xunyang

Writes `county/village-guide.yaml` (the county's 出具证明事项 and 负面事项 for every village), `villages/zhaowan/
guide.yaml` (赵湾镇's guide for its villages: 依法自治, 协助政府工作, 小微权力 with their flows) and three village lists:
赵湾村 and 中山村 (complete), 东坡村 (a draft, 草案, with one of each village problem, each waived with the reason
so that `dlists validate catalogs/` stays clean; `tests/test_villages.py` checks them with the waivers taken out).
The villages are declared in `region.yaml`; the items 赵湾镇 hands its village stations (帮办代办: 代办, 延伸: 直办)
are the `delegation:` entries of `townships/zhaowan.yaml` (HANDED below says which). The wording follows published
village lists (厅字〔2022〕28号, 民发〔2020〕122号 on certificates, 宁海 "36条" on micro-powers); the village names are
illustrative. The output is deterministic; the files are committed, this script is how they were made.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from duty_example import dump  # the same YAML writer as the township lists

TOWNSHIP = "610928104"
VILLAGES = {"zhaowancun": ("610928104201", "赵湾村"), "zhongshan": ("610928104202", "中山村"),
            "dongpo": ("610928104203", "东坡村")}  # (桂花村, 白果村, 狮子沟村 and 郭家湾村 have no list yet)
CERT_BASIS = "《关于改进和规范基层群众性自治组织出具证明工作的指导意见》（民发〔2020〕122号）"
LAW = "《中华人民共和国村民委员会组织法》"

#: the county's certificates a village may issue: (name, the department that uses it)
CERTIFICATES = [("居民居住情况证明", "公安局"), ("居家死亡证明", "卫健局"), ("亲属关系证明", "公安局"),
                ("集体经济组织成员身份证明", "农业农村局"), ("宅基地使用情况证明", "自然资源局")]
#: the county's negative list: work that must not be put on villages
NEGATIVE = ["承担招商引资、协税护税任务", "承担行政执法事项", "承担征地拆迁工作", "出具证明事项清单以外的证明",
            "开展以村为单位的评比达标表彰", "加挂各类机构牌子", "与村级组织签订各类目标责任书",
            "推销商业保险、代收代缴各类费用", "要求村干部使用政务应用程序打卡"]

#: 依法自治事项: 领域 -> (name, basis article)
AUTONOMY: dict[str, list[tuple[str, str]]] = {
    "党的建设": [("落实“三会一课”制度", "《中国共产党农村基层组织工作条例》第二十五条"),
             ("做好农村党员教育管理", "《中国共产党农村基层组织工作条例》第二十七条")],
    "村民自治": [("组织村民委员会换届选举", f"{LAW}第十一条"), ("召集村民会议和村民代表会议", f"{LAW}第二十一条"),
             ("制定修订村规民约", f"{LAW}第二十七条"), ("落实村务公开", f"{LAW}第三十条"),
             ("组织民主评议村民委员会成员", f"{LAW}第三十五条"), ("支持村务监督委员会开展监督", f"{LAW}第三十二条")],
    "集体经济": [("管理村集体资产资源", f"{LAW}第二十四条"), ("公开村级财务收支", f"{LAW}第三十条"),
             ("组织村级公益事业一事一议筹资筹劳", "《村民一事一议筹资筹劳管理办法》第四条")],
    "公共事务": [("办理本村公共事务和公益事业", f"{LAW}第二条"), ("调解本村民间纠纷", "《中华人民共和国人民调解法》第八条"),
             ("协同维护本村社会治安", f"{LAW}第二条"), ("管护村内道路和公共设施", f"{LAW}第八条"),
             ("组织村民开展村庄环境卫生整治", f"{LAW}第八条"), ("开展文明村创建和家风家教建设", f"{LAW}第二十七条")],
}

#: 协助政府工作事项: (领域, name, lead department, what the village does, the county item it concerns or "")
ASSIST: list[tuple[str, str, str, str, str]] = [
    ("社会保障", "城乡居民基本养老保险参保登记代办", "人社局", "收取参保资料，代为办理参保登记", "610928-FW-0009"),
    ("社会保障", "城乡居民基本养老保险待遇申领代办", "人社局", "告知待遇领取条件，代收申领材料", "610928-GF-0006"),
    ("社会保障", "社会保障卡申领代办", "人社局", "代收申领材料，协助发放社会保障卡", "610928-FW-0012"),
    ("社会保障", "城乡居民基本医疗保险参保登记代办", "医保局", "动员参保，代为办理参保登记", "610928-FW-0017"),
    ("社会救助", "高龄老人生活补贴申请代办", "民政局", "代收申请材料，核对户籍年龄信息", "610928-GF-0011"),
    ("社会救助", "困难残疾人生活补贴申请代办", "民政局", "代收申请材料，协助入户核实", "610928-GF-0009"),
    ("社会救助", "重度残疾人护理补贴申请代办", "民政局", "代收申请材料，协助入户核实", "610928-GF-0010"),
    ("社会救助", "最低生活保障申请初审协助", "民政局", "协助入户调查、民主评议和张榜公示", "610928-QR-0006"),
    ("社会救助", "特困人员认定申请协助", "民政局", "协助入户调查，报告供养对象变化情况", "610928-QR-0007"),
    ("社会救助", "临时救助申请协助", "民政局", "及时发现并报告急难对象，协助核实情况", "610928-GF-0008"),
    ("卫生健康", "生育登记代办", "卫健局", "代收登记材料，代为办理生育登记", "610928-FW-0005"),
    ("退役军人服务", "退役军人信息采集协助", "退役军人局", "协助采集退役军人和其他优抚对象信息", "610928-FW-0015"),
    ("农业农村", "耕地地力保护补贴面积核实", "农业农村局", "协助核实种植面积并公示", "610928-GF-0001"),
    ("城乡建设", "农村危房改造对象评议公示", "住建局", "组织评议，张榜公示改造对象", "610928-GF-0003"),
    ("城乡建设", "农村饮水安全工程报修受理", "水利局", "受理群众报修，登记并报送镇水利站", "610928-FW-0007"),
    ("城乡建设", "农村公路养护问题受理", "交通运输局", "受理群众反映的路面损毁问题并报送", "610928-FW-0008"),
    ("平安建设", "地质灾害隐患点群测群防信息报送", "自然资源局", "落实隐患点监测员，汛期巡查并报送信息", "610928-FW-0021"),
    ("生态环境", "护林员管护信息登记", "林业局", "登记护林员巡护信息并报送", "610928-FW-0022"),
    ("平安建设", "协助开展防汛避险转移", "应急管理局", "汛期组织巡查，协助转移危险区域群众", ""),
    ("平安建设", "协助开展森林防火宣传和巡查", "林业局", "开展防火宣传，组织巡山，及时报告火情", ""),
    ("平安建设", "协助开展禁毒和反电信网络诈骗宣传", "公安局", "组织入户宣传，发现线索及时报告", ""),
    ("平安建设", "协助做好流动人口信息登记", "公安局", "登记报送流动人口信息", ""),
    ("城乡建设", "协助开展农村自建房安全排查", "住建局", "协助入户排查，报告安全隐患", ""),
    ("卫生健康", "协助开展疫苗接种和健康教育组织", "卫健局", "通知适龄人群接种，组织健康教育", ""),
    ("教育", "协助开展义务教育控辍保学", "教体局", "摸排适龄儿童入学情况，协助劝返", ""),
    ("生态环境", "协助开展秸秆禁烧巡查", "生态环境分局", "组织巡查，发现焚烧及时劝阻和报告", ""),
    ("农业农村", "协助开展动物防疫", "农业农村局", "组织农户参加免疫，报告疫情", ""),
]
#: the assist work every village must list: the items handed to all villages, and the work on 社会救助
REQUIRED_ASSIST = {"610928-FW-0009", "610928-GF-0006", "610928-FW-0012", "610928-FW-0017", "610928-GF-0011",
                   "610928-GF-0009", "610928-GF-0010", "610928-QR-0006", "610928-FW-0005", "610928-FW-0015",
                   "610928-FW-0007", "610928-FW-0008"}
#: the items 赵湾镇 hands its village stations (townships/zhaowan.yaml): item -> (mode, villages or "all")
HANDED = {**dict.fromkeys(("610928-FW-0009", "610928-GF-0006", "610928-FW-0012", "610928-FW-0017", "610928-GF-0011",
                           "610928-GF-0009", "610928-GF-0010", "610928-FW-0005", "610928-FW-0015"), ("assist", "all")),
          "610928-FW-0007": ("extend", "all"), "610928-FW-0008": ("extend", "all"),
          "610928-FW-0021": ("extend", "赵湾村、东坡村、狮子沟村"), "610928-FW-0022": ("extend", "中山村、白果村、郭家湾村")}

#: 小微权力事项: (领域, name, basis, flow)
MICRO: list[tuple[str, str, str, list[str]]] = [
    ("重大事项", "村级重大事项决策", "《中国共产党农村基层组织工作条例》第十九条",
     ["村党组织提议", "村“两委”联席会议商议", "党员大会审议", "村民会议或村民代表会议决议", "决议公开", "实施结果公开"]),
    ("重大事项", "村级工程项目建设", f"{LAW}第二十四条",
     ["村“两委”提出项目", "村民代表会议决议", "公开招标或比选", "签订合同", "施工监督", "竣工验收并公示"]),
    ("重大事项", "村集体资产资源发包租赁", f"{LAW}第二十四条",
     ["村“两委”提出方案", "村民代表会议决议", "公开发包或租赁", "签订合同并报镇备案", "结果公示"]),
    ("财务管理", "村级财务收支审批", "《农村集体经济组织财务制度》第三十条",
     ["经办人取得票据并注明用途", "村务监督委员会审核", "村委会主任审批", "镇农村集体“三资”代理服务中心记账", "按月公开"]),
    ("财务管理", "村级物资和服务采购", "《农村集体经济组织财务制度》第二十一条",
     ["提出采购需求", "村“两委”商议", "三家以上询价比选", "验收入账", "结果公示"]),
    ("便民服务", "农村宅基地申请初审", "《中华人民共和国土地管理法》第六十二条",
     ["农户提出申请", "村民小组会议讨论", "村级组织审查并公示", "报镇审批"]),
    ("便民服务", "社会救助对象民主评议", "《社会救助暂行办法》第十一条",
     ["受理申请", "协助入户调查", "召开民主评议会", "张榜公示", "报镇审核"]),
    ("便民服务", "集体经济组织成员身份确认", "《中华人民共和国农村集体经济组织法》第十二条",
     ["本人申请", "成员大会或成员代表大会表决", "公示", "报镇备案"]),
    ("党务管理", "发展党员", "《中国共产党发展党员工作细则》第三条",
     ["递交入党申请书", "确定入党积极分子", "确定发展对象", "支部大会讨论", "报镇党委审批"]),
    ("日常管理", "村级印章使用管理", "《陕西省村级组织印章管理办法》",
     ["提出用印申请", "村党组织书记审批", "登记用印", "存档备查"]),
]


def county_guide() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for n, (name, user) in enumerate(CERTIFICATES, 1):
        out.append({"code": f"610928-CZM-{n:02d}", "name": name, "part": "certificate", "basis": [CERT_BASIS], "lead": user})
    for n, name in enumerate(NEGATIVE, 1):
        out.append({"code": f"610928-CFM-{n:02d}", "name": name, "part": "negative",
                    "basis": ["《关于规范村级组织工作事务、机制牌子和证明事项的意见》（厅字〔2022〕28号）"]})
    return out


def township_guide() -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    for domain, rows in AUTONOMY.items():
        for name, basis in rows:
            out.append({"code": f"{TOWNSHIP}-CZZ-{len(out) + 1:03d}", "name": name, "part": "autonomy", "domain": domain,
                        "basis": [basis], "office": "村民委员会" if domain != "党的建设" else "村党组织", "required": True})
    for n, (domain, name, lead, duty, item) in enumerate(ASSIST, 1):
        entry: dict[str, object] = {"code": f"{TOWNSHIP}-CXZ-{n:03d}", "name": name, "part": "assist", "domain": domain,
                                    "lead": lead, "duty": duty}
        if item:
            entry["item"] = item
        entry["required"] = item in REQUIRED_ASSIST
        out.append(entry)
    for n, (domain, name, basis, flow) in enumerate(MICRO, 1):
        out.append({"code": f"{TOWNSHIP}-CXW-{n:03d}", "name": name, "part": "micro_power", "domain": domain,
                    "basis": [basis], "flow": flow, "required": n <= 8})
    return out


def village_entries(guide: list[dict[str, object]], county: list[dict[str, object]], name: str) -> list[dict[str, object]]:
    """Every required entry, the optional ones that fit the village (the items its station handles), four of the
    county's certificates, and its own admitted work."""
    out: list[dict[str, object]] = []
    for g in guide:
        item = g.get("item")
        handed = HANDED.get(str(item)) if item else None
        fits = handed is not None and (handed[1] == "all" or name in handed[1])
        if g["required"] or fits or (g["part"] == "assist" and handed is None and hash_pick(name, str(g["code"]))):
            out.append({"source": g["code"]})
    out += [{"source": c["code"]} for c in county if c["part"] == "certificate"][:4]
    return out


def hash_pick(village: str, code: str) -> bool:
    """A fixed choice per village and entry (two in three), the same on every run."""
    return (sum(map(ord, village + code)) % 3) != 0


ADMITTED = {
    "赵湾村": [{"code": "610928104201-XZ-001", "name": "协助开展自然灾害综合风险普查入户调查", "part": "assist", "domain": "平安建设",
              "lead": "应急管理局", "duty": "组织入户调查，核实房屋和人口信息",
              "admitted": {"basis": "旬社工准〔2023〕12号", "date": "2023-08-10", "applicant": "应急管理局"}}],
    "中山村": [{"code": "610928104202-XZ-001", "name": "协助开展老年人健康体检组织", "part": "assist", "domain": "卫生健康",
              "lead": "卫健局", "duty": "通知65岁以上老年人按时体检，组织集中体检",
              "admitted": {"basis": "旬社工准〔2024〕5号", "date": "2024-04-18", "applicant": "卫健局"}}],
}


def draft_entries(guide: list[dict[str, object]], county: list[dict[str, object]]) -> list[dict[str, object]]:
    """东坡村's draft: one of each problem, each waived with the reason 草案 (DL304 and DL504 at the header)."""
    out = [e for e in village_entries(guide, county, "东坡村") if e["source"] != f"{TOWNSHIP}-CXW-004"]  # DL304
    out = [e for e in out if e["source"] != f"{TOWNSHIP}-CXZ-017"]  # DL504: 地质灾害隐患点群测群防 not listed
    code = "610928104203"
    out += [
        {"code": f"{code}-XZ-001", "name": "协助开展高标准农田建设项目选址", "part": "assist", "domain": "农业农村",
         "lead": "农业农村局", "duty": "协助踏勘选址，组织群众议事",
         "waive": {"DL501": "草案：准入申请已报市委社会工作部，待批复"}},
        {"code": f"{code}-XZ-002", "name": "协助开展招商引资项目落地服务", "part": "assist", "domain": "经济发展",
         "lead": "市政府", "duty": "协助项目选址和群众工作",
         "admitted": {"basis": "赵政发〔2024〕9号", "date": "2024-05-06"},
         "waive": {"DL502": "草案：镇上安排的工作，待核实是否属于负面事项"}},
        {"code": f"{code}-ZM-001", "name": "居住证明", "part": "certificate",
         "waive": {"DL503": "草案：证明名称待按指导目录规范"}},
        {"code": f"{code}-JB-001", "name": "村级公益设施日常管护", "part": "基本履职事项", "domain": "公共事务",
         "basis": [f"{LAW}第八条"], "waive": {"DL505": "草案：类别待调整为依法自治事项"}},
    ]
    return out


def main(root: Path) -> None:
    schema = "../../../../schemas/duties.schema.json"
    county = county_guide()
    head: dict[str, object] = {"jurisdiction": "610928", "level": "county", "guide": True, "version": "2024-06",
                               "title": "旬阳市村（社区）出具证明事项清单和工作事务负面清单"}
    (root / "county" / "village-guide.yaml").write_text(dump(head, county, "../../../schemas/duties.schema.json"), encoding="utf-8")
    folder = root / "villages" / "zhaowan"
    folder.mkdir(parents=True, exist_ok=True)
    guide = township_guide()
    head = {"jurisdiction": TOWNSHIP, "level": "township", "guide": True, "version": "2024-06",
            "title": "旬阳市赵湾镇村级组织工作事项指导目录"}
    (folder / "guide.yaml").write_text(dump(head, guide, schema), encoding="utf-8")
    for key, (code, name) in VILLAGES.items():
        draft = key == "dongpo"
        head = {"jurisdiction": code, "level": "village", "version": "2024-06",
                "title": f"旬阳市赵湾镇{name}村级组织工作事项清单" + ("（草案）" if draft else "")}
        if draft:
            head["waive"] = {"DL304": "草案：村级财务收支审批待补列", "DL504": "草案：地质灾害群测群防待列入协助事项"}
        entries = draft_entries(guide, county) if draft else village_entries(guide, county, name) + ADMITTED[name]
        (folder / f"{key}-duties.yaml").write_text(dump(head, entries, schema), encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "catalogs/xunyang"))
