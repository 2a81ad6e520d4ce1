"""The import as a whole: file -> tables -> records -> documents, and writing them (atomically, never over
existing files unless forced)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..catalog import Catalog
from ..catalog.loading import load_catalog
from ..load.schema_errors import code_message
from ..model.code_syntax import code_fault
from ..model.codes import LEVEL_LOOKUP
from .build import Builder, Built, Owner
from .duty_build import build_duties, duty_notes
from .duty_rows import looks_like_duties, read_duties, whole_lists
from .furniture import mode_hint, says_note
from .into import Into, IntoBuilder, Near, find_child
from .layout import Layout, LayoutError, read_layout
from .mapping import Mapping
from .output import Written, write_tree
from .readers import Table, read_tables
from .rows import LOOKUPS, Record, RowIssue, read_rows
from .said import Message, Said, Text, msg, text
from .text_limits import check_text
from .yaml_out import render_document


class ImportFailed(Said):
    """The import cannot start (missing owner, unreadable file): exit 2."""


@dataclass
class Options:
    jurisdiction: str | None = None
    name: str | None = None
    level: str | None = None
    kind: str | None = None
    mode: str | None = None
    basis: str | None = None
    encoding: str | None = None


@dataclass
class Result:
    built: Built
    notes: list[Text] = field(default_factory=list)  # tables skipped, encodings guessed
    hints: list[Text] = field(default_factory=list)  # what to do about the rows not imported
    per_table: dict[str, int] = field(default_factory=dict)  # table -> rows read as items

    def sources(self) -> str:
        """Items read per table: 'Sheet1 296, 赵湾镇 95'."""
        return ", ".join(f"{name} {count}" for name, count in self.per_table.items())

    @property
    def issues(self) -> list[RowIssue]:
        return self.built.issues


def read_bounded(path: Path, encoding: str | None) -> list[Table]:
    """The tables of `path`, a CSV or JSON file first checked against the bounds of text lists (text_limits.py)."""
    check_text(path)
    return read_tables(path, encoding)


def _owner(opts: Options, mapping: Mapping, tables: list[Table], default_level: str = "county") -> Owner:
    """Whose list: the options, the mapping, or (an exported workbook) its first sheet's jurisdiction and name."""
    sheets = [t for t in tables if t.jurisdiction]
    code = opts.jurisdiction or mapping.region.code or (sheets[0].jurisdiction if sheets else None)
    if code is None:
        raise ImportFailed(msg("import.run.whose"))
    if opts.jurisdiction:  # (a mapping's code and a sheet's are checked where they are read)
        checked_code(opts.jurisdiction, "DL012.in_option", option="--jurisdiction")
    sheet_name = next((t.jurisdiction_name or re.sub(r"~\d+$", "", t.name) for t in sheets if t.jurisdiction == code), None)
    name = opts.name or mapping.region.name or sheet_name or code
    level = opts.level or mapping.region.level or default_level
    if level not in LEVEL_LOOKUP:
        raise ImportFailed(msg("import.run.level", level=repr(level)))
    return Owner(code, name, LEVEL_LOOKUP[level])


def resolved_defaults(opts: Options, mapping: Mapping) -> dict[str, Any]:
    """The mapping's defaults with the options over them, kind and mode as their keys."""
    defaults: dict[str, Any] = {**mapping.defaults, **{k: v for k, v in vars(opts).items() if v and k in ("kind", "mode", "basis")}}
    for key in ("kind", "mode"):
        if defaults.get(key) is not None:
            value = LOOKUPS[key].get(str(defaults[key]))
            if value is None:
                raise ImportFailed(msg("import.run.default", field=key, value=repr(defaults[key])))
            defaults[key] = value
    return defaults


@dataclass
class Read:
    """The item records of every table of a file, the rows that are not items, and what to tell the user."""

    records: list[Record] = field(default_factory=list)
    issues: list[RowIssue] = field(default_factory=list)
    notes: list[Text] = field(default_factory=list)


