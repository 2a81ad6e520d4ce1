"""Where to cut the jurisdiction tree into shards, from the work itself (file sizes and the tree's shape).

Cutting at depth d makes each jurisdiction at depth d (with everything below it) one subtree; every subtree is
checked with the lists of the jurisdictions above it, which it must parse again ("context"). Cut too deep and
the context is parsed many times (townships of a few big counties each re-parse their county's lists); cut too
shallow and there are too few subtrees to keep the processes busy. `choose_depth` estimates, for every depth,
the time of the slowest process (bytes parsed, shared out among the workers, or the largest subtree with its
context, whichever is longer) and takes the quickest; it answers None (one process) when no cut beats checking
the whole catalog in one process by a clear margin.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .entry import Place
from .tree import lineage

#: a parallel plan must be estimated at most this share of the one-process time to be worth its start-up
WORTH_IT = 0.75


@dataclass(frozen=True)
class Cut:
    """A depth to cut at, with its estimates (in bytes parsed): all processes together, and the slowest one."""

    depth: int
    parsed: int
    slowest: float


def chains(places: Mapping[str, Place], guesses: list[str | None]) -> dict[str | None, list[str]]:
    """Each guessed jurisdiction's chain from the root down (`?code` alone for a code not in the tree)."""
    return {jur: lineage(places, jur)[::-1] or [f"?{jur or ''}"] for jur in set(guesses)}


def subtree_keys(found: dict[str | None, list[str]], guesses: list[str | None], depth: int) -> list[str]:
    """Each file's subtree at `depth`: its jurisdiction's ancestor at that depth (itself when it lies higher)."""
    return [found[g][min(depth, len(found[g]) - 1)] for g in guesses]


def estimate(found: dict[str | None, list[str]], guesses: list[str | None], sizes: list[int], depth: int, workers: int) -> Cut:
    """The bytes parsed when cutting at `depth` and the estimated share of the slowest process."""
    keys = subtree_keys(found, guesses, depth)
    own: dict[str, int] = defaultdict(int)
    by_jur: dict[str, int] = defaultdict(int)
    for key, jur, size in zip(keys, guesses, sizes, strict=True):
        own[key] += size
        by_jur[found[jur][-1]] += size
    above = {chain[min(depth, len(chain) - 1)]: chain[: min(depth, len(chain) - 1)] for chain in found.values()}
    context = {key: sum(by_jur.get(up, 0) for up in above.get(key, ())) for key in own}
    parsed = sum(own.values()) + sum(context.values())
    slowest = max((own[k] + context[k] for k in own), default=0)
    return Cut(depth, parsed, max(parsed / workers, slowest))


def choose_depth(places: Mapping[str, Place], guesses: list[str | None], sizes: list[int], workers: int) -> Cut | None:
    """The quickest cut for `workers` processes, or None when one process is as quick."""
    found = chains(places, guesses)
    deepest = max((len(c) for c in found.values()), default=1)
    total = sum(sizes)
    if workers < 2 or total == 0:
        return None
    best = min((estimate(found, guesses, sizes, d, workers) for d in range(deepest)), key=lambda c: (c.slowest, c.depth))
    return best if best.slowest <= WORTH_IT * total else None
