"""One law's uses (`dlists laws --law TITLE [--article N]`): the title asked for read like a citation
(`森林法`, `《中华人民共和国森林法》第七十四条`), matched by law key; a did-you-mean when nothing cites it."""

from __future__ import annotations

from ..model.closest import closest_name
from .numerals import number
from .parse import parse_basis
from .results import LawIndex, LawUses
from .titles import law_key

#: how many candidates a did-you-mean lists at most
MAX_CANDIDATES = 5


def article_number(text: str) -> int | None:
    """An article as asked for: `74`, `七十四`, `第七十四条`."""
    return number(text.strip().removeprefix("第").removesuffix("条"))


def law_uses(index: LawIndex, title: str, article: int | None = None) -> LawUses:
    """The uses of the law `title` names (of its article `article`, with those citing the whole law), in tree
    order; when nothing cites it, the titles it may mean."""
    asked = parse_basis(title) or parse_basis(f"《{title.strip()}》")  # as written, else as a title without quotes
    key = asked[0].key if asked else law_key(title)
    if article is None and asked and asked[0].article is not None:
        article = asked[0].article
    summary = next((s for s in index.laws if s.key == key), None)
    if summary is None:  # a decision asked for by its document number (陕政发〔2022〕11号)
        summary = next((s for s in index.laws if s.number and s.number == (asked[0].number if asked else None)), None)
        key = summary.key if summary is not None else key
    uses = [u for u in index.uses if u.citations[0].key == key
            and (article is None or article in u.articles or u.whole_law)]
    shown = summary.law if summary else (asked[0].law if asked else title.strip())
    return LawUses(shown, key, article, uses, summary, [] if summary else candidates(index, key))


def candidates(index: LawIndex, key: str) -> list[str]:
    """Laws of the index a title may mean: those whose title contains it, else the closest one."""
    if not key:
        return []
    containing = [s.law for s in index.laws if key in s.key]
    if containing:
        return containing[:MAX_CANDIDATES]
    by_key = {s.key: s.law for s in index.laws}
    near = closest_name(key, by_key)
    return [by_key[near]] if near else []
