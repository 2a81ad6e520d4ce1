"""Precision and recall of the suggestions `dlists reconcile` ships, on the hand-labelled township rewrites of
tests/data/suggest/pairs.yaml (used by benchmarks/suggest_quality.py and tests/test_suggest_quality.py).

Nothing here scores names: each labelled variant is written as an own item (no `source`) of a township of the
real catalog it comes from (catalogs/real/longhua, catalogs/real/guangan), with the kind and department the
township wrote; the catalog is loaded and reconciled as `dlists reconcile` does, and its suggestions are read
back. The same rows go through `dlists import --into`'s linking (importer/link.py) for comparison.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from delegation_lists.catalog import Catalog, load_catalog
from delegation_lists.importer.link import ParentItems
from delegation_lists.reconcile import DEFAULT_THRESHOLD, reconcile

ROOT = Path(__file__).resolve().parent.parent
PAIRS = ROOT / "tests/data/suggest/pairs.yaml"
#: each list: its catalog folder, the county code, the township given the rewrites, and the township's own office
#: (the department a township writes on a row that names no county department: an own item must name one)
LISTS = {"longhua": ("catalogs/real/longhua", "440309", "440309001", "观湖街道综合行政执法队"),
         "guangan": ("catalogs/real/guangan", "511602", "511602001", "样例街道便民服务中心")}


@dataclass(frozen=True)
class Pair:
    id: str
    list: str
    variant: str
    kind: str | None
    department: str | None
    source: str | None  # the county item's name; None for a decoy
    source_department: str | None = None

    @property
    def half(self) -> str:
        """`tune` (odd-numbered ids: what the scorer was tuned on) or `held-out` (even-numbered ids)."""
        return "tune" if int(self.id[1:]) % 2 else "held-out"


@dataclass
class Quality:
    """Suggestions on a set of pairs: how many were made, how many name the labelled item."""

    positives: int = 0
    suggested: int = 0
    correct: int = 0
    wrong: list[str] = field(default_factory=list)  # ids of pairs given a wrong suggestion
    missed: list[str] = field(default_factory=list)  # ids of positive pairs given none

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.positives if self.positives else 1.0

    def add(self, pair: Pair, found: str | None, truth: str | None) -> None:
        self.positives += truth is not None
        if found is None:
            if truth is not None:
                self.missed.append(pair.id)
            return
        self.suggested += 1
        if found == truth:
            self.correct += 1
        else:
            self.wrong.append(pair.id)


def load_pairs() -> list[Pair]:
    rows = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["pairs"]
    return [Pair(r["id"], r["list"], r["variant"], r.get("kind"), r.get("department"),
                 None if r["source"] == "none" else r["source"], r.get("source_department")) for r in rows]


def _own_list(township: str, office: str, pairs: list[Pair]) -> str:
    rows = [{"code": f"{township}-QT-{i:04d}", "name": p.variant, **({"kind": p.kind} if p.kind else {}),
             "department": p.department or office, "legal_basis": ["（见县级目录）"]}
            for i, p in enumerate(pairs, 1)]
    return yaml.safe_dump({"list": {"jurisdiction": township, "level": "township"}, "items": rows}, allow_unicode=True, sort_keys=False)


@contextmanager
def catalog_with(name: str, pairs: list[Pair]) -> Iterator[Path]:
    """A copy of the real catalog `name` whose first township lists `pairs`' variants as its own items."""
    folder, _, township, office = LISTS[name]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        shutil.copytree(ROOT / folder, root)
        region = yaml.safe_load((root / "region.yaml").read_text(encoding="utf-8"))
        if not region["region"].get("children"):  # guangan's list names no township: give it one
            region["region"]["children"] = [{"code": township, "name": "样例街道", "level": "township"}]
            (root / "region.yaml").write_text(yaml.safe_dump(region, allow_unicode=True, sort_keys=False), encoding="utf-8")
        (root / "township-own.yaml").write_text(_own_list(township, office, pairs), encoding="utf-8")
        yield root


def _truth(cat: Catalog, county: str, pair: Pair) -> str | None:
    if pair.source is None:
        return None
    hits = [e.code for e in cat.entries if e.jurisdiction == county and e.item.name == pair.source
            and (pair.source_department is None or cat.department_name(e) == pair.source_department)]
    if len(hits) != 1:
        raise ValueError(f"{pair.id}: the labelled source names {len(hits)} items of {county}: {pair.source}")
    return hits[0]


def evaluate(pairs: list[Pair], threshold: float = DEFAULT_THRESHOLD) -> dict[str, dict[str, Quality]]:
    """Quality of reconcile's suggestions and of import --into's near links, per half (`tune`, `held-out`,
    `all`): {"reconcile": {half: Quality}, "import": {half: Quality}}."""
    out: dict[str, dict[str, Quality]] = {how: {h: Quality() for h in ("tune", "held-out", "all")} for how in ("reconcile", "import")}
    for name in LISTS:
        mine = [p for p in pairs if p.list == name]
        _, county, township, _ = LISTS[name]
        with catalog_with(name, mine) as root:
            cat, _ = load_catalog([root])
            result = reconcile(cat, county, [township], threshold)
            suggested = {s.item: s.source for c in result.children for s in c.suggestions}
            parent = ParentItems(cat, county, township)
            own = {e.code: e for e in cat.entries if e.jurisdiction == township}
            for i, p in enumerate(mine, 1):
                code, truth = f"{township}-QT-{i:04d}", _truth(cat, county, p)
                found = parent.find(None, p.variant, own[code].item.kind, p.department, threshold)
                for half in (p.half, "all"):
                    out["reconcile"][half].add(p, suggested.get(code), truth)
                    out["import"][half].add(p, found.link.code if found.link else None, truth)
    return out

