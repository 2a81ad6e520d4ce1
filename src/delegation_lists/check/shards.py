"""How a large catalog is cut into parts of its jurisdiction tree ("shards") checked each in its own process.

The problems of a list of jurisdiction J depend only on J's lists, the lists of the jurisdictions above J and
the region files (no rule reads the lists below: see incremental.py). So the tree is cut into subtrees (the
jurisdictions at one depth, with all below them) and the subtrees are dealt into shards of about equal size;
a shard is then checked with a catalog of its lists, the lists above them and every region file (sharded.py).

Which file belongs to which jurisdiction is read off each file's first lines (load/guess.py) before anything
is parsed; sharded.py compares every guess with the parsed file and gives up on the shards when one differs.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..catalog import Catalog
from ..catalog.cuts import chains, choose_depth, subtree_keys
from ..catalog.tree import with_ancestors
from ..load.heads import HEAD, Files

#: the most YAML one shard holds (bytes; a larger subtree is one shard by itself): a process's peak memory grows
#: with its shard (about 20 bytes of heap per byte of YAML), and each shard's heap is paged in anew where the last
#: one's was smaller: 2 MB shards (each about 40 MB of heap) halve the peak of 12 MB ones and save a tenth of the
#: page faults (duty shape 76k -> 71k, 128 -> 101 MB; `other` 215 -> 107 MB), for about 5 ms of building the
#: region tree again per shard
MOST_PER_SHARD = 2_000_000


def _guided(weight: dict[str, int], workers: int) -> list[list[str]]:
    """Subtrees (largest first) grouped into shards of decreasing size, each about 1/(2 x workers) of the work
    left and at most MOST_PER_SHARD: the first shards are large (little repeated per shard), the last ones small
    (the processes end together)."""
    shards: list[list[str]] = [[]]
    left, filled = sum(weight.values()), 0
    for key in sorted(weight, key=lambda k: (-weight[k], k)):
        if filled and (filled >= left / (2 * workers) or filled + weight[key] > MOST_PER_SHARD):
            shards.append([])
            left, filled = left - filled, 0
        shards[-1].append(key)
        filled += weight[key]
    return shards


def plan(files: list[Path], sizes: list[int], guesses: list[str | None], targets: set[Path], tree: Catalog,
         workers: int) -> list[tuple[list[int], set[int]]]:
    """Each shard's files (indices, in catalog order) and which of them are its own (checked there; the others
    are the lists above them, read for context), largest shard first (`_guided`)."""
    cut = choose_depth(tree.places, guesses, sizes, workers)
    if cut is None:  # one process is as quick: one shard of everything
        return [(list(range(len(files))), set(range(len(files))))]
    keys = subtree_keys(chains(tree.places, guesses), guesses, cut.depth)
    weight: dict[str, int] = defaultdict(int)
    for key, size in zip(keys, sizes, strict=True):
        weight[key] += size
    by_jur: dict[str | None, list[int]] = defaultdict(list)
    for i, jur in enumerate(guesses):
        by_jur[jur].append(i)
    shard_of = {key: n for n, members in enumerate(_guided(weight, workers)) for key in members}
    owned: list[set[int]] = [set() for _ in set(shard_of.values())]
    for i, key in enumerate(keys):
        owned[shard_of[key]].add(i)
    out = []
    for own in owned:
        jurs = {jur for i in own if files[i] in targets and (jur := guesses[i]) is not None}
        context = {i for jur in with_ancestors(tree.places, jurs) - jurs for i in by_jur.get(jur, ())}
        out.append((sorted(own | context), own))
    return out


__all__ = ["HEAD", "Files", "plan"]
