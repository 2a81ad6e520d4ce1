"""Which written titles are one law: the table of known titles (`titles.yaml`, data) and the rule that
《中华人民共和国X》 and 《X》 are the same law.

`law_key` is what citations are compared by; `shown_title` the title a report shows (the full one when known).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from importlib import resources

import yaml

NATIONAL = "中华人民共和国"
#: inner quotation marks of a title (《陕西省实施〈中华人民共和国村民委员会组织法〉办法》) and their look-alikes
_INNER = str.maketrans({"《": "〈", "》": "〉", "<": "〈", ">": "〉", "＜": "〈", "＞": "〉"})
_SPACE = re.compile(r"\s+")


@functools.cache
def _table() -> dict[str, str]:
    """key -> full title, for every title and abbreviation of titles.yaml."""
    data = yaml.safe_load(resources.files(__package__).joinpath("titles.yaml").read_text(encoding="utf-8"))
    table: dict[str, str] = {}
    for row in data["laws"]:
        full, also = (row, []) if isinstance(row, str) else (row["title"], row.get("also", []))
        for written in (full, *also):
            table[_bare(clean_title(written))] = full
    return table


def clean_title(title: str) -> str:
    """A title as compared: NFKC (full-width letters and digits), no spaces, inner quotes as 〈〉."""
    text = _SPACE.sub("", unicodedata.normalize("NFKC", title))
    return text.translate(_INNER)


def _bare(title: str) -> str:
    return title[len(NATIONAL):] if title.startswith(NATIONAL) and len(title) > len(NATIONAL) else title


def law_key(title: str) -> str:
    """The key of a law: its title without 中华人民共和国, an abbreviation of the table replaced by its law
    (`森林法`, `《中华人民共和国森林法》` -> `森林法`; `村委会组织法` -> `村民委员会组织法`)."""
    bare = _bare(clean_title(title.strip("《》〈〉<>“”\"")))
    full = _table().get(bare)
    return _bare(full) if full is not None else bare


def known_title(key: str) -> str | None:
    """The full title of the table for a key, or None when the table does not know the law."""
    return _table().get(key)


def shown_title(key: str, written: list[str]) -> str:
    """The title a report shows for a law: the table's full title, else the longest form the lists write
    (中华人民共和国X before X), else the key."""
    known = known_title(key)
    if known is not None:
        return known
    return max(written, key=lambda t: (len(t), t)) if written else key
