"""XML inside an attachment (.xlsx, .docx, .ods, zip-based .et/.wps) is read with defusedxml only, and every XML
part of the package is parsed by it once before any other library opens the file: a DTD (the carrier of
billion-laughs and external-entity attacks; Office Open XML forbids DTDs outright, and no office suite writes
one into OpenDocument), an entity, or a part cut short is refused with the file and the part named."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any, Protocol
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..said import msg
from .table import ReadError

CHUNK = 1 << 20
XML_SUFFIXES = (".xml", ".rels", ".vml")


class Target(Protocol):
    """What a streaming scan receives (ElementTree's parser target protocol: only the methods it defines)."""

    def close(self) -> Any: ...


class _Nothing:
    """A target that keeps nothing: the parse only proves the part well-formed and free of DTDs."""

    def close(self) -> None:
        return None


def refused(path: Path, part: str, exc: Exception) -> ReadError:
    """The user error for an XML part defusedxml or expat would not read."""
    if isinstance(exc, DefusedXmlException):
        return ReadError(msg("import.xml.dtd", part=part), path)
    position = getattr(exc, "position", None)
    at = f" {position[0]}:{position[1]}" if position else ""
    return ReadError(msg("import.xml.broken", part=part, at=at, error=str(exc)), path)


def parser(target: object) -> DefusedXMLParser:
    """A defusedxml parser: DTDs, entities and external references refused."""
    made = DefusedXMLParser(target=target, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    made.parser.DefaultHandlerExpand = None  # nothing to pass on: a DTD is refused before any default handling
    return made


def stream(zf: zipfile.ZipFile, part: str, target: object, path: Path, raw: bool = False) -> Any:
    """Parse one part of `zf` into `target` chunk by chunk; the target's `close()` result is returned."""
    feeder = parser(target)
    if raw:
        feeder.parser.StartElementHandler = target.start  # type: ignore[attr-defined]
        if hasattr(target, "end"):
            feeder.parser.EndElementHandler = target.end
    try:
        with zf.open(part) as fh:
            while chunk := fh.read(CHUNK):
                feeder.feed(chunk)
        return feeder.close()
    except ReadError:
        raise
    except (DefusedXmlException, ParseError) as exc:
        raise refused(path, part, exc) from None


class Scan(Target, Protocol):
    """A scan of a big part: `start` (and `end`, when it has one) called by expat itself for every element."""

    def start(self, tag: str, attributes: list[str]) -> None: ...


def scan(zf: zipfile.ZipFile, part: str, target: Scan, path: Path) -> Any:
    """Like `stream`, with `target.start` as expat's start-element handler (no element objects, no dicts):
    still defusedxml's parser, its DTD and entity handlers in place."""
    return stream(zf, part, target, path, raw=True)


def parse(zf: zipfile.ZipFile, part: str, path: Path) -> Element:
    """A small part (workbook.xml, its relationships, custom.xml) as an element tree, through defusedxml."""
    from xml.etree.ElementTree import TreeBuilder

    root: Element = stream(zf, part, TreeBuilder(), path)
    return root


def check_parts(zf: zipfile.ZipFile, path: Path, skip: frozenset[str] = frozenset()) -> None:
    """Every XML part of the package (but those in `skip`, parsed by a scan of their own) well-formed and
    without a DTD; ReadError naming the part otherwise."""
    for info in zf.infolist():
        name = info.filename
        if name in skip or not (name.lower().endswith(XML_SUFFIXES) or name == "[Content_Types].xml"):
            continue
        stream(zf, name, _Nothing(), path)
