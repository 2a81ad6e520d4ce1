"""The message catalogue: every template exists in both languages, Chinese ones are Chinese sentences, every
key belongs to a known code (or is a message of `dlists import`, `import.…`, of a path, `path.…`, or of a command,
`cli.…`), and every code is documented in
both languages."""

from __future__ import annotations

import re
import string

import pytest

from delegation_lists.problems import CODES, msg
from delegation_lists.problems.templates import TEMPLATES
from delegation_lists.rules import RULES

CJK = re.compile(r"[\u4e00-\u9fff]")


def _fields(template: str) -> set[str]:
    return {name.split("|")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_template_in_both_languages(key: str) -> None:
    en, zh = TEMPLATES[key]
    assert key.split(".")[0] in CODES or key.startswith(("import.", "path.", "cli.")), f"{key}: no such code"
    assert en.strip() and zh.strip()
    assert CJK.search(zh), f"{key}: the Chinese template is not Chinese: {zh}"
    args = {name: "x" for name in _fields(en) | _fields(zh)}
    for lang in ("en", "zh"):
        text = msg(key, **args).text(lang)  # type: ignore[arg-type]
        assert "{" not in text.replace("'{'", "").replace("“{”", ""), f"{key} ({lang}): unfilled field in {text}"


def test_every_code_documented_in_both_languages() -> None:
    for code, info in CODES.items():
        assert CJK.search(info.doc_zh), code
        rule = RULES.get(code)
        assert rule is not None and rule.doc.strip(), f"{code}: no English documentation"
        assert any(k == code or k.startswith(code + ".") for k in TEMPLATES), f"{code}: no message template"


def test_unknown_key_refused() -> None:
    with pytest.raises(KeyError):
        msg("DL999")


def test_locale_picks_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    from delegation_lists.problems import language, use_language

    use_language(None)
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert language() == "zh" and "承诺时限" in msg("DL103", promised=30, statutory=20).text()
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert language() == "en"
