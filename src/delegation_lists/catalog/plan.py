"""Parts of a large catalog: subtrees of the jurisdiction tree packed into parts of at most a budget of YAML
bytes, each part owning the jurisdictions of its subtrees (run_in_parts in parts.py; the diff in diff/parts.py).

The plan reads only each file's guessed jurisdiction (load/heads.py) and size; which files a part reads as
context (the lists above its jurisdictions) is the caller's to say, since it knows what its operation reads.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..load.document import Document
from .cuts import chains
from .entry import Place
from .tree import lineage


@dataclass
class PartPlan:
    """One part: its own files (indices into the files planned, in their order) and the jurisdictions it owns."""

    files: list[int]
    own: frozenset[str]


@dataclass
class _Cut:
    """Subtrees packed into parts: each part's subtree keys."""

    depth: int
    keys: list[list[str]] = field(default_factory=list)


def plan_parts(guesses: Mapping[int, str], sizes: Mapping[int, int], places: Mapping[str, Place], budget: int, workers: int,
               uncut: frozenset[str] = frozenset()) -> list[PartPlan]:
    """The parts of the files `guesses` names (index -> guessed jurisdiction; `sizes`: index -> bytes), cut in
    the tree `places`; every jurisdiction of the tree and every one guessed is owned by one part."""
    rest = sorted(guesses)
    found = chains(places, [guesses[i] for i in rest])
    cut = _cut(found, guesses, rest, sizes, budget, workers, {c: p.level for c, p in places.items()}, uncut)
    key_of = {jur: chain[min(cut.depth, len(chain) - 1)] for jur, chain in found.items() if jur is not None}
    files_of: dict[str, list[int]] = defaultdict(list)
    for i in rest:
        files_of[key_of[guesses[i]]].append(i)
    part_of = {key: n for n, keys in enumerate(cut.keys) for key in keys}
    owned: list[set[str]] = [set() for _ in cut.keys]
    for jur, key in key_of.items():
        owned[part_of[key]].add(jur)
    for code in places:  # jurisdictions without lists: with their subtree's part, else with the last part
        chain = lineage(places, code)[::-1]
        owned[part_of.get(chain[min(cut.depth, len(chain) - 1)], len(cut.keys) - 1)].add(code)
    return [PartPlan(sorted(i for key in keys for i in files_of[key]), frozenset(own))
            for keys, own in zip(cut.keys, owned, strict=True)]


def as_guessed(doc: Document, guess: str | None) -> bool:
    """Whether a parsed file is the list its head promised (a file that does not load, naming no jurisdiction
    even in its text, holds nothing for any part)."""
    if doc.region is not None or doc.kind == "region":
        return False
    jur = doc.header.jurisdiction if doc.header is not None else doc.claimed
    return jur == guess or (jur is None and doc.header is None and _fails(doc))


def _fails(doc: Document) -> bool:
    return any(p.severity == "error" for p in doc.problems)


def _cut(found: dict[str | None, list[str]], guesses: Mapping[int, str], rest: list[int], sizes: Mapping[int, int],
         budget: int, workers: int, levels: dict[str, str], uncut: frozenset[str]) -> _Cut:
    """The shallowest depth at which every subtree, with the lists above it, fits the budget (else the deepest
    allowed: never one whose subtrees are jurisdictions of an `uncut` level, such as villages, whose township's
    view needs them together), and its subtrees packed in tree order (siblings share their context) into parts of
    at most the budget, and of at most a share of the whole that gives every process two parts or more."""
    total = sum(sizes[i] for i in rest)
    by_jur: dict[str, int] = defaultdict(int)
    for i in rest:
        by_jur[found[guesses[i]][-1]] += sizes[i]
    depth = 0
    for deeper in range(max(len(c) for c in found.values())):
        weight = _weights(found, guesses, rest, sizes, deeper)
        if deeper and any(levels.get(k) in uncut for k in weight):
            break
        depth = deeper
        above = {c[min(deeper, len(c) - 1)]: c[: min(deeper, len(c) - 1)] for c in found.values()}
        if max(weight[k] + sum(by_jur.get(up, 0) for up in above.get(k, ())) for k in weight) <= budget:
            break
    weight = _weights(found, guesses, rest, sizes, depth)
    prefix: dict[str, list[str]] = {}
    for chain in found.values():
        for j, code in enumerate(chain):
            prefix.setdefault(code, chain[: j + 1])
    order = sorted(weight, key=lambda k: prefix.get(k, [k]))
    cut, filled, left = _Cut(depth, [[]]), 0, total
    cap = _share(left, budget, workers)
    for key in order:
        if filled and filled + weight[key] > cap:
            cut.keys.append([])
            left, filled = left - filled, 0
            cap = _share(left, budget, workers)
        cut.keys[-1].append(key)
        filled += weight[key]
    return cut


def _share(left: int, budget: int, workers: int) -> int:
    """The most YAML of the next part: a share of what is left that gives every process two parts or more, and
    at most the budget; so the last parts are small, and the processes end together (equal parts, one more than
    the processes can share, left one process working alone on the last one: half a second of a province)."""
    return min(budget, max(left // (2 * max(workers, 1)), 1))


def _weights(found: dict[str | None, list[str]], guesses: Mapping[int, str], rest: list[int], sizes: Mapping[int, int],
             depth: int) -> dict[str, int]:
    """Bytes of each subtree's own files when cutting at `depth`."""
    weight: dict[str, int] = defaultdict(int)
    for i in rest:
        chain = found[guesses[i]]
        weight[chain[min(depth, len(chain) - 1)]] += sizes[i]
    return weight
