"""The example catalogs validate and reproduce the seed figures of domain.md."""

from __future__ import annotations

from collections import Counter

from conftest import CATALOGS
from delegation_lists.catalog import Catalog
from delegation_lists.check import validate
from delegation_lists.load.discover import discover
from delegation_lists.load.many import load_documents


def test_examples_are_clean():
    report = validate([CATALOGS / "xunyang"])
    assert report.problems == []
    assert report.items > 300


def test_imported_real_catalogs_validate():
    """catalogs/real/ (imported from ../shared/real-data): no errors; the two warnings are real duplicates (DL102)."""
    report = validate([CATALOGS / "real"])
    assert report.counts()["error"] == 0
    assert {p.code for p in report.problems} <= {"DL102"}
    assert report.items == 1135 + 296


def test_zhaowan_seed_figure():
    """旬阳市赵湾镇: 12 county departments entrusted 92 items, 31 of them licensing."""
    found = discover([CATALOGS / "xunyang"])
    cat = Catalog.build(load_documents(found.targets))
    zhaowan = [e for e in cat.entries if e.jurisdiction == "610928104" and e.raw.mode == "entrust"]
    assert len(zhaowan) == 92
    assert len({e.item.department for e in zhaowan}) == 12
    assert Counter(e.item.kind for e in zhaowan)["licensing"] == 31


def test_county_list_has_every_kind():
    from delegation_lists.model.codes import KINDS

    found = discover([CATALOGS / "xunyang"])
    cat = Catalog.build(load_documents(found.targets))
    kinds = {e.item.kind for e in cat.entries if e.jurisdiction == "610928"}
    assert kinds == {k.key for k in KINDS}


def test_parallel_loading_gives_identical_reports():
    """Worker processes change nothing: same problems, same order, as one process."""
    from conftest import CASES

    paths = [CATALOGS, *sorted(CASES.glob("dl1*/input"))]
    one = [validate([p], jobs=1) for p in paths]
    for jobs in (2, 3):  # this process and one or two workers share the files
        more = [validate([p], jobs=jobs) for p in paths]
        assert [r.problems for r in one] == [r.problems for r in more]
        assert [r.items for r in one] == [r.items for r in more]
        assert [r.texts for r in one] == [r.texts for r in more]
