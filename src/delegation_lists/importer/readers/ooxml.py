"""An .xlsx package's structure, read with defusedxml: its sheets in order (name, visibility, the part holding
each) and its custom document properties (where a dlists export names each sheet's jurisdiction)."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from ..said import msg
from . import xmlsafe
from .table import ReadError

CUSTOM = "docProps/custom.xml"
MAX_PROPERTY = 10_000  # characters of one custom property kept


@dataclass
class Sheet:
    name: str
    part: str  # the worksheet's part in the zip ('' for a chart sheet or a part that is missing)
    state: str = "visible"  # visible | hidden | veryHidden


@dataclass
class Workbook:
    sheets: list[Sheet] = field(default_factory=list)
    properties: dict[str, str] = field(default_factory=dict)  # custom document properties, as text


def _local(element: Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def _targets(zf: zipfile.ZipFile, rels: str, base: str, path: Path) -> dict[str, str]:
    """Relationship id -> the part it points to (resolved against `base`, the folder of the part)."""
    if rels not in zf.namelist():
        return {}
    out = {}
    for rel in xmlsafe.parse(zf, rels, path):
        target = rel.get("Target", "")
        if rel.get("TargetMode") == "External" or not target:
            continue
        resolved = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))
        out[rel.get("Id", "")] = resolved
    return out


def _workbook_part(zf: zipfile.ZipFile, path: Path) -> str:
    """The main part, as the package's relationships name it (xl/workbook.xml in every file seen)."""
    found = [p for p in _targets(zf, "_rels/.rels", "", path).values() if p.endswith(".xml") and "workbook" in p.lower()]
    return found[0] if found and found[0] in zf.namelist() else "xl/workbook.xml"


def properties(zf: zipfile.ZipFile, path: Path) -> dict[str, str]:
    """docProps/custom.xml: property name -> its value as text."""
    if CUSTOM not in zf.namelist():
        return {}
    out = {}
    for prop in xmlsafe.parse(zf, CUSTOM, path):
        name = prop.get("name")
        value = next(iter(prop), None)
        if name and value is not None:
            out[name] = (value.text or "")[:MAX_PROPERTY]
    return out


def read_workbook(zf: zipfile.ZipFile, path: Path) -> Workbook:
    """The sheets of the workbook in order and its custom properties."""
    part = _workbook_part(zf, path)
    if part not in zf.namelist():
        raise ReadError(msg("import.read.no_workbook", part=part), path)
    folder = posixpath.dirname(part)
    targets = _targets(zf, posixpath.join(folder, "_rels", posixpath.basename(part) + ".rels"), folder, path)
    book = Workbook(properties=properties(zf, path))
    names = set(zf.namelist())
    for element in xmlsafe.parse(zf, part, path).iter():
        if _local(element) == "sheet":
            rel = next((v for k, v in element.attrib.items() if k.endswith("}id")), "")  # transitional or strict
            target = targets.get(rel, "")
            book.sheets.append(Sheet(element.get("name", f"Sheet{len(book.sheets) + 1}"), target if target in names else "",
                                     element.get("state", "visible")))
    return book
