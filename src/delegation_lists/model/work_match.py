"""Whether two names name the same work: a village duty and a negative-list entry (负面事项), a village's assist
work and the power item a township hands it, a township's duty and a delegated power item.

Built on `similarity` (normalised names, character bigrams, Dice). Names of work are wrapped in words that say
nothing about the work itself ("协助开展……工作", "要求村级组织承担……任务"); they are left out first (`core`). A
negative entry often lists several kinds of work in one name ("招商引资、协税护税"): each is matched on its own
(`alternatives`). Two names match fully (1.0) when one's core, four characters or more, is inside the other's
("征地拆迁" in "参与征地拆迁"); otherwise they score the Dice coefficient of their cores' bigrams.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .similarity import normalise, score

#: words a name of work starts with that do not say what the work is (longest first)
PREFIXES = ("积极配合", "协助开展", "配合开展", "组织开展", "负责", "协助", "配合", "开展", "做好", "参与", "承担", "落实",
            "要求", "帮助", "协同", "办理", "代办", "帮办", "受理", "各类", "有关", "相关")
#: words a name of work ends with that do not say what the work is
SUFFIXES = ("相关工作", "工作", "任务", "事项", "事务", "活动")
#: who the work is put on: every village duty names it, so it says nothing
SUBJECTS = re.compile("村级组织|村社区|村居|村民委员会和居民委员会|村两委")
#: where a negative entry lists several kinds of work
_ENUM = re.compile(r"[、，,；;／/]+")
#: the shortest core that counts as contained in another name (characters)
CONTAINED = 4
#: how closely two names must match to name the same work (森林防火宣传 / 森林防火执法 score 0.6: different work)
THRESHOLD = 0.7


def core(name: str) -> str:
    """The name without what wraps the work: normalised, the subject and the leading and trailing words out."""
    text = SUBJECTS.sub("", normalise(name))
    changed = True
    while changed:
        changed = False
        for p in PREFIXES:
            if text.startswith(p) and len(text) > len(p) + 1:
                text, changed = text[len(p):], True
        for s in SUFFIXES:
            if text.endswith(s) and len(text) > len(s) + 1:
                text, changed = text[: -len(s)], True
    return text


def alternatives(name: str) -> list[str]:
    """The kinds of work one name lists ("招商引资、协税护税" -> both), each as its core; the whole name first."""
    parts = [p for p in _ENUM.split(name) if p.strip()]
    out = [core(name)] + ([core(p) for p in parts] if len(parts) > 1 else [])
    return [c for c in dict.fromkeys(out) if c]


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1)) if len(text) > 1 else frozenset([text])


def match(a: str, b: str) -> float:
    """How closely two cores name the same work (0..1): 1.0 when one (CONTAINED characters or more) is inside
    the other, else the Dice coefficient of their bigrams."""
    if not a or not b:
        return 0.0
    if (len(b) >= CONTAINED and b in a) or (len(a) >= CONTAINED and a in b):
        return 1.0
    return score(_bigrams(a), _bigrams(b))


@dataclass(frozen=True)
class WorkHit:
    """The closest work of an index to a name: its key, its score, and the alternative of its name matched."""

    key: str
    score: float
    matched: str


class WorkIndex:
    """Names of work (key, name), each alternative indexed by bigram: `best(name)` scores only the candidates
    that share a bigram with the name's core."""

    def __init__(self, candidates: Iterable[tuple[str, str]]) -> None:
        self.cores: list[tuple[str, str]] = []  # (key, core of one alternative)
        self.index: dict[str, set[int]] = defaultdict(set)
        for key, name in candidates:
            for alt in alternatives(name):
                at = len(self.cores)
                self.cores.append((key, alt))
                for gram in _bigrams(alt):
                    self.index[gram].add(at)

    def __bool__(self) -> bool:
        return bool(self.cores)

    def best(self, name: str, threshold: float = 0.0) -> WorkHit | None:
        """The candidate that best matches `name` (ties: the earlier one), or None under `threshold`."""
        mine = core(name)
        pool = sorted({at for gram in _bigrams(mine) for at in self.index.get(gram, ())})
        best: WorkHit | None = None
        for at in pool:
            key, alt = self.cores[at]
            s = match(mine, alt)
            if s >= threshold and (best is None or s > best.score):
                best = WorkHit(key, round(s, 3), alt)
        return best
