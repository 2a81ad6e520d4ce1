"""Rules on the adjustment records (spec §6): each decision with its approving document, its own id, a date
that has come, and changes that say what they change. They read the records files only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model.adjustments import ACTION_ZH
from ..problems import Problem, Related, msg
from ..problems.codes import problem
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog
    from ..catalog.entry import RecordAt


@rule("DL401")
def record_without_basis(cat: Catalog) -> Iterator[Problem]:
    """An adjustment record names no approving document (`basis`).

    Every change of a list is decided, published and filed: the record names the document that approved it,
    and `dlists diff` and the 调整对照表 show it beside each change.

    Reported where the document number is to be written: at the `basis:` key when the record has one left
    empty (as `dlists record` drafts it), else at the record itself (its first key, after `- `), as a missing
    field of an item is (DL011, DL104).
    """
    for at in cat.records:
        record = at.record
        if not record.basis:
            written = "basis" in record.model_fields_set
            yield problem("DL401", at.file, msg("DL401", id=record.id), at.loc("basis") if written else at.loc(), at_key=written)


@rule("DL402")
def duplicate_record_id(cat: Catalog) -> Iterator[Problem]:
    """Two adjustment records share an id.

    The id names one decision; the diff tells the records already applied (in the old version too) from the
    new ones by it. The second and later uses are reported.
    """
    seen: dict[str, RecordAt] = {}
    for at in cat.records:
        record = at.record
        first = seen.setdefault(record.id, at)
        if first is not at:
            said = (msg("DL402.same_file", id=record.id, index=first.index) if first.doc is at.doc
                    else msg("DL402", id=record.id, file=first.file, index=first.index))
            yield problem("DL402", at.file, said, at.loc("id"), related=(Related(first.file, first.loc("id")),))


@rule("DL403")
def record_in_future(cat: Catalog) -> Iterator[Problem]:
    """An adjustment record is dated after today (`--as-of` for another day).

    A record is written once the change is decided: a date to come is usually a slip (2052 for 2025).
    """
    for at in cat.records:
        record = at.record
        if record.date > cat.as_of:
            yield problem("DL403", at.file, msg("DL403", id=record.id, date=record.date, today=cat.as_of), at.loc("date"))


@rule("DL404")
def incomplete_change(cat: Catalog) -> Iterator[Problem]:
    """A change of a record leaves out what it changes.

    Every change names its item (`item`; `duty` for a duty entry); a move names the part the duty moves to
    (`part`). A rename (更名) needs no `old`: without it, it records a change of the item's name, its code kept.
    """
    for at in cat.records:
        record = at.record
        for j, change in enumerate(record.changes):
            where = at.loc("changes", j)
            field = "duty" if change.action == "move" else "item"
            if not change.target or (change.action == "move" and not change.duty):
                yield problem("DL404", at.file, msg("DL404.target", action=change.action, action_zh=ACTION_ZH[change.action], field=field), (*where, "action"))
            elif change.action == "move" and not change.part:
                yield problem("DL404", at.file, msg("DL404.part"), (*where, "duty"))
