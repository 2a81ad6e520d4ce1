"""Where and how an `--into` import is written: one list file for the jurisdiction, beside its siblings' lists
(or where `-o` says, inside the catalog's folder), every entry under a comment saying where its row is."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..atomic import write_text
from ..load.discover import input_overwritten
from .into import Into, IntoFailed
from .said import msg
from .yaml_out import COMMENT, render_document

if TYPE_CHECKING:
    from ..catalog import Catalog


def existing_lists(cat: Catalog, code: str) -> list[str]:
    """The list files the catalog already has for jurisdiction `code`."""
    return sorted({e.file for e in cat.entries if e.jurisdiction == code} | set(cat.broken.get(code, [])))


def target_path(cat: Catalog, root: Path, into: Into, output: Path | None) -> Path:
    """`output` (a file, or a folder for `<code>.yaml`) when it lies inside `root`; else beside the lists of
    the jurisdiction's siblings, else in `root` itself."""
    if output is None:
        siblings = sorted(e.doc.path.parent for e in cat.entries if cat.parent_code(e.jurisdiction) == into.parent.code)
        folder = siblings[0] if siblings else root
        path = folder / f"{into.place.code}.yaml"
    else:
        path = output / f"{into.place.code}.yaml" if output.is_dir() or not output.suffix else output
    real_root = root.resolve()
    real = path.parent.resolve() / path.name
    if real_root != real.parent and real_root not in real.parents:
        raise IntoFailed(msg("import.into.outside", path=path, root=root))
    if path.is_symlink():
        raise IntoFailed(msg("import.into.symlink", path=path))
    if path.suffix not in (".yaml", ".yml"):
        raise IntoFailed(msg("import.into.not_yaml", path=path))
    return path


def render(into: Into) -> str:
    """The list document: its header, then each entry under its comment."""
    header: dict[str, Any] = {"jurisdiction": into.place.code, "level": into.place.level}
    if into.title:
        header["title"] = into.title
    return render_document({"list": header, "items": [{COMMENT: o.comment, **o.entry} for o in into.outcomes]})


def write_into(cat: Catalog, root: Path, into: Into, output: Path | None, force: bool) -> Path:
    """Write the list; refuse when the jurisdiction has a list already, or the file exists (unless `force`)."""
    there = existing_lists(cat, into.place.code)
    if there:
        raise IntoFailed(msg("import.into.has_list", name=into.place.name, code=into.place.code, files=", ".join(there)))
    path = target_path(cat, root, into, output)
    if path.exists() and input_overwritten(path, [root]):
        raise IntoFailed(msg("import.into.catalog_file", path=path))
    if path.exists() and not force:
        raise IntoFailed(msg("import.into.exists", path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    write_text(path, render(into))
    return path
