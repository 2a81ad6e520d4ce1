"""`validate`: files -> documents -> catalog -> rule problems -> a Report (no printing here)."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .catalog import Catalog
from .load.discover import discover
from .load.document import Document, read_document
from .load.locate import place
from .rules import RULES, Problem, Selection
from .rules.registry import checks

Progress = Callable[[int, int], None]


@dataclass
class Report:
    """The result of a validation run."""

    problems: list[Problem]
    files: int
    items: int
    texts: dict[str, str] = field(default_factory=dict, repr=False)  # file -> text, for showing source lines

    def counts(self) -> dict[str, int]:
        out = {"error": 0, "warning": 0}
        for p in self.problems:
            out[p.severity] += 1
        return out

    def failed(self, strict: bool = False) -> bool:
        c = self.counts()
        return bool(c["error"] or (strict and c["warning"]))


def load_documents(paths: Sequence[Path], encoding: str | None = None, progress: Progress | None = None) -> list[Document]:
    """Read every file (in the given order)."""
    docs = []
    for i, path in enumerate(paths):
        docs.append(read_document(path, path.as_posix(), encoding))
        if progress:
            progress(i + 1, len(paths))
    return docs


def run_rules(cat: Catalog, selection: Selection) -> list[Problem]:
    """Every enabled catalog rule over the catalog, with item waivers (`waive:`) applied."""
    found = [p for r in checks(selection) if r.check is not None for p in r.check(cat)]
    waivers: dict[tuple[str, str | int], dict[str, str]] = {(e.file, e.index): e.raw.waive for e in cat.entries if e.raw.waive}
    if not waivers:
        return found
    return [p for p in found if p.code not in waivers.get((p.file, p.loc[1] if len(p.loc) > 1 else -1), {})]


def check(docs: list[Document], targets: Iterable[str], selection: Selection, as_of: dt.date | None = None) -> Report:
    """Run load, schema and catalog rules; keep the problems of `targets`, located and sorted."""
    wanted = set(targets)
    cat = Catalog.build(docs, as_of)
    problems = [p for d in docs for p in d.problems] + run_rules(cat, selection)
    problems = [p for p in problems if p.file in wanted and selection.enabled(p.code)]
    texts = {d.file: d.text for d in docs if d.file in wanted}
    by_file: dict[str, list[Problem]] = defaultdict(list)
    for p in problems:
        by_file[p.file].append(p)
    located = [q for f, ps in by_file.items() for q in place(ps, texts.get(f, ""))]
    located.sort(key=Problem.sort_key)
    items = sum(len(d.items) for d in docs if d.file in wanted)
    return Report(located, len(wanted), items, texts)


def validate(
    paths: Iterable[str | Path],
    selection: Selection | None = None,
    *,
    encoding: str | None = None,
    exclude: Iterable[str] = (),
    as_of: dt.date | None = None,
    progress: Progress | None = None,
) -> Report:
    """Validate files and folders (each in the context of its whole catalog)."""
    found = discover(paths, exclude)
    docs = load_documents(found.targets + found.context, encoding, progress)
    return check(docs, (p.as_posix() for p in found.targets), selection or Selection(), as_of)


__all__ = ["RULES", "Report", "check", "load_documents", "run_rules", "validate"]
