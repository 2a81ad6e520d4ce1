"""A catalog written unlike generate.py, the way another office's tooling might: one city with counties, each
county's items in one big file and a few small ones, items as one-line flow mappings with Chinese kinds and
modes, quoted text, comments between items, townships with entries of several shapes (plain, with notes, with a
local promised time limit), and own items.

    python benchmarks/other_shape.py [--counties 30] [--townships 12] [--items 2500] [--seed 7] -o DIR
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

KINDS = ["行政许可", "行政处罚", "行政确认", "公共服务", "行政检查", "行政给付"]
MODES = ["委托", "赋权", "帮办代办", "延伸"]
DEPTS = ["市场监督管理局", "自然资源局", "农业农村局", "民政局", "卫生健康局", "城市管理执法局", "应急管理局", "林业局"]
WORDS = ["农村宅基地", "小餐饮", "个体工商户", "林木采伐", "生猪屠宰", "城乡居民医保", "临时救助", "户外广告", "渔业捕捞", "建筑垃圾"]
ACTS = ["审批", "登记", "备案", "核发", "的处罚", "检查", "确认", "补贴发放"]


def county(rng: random.Random, out: Path, idx: int, towns: int, items: int) -> None:
    code = f"{450100 + idx:06d}"
    folder = out / f"{code}-县"
    folder.mkdir(parents=True)
    kids = [(f"{code}{t:03d}", f"甲{idx}乡{t}") for t in range(101, 101 + towns)]
    region = [f"region:\n  code: '{code}'\n  name: 样本{idx}县\n  level: county\n  children:"]
    region += [f"    - {{code: '{c}', name: {n}, level: township}}" for c, n in kids]
    region += ["departments:", *[f"  - name: 样本{idx}县{d}" for d in DEPTS]]
    (folder / "region.yaml").write_text("\n".join(region) + "\n", encoding="utf-8")
    taken: dict[str, list[tuple[str, str]]] = {c: [] for c, _ in kids}
    chunks: list[list[str]] = [[]]
    for i in range(items):
        kind, dept = rng.choice(KINDS), f"样本{idx}县{rng.choice(DEPTS)}"
        icode = f"{code}-{i:05d}"
        name = f"{rng.choice(WORDS)}{rng.choice(ACTS)}（{i}）"
        fields = [f"code: '{icode}'", f'name: "{name}"', f"kind: {kind}", f"department: {dept}",
                  f"legal_basis: ['《中华人民共和国行政许可法》第{rng.randint(1, 80)}条']"]
        if rng.random() < 0.35:
            mode = rng.choice(MODES)
            to = [c for c, _ in kids if rng.random() < 0.6]
            fields.append(f"delegation: {{mode: {mode}, to: [{', '.join(to)}], basis: 样政发〔2024〕{rng.randint(1, 50)}号}}")
            for c in to:
                taken[c].append((icode, mode))
        if i and i % 400 == 0:
            chunks[-1].append(f"  # ---- 第{i // 400}批 ----")
        if len(chunks) < 4 and i in (items * 7 // 10, items * 8 // 10, items * 9 // 10):
            chunks.append([])
        chunks[-1].append("  - {" + ", ".join(fields) + "}")
    for n, lines in enumerate(chunks):
        (folder / f"事项{n + 1}.yaml").write_text(f"list: {{jurisdiction: '{code}', level: county}}\nitems:\n" + "\n".join(lines) + "\n", encoding="utf-8")
    for c, name in kids:
        lines = []
        for src, mode in taken[c]:
            r = rng.random()
            if r < 0.6:
                lines.append(f"  - {{source: '{src}', mode: {mode}}}")
            elif r < 0.85:
                lines += [f"  - source: '{src}'", f"    mode: {mode}", f"    notes: {name}便民服务中心受理"]
            else:
                lines += [f"  - source: '{src}'", f"    mode: {mode}", "    promised_days: 3"]
        lines += [f"  - {{code: '{c}-Z{k}', name: {name}自有事项{k}, kind: 行政确认, department: {name}人民政府, legal_basis: ['《村民委员会组织法》']}}" for k in range(3)]
        sub = folder / "乡镇" / name
        sub.mkdir(parents=True)
        (sub / "承接清单.yaml").write_text(f"# {name}承接事项\nlist: {{jurisdiction: '{c}', level: township}}\nitems:\n" + "\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counties", type=int, default=30)
    ap.add_argument("--townships", type=int, default=12)
    ap.add_argument("--items", type=int, default=2500)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("-o", "--out", type=Path, required=True)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    for idx in range(args.counties):
        county(rng, args.out, idx, args.townships, args.items)


if __name__ == "__main__":
    main()
