"""Did-you-mean for names and codes: the declared value a written one most likely means.

Used by the rules that meet a name or code they do not know (a department not declared, a delegation target
not a child, a source not in the parent's list), so the message names the value meant, not only the problem.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_NOT_CODE = re.compile(r"[^0-9a-z]+")
_ZEROS = re.compile(r"(?<![0-9])0+(?=[0-9])")


def closest_name(written: str, names: Iterable[str], cutoff: float = 0.6) -> str | None:
    """The name meant: one that ends with the written one or that it ends with (a county prefix added or
    dropped: `教育体育局` -> `旬阳市教育体育局`), else the most alike character by character (`吕合镇` ->
    `吕河镇`), else None. Compared after NFKC (full-width letters and digits as ASCII)."""
    text = unicodedata.normalize("NFKC", written).strip()
    pool = [n for n in dict.fromkeys(names) if n and n != written]
    if not text or not pool:
        return None
    tails = [n for n in pool if len(text) >= 2 and (n.endswith(text) or text.endswith(n)) and len(n) >= 2]
    if tails:
        return min(tails, key=lambda n: (abs(len(n) - len(text)), n))
    best = max(pool, key=lambda n: (difflib.SequenceMatcher(None, text, n).ratio(), n))
    return best if difflib.SequenceMatcher(None, text, best).ratio() >= cutoff else None


def code_key(code: str) -> str:
    """A code as compared for near misses: NFKC, lower case, letters and digits only, no leading zeros in a run
    of digits (`610928-XK-001`, `610928XK0001` and `６１０９２８－ＸＫ－０００１` are one key)."""
    text = _NOT_CODE.sub("-", unicodedata.normalize("NFKC", code).lower())
    return _ZEROS.sub("", text).strip("-").replace("-", "")


class CodeIndex:
    """The codes of one list, by `code_key`, for `near(code)`."""

    def __init__(self, codes: Iterable[str]) -> None:
        self.by_key: dict[str, str] = {}
        for code in codes:
            self.by_key.setdefault(code_key(code), code)

    def near(self, code: str) -> str | None:
        """The code of the list that differs from `code` only in spelling (padding, width, separators, case)."""
        found = self.by_key.get(code_key(code))
        return found if found != code else None