def read_records(tables: list[Table], mapping: Mapping, kind: str | None, need_kind: bool = True,
                 owner: str | None = None) -> Read:
    """Every table's records (a sheet of `owner`, an exported workbook's own sheet, as unassigned)."""
    read = Read()
    for table in tables:
        read.notes += [msg("import.note.table", table=table.name, note=text(n)) for n in table.notes]
        if table.jurisdiction == owner:
            table.jurisdiction = None
        got = read_rows(table, mapping, kind, need_kind)
        if got.skipped:
            read.notes.append(msg("import.note.skipped", table=table.name, why=text(got.skipped)))
            continue
        if got.ignored:
            read.notes.append(msg("import.note.columns", table=table.name, columns=", ".join(got.ignored)))
        read.issues += got.issues
        read.notes += [msg("import.note.table", table=table.name, note=n) if says_note(n) else
                       msg("import.note.note", table=table.name, text=n) for n in got.notes]
        if got.stated and got.stated != len(got.records) + len(got.issues):
            read.notes.append(msg("import.note.total", table=table.name, stated=got.stated, read=len(got.records) + len(got.issues)))
        read.records += got.records
    return read


def import_file(path: Path, opts: Options, mapping: Mapping) -> Result:
    """Read `path` and build the catalog documents; row problems are collected, not raised."""
    tables = read_bounded(path, opts.encoding)
    for table in tables:  # a workbook's (a Word document's) own word for whose table it is: never trusted as a path
        if table.jurisdiction is not None and table.kind == "word":
            checked_code(table.jurisdiction, "DL012.in_part", file=path.name, sheet=table.name)
        elif table.jurisdiction is not None:
            checked_code(table.jurisdiction, "DL012.in_property", file=path.name, sheet=table.name)
    if looks_like_duties(tables):
        return _import_duties(path, opts, mapping, tables)
    owner = _owner(opts, mapping, tables)
    defaults = resolved_defaults(opts, mapping)
    layout, notes = _layout(tables)
    if layout is None:
        notes += _strangers(tables, owner)
    builder = Builder(owner, mapping, defaults, layout, path.name)
    for table in tables:
        if table.jurisdiction:
            builder.add_sheet(table.jurisdiction, table.jurisdiction_name or table.name)
    read = read_records(tables, mapping, defaults.get("kind"), owner=owner.code)
    builder.issues += read.issues
    for rec in read.records:
        builder.add(rec, rec.title)
    built = builder.build()
    per_table: dict[str, int] = {}
    for rec in read.records:
        per_table[rec.table] = per_table.get(rec.table, 0) + 1
    return Result(built, notes + read.notes, _mode_note(read, built), per_table)


def _strangers(tables: list[Table], owner: Owner) -> list[Text]:
    """Without an export's layout, every sheet is taken for the owner's or a child's: say so when sheets name
    jurisdictions whose codes are not under the owner's (a city's workbook of several counties)."""
    others = {t.jurisdiction: t.jurisdiction_name or t.name for t in tables
              if t.jurisdiction and t.jurisdiction != owner.code and not t.jurisdiction.startswith(owner.code)}
    if not others:
        return []
    named = "、".join(f"{code} {name}" for code, name in list(others.items())[:3]) + ("……" if len(others) > 3 else "")
    return [msg("import.note.strangers", count=len(others), code=owner.code, named=named, name=owner.name)]


def _import_duties(path: Path, opts: Options, mapping: Mapping, tables: list[Table]) -> Result:
    """A duty list (履行职责事项清单): one `duties:` document of its jurisdiction (a township unless --level says)."""
    owner = _owner(opts, mapping, tables, default_level="township")
    notes: list[Text] = []
    several = whole_lists(tables)
    if len(several) > 1:  # a workbook of every township's list: the one --name names
        mine = _named_list(list(several), owner.name)
        if len(mine) != 1:
            raise ImportFailed(msg("import.run.several_lists", count=len(several), sheets="、".join(several)))
        others = "、".join(name for name in several if name != mine[0])
        notes.append(msg("import.note.other_lists", sheet=mine[0], name=owner.name, others=others))
        tables = several[mine[0]]
    read = read_duties(tables)
    built = build_duties(read, owner, path.name)
    counts = {p: sum(1 for e in next(iter(built.lists.values()), {}).get("duties", []) if e["part"] == p)
              for p in ("basic", "cooperate", "recalled")}
    notes += [msg("import.note.table", table=t.name, note=text(n)) for t in tables for n in t.notes]
    notes += [msg("import.note.duties", **counts), *duty_notes(read)]
    per_table: dict[str, int] = {}
    for rec in read.records:
        per_table[rec.table] = per_table.get(rec.table, 0) + 1
    return Result(built, notes, [], per_table)


