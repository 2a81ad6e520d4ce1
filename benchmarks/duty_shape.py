"""Generate a catalog of township duty lists for the benchmarks: counties, each with a region.yaml, a county guide
(指导目录) and its townships' duty lists (340 entries each by default: mostly taken from the guide with `source`,
some with a part of their own choice or a note, a few duties of the township's own).

    python benchmarks/duty_shape.py --counties 100 --townships 20 [--style taken|office|full] -o /tmp/duties
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DOMAINS = ("党的建设", "经济发展", "乡村振兴", "民生服务", "平安建设", "生态环境", "基层治理", "城乡建设")
DEPTS = ("林业局", "自然资源局", "水利局", "应急管理局", "市场监管局", "农业农村局", "住建局", "城管执法局", "卫健局", "民政局")
SHARES = (("basic", "JB", 117), ("cooperate", "PH", 99), ("recalled", "SH", 124))


def guide(county: str, entries: int, rnd: random.Random) -> str:
    lines = [f'list: {{jurisdiction: "{county}", level: county, title: 指导目录, guide: true}}', "duties:"]
    for part, abbr, share in SHARES:
        for n in range(1, round(share * entries / 340) + 1):
            code = f"{county}-{abbr}-{n:03d}"
            lines += [f'  - code: "{code}"', f"    name: 第{n}项{part}职责事项{rnd.randrange(10**6)}", f"    part: {part}",
                      f"    domain: {DOMAINS[n % len(DOMAINS)]}", f"    required: {'true' if n % 7 else 'false'}"]
            lines += _fields(part, n)
    return "\n".join(lines) + "\n"


def _fields(part: str, n: int) -> list[str]:
    """The lines of a part's own fields (basis; lead and both duties; the department that took it back)."""
    if part == "basic":
        return ["    basis: [《关于全面建立乡镇（街道）履行职责事项清单的意见》]"]
    if part == "cooperate":
        return [f"    lead: {DEPTS[n % len(DEPTS)]}", "    lead_duty: 负责监督管理和执法", "    duty: 开展巡查，发现问题及时报告"]
    return [f"    taken_by: {DEPTS[n % len(DEPTS)]}", "    how: 县级部门直接实施"]


OFFICES = ("党政办公室", "经济发展办公室", "社会事务办公室", "综合行政执法队", "平安建设办公室")


def township(county: str, code: str, entries: int, rnd: random.Random, style: str = "taken") -> str:
    """A township's duty list: `taken` entries take a guide entry (`source`, a few with a note); `office` entries
    also name the township office doing the work (every basic one); `full` entries write every field themselves
    (no `source`: a list published whole, as many townships keep it)."""
    lines = [f'list: {{jurisdiction: "{code}", level: township}}', "duties:"]
    for part, abbr, share in SHARES:
        for n in range(1, round(share * entries / 340) + 1):
            if style == "full":
                lines += [f'  - code: "{code}-{abbr}-{n:03d}"', f"    name: 第{n}项{part}职责事项{rnd.randrange(10**6)}",
                          f"    part: {part}", f"    domain: {DOMAINS[n % len(DOMAINS)]}"]
                lines += _fields(part, n)
                continue
            lines.append(f'  - source: "{county}-{abbr}-{n:03d}"')
            if style == "office" and part == "basic":
                lines.append(f"    office: {OFFICES[n % len(OFFICES)]}")
            if rnd.random() < 0.03:
                lines.append("    notes: 结合本镇实际细化")
    for n in range(1, 4):
        lines += [f'  - code: "{code}-ZY-{n:03d}"', f"    name: 本镇自有职责{n}", "    part: basic", "    domain: 民生服务",
                  "    basis: [本镇“三定”规定]"]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--counties", type=int, default=100)
    ap.add_argument("--townships", type=int, default=20)
    ap.add_argument("--entries", type=int, default=340)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--style", choices=("taken", "office", "full"), default="taken",
                    help="township entries: taken from the guide (default), taken with an office of their own, or written whole")
    ap.add_argument("-o", "--output", type=Path, required=True)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    for c in range(1, args.counties + 1):
        county = f"61{c:04d}"
        folder = args.output / county
        (folder / "townships").mkdir(parents=True, exist_ok=True)
        offices = f", offices: [{', '.join(OFFICES)}]" if args.style == "office" else ""
        children = "\n".join(f'    - {{code: "{county}{t:03d}", name: 第{c}县{t}镇, level: township{offices}}}'
                             for t in range(1, args.townships + 1))
        depts = "\n".join(f"  - {{name: 第{c}县{d}, short: {d}}}" for d in DEPTS)
        (folder / "region.yaml").write_text(f'region:\n  code: "{county}"\n  name: 第{c}县\n  level: county\n  children:\n'
                                            f"{children}\ndepartments:\n{depts}\n", encoding="utf-8")
        if args.style != "full":  # (lists written whole answer to no guide)
            (folder / "guide.yaml").write_text(guide(county, args.entries, rnd), encoding="utf-8")
        for t in range(1, args.townships + 1):
            code = f"{county}{t:03d}"
            (folder / "townships" / f"{code}.yaml").write_text(township(county, code, args.entries, rnd, args.style), encoding="utf-8")
    print(f"wrote {args.counties} counties x {args.townships} townships x {args.entries} duties under {args.output}")


if __name__ == "__main__":
    main()
