"""Names from a pull request in the Markdown a CI posts as a comment (`dlists diff --format markdown`): shown as
written, never as HTML, links, images, mentions or extra table cells."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import CATALOGS
from delegation_lists.render.tables import markdown, md_text

HOSTILE = '<img src=x onerror=alert(1)> @octocat [点我](javascript:alert(1)) a|b ![t](https://evil.example/t.png) `x` </details>'


def test_a_cell_is_text():
    assert md_text("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert md_text("[点我](javascript:alert(1))") == "\\[点我\\](javascript:alert(1))"
    assert md_text("@octocat") == "@&#8203;octocat"
    assert md_text("第一行\n| 伪造 |") == "第一行<br>\\| 伪造 \\|"
    assert markdown(["a"], [["x|y"]]).splitlines()[2] == "| x\\|y |"


def test_a_hostile_item_name_in_the_diff_comment(tmp_path: Path, dlists):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CATALOGS / "xunyang", old)
    shutil.copytree(CATALOGS / "xunyang", new)
    county = new / "county" / "delegation.yaml"
    text = county.read_text(encoding="utf-8")
    county.write_text(text.replace("    name: 食品小作坊登记\n", f"    name: '{HOSTILE}'\n", 1)
                      .replace("    name: 个体工商户变更登记\n", '    name: "第一行\\n| 伪造 | 表格 |"\n', 1), encoding="utf-8")
    md = dlists("diff", old, new, "-f", "markdown", "--lang", "zh").stdout
    for raw in ("<img", "</details>\n" + "x", "[点我]", "![t]", "@octocat", "`x`"):
        assert raw not in md, raw
    assert md.count("<details>") == md.count("</details>") == 1
    rows = [line for line in md.splitlines() if "610928-XK-0003" in line or "610928-XK-0005" in line]
    assert len(rows) == 2 and all(line.replace("\\|", "").count("|") == 5 for line in rows), rows
    assert "&lt;img src=x onerror=alert(1)&gt;" in md and "第一行<br>\\| 伪造 \\| 表格 \\|" in md
