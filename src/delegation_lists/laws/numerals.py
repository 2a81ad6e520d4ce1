"""Numbers as legal citations write them: Chinese numerals (`三十五`, `一百零五`, `二〇一九`, financial 叁拾伍),
Arabic digits, full-width digits (`３５`)."""

from __future__ import annotations

import unicodedata

_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "壹": 1, "二": 2, "两": 2, "贰": 2, "三": 3, "叁": 3, "四": 4,
           "肆": 4, "五": 5, "伍": 5, "六": 6, "陆": 6, "七": 7, "柒": 7, "八": 8, "捌": 8, "九": 9, "玖": 9}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_MYRIAD = {"万": 10_000}

#: the characters a written number is made of (for the citation patterns)
NUMBER_CHARS = "0-9" + "".join(_DIGITS) + "".join(_UNITS) + "".join(_MYRIAD)


def number(text: str) -> int | None:
    """The value of a written number, or None when it is not one.

    `35`, `３５`, `三十五`, `十` (10), `一百零五` (105), `一百一十` (110), `两千` (2000), `二〇一九` (2019: digits
    read one by one when there are no units)."""
    text = unicodedata.normalize("NFKC", text).strip()
    if not text:
        return None
    if text.isascii():
        return int(text) if text.isdigit() else None
    if any(ch not in _DIGITS and ch not in _UNITS and ch not in _MYRIAD for ch in text):
        return None
    if not any(ch in _UNITS or ch in _MYRIAD for ch in text):  # 二〇一九: one digit after another
        return int("".join(str(_DIGITS[ch]) for ch in text))
    return _with_units(text)


def _with_units(text: str) -> int | None:
    total = section = digit = 0
    seen_digit = False
    for ch in text:
        if ch in _DIGITS:
            digit, seen_digit = _DIGITS[ch], True
        elif ch in _UNITS:
            section += (digit if seen_digit else 1) * _UNITS[ch]  # 十二: an implied 一 before 十
            digit, seen_digit = 0, False
        else:
            total += (section + digit) * _MYRIAD[ch]
            section = digit = 0
            seen_digit = False
    return total + section + digit
