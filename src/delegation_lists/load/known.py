"""What a list that could not be used still says: its jurisdiction and the codes of the items it names.

An item that fails its schema, or a file that does not parse, is "known but invalid": its own problems say what
is wrong, and the items that take it on (a township's `source`) must not also report "source not found" (one
slip in a county file would otherwise give one DL201 per township entry). The codes come from the data when the
file parsed, else from a scan of the text (`code:` and `jurisdiction:` lines).
"""

from __future__ import annotations

import re
from typing import Any

_CODE = re.compile(r"""(?:^|[\s{,])(?:code|source)\s*[:：]\s*["'“]?([^"'”\s#,}\]]+)""", re.M)
_JURISDICTION = re.compile(r"""(?:^|[\s{,])jurisdiction\s*[:：]\s*["'“]?([^"'”\s#,}\]]+)""", re.M)


def invalid_codes(data: Any, valid: list[Any], key: str) -> tuple[str, ...]:
    """Codes (else sources) of the entries under `key` (items, duties) of a parsed list that did not validate
    (`valid[i]` None)."""
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        return ()
    out = []
    for raw, item in zip(items, valid, strict=False):
        if item is None and isinstance(raw, dict):
            code = raw.get("code", raw.get("source"))
            if isinstance(code, (str, int)) and not isinstance(code, bool):
                out.append(str(code).strip())
    return tuple(out)


def scanned(text: str) -> tuple[str | None, tuple[str, ...]]:
    """(jurisdiction, item codes) a list's text names, for a list whose data could not be used."""
    jurisdiction = _JURISDICTION.search(text)
    return (jurisdiction.group(1) if jurisdiction else None), tuple(dict.fromkeys(_CODE.findall(text)))
