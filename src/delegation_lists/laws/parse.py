"""A legal basis entry as data: the laws it cites and their articles (`《中华人民共和国食品安全法》第三十五条第一款`
-> law 中华人民共和国食品安全法, article 35, paragraph 1).

Written as lists write them: 《》, 〈〉, “” or no quotes at all (`食品安全法第三十五条`); an edition or a document
number after the title (`（2021年修正）`, `（国发〔2015〕11号）`) or before it (`陕政发〔2022〕11号《…决定》`);
`第X条第X款第X项` with Chinese numerals (零/〇/十/百/千), Arabic or full-width digits, `第（五）项`, `第五十二条之一`;
lists (`第二十条、第二十一条`, `第十、十一条`, `第三十五条第一款、第二款`) and ranges (`第十条至第十二条`); several
laws in one entry; the article's text quoted after a colon (not read: the laws it mentions are not citations).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .numerals import NUMBER_CHARS
from .refs import Ref, read_refs
from .titles import law_key

#: a document number (文号): issuer, year in brackets, number (旬政发〔2023〕12号, 国发[2015]11号)
_DOC_NUMBER = re.compile(r"([\u4e00-\u9fff]{1,12})\s*[〔\[【(（]\s*(\d{4})\s*[〕\]】)）]\s*第?\s*(\d+)\s*号")
#: what a title without quotes ends with
_SUFFIX = "法典|法|条例|办法|规定|决定|细则|规则|规程|意见|通知|解释|纲要"
_BARE = re.compile(rf"([\u4e00-\u9fff〈〉()“”]{{2,60}}?(?:{_SUFFIX}))(?=\s*第\s*[{NUMBER_CHARS}]|\s*$|[\s,;、。.(\[〔【])")
#: words before a title that are not part of it
_LEAD = re.compile(r"^(?:依据|根据|按照|依照|参照|参见|详见|见|和|及|与|或)+")
#: bare text ending like a title that is not one
_NOT_A_TITLE = re.compile(r"^(?:本|该|上述|前款|相关|有关|其他|其它|法律|法规|规章|国家|上级|省|市|县)|(?:有关|相关|其他)(?:法律|规定)")
_KNOWN_ISSUER = re.compile(r"^(?:中华人民共和国|国务院|中共中央|全国人民代表大会|[\u4e00-\u9fff]{2,5}(?:省|自治区|市|县|区))")
#: the article's text quoted after its citation: skipped up to the next numbered point or line
_BODY = re.compile(r"(?:[条款项目》]|规定)\s*[:：]")
_START = r"(?=\d{1,2}\s*[.、．]|[(（]\d{1,2}[)）]|[一二三四五六七八九十]{1,3}\s*、|【|《|依据|根据|中华人民共和国|国务院)"
_NEXT_POINT = re.compile(rf"(?:\n|[;；。])\s*{_START}")
#: an edition note or a document number in brackets after a title
_NOTE = re.compile(r"\s*(?:\(([^()]{1,80})\)|〔([^〔〕]{1,80})〕|\[([^\[\]]{1,80})\]|【([^【】]{1,80})】)")
_NOTE_WORDS = re.compile(r"\d{4}\s*年|修正|修订|修改|施行|公布|通过|令|号|试行稿")
_QUOTES = {"《": "》", "〈": "〉", "<": ">", "“": "”", '"': '"', "「": "」"}


@dataclass(frozen=True, slots=True)
class Citation:
    """One law (and article) an entry cites. `law` is the title as written, `key` the law it means."""

    law: str
    key: str
    article: int | None = None
    sub: int | None = None  # 第五十二条之一 -> 1
    paragraph: int | None = None
    point: int | None = None  # 项
    number: str | None = None  # the document number written with it (文号)

    def where(self) -> str:
        """The article as lists write it (`第35条第1款第5项`), empty for the whole law."""
        if self.article is None:
            return ""
        text = f"第{self.article}条" + (f"之{self.sub}" if self.sub else "")
        text += f"第{self.paragraph}款" if self.paragraph else ""
        return text + (f"第{self.point}项" if self.point else "")


def normalise(text: str) -> str:
    """Full-width digits and brackets as ASCII (NFKC); 《 》 and 〈 〉 stay as they are."""
    return unicodedata.normalize("NFKC", text)


def parse_basis(text: str, carry: Citation | None = None) -> list[Citation]:
    """Every citation of one legal basis entry, in the order written. `carry` is the law of the entry before
    (an entry that starts with `第三十六条` continues the law of the one before it)."""
    return _Scanner(_without_bodies(normalise(text)), carry).run()


def without_quoted_text(text: str, mark: str = "……") -> str:
    """The entry with each article's quoted text (after `第七十四条：`) replaced by `mark`: what a report shows."""
    return _without_bodies(text, mark)


def _without_bodies(text: str, mark: str = "；") -> str:
    """The entry with each article's quoted text (after `第七十四条：`) left out."""
    out, at = [], 0
    for m in _BODY.finditer(text):
        if m.start() < at:
            continue
        out.append(text[at:m.start() + 1])
        nxt = _NEXT_POINT.search(text, m.end())
        at = nxt.end() if nxt else len(text)
        out.append(mark if nxt is None or mark == "；" else mark + "\n")
    out.append(text[at:])
    return "".join(out).strip()


