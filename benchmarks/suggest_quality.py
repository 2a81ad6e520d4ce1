"""Print precision and recall of `reconcile` suggestions on the labelled pairs, for a range of thresholds.

    python benchmarks/suggest_quality.py
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from delegation_lists.reconcile import DEFAULT_THRESHOLD
from delegation_lists.suggest_eval import evaluate

ROOT = Path(__file__).resolve().parent.parent


def load() -> tuple[list[str], list[tuple[str, str | None]]]:
    items = json.loads((ROOT.parent / "shared/real-data/longhua-440309/items.json").read_text(encoding="utf-8"))
    pairs = yaml.safe_load((ROOT / "tests/data/suggest-pairs.yaml").read_text(encoding="utf-8"))["pairs"]
    return [x["item_name"] for x in items], [(p["variant"], None if p["source"] == "none" else p["source"]) for p in pairs]


def main() -> None:
    names, pairs = load()
    print(f"{len(pairs)} labelled pairs ({sum(1 for _, s in pairs if s)} positive) against {len(names)} real item names")
    print(f"{'threshold':>9} {'suggested':>9} {'correct':>8} {'precision':>9} {'recall':>7}")
    for t in (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8):
        q = evaluate(names, pairs, t)
        mark = "  <- default" if t == DEFAULT_THRESHOLD else ""
        print(f"{t:>9.2f} {q.suggested:>9} {q.correct:>8} {q.precision:>9.3f} {q.recall:>7.3f}{mark}")


if __name__ == "__main__":
    main()
