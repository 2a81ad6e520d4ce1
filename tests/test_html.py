"""HTML reports: one self-contained page each, rendered in headless Chromium and read back as a person sees it
(every township's name and coverage, the matrix cells, the changed fields), making no network request."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CATALOGS, ROOT
from delegation_lists.render.labels import LABELS

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_browser = pytest.mark.skipif(CHROMIUM is None and not os.environ.get("DLISTS_REQUIRE_BROWSER"),
                                   reason="Chromium is not installed (.ci/run installs it)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
DIFF = ROOT / "tests" / "diff-cases" / "one-of-each"


def _page(dlists, tmp_path: Path, name: str, *args: object) -> Path:  # type: ignore[no-untyped-def]
    out = tmp_path / f"{name}.html"
    result = dlists(*args, "-f", "html", "-o", out, env={"LC_ALL": "zh_CN.UTF-8"})
    assert result.exit_code in (0, 1), result.output
    return out


def _dom(page: Path, tmp_path: Path) -> str:
    """The page's text after the browser has laid it out (scripts run), tags stripped."""
    assert CHROMIUM is not None
    run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", page.as_uri()],
                         capture_output=True, text=True, timeout=120, check=True)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", run.stdout))


def _no_requests(html: str) -> None:
    """Nothing fetched from anywhere: no external src/href/url(), and a CSP that forbids requests anyway."""
    assert "default-src 'none'" in html
    links = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(([^)]+)\)""", html)
    assert [u for pair in links for u in pair if u and not u.startswith(("#", "data:"))] == []


@needs_browser
def test_reconcile_page_shows_every_township_and_its_coverage(dlists, tmp_path: Path) -> None:
    page = _page(dlists, tmp_path, "rec", "reconcile", CATALOGS / "xunyang")
    _no_requests(page.read_text(encoding="utf-8"))
    text = _dom(page, tmp_path)
    for name, shown in [("城关街道", "100%（37/37）"), ("吕河镇", "100%（98/98）"), ("赵湾镇", "100%（92/92）"), ("蜀河镇", "60%（3/5）")]:
        assert name in text and shown in text
    assert "部门 × 下级承接率" in text and "旬阳市市场监督管理局" in text and "2/3" in text  # a matrix cell
    assert "小餐饮经营许可 (610928-XK-0002)" in text and "已下放但未承接" in text  # items by name, in Chinese


@needs_browser
def test_diff_page_shows_the_changed_fields(dlists, tmp_path: Path) -> None:
    page = _page(dlists, tmp_path, "diff", "diff", DIFF / "old", DIFF / "new")
    _no_requests(page.read_text(encoding="utf-8"))
    text = _dom(page, tmp_path)
    assert "食品经营许可 (C-01)" in text and "《食品经营许可管理办法》第十条" in text
    assert "对下级的影响" in text and "甲镇" in text and "小餐饮经营许可 (C-02)" in text


@needs_browser
def test_diff_page_shows_the_records_check(dlists, tmp_path: Path) -> None:
    """With adjustment records: the change nobody recorded and the record matching nothing come first, the
    recorded changes (with their approving documents) folded under them."""
    cases = ROOT / "tests" / "diff-cases" / "records"
    html = _page(dlists, tmp_path, "records", "diff", cases / "old", cases / "new").read_text(encoding="utf-8")
    assert html.index("调整记录核对") < html.index('class="counts"')
    text = _dom(tmp_path / "records.html", tmp_path)
    assert "1 项变化没有调整记录（未经审定的调整）" in text and "林木采伐情况统计 (100001-QT-0009)" in text
    assert "1 条调整记录没有对应的变化" in text and "2025-003" in text and "两个版本之间没有这项变化" in text
    assert "4 项变化有调整记录" in text and "样编办发〔2025〕1号" in text


@needs_browser
def test_stats_page(dlists, tmp_path: Path) -> None:
    page = _page(dlists, tmp_path, "stats", "stats", CATALOGS / "xunyang")
    _no_requests(page.read_text(encoding="utf-8"))
    text = _dom(page, tmp_path)
    assert "赵湾镇（610928104）" in text and "行政许可" in text


def _page_requests(page: Path, tmp_path: Path) -> list[str]:
    """Every URL the page asked for while the browser loaded it (from Chromium's own network log: requests made
    for the file:// page, not the browser's own update checks), other than file: and data: URLs."""
    assert CHROMIUM is not None
    log = tmp_path / f"{page.stem}-net.json"
    subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'netprofile'}", f"--log-net-log={log}", "--dump-dom",
                    page.as_uri()], capture_output=True, text=True, timeout=120, check=True)
    text = log.read_text(encoding="utf-8").rstrip().rstrip(",")
    events = json.loads(text if text.endswith("}") else text + "]}")["events"]
    return sorted({p["url"] for e in events if "url" in (p := e.get("params", {})) and "file://" in p.get("network_isolation_key", "")
                   and not p["url"].startswith(("file:", "data:"))})


@needs_browser
def test_pages_make_no_network_request_in_the_browser(dlists, tmp_path: Path) -> None:
    leak = tmp_path / "leak.html"  # the check sees a page that does ask
    leak.write_text('<img src="http://example.invalid/x.png"><script>fetch("https://example.invalid/y")</script>', encoding="utf-8")
    assert _page_requests(leak, tmp_path) == ["http://example.invalid/x.png", "https://example.invalid/y"]
    for page in (_page(dlists, tmp_path, "rec", "reconcile", CATALOGS / "xunyang"), _page(dlists, tmp_path, "diff", "diff", DIFF / "old", DIFF / "new"),
                 _page(dlists, tmp_path, "stats", "stats", CATALOGS / "xunyang")):
        assert _page_requests(page, tmp_path) == [], page.name


def test_catalog_text_is_escaped(dlists, tmp_path: Path) -> None:
    """A name holding markup is shown as text, never run."""
    cat = tmp_path / "cat"
    shutil.copytree(CATALOGS / "xunyang", cat)
    county = cat / "county" / "delegation.yaml"
    county.write_text(county.read_text(encoding="utf-8").replace("小餐饮经营许可", "<script>alert(1)</script>", 1), encoding="utf-8")
    html = _page(dlists, tmp_path, "rec", "reconcile", cat).read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html


def test_labels_in_both_languages() -> None:
    for key, (zh, en) in LABELS.items():
        assert re.search(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]", zh), key  # Chinese words, or Chinese punctuation
        assert en and not re.search(r"[\u4e00-\u9fff]", en), key
