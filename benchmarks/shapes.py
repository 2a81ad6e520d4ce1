"""Generate catalogs of several shapes and run `run.py` on each, so a speed-up that helps one shape and not
another shows: a province of many small county and township files, few big counties with townships, a county-only
catalog of big files, township entries with fields of their own (notes; notes and a local time limit), and a
catalog written unlike the generator (flow mappings, Chinese mode names, comments: `other_shape.py`).

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
    "huge": ["--counties", "40", "--townships", "20", "--county-items", "3000", "--seed", "3"],
}
OTHER = "other"  # made by other_shape.py


def make(name: str, folder: Path) -> Path:
    """The catalog of shape `name` under `folder` (made once, reused)."""
    out = folder / name
    if not out.exists():
        script = "other_shape.py" if name == OTHER else "generate.py"
        subprocess.run([sys.executable, str(HERE / script), *SHAPES.get(name, []), "-o", str(out)], check=True,
                       stdout=subprocess.DEVNULL)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join([*[s for s in SHAPES if s != "huge"], OTHER]))
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
