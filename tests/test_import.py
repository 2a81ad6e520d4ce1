"""`dlists import`: header detection under merged titles, section rows, synonyms, GBK CSV, blank and bad rows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from delegation_lists.check import validate

pytestmark = pytest.mark.usefixtures("xlsx_reader")  # every test on calamine and on openpyxl


def _xlsx(path: Path, rows: list[list[object]], merges: list[str] = ()) -> Path:  # type: ignore[assignment]
    wb = Workbook()
    ws = wb.active
    for row in rows:
        ws.append(row)
    for rng in merges:
        ws.merge_cells(rng)
    wb.save(path)
    return path


def _items(out: Path) -> list[dict]:
    return [i for f in sorted(out.rglob("*.yaml")) if f.name != "region.yaml"
            for i in yaml.safe_load(f.read_text(encoding="utf-8"))["items"]]


def test_published_layout(tmp_path: Path, dlists):
    """Merged title rows, a header with synonyms, section rows setting the kind, merged department cells,
    stray and full-width spaces, legal bases on several lines, a repeated header, blank rows."""
    src = _xlsx(tmp_path / "list.xlsx", [
        ["某县赵湾镇承接县级事项清单（共3项）", None, None, None, None],
        ["（2023年版）", None, None, None, None],
        ["序号", "项目名称", "实施机关", "实施依据", "承接方式"],
        ["一、行政许可（共2项）", None, None, None, None],
        [1, " 食品经营许可\u3000", "县市场监管局", "《食品安全法》第三十五条\n《食品经营许可管理办法》第十条", "委托"],
        [2, "小餐饮经营许可", None, "《条例》第二十条", "委托"],
        [None, None, None, None, None],
        ["序号", "项目名称", "实施机关", "实施依据", "承接方式"],
        ["二、公共服务（共1项）", None, None, None, None],
        [1, "养老服务咨询", "县民政局", None, "帮办代办"],
    ], merges=["A1:E1", "A2:E2", "A4:E4", "C5:C6", "A9:E9"])
    out = tmp_path / "out"
    result = dlists("import", src, "-o", out, "-j", "100001104", "--name", "赵湾镇", "--level", "township")
    assert result.exit_code == 0, result.output
    items = _items(out)
    assert [i["name"] for i in items] == ["食品经营许可", "小餐饮经营许可", "养老服务咨询"]
    assert [i["kind"] for i in items] == ["licensing", "licensing", "public_service"]
    assert items[0]["legal_basis"] == ["《食品安全法》第三十五条", "《食品经营许可管理办法》第十条"]
    assert items[1]["department"] == "县市场监管局"  # merged cell filled down
    assert [i["mode"] for i in items] == ["entrust", "entrust", "assist"]
    header = yaml.safe_load((out / "100001104" / "licensing.yaml").read_text(encoding="utf-8"))["list"]
    assert header["title"] == "某县赵湾镇承接县级事项清单"
    assert yaml.safe_load((out / "region.yaml").read_text(encoding="utf-8"))["departments"] == [{"name": "县市场监管局"}, {"name": "县民政局"}]


def test_gbk_csv_with_bad_rows(tmp_path: Path, dlists):
    text = ("事项名称,事项类型,主管部门,设定依据,实施范围,承接方式\n"
            "食品经营许可,行政许可,市场监管局,《食品安全法》,甲镇、乙镇,委托\n"
            ",,,,,\n"
            ",行政许可,市场监管局,,甲镇,委托\n"
            "取水许可,许可证,水利局,《水法》,甲镇,委托\n"
            "公共场所卫生许可,行政许可,卫健局,《条例》,甲镇,外包\n")
    src = tmp_path / "list.csv"
    src.write_bytes(text.encode("gbk"))
    out = tmp_path / "out"
    result = dlists("import", src, "-o", out, "-j", "100001", "--name", "某县", "--basis", "县政发〔2023〕1号")
    assert result.exit_code == 1
    flat = result.output.replace("\n", "")
    assert "read as GBK" in flat
    assert "row 4: not imported: no item name" in flat
    assert "row 5: not imported: unknown kind '许可证'" in flat
    assert "row 6: not imported: unknown mode '外包'" in flat
    items = _items(out)
    assert [i["name"] for i in items] == ["食品经营许可"]
    assert items[0]["delegation"] == {"mode": "entrust", "to": ["甲镇", "乙镇"], "basis": "县政发〔2023〕1号"}
    region = yaml.safe_load((out / "region.yaml").read_text(encoding="utf-8"))["region"]
    assert [(c["code"], c["name"]) for c in region["children"]] == [("100001001", "甲镇"), ("100001002", "乙镇")]
    assert validate([out]).counts()["error"] == 0


def test_mapping_and_json(tmp_path: Path, dlists):
    src = tmp_path / "items.json"
    src.write_text(json.dumps([{"n": "A事项", "t": "1", "d": "局"}, {"n": "B事项", "t": "20", "d": "局"}], ensure_ascii=False), encoding="utf-8")
    mapping = tmp_path / "m.mapping.yaml"
    mapping.write_text('columns: {n: name, t: kind, d: department}\nvalues: {kind: {"1": licensing, "20": public_service}}\n'
                       'region: {code: "100001", name: 某县}\nwaive: {DL104: 源数据无依据}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert dlists("import", src, "-m", mapping, "-o", out).exit_code == 0
    assert sorted(p.name for p in (out / "100001").iterdir()) == ["licensing.yaml", "public_service.yaml"]
    assert _items(out)[0]["code"] == "100001-XK-0001"
    assert validate([out]).problems == []
    # a second import does not overwrite without --force
    again = dlists("import", src, "-m", mapping, "-o", out)
    assert again.exit_code == 2 and "--force" in again.output
    assert dlists("import", src, "-m", mapping, "-o", out, "--force").exit_code == 0


def test_unusable_inputs(tmp_path: Path, dlists):
    bad_map = tmp_path / "m.mapping.yaml"
    bad_map.write_text("columns: {a: nonsense}\n", encoding="utf-8")
    src = tmp_path / "x.json"
    src.write_text("[{\"事项名称\": \"甲\"}]", encoding="utf-8")
    assert "unknown field" in dlists("import", src, "-m", bad_map, "-o", tmp_path / "o", "-j", "1").output
    assert dlists("import", src, "-o", tmp_path / "o").exit_code == 2  # whose list? no --jurisdiction
    assert "unknown level" in dlists("import", src, "-o", tmp_path / "o", "-j", "1", "--level", "foo").output
    assert "unknown default kind" in dlists("import", src, "-o", tmp_path / "o", "-j", "1", "--kind", "x").output
    (tmp_path / "broken.xlsx").write_bytes(b"not a zip")
    assert dlists("import", tmp_path / "broken.xlsx", "-o", tmp_path / "o", "-j", "1").exit_code == 2
    (tmp_path / "t.xls").write_bytes(b"x")
    assert dlists("import", tmp_path / "t.xls", "-o", tmp_path / "o", "-j", "1").exit_code == 2
    no_header = _xlsx(tmp_path / "nh.xlsx", [["a", "b"], [1, 2]])
    result = dlists("import", no_header, "-o", tmp_path / "o", "-j", "1")
    assert result.exit_code == 2 and "no header row" in result.output.replace("\n", " ")


def test_unknown_columns_are_named(tmp_path: Path, dlists):
    src = tmp_path / "l.csv"
    src.write_text("事项名称,事项类型,实施部门,设定依据,联系电话\n食品经营许可,行政许可,局,《法》,0915-123\n", encoding="utf-8")
    result = dlists("import", src, "-o", tmp_path / "o", "-j", "1")
    assert result.exit_code == 0
    assert "columns not imported: 联系电话" in result.output.replace("\n", "")


def test_zip_bomb_is_refused(tmp_path: Path, dlists, monkeypatch):
    import delegation_lists.importer.readers.zipped as zipped

    src = _xlsx(tmp_path / "big.xlsx", [["事项名称", "事项类型"], ["甲", "行政许可"]])
    monkeypatch.setattr(zipped, "MAX_UNPACKED", 1000)  # the real limit is 512 MB; the check is the same
    result = dlists("import", src, "-o", tmp_path / "o", "-j", "1")
    assert result.exit_code == 2 and "unpacks to" in result.output


def test_messages_in_chinese_under_a_chinese_locale(tmp_path: Path, dlists):
    """Notes, row problems and refusals come from the message catalogue: Chinese under a Chinese locale (no
    --lang), English with --lang en."""
    text = ("事项名称,事项类型,主管部门,设定依据,联系电话\n"
            "食品经营许可,行政许可,市场监管局,《食品安全法》,1\n"
            ",行政许可,市场监管局,,2\n"
            "取水许可,许可证,水利局,《水法》,3\n")
    src = tmp_path / "list.csv"
    src.write_bytes(text.encode("gbk"))
    zh = {"LC_ALL": "zh_CN.UTF-8"}
    result = dlists("import", src, "-o", tmp_path / "zh", "-j", "100001", env=zh)
    flat = "".join(result.output.split())
    assert result.exit_code == 1, result.output
    assert "按GBK（GB18030）读取" in flat and "未导入的列：联系电话" in flat
    assert "第3行" in flat and "没有事项名称" in flat
    assert "未知的kind（事项类型）取值'许可证'" in flat
    english = dlists("import", src, "-o", tmp_path / "en", "-j", "100001", "--lang", "en", env=zh)
    assert "read as GBK" in english.output and "unknown kind '许可证'" in english.output
    broken = _xlsx(tmp_path / "far.xlsx", [["事项名称", "事项类型"], ["甲", "行政许可"]])
    from openpyxl import load_workbook

    wb = load_workbook(broken)
    wb.active["GS2"] = "x"
    wb.save(broken)
    refused = dlists("import", broken, "-o", tmp_path / "far", "-j", "1", env=zh)
    assert refused.exit_code == 2
    assert "工作表“Sheet”在GS2有内容：清单最多200列" in "".join(refused.output.split())