def _named_list(lists: list[str], name: str) -> list[str]:
    """The lists (by their sheets' name) of a workbook of several duty lists that `name` names: by their whole
    name, else those holding it, a township's own duty list (履行职责事项清单) before its villages' lists and the
    guide it keeps for them."""
    if not name:
        return []
    exact = [n for n in lists if n == name]
    holding = [n for n in lists if name in n]
    duty_list = [n for n in holding if "履行职责事项清单" in n]  # not its villages' (村级组织工作事项清单)
    return exact or duty_list or [n for n in holding if "指导目录" not in n] or holding


def _mode_note(read: Read, built: Built) -> list[Text]:
    """When rows were not imported for want of a mode: the mode the title and notes suggest, if any."""
    if not any(isinstance(i.message, Message) and i.message.key == "import.row.no_mode" for i in built.issues):
        return []
    hint = mode_hint([r.title for r in read.records[:1] if r.title] + [text(n) for n in read.notes])
    return [msg(f"import.hint.{hint}")] if hint is not None else []


def _layout(tables: list[Table]) -> tuple[Layout | None, list[Text]]:
    """A dlists export's layout sheet (taken out of `tables`), or None with a note why it is not used."""
    found = [t for t in tables if t.kind == "layout"]
    for t in found:
        tables.remove(t)
    if not found:
        return None, []
    try:
        return read_layout(found[0]), []
    except LayoutError as exc:
        return None, [msg("import.note.layout", sheet=found[0].name, why=str(exc))]


@dataclass
class IntoRun:
    """An `--into` import: the rows linked, the catalog they were linked against, what to tell the user."""

    into: Into
    catalog: Catalog
    notes: list[Text]


def import_into(path: Path, opts: Options, mapping: Mapping, root: Path, threshold: float, near: Near) -> IntoRun:
    """Read `path` as the list of a jurisdiction of the catalog at `root` and link its rows (nothing written)."""
    if not root.is_dir():
        raise ImportFailed(msg("import.run.not_catalog", root=root))
    cat, _ = load_catalog([root])
    if not cat.places:
        raise ImportFailed(msg("import.run.no_region", root=root))
    tables = [t for t in read_bounded(path, opts.encoding) if t.kind != "layout"]  # (an export's: not the list)
    defaults = resolved_defaults(opts, mapping)
    read = read_records(tables, mapping, None, need_kind=False)
    titles = [r.title for r in read.records if r.title] + [t.name for t in tables]
    place = find_child(cat, opts.jurisdiction or mapping.region.code or mapping.region.name, titles)
    into = IntoBuilder(cat, place, defaults, threshold, near).build(read.records)
    into.issues[:0] = read.issues
    return IntoRun(into, cat, read.notes)


def write_catalog(built: Built, out: Path, force: bool = False, inputs: list[Path] | None = None) -> Written:
    """Write region.yaml and the list files as the whole content of folder `out`, in one step (importer/output.py):
    only inside it; a folder that is not empty only with `force`, and never one holding an input (else
    OutputRefused); temporary folders killed imports into `out` left beside it are removed first."""
    regions = built.regions or {"region.yaml": built.region}
    files = {rel: render_document(doc) for rel, doc in {**regions, **built.lists}.items()}
    return write_tree(out, files, force, inputs)


def checked_code(code: str, key: str, **where: str) -> str:
    """`code` when it is a code (model/code_syntax.py); else ImportFailed saying where it was written (the
    message `key` with `where`) and why."""
    fault = code_fault(code)
    if fault is not None:
        raise ImportFailed(msg(key, **where, why=code_message(fault, code).text()).text())
    return code
