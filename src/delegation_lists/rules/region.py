"""Rules tying lists to region.yaml: jurisdictions, levels, departments, delegation targets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..model.closest import closest_name
from ..problems import Problem, msg
from ..problems.codes import problem
from .registry import rule

if TYPE_CHECKING:
    from ..catalog import Catalog


@rule("DL105")
def unknown_department(cat: Catalog) -> Iterator[Problem]:
    """An item names a department that no region.yaml in scope declares.

    Departments are declared in region.yaml (`departments:` with `name` and optional `short`); a list may use
    those of the region.yaml files in its folder and the folders above, and its jurisdiction's own government
    (e.g. 赵湾镇人民政府). Inherited departments are checked where they are written.
    """
    scopes: dict[int, frozenset[str]] = {}  # one scope per document
    for e in cat.described:
        dep = e.raw.department
        if not dep:
            continue
        scope = scopes.get(id(e.doc))
        if scope is None:
            scope = scopes[id(e.doc)] = cat.departments(e.doc)
        if dep not in scope:
            close = closest_name(dep, sorted(scope))
            said = (msg("DL105.close", department=dep, close=cat.department_shown(e.doc, close)) if close
                    else msg("DL105", department=dep))
            yield e.problem("DL105", said, "department")


@rule("DL106")
def unknown_jurisdiction(cat: Catalog) -> Iterator[Problem]:
    """A list's jurisdiction is not in region.yaml, or its `level` disagrees with the region tree."""
    for doc in cat.docs:
        head = doc.header
        if head is None:
            continue
        place = cat.places.get(head.jurisdiction)
        if place is None:
            yield problem("DL106", doc.file, msg("DL106.unknown", code=head.jurisdiction), ("list", "jurisdiction"))
        elif head.level and head.level != place.level:
            said = msg("DL106.level", level=head.level, name=place.name, actual=place.level)
            yield problem("DL106", doc.file, said, ("list", "level"))


@rule("DL107")
def bad_delegation_target(cat: Catalog) -> Iterator[Problem]:
    """A delegation names a target that is not a direct child of the delegating jurisdiction.

    `delegation.to` is `all`, or child codes or names of the list's jurisdiction as declared in region.yaml
    (a county delegates to its townships, not to another county's or to a village two levels down).
    """
    for e in cat.delegating:
        if e.jurisdiction not in cat.places:
            continue
        _, unknown = cat.targets(e)
        children = [cat.places[c].name for c in cat.places[e.jurisdiction].children]
        for name in unknown:
            close = None if name in cat.places else closest_name(name, children)
            key = "DL107.not_child" if name in cat.places else "DL107.close" if close else "DL107.unknown"
            said = msg(key, target=name, parent=cat.places[e.jurisdiction].name, close=close or "")
            yield e.problem("DL107", said, "delegation", "to")
