"""Suggestions on the hand-labelled township rewrites (tests/data/suggest): the suggester `reconcile` ships, run
through a real catalog, reaches the issue's precision and recall at the default threshold, and `import --into`
links by the same scorer."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))

from delegation_lists.reconcile import DEFAULT_THRESHOLD
from suggest_eval import evaluate, load_pairs


@pytest.fixture(scope="module")
def quality():  # type: ignore[no-untyped-def]
    return evaluate(load_pairs(), DEFAULT_THRESHOLD)


def test_the_labelled_set_is_hard_enough():
    pairs = load_pairs()
    positives = [p for p in pairs if p.source]
    assert len(positives) >= 60 and {p.list for p in positives} == {"longhua", "guangan"}
    assert sum(1 for p in pairs if p.source is None) >= 20
    assert len({p.id for p in pairs}) == len(pairs)
    assert all(p.variant != p.source for p in positives)  # every pair is a rewrite, none the name itself


def test_precision_and_recall_at_the_default_threshold(quality):  # type: ignore[no-untyped-def]
    q = quality["reconcile"]["all"]
    assert q.positives == sum(1 for p in load_pairs() if p.source)
    assert q.precision >= 0.95, (q.precision, q.wrong)
    assert q.recall >= 0.9, (q.recall, q.missed)
    for half in ("tune", "held-out"):  # neither half far off: not fitted to the half it was tuned on
        assert quality["reconcile"][half].precision >= 0.9 and quality["reconcile"][half].recall >= 0.85


def test_import_into_links_what_reconcile_suggests(quality):  # type: ignore[no-untyped-def]
    r, i = quality["reconcile"]["all"], quality["import"]["all"]
    assert (r.suggested, r.correct, r.wrong, r.missed) == (i.suggested, i.correct, i.wrong, i.missed)
