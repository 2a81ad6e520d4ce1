"""Print precision and recall of the suggestions `dlists reconcile` ships (and of `import --into`'s near links)
on the hand-labelled township rewrites of tests/data/suggest/pairs.yaml, per half and for a range of thresholds.

    python benchmarks/suggest_quality.py [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from delegation_lists.reconcile import DEFAULT_THRESHOLD
from suggest_eval import evaluate, load_pairs


def main() -> None:
    pairs = load_pairs()
    positives = sum(1 for p in pairs if p.source)
    print(f"{len(pairs)} labelled pairs: {positives} rewrites of real items, {len(pairs) - positives} decoys "
          f"(tune half: odd ids; held-out half: even ids)")
    print(f"{'threshold':>9} {'who':>9} {'half':>8} {'pairs':>5} {'suggested':>9} {'correct':>7} {'precision':>9} {'recall':>6}")
    for t in sorted({0.4, 0.5, 0.55, DEFAULT_THRESHOLD, 0.65, 0.7, 0.8}):
        result = evaluate(pairs, t)
        for who, halves in result.items():
            for half, q in halves.items():
                mark = "  <- default" if t == DEFAULT_THRESHOLD and half == "all" else ""
                n = sum(1 for p in pairs if half in ("all", p.half))
                print(f"{t:>9.2f} {who:>9} {half:>8} {n:>5} {q.suggested:>9} {q.correct:>7} {q.precision:>9.3f} {q.recall:>6.3f}{mark}")
        if "--misses" in sys.argv and t == DEFAULT_THRESHOLD:
            for half in ("tune", "held-out"):
                q = result["reconcile"][half]
                print(f"    reconcile at the default, {half} half: wrong {q.wrong}; missed {q.missed}")


if __name__ == "__main__":
    main()
