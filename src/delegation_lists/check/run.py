"""One plain validation pass: documents -> catalog -> rule problems (waivers applied) -> located, sorted Report.

The strategies in validate.py (cached, incremental, sharded) all end here for the files they check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..catalog import Catalog
from ..load.cache import Cache
from ..load.document import Document
from ..problems import Problem, Selection, by_file
from ..rules.registry import checks
from .locate import place, place_cached, place_related
from .report import Report


def run_rules(cat: Catalog, selection: Selection) -> list[Problem]:
    """Every enabled catalog rule over the catalog, with waivers (`waive:` on an item or a list header) applied."""
    found = [p for r in checks(selection) if r.check is not None for p in r.check(cat)]
    waivers: dict[tuple[str, str, int], dict[str, str]] = {(e.file, "items", e.index): e.raw.waive for e in cat.described if e.raw.waive}
    waivers |= {(e.file, "duties", e.index): e.raw.waive for e in cat.duties.written if e.raw.waive}
    for doc in cat.docs:
        if doc.header is not None and doc.header.waive:
            waivers[(doc.file, "list", 0)] = doc.header.waive
    if not waivers:
        return found
    return [p for p in found if p.code not in waivers.get(_entry_key(p), {}) and p.code not in waivers.get((p.file, "list", 0), {})]


def _entry_key(p: Problem) -> tuple[str, str, int]:
    """(file, "items" or "duties", index) of the entry a problem is in, else a key no waiver has."""
    if len(p.loc) > 1 and isinstance(p.loc[0], str) and isinstance(p.loc[1], int):
        return (p.file, p.loc[0], p.loc[1])
    return (p.file, "", -1)


def check(docs: list[Document], targets: Iterable[str], selection: Selection, as_of: dt.date | None = None,
          cache: Cache | None = None) -> Report:
    """Run load, schema and catalog rules; keep the problems of `targets`, located (through the parse cache's
    remembered positions when given) and sorted."""
    return check_catalog(Catalog.build(docs, as_of), targets, selection, cache)


def check_catalog(cat: Catalog, targets: Iterable[str], selection: Selection, cache: Cache | None = None) -> Report:
    """`check` of a catalog already built (its documents' load and schema problems and the catalog rules): what
    a command that needs the catalog anyway (export) reports without parsing the files a second time."""
    wanted = set(targets)
    docs = cat.docs
    problems = [p for d in docs for p in d.problems] + run_rules(cat, selection)
    problems = [p for p in problems if p.file in wanted and selection.enabled(p.code)]
    grouped = by_file(problems)
    files = {d.file: d for d in docs}
    texts = {f: files[f].original() for f in grouped if f in files}  # for showing source lines
    located = [q for f, ps in grouped.items() for q in (place_cached(ps, files[f], cache) if f in files else place(ps, ""))]
    located = place_related(located, files, cache)
    located.sort(key=Problem.sort_key)
    items = sum(len(d.items) + len(d.duties) for d in docs if d.file in wanted)
    return Report(located, len(wanted), items, texts)
