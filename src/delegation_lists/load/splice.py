"""A changed list file read as its earlier version plus the item blocks that changed: the items whose text is
the same are taken from the earlier version, and only the head with the changed blocks is parsed.

This gives exactly the document that reading the file whole gives only when each item's text alone decides its
data, so it is used only for the plainest layout, in both versions (anything else: None, and the file is read
whole):
- a UTF-8 file of the `list:` header and then the `items:` block sequence to the end (no other top-level key),
  the same header text in both versions, and an earlier version that loaded without any problem;
- nothing the fast parser leaves to PyYAML (anchors, aliases, tags, directives, several documents, flow
  collections over several lines: `rapid_checks.declines`), no block scalars (`|`, `>`) and no backslash;
- every line after `items:` blank, a comment, an item's first line (the `- ` marker at the sequence's column)
  or indented deeper: so each item is the run of lines from its marker to the next one;
- every line holding a quote is a key with one quoted value (or a flow sequence of simple values) that closes
  on that line: no quoted text runs over to a line that could look like an item's first line;
- no input-method slip to mend, and the changed blocks parse with no problem at all, one item per block.
"""

from __future__ import annotations

import re
from pathlib import Path

from .document import Document, read_document
from .text import plain_utf8
from .yaml.rapid_checks import declines
from .yaml.slips import mend

_HEAD_END = "\nitems:\n"


def blocks(text: str) -> tuple[str, list[str]] | None:
    """The head (through the `items:` line, with any blank lines and comments after it) and the item blocks of a
    list text whose lines after `items:` are blank, comments, items' first lines or deeper, or None. The head
    and the blocks are the text: `head + "".join(blocks) == text`."""
    at = text.find(_HEAD_END)
    if at < 0:
        return None
    body = text[at + len(_HEAD_END):]
    first = next((ln for ln in body.split("\n", 64) if ln.strip() and not ln.lstrip(" ").startswith("#")), None)
    if first is None or not first.lstrip(" ").startswith("- "):
        return None
    indent = len(first) - len(first.lstrip(" "))
    marker = "\n" + " " * indent + "- "
    lines = "\n" + body  # every line starts after a line break
    shallow = lines.count("\n") - lines.count("\n" + " " * (indent + 1)) - lines.endswith("\n")
    if shallow != lines.count(marker) and _stray(body, indent):
        return None  # a line left of the items, or level with them but not an item's first line: another key
    pieces = lines.split(marker)
    head = text[: at + len(_HEAD_END)] + pieces[0][1:]
    found = [marker[1:] + piece + "\n" for piece in pieces[1:]]
    found[-1] = found[-1][:-1]
    return head + ("\n" if len(pieces[0]) > 1 else ""), found


def _stray(body: str, indent: int) -> bool:
    """Whether a line of `body` is left of the column `indent`, or at it but not an item's first line (`- `),
    and not blank or a comment."""
    return bool((indent and re.search(rf"(?m)^ {{0,{indent - 1}}}+[^ #\n]", body)) or re.search(rf"(?m)^ {{{indent}}}(?![ #\n]|- |$)", body))


def spliced(earlier: Document, raw: bytes, path: Path, file: str, encoding: str | None) -> Document | None:
    """The document of `raw` (a later version of `earlier`'s file) made from `earlier`'s items where the item
    blocks are the same text, or None: read it whole."""
    if (earlier.kind != "list" or earlier.header is None or earlier.problems or earlier.duties or not earlier.text
            or any(item is None for item in earlier.items) or not plain_utf8(raw, encoding)):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "|" in text or ">" in text or declines(text) or mend(text).slips:
        return None
    before, after = blocks(earlier.text), blocks(text)
    if before is None or after is None or before[0] != after[0] or len(before[1]) != len(earlier.items):
        return None
    known = dict(zip(before[1], earlier.items, strict=True))
    changed = [b for b in after[1] if b not in known]
    made = iter(earlier.items[:0])
    if changed:
        part = read_document(path, file, encoding, raw=(after[0] + "".join(changed)).encode("utf-8"))
        if part.problems or part.header != earlier.header or len(part.items) != len(changed) or None in part.items:
            return None
        made = iter(part.items)
    items = [known[b] if b in known else next(made) for b in after[1]]
    return Document(file, path, kind="list", text=text, header=earlier.header, items=items, encoding=encoding)
