"""A changed list file read as its earlier version plus the item blocks that changed: the items whose text is
the same are taken from the earlier version, and only the head with the changed blocks is parsed.

A list's item blocks are the runs of lines from one `- ` at the items' column (a marker line) to the next. This
gives exactly the document reading the file whole gives, because it is used only when:
- both versions are UTF-8, with the same text up to `items:`, and every item's `-` is followed by a space (so
  every item starts on a marker line); the earlier version loaded without any problem and has as many blocks as
  items: so no marker line is inside an item (a quote running over lines), and each block is one whole item;
- the later version has no anchors, aliases or tags (which let one item's data depend on another's text) and no
  block scalars (`|`, `>`: where they end, and what they keep, depends on what follows);
- its changed blocks, parsed alone after the head, give one item each and no problem at all: a block whose quote
  or flow collection runs over into the next would take that block in (one item fewer) or reach the end of the
  text (an error); a slip, a second document or anything else a line says on its own is a problem there too
  (and in an unchanged block it was one in the earlier version).
Then every block of the later version is one whole item whose data its text alone decides, and an unchanged
block is the earlier version's item. Anything else (None): the file is read whole.
"""

from __future__ import annotations

import re
from pathlib import Path

from .document import Document, read_document
from .text import plain_utf8

_HEAD_END = "\nitems:\n"
#: a tag, anchor or alias (as rapid_checks finds them): what lets one item's data depend on another's text
_PROPERTY = re.compile(r"(?:^|[\s\[{,])[!&*]", re.M)


def blocks(text: str) -> tuple[str, list[str]] | None:
    """The head (through the `items:` line, with any blank lines and comments after it) and the item blocks of a
    list text (None: no `items:` line followed by a marker line, or an item whose `-` stands alone). The head and
    the blocks are the text: `head + "".join(blocks) == text`."""
    at = text.find(_HEAD_END)
    if at < 0:
        return None
    after = at + len(_HEAD_END)
    first = next((ln for ln in text[after: after + 4096].split("\n") if ln.strip() and not ln.lstrip(" ").startswith("#")), "")
    if not first.lstrip(" ").startswith("- "):
        return None
    marker = "\n" + first[: len(first) - len(first.lstrip(" "))] + "- "
    pieces = text.split(marker)
    if len(pieces[0]) < after - 1 or text.count(marker[:-1]) != len(pieces) - 1:
        return None  # a marker line above `items:`, or an item whose `-` is not followed by a space
    found = [marker[1:] + piece + "\n" for piece in pieces[1:]]
    found[-1] = found[-1][:-1]
    return pieces[0] + "\n", found


def spliced(earlier: Document, earlier_raw: bytes, raw: bytes, path: Path, file: str, encoding: str | None) -> Document | None:
    """The document of `raw` (a later version of the file of `earlier`, read from `earlier_raw`) made from
    `earlier`'s items where the item blocks are the same text, or None: read it whole."""
    if (earlier.kind != "list" or earlier.header is None or earlier.problems or earlier.duties
            or any(item is None for item in earlier.items) or not plain_utf8(raw, encoding) or not plain_utf8(earlier_raw, encoding)):
        return None
    try:
        text, earlier_text = raw.decode("utf-8"), earlier_raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if "|" in text or ">" in text or (("!" in text or "&" in text or "*" in text) and _PROPERTY.search(text)):
        return None
    before, after = blocks(earlier_text), blocks(text)
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
