"""Generate catalogs of several shapes and run `run.py` on each, so a speed-up that helps one shape and not
another shows: a province of many small county and township files, few big counties with townships, a county-only
catalog of big files, township entries with fields of their own (notes; notes and a local time limit), and a
catalog written unlike the generator (flow mappings, Chinese mode names, comments: `other_shape.py`), and township
duty lists (2,000 townships x 340 duties, each county with its guide: `duty_shape.py`).

    python benchmarks/shapes.py [--only province,few-big] [--repeat 2] [--commands baseline,validate,...] [--dir /tmp/shapes]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHAPES: dict[str, list[str]] = {
    "province": ["--counties", "100", "--townships", "20", "--seed", "1"],
    "few-big": ["--counties", "8", "--townships", "6", "--county-items", "3000", "--seed", "2"],
    "county-only": ["--counties", "100", "--townships", "0", "--county-items", "1000", "--own-items", "0"],
    "town-notes": ["--counties", "100", "--townships", "20", "--seed", "1", "--town-fields", "notes"],
    "town-local": ["--counties", "100", "--townships", "20", "--seed", "1", "--town-fields", "local"],
    "huge": ["--counties", "40", "--townships", "20", "--county-items", "3000", "--town-items", "1000", "--seed", "3"],
}
OTHER = "other"  # made by other_shape.py
DUTIES = "duties"  # made by duty_shape.py
DUTIES_WHOLE = "duties-whole"  # duty_shape.py --style full: every township entry written whole, no guide
SCRIPTS = {OTHER: ("other_shape.py", []), DUTIES: ("duty_shape.py", ["--counties", "100", "--townships", "20"]),
           DUTIES_WHOLE: ("duty_shape.py", ["--counties", "100", "--townships", "20", "--style", "full"])}


def make(name: str, folder: Path) -> Path:
    """The catalog of shape `name` under `folder` (made once, reused)."""
    out = folder / name
    if not out.exists():
        script, shape = SCRIPTS.get(name, ("generate.py", SHAPES.get(name, [])))
        subprocess.run([sys.executable, str(HERE / script), *shape, "-o", str(out)], check=True, stdout=subprocess.DEVNULL)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join([*[s for s in SHAPES if s != "huge"], OTHER, DUTIES, DUTIES_WHOLE]))
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--commands", default="baseline,validate,touched,reconcile,stats,diff")
    ap.add_argument("--dir", type=Path, default=Path("/tmp/dlists-shapes"))
    args = ap.parse_args()
    for name in args.only.split(","):
        print(f"\n## shape: {name}", flush=True)
        subprocess.run([sys.executable, str(HERE / "run.py"), str(make(name, args.dir)), "--repeat", str(args.repeat),
                        "--only", args.commands], check=False)


if __name__ == "__main__":
    main()
