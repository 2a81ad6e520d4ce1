"""Deterministic generator of a province-scale catalog in the real format.

    python benchmarks/generate.py --counties 100 --townships 20 --seed 1 -o DIR

Each county gets a folder with region.yaml (townships, departments), its lists split into files of
`--per-file` items (every kind, ~30% delegated), and one list per township taking on the items delegated to it
(plus a few own items). `--plant N` plants N problems per county so validation has something to report: in turn
promised > statutory, an unknown department, a township taking on an item not delegated to it, a delegation
to a township that does not exist.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

KINDS = ["licensing", "penalty", "coercion", "levy", "benefit", "inspection", "confirmation", "reward", "adjudication", "other", "public_service"]
ABBR = dict(zip(KINDS, ["XK", "CF", "QZ", "ZS", "GF", "JC", "QR", "JL", "CJ", "QT", "FW"], strict=True))
DEPTS = ["市场监督管理局", "民政局", "人力资源和社会保障局", "农业农村局", "自然资源局", "住房和城乡建设局", "卫生健康局",
         "退役军人事务局", "林业局", "水利局", "交通运输局", "医疗保障局", "公安局", "应急管理局", "城市管理执法局", "教育体育局"]
VERBS = ["许可", "审批", "登记", "备案", "核发", "认定", "补贴发放", "监督检查", "处罚", "征收", "奖励", "裁决"]
OBJECTS = ["食品经营", "农村宅基地", "林木采伐", "取水", "公共场所卫生", "建筑施工", "道路运输", "殡葬设施", "种子生产经营",
           "动物防疫条件", "临时用地", "排水", "燃气经营", "养老服务", "医疗救助", "就业困难人员", "特困人员", "河道采砂"]
LAWS = ["中华人民共和国食品安全法", "中华人民共和国土地管理法", "中华人民共和国森林法", "中华人民共和国水法", "公共场所卫生管理条例",
        "中华人民共和国建筑法", "中华人民共和国道路运输条例", "殡葬管理条例", "中华人民共和国种子法", "社会救助暂行办法"]
MATERIALS = ["申请书（原件1份）", "申请人身份证明（复印件1份）", "营业执照（复印件1份）", "场所使用证明或租赁合同",
             "经营场所平面布局图", "相关人员健康证明", "村民委员会意见", "现场勘查记录", "授权委托书及受托人身份证明"]
NUM = "一二三四五六七八九十"


def cn(n: int) -> str:
    return NUM[n - 1] if n <= 10 else f"{NUM[n // 10 - 1] if n >= 20 else ''}十{NUM[n % 10 - 1] if n % 10 else ''}"


def item(rng: random.Random, code: str, kind: str, dept: str, towns: list[str] | None) -> list[str]:
    name = f"{rng.choice(OBJECTS)}{rng.choice(VERBS)}（{code[-4:]}）"
    laws = rng.sample(LAWS, rng.randint(1, 2))
    stat = rng.choice([5, 10, 15, 20, 30])
    lines = [f'  - code: "{code}"', f"    name: {name}", f"    kind: {kind}", f"    department: {dept}",
             "    legal_basis:", *[f"      - 《{law}》第{cn(rng.randint(1, 99))}条" for law in laws],
             f"    statutory_days: {stat}", f"    promised_days: {rng.randint(1, stat)}",
             "    materials:", *[f"      - {m}" for m in rng.sample(MATERIALS, 3)],
             f"    service_objects: [{rng.choice(['自然人', '法人', '自然人, 法人'])}]", f"    online: {rng.choice(['true', 'false'])}",
             f"    notes: 办理地点为政务服务中心{rng.randint(1, 30)}号窗口，可网上预约办理"]
    if towns:
        lines += ["    delegation:", "      mode: entrust", f"      to: [{', '.join(towns)}]",
                  f"      basis: 政办发〔2023〕{rng.randint(1, 99)}号", "      since: 2023-07-01"]
    return lines


def write(path: Path, header: str, lines: list[str]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(header + "items:\n" + "\n".join(lines) + "\n", encoding="utf-8")


def county(rng: random.Random, out: Path, idx: int, args: argparse.Namespace) -> int:
    code = f"{610000 + idx * 100 + 1:06d}"[-6:]
    name = f"样例{idx:03d}县"
    towns = [(f"{code}{100 + t:03d}", f"第{t + 1}镇") for t in range(args.townships)]
    folder = out / f"county-{idx:03d}"
    region = [f'region:\n  code: "{code}"\n  name: {name}\n  level: county\n  children:' if towns else f'region:\n  code: "{code}"\n  name: {name}\n  level: county']
    region += [f'    - {{code: "{t}", name: {n}, level: township}}' for t, n in towns]
    region += ["departments:"] + [f"  - {{name: {name}{d}, short: {d}}}" for d in DEPTS]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "region.yaml").write_text("\n".join(region) + "\n", encoding="utf-8")
    taken: dict[str, list[str]] = {t: [] for t, _ in towns}
    items, count = [], 0
    for i in range(args.county_items):
        kind = KINDS[i % len(KINDS)]
        icode = f"{code}-{ABBR[kind]}-{i + 1:05d}"
        to = [t for t, _ in towns if rng.random() < args.town_items / max(args.county_items * 0.3, 1)] if towns and rng.random() < 0.3 else None
        plant = i % 4 if i < args.plant else None
        if plant in (2, 3) and towns:
            to = None if plant == 2 else [towns[0][0], "不存在镇"]
            taken[towns[0][0]].append(icode)  # 2: taken on though not delegated
        dept = rng.choice(DEPTS)  # drawn even when planted over: the items after it stay the same
        lines = item(rng, icode, kind, "未登记局" if plant == 1 else dept, to)
        if plant == 0:
            lines = [ln.replace("promised_days: ", "promised_days: 9") for ln in lines]
        items.append(lines)
        for t in to or []:
            if t in taken and plant != 3:
                taken[t].append(icode)
    for f in range(0, len(items), args.per_file):
        chunk = [ln for it in items[f: f + args.per_file] for ln in it]
        write(folder / "county" / f"list-{f // args.per_file + 1:03d}.yaml", f'list:\n  jurisdiction: "{code}"\n  level: county\n', chunk)
    count += len(items)
    for t, n in towns:
        lines = []
        for src in taken[t]:
            lines += [f'  - source: "{src}"', "    mode: entrust"]
            if args.town_fields in ("notes", "local"):
                lines.append(f"    notes: 由{n}综合便民服务中心受理")
            if args.town_fields == "local":
                lines.append("    promised_days: 1")
        for k in range(args.own_items):
            lines += item(rng, f"{t}-QT-{k + 1:04d}", "other", f"{n}人民政府", None)
        write(folder / "townships" / f"{t}.yaml", f'list:\n  jurisdiction: "{t}"\n  level: township\n', lines)
        count += len(taken[t]) + args.own_items
    return count


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counties", type=int, default=100)
    ap.add_argument("--townships", type=int, default=20, help="townships per county")
    ap.add_argument("--county-items", type=int, default=1000, help="items in each county's lists")
    ap.add_argument("--town-items", type=int, default=100, help="about how many items each township takes on")
    ap.add_argument("--own-items", type=int, default=2, help="own items per township")
    ap.add_argument("--per-file", type=int, default=200, help="items per county list file")
    ap.add_argument("--plant", type=int, default=2, help="problems planted per county")
    ap.add_argument("--town-fields", choices=("none", "notes", "local"), default="none",
                    help="fields a township entry sets besides source and mode: none, notes, or notes and a local promised_days")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    total = sum(county(rng, args.out, i + 1, args) for i in range(args.counties))
    files = sum(1 for _ in args.out.rglob("*.yaml"))
    print(f"wrote {total:,} items in {files:,} files under {args.out}")


if __name__ == "__main__":
    main()
