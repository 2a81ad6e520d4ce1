"""Bytes -> text: UTF-8 (with or without BOM); a file that is not UTF-8 is read with the fallback encoding when
one is given (`--encoding gbk`), else gets an error naming the fix (GBK/GB18030 files are recognised)."""

from __future__ import annotations

import codecs
import re

from ..problems.message import msg
from .errors import LoadError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
ENCODING_ALIASES = {"gbk": "gb18030", "gb2312": "gb18030", "cp936": "gb18030"}


#: what ends a line for YAML (and so for every line number shown): CR LF, CR, LF, NEL, LS, PS; not the form feed,
#: vertical tab or file separators `str.splitlines` also splits at
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def odd_breaks(text: str) -> bool:
    """Whether the text ends a line otherwise than with LF or CR LF: then counting `\\n` does not count its lines
    as YAML does."""
    return any(c in text for c in "\x85\u2028\u2029") or ("\r" in text and text.count("\r") != text.count("\r\n"))


def position(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character `index` in `text`, lines counted as YAML counts them."""
    head = text[:index]
    if not odd_breaks(head):
        return head.count("\n") + 1, index - (head.rfind("\n") + 1) + 1
    ends = [m.end() for m in LINE_BREAK.finditer(head)]
    return len(ends) + 1, index - (ends[-1] if ends else 0) + 1


def source_lines(text: str) -> list[str]:
    """The lines of a text as YAML counts them (the lines problems are located on), without their breaks."""
    if "\r" not in text and not odd_breaks(text):
        return text.split("\n")
    return LINE_BREAK.split(text)


def _looks_chinese(text: str) -> bool:
    return sum("\u4e00" <= ch <= "\u9fff" for ch in text[:4000]) >= 2


def plain_utf8(raw: bytes, encoding: str | None = None) -> bool:
    """Whether `decode(raw, encoding)` reads `raw` as UTF-8 as it is (no forced codec, no BOM): then the text's
    UTF-8 encoding is `raw` itself."""
    return encoding is None and not any(raw.startswith(bom) for bom, _ in _BOMS)


def decode(raw: bytes, encoding: str | None = None) -> str:
    """Decode a catalog file: UTF-8 (with or without a BOM; UTF-16/32 with a BOM). `encoding` (e.g. `gbk`, read
    as its superset GB18030) is the fallback for a file that is not valid UTF-8, so one GBK file among UTF-8 files
    is read without breaking the others."""
    try:
        return _unicode(raw)
    except LoadError:
        if not encoding:
            raise
    codec = ENCODING_ALIASES.get(encoding.lower(), encoding)
    try:
        return raw.decode(codec).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line, col = position(raw[: exc.start].decode(codec, "replace"), exc.start)
        raise LoadError("DL003", msg("DL003.invalid", encoding=encoding, byte=f"{raw[exc.start]:#04x}"), line, col) from None
    except LookupError:
        raise LoadError("DL003", msg("DL003.unknown_encoding", encoding=repr(encoding))) from None


def _unicode(raw: bytes) -> str:
    """The text of UTF-8 bytes, or of bytes after a Unicode BOM; a LoadError that names the fix otherwise."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            try:
                return body.decode(codec, "strict")
            except UnicodeDecodeError as exc:  # a BOM, then bytes that are not that encoding
                head = body[: exc.start].decode(codec, "replace")
                line, col = position(head, len(head))
                raise LoadError("DL003", msg("DL003.invalid", encoding=codec, byte=f"{body[exc.start]:#04x}"), line, col) from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        head = raw[: exc.start].decode("utf-8", "replace")
        line, col = position(head, len(head))
        try:
            guess = raw.decode("gb18030")
        except UnicodeDecodeError:
            guess = None
        if guess is not None and _looks_chinese(guess):
            raise LoadError("DL003", msg("DL003.gbk"), line, col) from None
        raise LoadError("DL003", msg("DL003.not_utf8", byte=f"{raw[exc.start]:#04x}"), line, col) from None
