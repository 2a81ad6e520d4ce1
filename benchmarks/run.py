"""Time dlists against the plain-PyYAML baseline on a generated catalog; print items/s, wall time, peak memory
and each ratio to the baseline.

    python benchmarks/run.py DIR [--repeat 3] [--only baseline,validate]

Each measurement runs in a fresh process (peak memory is that process's own maximum RSS); measurements
alternate (baseline, validate, baseline, validate, ...) so machine noise hits both alike, and the best run of
each is reported.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
import sys, yaml
from pathlib import Path
n = 0
for p in sorted(Path(sys.argv[1]).rglob("*.yaml")):
    data = yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    n += len(data.get("items") or []) + len(data.get("duties") or []) if isinstance(data, dict) else 0
print(n)
"""


CACHE_HOME = Path(tempfile.gettempdir()) / "dlists-bench-cache"  # the cached runs' working folder


def dlists(*args: str, cached: bool = False) -> list[str]:
    """A dlists command; cold (--no-cache) unless `cached`, whose cache lives under CACHE_HOME."""
    cmd = [sys.executable, "-m", "delegation_lists", *args]
    return cmd if cached else [*cmd, "--no-cache"]


def touch_one(folder: Path, first: bool = False) -> None:
    """Edit one list file (a comment line with a fresh value), as an analyst saving one edit would: the last file
    (a township's list), or with `first` the first (a county's list, which its townships' checks read too)."""
    path = sorted(p for p in folder.rglob("*.yaml") if p.name != "region.yaml")[0 if first else -1]
    text = path.read_text(encoding="utf-8").split("\n# bench-touch")[0]
    path.write_text(text + f"\n# bench-touch {time.time_ns()}\n", encoding="utf-8")


def measure(cmd: list[str]) -> tuple[float, float, int]:
    """(wall seconds, peak RSS in MB, exit code) of one process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=CACHE_HOME)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def count_items(folder: Path) -> int:
    out = subprocess.run([sys.executable, "-c", BASELINE, str(folder)], capture_output=True, text=True, check=True)
    return int(out.stdout)


def modified_copy(folder: Path, percent: float) -> Path:
    """A copy of `folder` with about `percent`% of the items changed (a name edited), made once and reused."""
    dst = folder.with_name(folder.name + f"-mod{percent:g}")
    if dst.exists():
        return dst
    shutil.copytree(folder, dst)
    step = max(1, round(100 / percent))
    for path in sorted(dst.rglob("*.yaml")):
        lines = path.read_text(encoding="utf-8").split("\n")
        seen = 0
        for i, line in enumerate(lines):
            if line.startswith("    name: "):
                seen += 1
                if seen % step == 0:
                    lines[i] = line + "（修订）"
        path.write_text("\n".join(lines), encoding="utf-8")
    return dst


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--only", default="baseline,validate,warm,touched,reconcile,stats,diff,export")
    args = ap.parse_args()
    folder = args.folder.resolve()  # commands run in CACHE_HOME: a relative folder would name nothing there
    items = count_items(folder)
    files = sum(1 for _ in folder.rglob("*.yaml"))
    commands = {
        "baseline": [sys.executable, "-c", BASELINE, str(folder)],
        "validate": dlists("validate", str(folder), "--format", "json", "-o", os.devnull),
        "warm": dlists("validate", str(folder), "--format", "json", "-o", os.devnull, cached=True),
        "touched": dlists("validate", str(folder), "--format", "json", "-o", os.devnull, cached=True),
        "touched-county": dlists("validate", str(folder), "--format", "json", "-o", os.devnull, cached=True),
        "reconcile": dlists("reconcile", str(folder), "--format", "json", "-o", os.devnull),
        "stats": dlists("stats", str(folder), "--format", "json", "-o", os.devnull),
        "reconcile-warm": dlists("reconcile", str(folder), "--format", "json", "-o", os.devnull, cached=True),
    }
    if "export" in args.only:
        # --allow-problems: a generated catalog has errors on purpose, and a refused export measures nothing
        commands["export"] = dlists("export", str(folder), "-o", str(Path(tempfile.gettempdir()) / "dlists-bench-export.xlsx"),
                                    "--allow-problems")
    if "diff" in args.only:  # also diff-warm
        commands["diff"] = dlists("diff", str(folder), str(modified_copy(folder, 5)), "--format", "json", "-o", os.devnull)
        commands["diff-warm"] = dlists("diff", str(folder), str(modified_copy(folder, 5)), "--format", "json", "-o", os.devnull, cached=True)
    chosen = [c for c in args.only.split(",") if c in commands]
    CACHE_HOME.mkdir(exist_ok=True)
    cached = [c for c in chosen if c in ("warm", "touched", "touched-county") or c.endswith("-warm")]
    if cached:
        shutil.rmtree(CACHE_HOME / ".dlists-cache", ignore_errors=True)
        for name in cached:
            measure(commands[name])  # fills the cache (not timed)
    best: dict[str, tuple[float, float, int]] = {}
    for _ in range(args.repeat):
        for name in chosen:
            if name.startswith("touched"):
                touch_one(folder, first=name == "touched-county")
            result = measure(commands[name])
            if name not in best or result[0] < best[name][0]:
                best[name] = result
    print(f"catalog: {folder}  {items:,} items and duties in {files:,} files  (best of {args.repeat}, fresh process each)")
    print("dlists:", subprocess.run([sys.executable, "-m", "delegation_lists", "--version"], capture_output=True, text=True).stdout.strip())
    print(f"{'run':<15} {'wall s':>8} {'items/s':>10} {'peak MB':>9} {'exit':>5} {'ratio':>7}")
    base = best["baseline"][0] if "baseline" in best else None
    for name in chosen:
        wall, peak, code = best[name]
        ratio = f"{wall / base:.2f}" if base else "-"
        if name == "diff" and base:
            ratio += f" (vs loading both: {wall / (2 * base):.2f})"
        if name in cached:
            name += "*"
        print(f"{name:<15} {wall:>8.2f} {items / wall:>10,.0f} {peak:>9.0f} {code:>5} {ratio:>7}")
    print("* with the parse cache, filled by one untimed run: warm = validate, nothing changed; touched = validate"
          " after one township list was edited (touched-county: one county list); reconcile-warm, diff-warm."
          " Every other run is cold (--no-cache)")


if __name__ == "__main__":
    main()
