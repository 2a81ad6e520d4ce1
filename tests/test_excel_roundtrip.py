"""import(export(catalog)) gives back the lists: same items, same fields, same (published) order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import Catalog, load_catalog
from delegation_lists.check import validate
from delegation_lists.excel.published import published_book

pytestmark = pytest.mark.usefixtures("xlsx_reader")  # every test on calamine and on openpyxl

FIELDS = ("name", "kind", "department", "legal_basis", "statutory_days", "promised_days", "main_item", "violation",
          "penalty_types", "notes", "status")


def _view(cat: Catalog) -> list[tuple[str, str, list[tuple[object, ...]]]]:
    """Every item of every jurisdiction, in published order, with its resolved fields and delegation."""
    book = published_book(cat)
    out = []
    for sheet in (s for s in book.sheets if not s.hidden):
        out.append((sheet.title, str(sheet.rows[0][0]), [tuple(r) for r in sheet.rows[1:]]))
    return out


def _items(cat: Catalog) -> dict[tuple[str, str], tuple[object, ...]]:
    out = {}
    for e in cat.entries:
        d = e.item.delegation
        deleg = (d.mode, tuple(cat.places[t].name if t in cat.places else t for t in d.to), d.basis, d.scope, d.since) if d else None
        out[(cat.places[e.jurisdiction].name, e.code)] = (*(getattr(e.item, f) for f in FIELDS), deleg)
    return out


@pytest.mark.parametrize("folder, clean", [("xunyang", False), ("real/guangan", True), ("real/longhua", True)])
def test_round_trip(folder: str, clean: bool, tmp_path: Path, dlists):
    book = tmp_path / "out.xlsx"
    assert dlists("export", CATALOGS / folder, "-o", book, "--include-drafts").exit_code == 0  # the draft 蜀河镇 too
    result = dlists("import", book, "-o", tmp_path / "back")
    original, _ = load_catalog([CATALOGS / folder])
    back, _ = load_catalog([tmp_path / "back"])
    if clean:
        assert result.exit_code == 0, result.output
        assert _view(back) == _view(original)
        assert _items(back) == _items(original)
    else:
        # the draft township 蜀河镇 takes on an item the county never had (no name to export): reported, not dropped
        assert result.exit_code == 1
        assert re.search(r"蜀河镇:row \d+: not imported: no item name", result.output.replace("\n", ""))
        published = [v for v in _view(original) if v[0] != "蜀河镇"]
        assert [v for v in _view(back) if v[0] != "蜀河镇"] == published
        kept = {k: v for k, v in _items(original).items() if k[0] != "蜀河镇"}
        assert {k: v for k, v in _items(back).items() if k[0] != "蜀河镇"} == kept
    # townships come back as `source:` references to the county's items
    errors = [p for p in validate([tmp_path / "back"]).problems if p.severity == "error" and p.code != "DL104"]
    draft = ("/610928106/", "/townships/shuhe-draft.yaml")  # its own folder, or its file when the layout is kept
    assert all(any(d in p.file for d in draft) for p in errors), errors  # only 蜀河镇, the draft (its waivers are not published)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.yaml"))}


def test_round_trip_writes_the_files_back(tmp_path: Path, dlists):
    """The export's layout sheet brings each row back to its file, in its place: the files of xunyang (no
    `610928/1` folders), the same documents; a second round trip gives the same bytes."""
    assert dlists("export", CATALOGS / "xunyang", "-o", tmp_path / "a.xlsx", "--include-drafts").exit_code == 0
    dlists("import", tmp_path / "a.xlsx", "-o", tmp_path / "a")
    import yaml

    source = {f: yaml.safe_load(b) for f, b in _files(CATALOGS / "xunyang").items() if "duties" not in f and "guide" not in f}
    back = {f: yaml.safe_load(b) for f, b in _files(tmp_path / "a").items()}
    assert set(back) == set(source)
    for file in ("region.yaml", "county/powers.yaml", "county/delegation.yaml", "townships/zhaowan.yaml"):
        assert back[file] == source[file], file
    assert dlists("export", tmp_path / "a", "-o", tmp_path / "b.xlsx", "--include-drafts", "--allow-problems").exit_code == 0
    assert dlists("import", tmp_path / "b.xlsx", "-o", tmp_path / "b").exit_code == 0
    assert _files(tmp_path / "b") == _files(tmp_path / "a")


def test_checklist_comes_back_to_its_files(tmp_path: Path, dlists):
    """The checklist template carries the layout sheet too: its rows go back to the files they came from, each
    item with the fields the checklist shows (code, name, kind, department)."""
    import yaml

    assert dlists("export", CATALOGS / "xunyang", "-t", "checklist", "-o", tmp_path / "c.xlsx", "--include-drafts").exit_code == 0
    dlists("import", tmp_path / "c.xlsx", "-o", tmp_path / "c")
    source = _files(CATALOGS / "xunyang")
    back = _files(tmp_path / "c")
    assert set(back) == {f for f in source if "duties" not in f and "guide" not in f}
    mine = yaml.safe_load(back["county/powers.yaml"])["items"]
    theirs = yaml.safe_load(source["county/powers.yaml"])["items"]
    assert [(i["code"], i["name"], i["kind"]) for i in mine] == [(i["code"], i["name"], i["kind"]) for i in theirs]


@pytest.mark.parametrize("file", ["../outside.yaml", "/etc/dlists.yaml", ".git/hooks/x.yaml", "a/../../b.yaml", "C:\\x.yaml", "a\nb.yaml",
                                  "CON.yaml", "aux/x.yaml"])
def test_layout_with_a_path_elsewhere_is_not_used(file: str, tmp_path: Path, dlists):
    """A workbook whose layout sheet names a file outside the output folder: the layout is dropped (a note says
    why) and the lists are written in the default layout, all inside the folder."""
    from openpyxl import load_workbook

    assert dlists("export", CATALOGS / "real/longhua", "-o", tmp_path / "a.xlsx").exit_code == 0
    wb = load_workbook(tmp_path / "a.xlsx")
    ws = wb["_dlists"]
    for row in ws.iter_rows():
        if row[0].value in ("list", "item"):
            row[1 if row[0].value == "list" else 3].value = file
    wb.save(tmp_path / "a.xlsx")
    out = tmp_path / "deep" / "out"
    result = dlists("import", tmp_path / "a.xlsx", "-o", out)
    assert result.exit_code == 0, result.output
    assert "layout is not used" in result.output
    written = [p for p in tmp_path.rglob("*.yaml")]
    assert written and all(out in p.parents for p in written)


def test_round_trip_of_a_multi_county_catalog(tmp_path: Path, dlists):
    """A generated catalog of 10 counties (each with its townships, planted problems, lists in several files,
    item codes alike across counties) exported and imported back: the same problems, item for item (a township's
    rows taken from its own county's items, a county's never from another's; was 79 problems against 20)."""
    import re
    import subprocess
    import sys
    from collections import Counter

    source = tmp_path / "gen"
    subprocess.run([sys.executable, str(Path(__file__).parent.parent / "benchmarks" / "generate.py"), "--counties", "10",
                    "--townships", "3", "--county-items", "40", "--town-items", "12", "--per-file", "15",
                    "--town-fields", "local", "--plant", "3", "--seed", "7", "-o", str(source)], check=True, capture_output=True)
    for path in source.rglob("*.yaml"):  # every county numbering its items alike (XK-00001), as counties do
        path.write_text(re.sub(r'"6\d{5}-([A-Z]{2}-\d+)"', r'"\1"', path.read_text(encoding="utf-8")), encoding="utf-8")
    assert dlists("export", source, "-o", tmp_path / "gen.xlsx").exit_code == 1  # planted errors: not published
    assert not (tmp_path / "gen.xlsx").exists()
    assert dlists("export", source, "-o", tmp_path / "gen.xlsx", "--allow-problems").exit_code == 0
    result = dlists("import", tmp_path / "gen.xlsx", "-o", tmp_path / "back")
    assert result.exit_code == 0, result.output

    def problems(root: Path) -> Counter[tuple[object, ...]]:
        return Counter((Path(p.file).resolve().relative_to(root.resolve()).as_posix(), p.code, p.item, p.loc)
                       for p in validate([root]).problems)

    before, after = problems(source), problems(tmp_path / "back")
    assert sum(before.values()) == 30 and after == before
    # without its layout sheet the workbook cannot say which county each township belongs to: a note says so
    from openpyxl import load_workbook

    wb = load_workbook(tmp_path / "gen.xlsx")
    del wb["_dlists"]
    wb.save(tmp_path / "bare.xlsx")
    bare = dlists("import", tmp_path / "bare.xlsx", "-o", tmp_path / "bare")
    assert "whose codes are not under 610101" in bare.output.replace("\n", " ") and "610201" in bare.output
