"""Walks of the jurisdiction tree (the places of region.yaml files), written once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .entry import Place


def lineage(places: Mapping[str, Place], code: str | None) -> list[str]:
    """`code` and the codes above it, nearest first; empty for a code not in the tree."""
    out: list[str] = []
    place = places.get(code) if code is not None else None
    while place is not None and place.code not in out:
        out.append(place.code)
        place = places.get(place.parent) if place.parent is not None else None
    return out


def with_descendants(places: Mapping[str, Place], codes: Iterable[str]) -> set[str]:
    """`codes` and every jurisdiction below them."""
    out = set(codes)
    todo = list(out)
    while todo:
        place = places.get(todo.pop())
        for child in place.children if place else ():
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def with_ancestors(places: Mapping[str, Place], codes: Iterable[str]) -> set[str]:
    """`codes` and every jurisdiction above them."""
    return {up for code in codes for up in lineage(places, code)} | set(codes)