class _Scanner:
    """Reads one entry left to right: titles (quoted or bare), document numbers, article references."""

    def __init__(self, text: str, carry: Citation | None) -> None:
        self.text = text
        self.out: list[Citation] = []
        self.last = carry  # the law article references without a title of their own belong to
        self.pending_number: str | None = None  # a 文号 written just before its title

    def run(self) -> list[Citation]:
        i, text = 0, self.text
        while i < len(text):
            i = self._step(i) if not text[i].isspace() else i + 1
        if self.pending_number:
            self._add_law(self.pending_number, self.pending_number)
        return self.out

    def _step(self, i: int) -> int:
        text = self.text
        if text[i] in _QUOTES:
            end = _closing(text, i)
            title = text[i + 1:end].strip()
            after = end + 1
            if text[i] in "“\"<「" and not _BARE.fullmatch(title):
                return after  # quoted words, not a title
            if end >= len(text):  # never closed: the title runs to its first article or a separator
                m = _BARE.match(text, i + 1)
                if m is None:
                    return after
                title, after = m.group(1), m.end()
            return self._title(title, after)
        m = _DOC_NUMBER.match(text, i)
        if m is not None and (i == 0 or not "\u4e00" <= text[i - 1] <= "\u9fff" or _LEAD.sub("", m.group(1)) != m.group(1)):
            return self._number(m)
        refs, end = read_refs(text, i)
        if refs:
            if self.last is not None:
                self._emit(self.last, refs)
            return end
        if i == 0 or text[i - 1] in " ,;、。.:()[]【】\n":
            m = _BARE.match(text, i)
            if m is not None:
                title = _LEAD.sub("", m.group(1))
                refs, _ = read_refs(text, m.end())
                if _looks_like_title(title, bool(refs)):
                    return self._title(title, m.end())
        return i + 1

    def _number(self, m: re.Match[str]) -> int:
        issuer = _LEAD.sub("", m.group(1))
        number = f"{issuer}〔{m.group(2)}〕{int(m.group(3))}号"
        if self.pending_number:
            self._add_law(self.pending_number, self.pending_number)
        self.pending_number = number
        return m.end()

    def _title(self, title: str, at: int) -> int:
        title, number = _strip_note(title)
        number = number or self.pending_number
        self.pending_number = None
        while True:  # notes after the title: (2021年修正), (国发〔2015〕11号)
            m = _NOTE.match(self.text, at)
            note = next((g for g in m.groups() if g), "") if m is not None else ""
            if m is None or not _NOTE_WORDS.search(note):
                break
            number = number or _number_in(note)
            at = m.end()
        if not title:
            return at
        law = self._add_law(title, number)
        refs, end = read_refs(self.text, at)
        if refs:
            self.out.pop()
            self._emit(law, refs)
            return end
        return at

    def _add_law(self, title: str, number: str | None) -> Citation:
        law = Citation(_shown(title), law_key(title), number=number)
        self.out.append(law)
        self.last = law
        return law

    def _emit(self, law: Citation, refs: list[Ref]) -> None:
        for r in refs:
            self.out.append(Citation(law.law, law.key, r.article, r.sub, r.paragraph, r.point, law.number))


def _shown(title: str) -> str:
    """A title as shown: spaces collapsed, brackets full-width as Chinese titles write them."""
    return " ".join(title.replace("\n", "").split()).replace("(", "（").replace(")", "）")


def _closing(text: str, i: int) -> int:
    """The index of the mark closing the quote opened at `i` (《 》 nest), or len(text) when none does."""
    opening, close = text[i], _QUOTES[text[i]]
    depth = 0
    for j in range(i + 1, len(text)):
        if text[j] == opening and opening != close:
            depth += 1
        elif text[j] == close:
            if depth == 0:
                return j
            depth -= 1
    return len(text)


def _strip_note(title: str) -> tuple[str, str | None]:
    """A title without an edition note written inside its quotes (`…法(2021年修正)`); (试行) and (暂行) stay."""
    m = re.search(r"[(（〔\[]([^()（）〔〕\[\]]{1,80})[)）〕\]]$", title)
    if m is None or not _NOTE_WORDS.search(m.group(1)):
        return title.strip(), None
    return title[:m.start()].strip(), _number_in(m.group(1))


def _number_in(note: str) -> str | None:
    m = _DOC_NUMBER.search(note)
    return f"{_LEAD.sub('', m.group(1))}〔{m.group(2)}〕{int(m.group(3))}号" if m else None


def _looks_like_title(title: str, cited: bool) -> bool:
    """Bare text read as a title: long enough, not `本法` or `有关规定`, and followed by an article or issued by
    someone a title names (中华人民共和国, 国务院, a province...)."""
    if len(title) < 3 or _NOT_A_TITLE.search(title):
        return False
    return cited or bool(_KNOWN_ISSUER.match(title))
