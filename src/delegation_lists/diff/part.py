"""What the diff of some jurisdictions gives: their changes, the effects of their delegations, their duty
entries placed in another part, and what the join (join.py) needs to name things as one pass over the whole
would. The whole diff is one part that owns every jurisdiction; diff/parts.py runs many.

A part holds both versions of the files of the jurisdictions it owns and, as context, of the jurisdictions above
them (their items are the sources its items take on), with both versions' region files.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..problems import Message
from .changes import ItemChanges, RecordedRename, item_changes
from .duties import duty_moves
from .fields import Options
from .impact import Delegation, children_of, delegations, orphans, withdrawn_from
from .results import DutyMove
from .side import Side

Place = tuple[int, int, int]  # where a whole pass over both versions meets an item: (version: 0 old, 1 new;
#                                the file's place in the version; the index in the file)


@dataclass(frozen=True)
class Named:
    """A name found for a code at `at`: of several, the last one met counts; `first`: where a name for the code
    was first met (the order the whole pass lists names in)."""

    at: Place
    name: str
    first: Place


@dataclass
class PartDiff:
    """The diff of the jurisdictions a part owns (see the module's doc)."""

    changes: ItemChanges
    delegations: list[Delegation]  # of the delegating items it owns
    withdrawn: dict[str, frozenset[str]]  # owned target -> the withdrawals from it seen here (orphans found with them)
    orphaned: dict[str, list[str]]  # owned target -> its items whose source was withdrawn
    names: dict[str, Named]  # code of an item the impact may show -> its last non-empty name among the owned items
    silent: frozenset[str]  # codes of owned items not in `names`' reach (the join checks it shows none of them)
    modes: dict[tuple[str, str], str]  # (owned jurisdiction, code in `names`' reach) -> new delegation mode
    duty_moves: list[DutyMove]
    record_items: dict[str, Named] = field(default_factory=dict)  # code a record names -> its items' last name
    record_duties: dict[str, Named] = field(default_factory=dict)  # ... and its duty entries' last name
    broken: tuple[dict[str, Message], dict[str, Message]] = field(default_factory=lambda: ({}, {}))  # owned files not loaded, per version
    problems: tuple[int, int] = (0, 0)  # the owned files with problems, per version


def diff_part(old: Side, new: Side, opts: Options, own: frozenset[str] | None, named: frozenset[str],
              renames: tuple[RecordedRename, ...] = ()) -> PartDiff:
    """The diff of the jurisdictions in `own` (every one when None); `named`: the codes the new records name;
    `renames`: the renames with a new code the records of either version name."""
    mine: Callable[[str], bool] = (lambda _: True) if own is None else own.__contains__
    found = delegations(old, new, children_of((old, new)))
    withdrawn = {t: codes for t, codes in withdrawn_from(found).items() if mine(t)}
    orphaned = orphans(new, withdrawn, mine)
    shown = {d.item for d in found} | {code for codes in orphaned.values() for code in codes}
    names, silent = _names(old, new, shown, mine)
    modes = {key: at.item.delegation.mode for key, at in new.items.items()
             if key[1] in shown and at.item.delegation is not None and mine(key[0])}
    part = PartDiff(item_changes(old, new, opts, own, renames), [d for d in found if mine(d.jurisdiction)], withdrawn,
                    orphaned, names, silent, modes, duty_moves(old, new, mine))
    if named:
        part.record_items, part.record_duties = _record_names(old, new, named, mine)
    return part


def _names(old: Side, new: Side, codes: set[str], mine: Callable[[str], bool]) -> tuple[dict[str, Named], frozenset[str]]:
    """The last non-empty name of each of `codes` among the owned items of both versions (items of any
    jurisdiction: a township's entry under its source's code is named by it too), and the other codes owned."""
    out: dict[str, Named] = {}
    silent: set[str] = set()
    for version, side in enumerate((old, new)):
        for key in side.items:
            if not mine(key[0]):
                continue
            if key[1] not in codes:
                silent.add(key[1])
                continue
            name = side.name_of(key)
            if name:
                at = (version, *side.place_of(key))
                was = out.get(key[1])
                if was is None or was.at < at:
                    out[key[1]] = Named(at, name, at if was is None else min(at, was.first))
                elif at < was.first:
                    out[key[1]] = Named(was.at, was.name, at)
    return out, frozenset(silent)


def _record_names(old: Side, new: Side, codes: frozenset[str], mine: Callable[[str], bool]) -> tuple[dict[str, Named], dict[str, Named]]:
    """The last name (even an empty one) of each of `codes` among the owned items, and among the owned duty entries."""
    items: dict[str, Named] = {}
    duties: dict[str, Named] = {}
    for version, side in enumerate((old, new)):
        for key in side.items:
            if key[1] in codes and mine(key[0]):
                at = (version, *side.place_of(key))
                if key[1] not in items or items[key[1]].at < at:
                    items[key[1]] = Named(at, side.name_of(key), at)
        for key in side.duties:
            if key[1] in codes and mine(key[0]):
                at = (version, *side.place_of(key, duty=True))
                if key[1] not in duties or duties[key[1]].at < at:
                    duties[key[1]] = Named(at, side.duty_field(key, "name") or "", at)
    return items, duties
