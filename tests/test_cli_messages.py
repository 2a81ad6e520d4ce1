"""The commands' own usage errors (problems/templates/cli.py, keys `cli.…`) speak the user's language: Chinese
under a Chinese locale or `--lang zh`, the English they always said under `--lang en`; exit code 2 either way,
one line, no traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.problems import msg, use_language

CATALOG = CATALOGS / "xunyang"
ZH_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "zh_CN.UTF-8"}


def _cases(tmp: Path) -> dict[str, tuple[list[str], str, str]]:
    """name -> (arguments, the Chinese said, the English said)."""
    cat = str(CATALOG)
    return {
        "suffix": (["export", cat, "-o", str(tmp / "out.csv")],
                   "输出文件应为 .xlsx、.docx 或 .pdf（或用 --format 指定格式），而不是 “out.csv”",
                   "the output must be .xlsx, .docx or .pdf (or give --format), not 'out.csv'"),
        "format": (["validate", cat, "-f", "csv"], "未知的格式 “csv”：可选 text、json、github、sarif",
                   "unknown format 'csv'; choose one of: text, json, github, sarif"),
        "date": (["export", cat, "-o", str(tmp / "out.xlsx"), "--date", "2023年13月1日"],
                 "--date 应为日期，如 2023-07-01 或 2023年7月1日，而不是 “2023年13月1日”",
                 "--date must be a date like 2023-07-01 or 2023年7月1日, not '2023年13月1日'"),
        "no_place": (["export", cat, "-o", str(tmp / "out.xlsx"), "-j", "不存在县", "-j", "999999"],
                     "本清单中没有辖区 “不存在县”、“999999”", "no jurisdiction '不存在县', '999999' in this catalog"),
        "as_of": (["validate", cat, "--as-of", "昨天"], "--as-of 应为日期，如 2024-01-31，而不是 “昨天”",
                  "--as-of must be a date like 2024-01-31, not '昨天'"),
        "rule": (["validate", cat, "--select", "DL999"], "没有这个规则代码或名称：DL999（见 `dlists rules`）",
                 "unknown rule code or name: DL999 (see `dlists rules`)"),
        "xlsx": (["stats", cat, "-f", "xlsx"], "--format xlsx 需要用 --output 指定要写出的 .xlsx 文件",
                 "--format xlsx needs --output FILE.xlsx"),
        "article": (["laws", cat, "--article", "74"], "使用 --article 时须用 --law 写明法律法规的名称", "--article needs --law TITLE"),
        "parent": (["reconcile", cat, "--parent", "不存在县"], "本清单中没有辖区 “不存在县”", "no jurisdiction '不存在县' in this catalog"),
        "schema": (["schema", "表格"], "未知的文件类型 “表格”：可选 list、region、duties 或 adjustments",
                   "unknown kind '表格'; choose list, region, duties or adjustments"),
        "record_date": (["record", cat, cat, "--date", "2024/1/32"], "--date 2024/1/32：日期请写成 YYYY-MM-DD 的形式",
                        "--date 2024/1/32: use YYYY-MM-DD"),
        "paper": (["export", cat, "-o", str(tmp / "out.xlsx"), "--paper", "b5"], "--paper 应为 auto、a4 或 a3，而不是 “b5”",
                  "--paper must be auto, a4 or a3, not 'b5'"),
    }


def _said(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    return str(result.output)


@pytest.mark.parametrize("how", ["locale", "--lang zh"])
def test_usage_errors_in_chinese(tmp_path: Path, dlists, how: str) -> None:  # type: ignore[no-untyped-def]
    for name, (args, zh, en) in _cases(tmp_path).items():
        run = dlists(*args, env=ZH_LOCALE) if how == "locale" else dlists("--lang", "zh", *args)
        said = _said(run)
        assert zh in said and en not in said, (name, said)
        assert said.startswith("错误："), (name, said)


def test_usage_errors_in_english(tmp_path: Path, dlists) -> None:  # type: ignore[no-untyped-def]
    """`--lang en` wins over a Chinese locale, before or after the command's name."""
    for name, (args, zh, en) in _cases(tmp_path).items():
        for run in (dlists("--lang", "en", *args, env=ZH_LOCALE), dlists(*args, "--lang", "en", env=ZH_LOCALE)):
            said = _said(run)
            assert en in said and zh not in said, (name, said)
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize(("lang", "want"), [("zh", "[tool.dlists] 中没有 `colour` 这项设置（可用的设置：select、ignore"),
                                            ("en", "unknown setting `colour` in [tool.dlists] (known: select, ignore")])
def test_settings_errors_in_the_language_in_use(tmp_path: Path, dlists, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                lang: str, want: str) -> None:
    (tmp_path / "dlists.toml").write_text('colour = "red"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert want in _said(dlists("--lang", lang, "validate", CATALOG))


def test_setting_of_the_wrong_type_names_the_type_in_chinese() -> None:
    said = msg("cli.settings.type", path="dlists.toml", key="strict", type="cli.settings.bool")
    assert said.text("zh") == "dlists.toml：`strict` 必须是布尔值（true 或 false）"
    assert said.text("en") == "dlists.toml: `strict` must be a bool"


def test_unknown_language_said_in_both(dlists) -> None:  # type: ignore[no-untyped-def]
    said = _said(dlists("--lang", "fr", "rules"))
    assert "unknown language 'fr'; choose zh or en / 未知的语言 “fr”：可选 zh 或 en" in said


def test_library_errors_shown_by_commands_follow_the_language() -> None:
    """The errors the commands show from below the CLI (reconcile, record drafts, Word/PDF writers) are
    catalogue messages too: rendered when shown, in the language in use."""
    from delegation_lists.diff.draft import DraftRefused
    from delegation_lists.publish.pdf import PdfError
    from delegation_lists.reconcile.reconcile import ReconcileError

    refused = DraftRefused(msg("cli.record.layout", path="adj.yaml"), "  - id: 2024-001\n")
    try:
        use_language("zh")
        assert str(ReconcileError(msg("cli.reconcile.not_child", parent="旬阳市", children="甲镇, 乙镇"))) == "不是旬阳市的下级：甲镇、乙镇"
        assert str(PdfError(msg("cli.pdf.timeout", seconds="600"))) == "LibreOffice 在 600 秒内没有生成 PDF"
        assert str(refused).endswith("请手工追加：\n  - id: 2024-001\n")
        use_language("en")
        assert str(ReconcileError(msg("cli.reconcile.not_child", parent="x", children="a, b"))) == "not a child of x: a, b"
        assert str(refused).endswith("append it by hand:\n  - id: 2024-001\n")
    finally:
        use_language(None)


def test_no_english_only_error_left_in_the_commands() -> None:
    """Every error a command raises is a catalogue message: no `UserError("...")` with words of its own in cli/
    (nor in the library errors the commands show)."""
    import re

    src = Path(__file__).resolve().parent.parent / "src" / "delegation_lists"
    files = [*(src / "cli").glob("*.py"), src / "reconcile" / "reconcile.py", src / "diff" / "draft.py",
             src / "publish" / "pdf.py", src / "publish" / "word.py", src / "load" / "git.py"]
    raised = re.compile(r"\b(?:UserError|ConfigError|ReconcileError|DraftRefused|PdfError|WordError|PathError|BadParameter)"
                        r"\(f?\"([^\"]*)\"")
    words = re.compile(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}")  # English words outside the {fields} of an f-string
    found = [f"{f.name}:{n}" for f in files for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1)
             for m in raised.finditer(line) if words.search(re.sub(r"\{[^}]*\}", "", m.group(1)))]
    assert found == [], found
