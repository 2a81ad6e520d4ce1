"""Issue 17's first acceptance point: on a hand-made county with two townships, every item and township is named
in each listed row of the text, Markdown, xlsx and HTML of `reconcile`, `diff` and `stats` (a code is never
shown without its name beside it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REGION = """region:
  code: "990001"
  name: 样例县
  level: county
  children:
    - {code: "990001101", name: 甲镇, level: township}
    - {code: "990001102", name: 乙镇, level: township}
departments:
  - {name: 样例县市场监督管理局, short: 市场监管局}
  - {name: 样例县民政局, short: 民政局}
"""


def _item(code: str, name: str, kind: str, dept: str, to: str | None, mode: str = "entrust") -> str:
    deleg = f"    delegation: {{mode: {mode}, to: [{to}], basis: 样政发〔2024〕1号}}\n" if to else ""
    return f'  - code: "{code}"\n    name: {name}\n    kind: {kind}\n    department: {dept}\n    legal_basis: [《条例》]\n{deleg}'


def _county(tmp: Path, new: bool) -> Path:
    tmp.mkdir()
    (tmp / "region.yaml").write_text(REGION, encoding="utf-8")
    items = [_item("990001-XK-0001", "食品经营许可", "licensing", "市场监管局", "甲镇, 乙镇"),
             _item("990001-XK-0002", "小餐饮经营许可（含小作坊）" if new else "小餐饮经营许可", "licensing", "市场监管局",
                   "甲镇, 乙镇" if new else "甲镇"),
             _item("990001-GF-0001", "高龄津贴发放", "benefit", "民政局", "甲镇, 乙镇", "grant")]
    items += [_item("990001-QT-0001", "村民委员会换届选举备案", "other", "民政局", "乙镇")] if new else \
        [_item("990001-QR-0001", "残疾人证换领", "confirmation", "民政局", None)]
    (tmp / "county.yaml").write_text('list: {jurisdiction: "990001", level: county}\nitems:\n' + "".join(items), encoding="utf-8")
    jia = '  - source: "990001-XK-0001"\n    mode: entrust\n  - source: "990001-GF-0001"\n    mode: entrust\n'
    jia += "" if new else '  - source: "990001-QR-0001"\n'
    jia += _item("990001101-XK-0001", "小餐饮经营许可证核发", "licensing", "甲镇人民政府", None)
    (tmp / "jia.yaml").write_text('list: {jurisdiction: "990001101", level: township}\nitems:\n' + jia, encoding="utf-8")
    yi = '  - source: "990001-XK-0001"\n' + ('  - source: "990001-QT-0001"\n' if new else "")
    (tmp / "yi.yaml").write_text('list: {jurisdiction: "990001102", level: township}\nitems:\n' + yi, encoding="utf-8")
    return tmp


NAMES = {"990001-XK-0001": "食品经营许可", "990001-XK-0002": "小餐饮经营许可", "990001-GF-0001": "高龄津贴发放",
         "990001-QR-0001": "残疾人证换领", "990001-QT-0001": "村民委员会换届选举备案", "990001101-XK-0001": "小餐饮经营许可证核发",
         "990001101": "甲镇", "990001102": "乙镇", "990001": "样例县"}
CODE = re.compile(r"(?<![\w-])(990001(?:10[12])?(?:-[A-Z]{2}-\d{4})?)(?![\w-])")


def _rows_name_what_they_list(rows: list[str], where: str) -> int:
    """Every row showing a code shows its name too; returns how many rows listed something."""
    listed = 0
    for row in rows:
        for code in CODE.findall(row):
            assert NAMES[code] in row, f"{where}: {code} without its name in {row!r}"
            listed += 1
    return listed


def _html_rows(html: str) -> list[str]:
    """The page's rows as a person reads them: table rows, headings and change lines, tags stripped."""
    body = html[html.index("<body"):]
    return [re.sub(r"<[^>]+>", " ", part) for part in re.split(r"</tr>|</h\d>|</p>|</li>|</div>", body)]


def _xlsx_rows(path: Path) -> list[str]:
    from openpyxl import load_workbook

    return [" | ".join("" if v is None else str(v) for v in row) for ws in load_workbook(path).worksheets
            for row in ws.iter_rows(values_only=True)]


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    base = tmp_path_factory.mktemp("hand")
    return _county(base / "old", False), _county(base / "new", True)


SHOWN = {"reconcile": ("高龄津贴发放", "小餐饮经营许可", "残疾人证换领", "小餐饮经营许可证核发"),
         "diff": ("残疾人证换领", "村民委员会换届选举备案", "小餐饮经营许可（含小作坊）")}
COMMANDS = {"reconcile": lambda old, new: ["reconcile", old], "diff": lambda old, new: ["diff", old, new],
            "stats": lambda old, new: ["stats", new]}


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("fmt", ["text", "markdown", "xlsx", "html"])
def test_every_listed_row_names_its_items_and_townships(county: tuple[Path, Path], command: str, fmt: str, lang: str,
                                                        dlists, tmp_path: Path):  # type: ignore[no-untyped-def]
    args = [*COMMANDS[command](*county), "--lang", lang, "-f", fmt]
    if fmt in ("xlsx", "html"):
        out = tmp_path / f"report.{fmt}"
        result = dlists(*args, "-o", out, env={"COLUMNS": "250"})
        assert result.exit_code in (0, 1), result.output
        rows = _xlsx_rows(out) if fmt == "xlsx" else _html_rows(out.read_text(encoding="utf-8"))
    else:
        result = dlists(*args, env={"COLUMNS": "250"})
        assert result.exit_code in (0, 1), result.output
        rows = result.stdout.splitlines()
    text = "\n".join(rows)
    assert "甲镇" in text and "乙镇" in text
    listed = _rows_name_what_they_list(rows, f"{command} {fmt}")
    if command != "stats":
        assert listed >= 4  # the rows to review, or the changes, name their items
        for name in SHOWN[command]:
            assert name in text
