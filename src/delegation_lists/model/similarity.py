"""Chinese-aware name similarity: which parent item a township's own item (or an imported row) really is.

Names are normalised: NFKC (full width -> half width), brackets, punctuation and spaces dropped, and the frame a
penalty's name is written in cut (`对…的行政处罚`, `…的处罚`, `…行为`), so `对X的处罚` and `X的行政处罚` are one name.

`NameIndex` compares a name with candidate names as sets of character bigrams, each weighted by how rare it is
among the candidates (inverse document frequency: `处罚`, `申请`, `未按` say little, `围垦` says much; a bigram no
candidate has weighs as much as the rarest). A township drops qualifiers, adds a word, keeps one clause of a long
name, so the score leans on *containment*, how much of the name's weight the candidate holds, and less on how much
of the candidate the name holds: `0.75 * contained(name in candidate) + 0.25 * contained(candidate in name)`, 0..1.
An inverted index over bigrams keeps the search to candidates sharing a bigram with the name.

`grams` and `score` (plain Dice of bigram sets) remain for comparing two names without candidates (diff's renames).
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence

from .actions import marked

_DROP = re.compile(r"[\s\u3000()（）\[\]【】《》〈〉<>「」『』“”\"'‘’、，,。.；;：:！!？?/／\\·•—\-_]+")
_FRAME_END = re.compile(r"(?:的|之)?(?:行政)?处罚$")
_ACT_END = re.compile(r"(?:的|等)?(?:违法)?行为$")
#: how much the name's part found in the candidate counts, against the candidate's part found in the name
CONTAINED_WEIGHT = 0.75
#: the least share of its weight a bigram keeps however loosely its two characters belong together
LOOSE = 0.5
_SEP = "\x00"  # between names joined (no name has it: `tokens_of` checks)


def normalise(name: str) -> str:
    """NFKC (full-width -> half-width), no brackets, punctuation or spaces, lower case, and the penalty frame
    (`对`, `的(行政)处罚`, `(的)行为`) cut when something of two characters or more remains."""
    if not unicodedata.is_normalized("NFKC", name):
        name = unicodedata.normalize("NFKC", name)
    return _unframed(_DROP.sub("", name).lower())


def _unframed(text: str) -> str:
    core = text
    if core.endswith("处罚"):  # (the checks first: a regex anchored at the end still scans the whole name)
        core = _FRAME_END.sub("", core)
    if core.endswith("行为"):
        core = _ACT_END.sub("", core)
    if core.startswith("对"):
        core = core[2:] if core.startswith("对于") else core[1:]
    return core if len(core) >= 2 else text


def grams(name: str) -> frozenset[str]:
    """Character bigrams of the normalised name (the name itself if it has one character)."""
    text = normalise(name)
    if len(text) < 2:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def tokens(name: str) -> frozenset[str]:
    """What `NameIndex` compares: the bigrams of the normalised name and its characters (a word inserted in
    the middle, 失业登记 -> 失业人员登记, breaks a bigram but keeps the characters), the words of one action
    (`model/actions.py`: 补发, 补领, 遗失补办) written as one."""
    return _tokens(marked(normalise(name)))


def _tokens(text: str) -> frozenset[str]:
    return frozenset([*map(operator.add, text, text[1:]), *text])


def tokens_of(names: list[str]) -> list[frozenset[str]]:
    """`tokens` of many names at once: the same sets, the text work done once on the names joined."""
    if not names:
        return []
    if any(_SEP in n for n in names):
        return [tokens(n) for n in names]
    big = _SEP.join(names)
    if not unicodedata.is_normalized("NFKC", big):
        big = unicodedata.normalize("NFKC", big)
    texts = _SEP.join(map(_unframed, _DROP.sub("", big).lower().split(_SEP)))
    return [_tokens(t) for t in marked(texts).split(_SEP)]


def score(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice coefficient of two bigram sets (unweighted: for two names compared alone)."""
    if not a or not b:
        return 0.0
    return 2 * len(a & b) / (len(a) + len(b))


def _cohesion(gram: str, count: int, df: Counter[str]) -> float:
    """How much of its weight a bigram keeps: two characters that seldom come together where the rarer one
    appears (`户注` of 个体工商户注销登记) straddle two words and say less than their rarity suggests."""
    if len(gram) < 2:
        return 1.0
    rarer = min(df[gram[0]], df[gram[1]])
    return LOOSE + (1 - LOOSE) * min(1.0, count / rarer)


class NameIndex:
    """Candidates (key, name) indexed by bigram, each bigram weighted by its rarity among them; `ranked(name)`
    scores the candidates sharing a bigram with `name` (see the module's doc)."""

    def __init__(self, candidates: Sequence[tuple[str, str]]) -> None:
        self.grams: dict[str, frozenset[str]] = dict(zip([k for k, _ in candidates], tokens_of([n for _, n in candidates]), strict=True))
        self.index: dict[str, list[str]] = defaultdict(list)  # token -> keys having it
        for key, g in self.grams.items():
            for gram in g:
                self.index[gram].append(key)
        n = len(self.grams)
        self.rarest = math.log(1 + n)
        df = Counter({g: len(keys) for g, keys in self.index.items()})
        self.weights: dict[str, float] = {g: math.log(1 + n / d) * _cohesion(g, d, df) for g, d in df.items()}
        # (sums taken in sorted order: a set's order changes with the process's string hashing, and equal scores
        # must come out equal, so that ties are ordered by key in every run)
        self.totals = {key: sum(sorted(map(self.weights.__getitem__, g))) for key, g in self.grams.items()}

    def weight(self, token: str) -> float:
        """A token's weight: log(1 + candidates / candidates having it), a bigram's scaled by its cohesion; one no
        candidate has weighs as much as the rarest (a word no candidate has is what sets the name apart)."""
        return self.weights.get(token, self.rarest)

    def ranked(self, name: str, floor: float = 0.0) -> list[tuple[str, float]]:
        """Candidates sharing a token with `name`, closest first (ties by key); with `floor`, only those scoring
        `floor` or more, and only those sharing one of the name's rarest tokens that together hold enough of its
        weight are looked at (a candidate sharing none of them cannot reach `floor`): most of a large index never is."""
        mine = tokens(name)
        rarest, weights = self.rarest, self.weights
        ranked_tokens = sorted(((weights.get(g, rarest), g) for g in mine), reverse=True)
        total = sum(sorted(w for w, _ in ranked_tokens))
        if not total:
            return []
        need = (floor - (1 - CONTAINED_WEIGHT)) / CONTAINED_WEIGHT  # the least share of the name a candidate needs
        keys: set[str] = set()
        passed = 0.0
        for w, gram in ranked_tokens:
            keys.update(self.index.get(gram, ()))
            passed += w
            if passed > (1 - need) * total:
                break
        scored = []
        for key in keys:
            both = sum(sorted(map(weights.__getitem__, mine & self.grams[key])))
            s = CONTAINED_WEIGHT * min(1.0, both / total) + (1 - CONTAINED_WEIGHT) * min(1.0, both / self.totals[key])
            if s >= floor:
                scored.append((-s, key))
        scored.sort()
        return [(key, -s) for s, key in scored]
