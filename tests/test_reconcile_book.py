"""The reconcile workbook's code columns are as wide as their longest code (a code never wraps, whatever font
the cells fall back to; Arial 10 is the unit since the default font changed), and no header word is cut."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import CATALOGS
from delegation_lists.catalog import load_catalog
from delegation_lists.excel.reports import fit, reconcile_book
from delegation_lists.publish.measure import column_pt, text_pt
from delegation_lists.reconcile import reconcile
from printed import soffice, to_pdf


@pytest.mark.parametrize("folder", ["xunyang", "real/longhua"])
def test_codes_fit_their_columns(folder: str):
    cat, _ = load_catalog([CATALOGS / folder])
    book = reconcile_book([reconcile(cat)])
    for sheet in book.sheets:
        for at, column in enumerate(sheet.columns):
            if column.style in ("wrap", "percent"):
                continue
            cells = [str(r[at]) for r in sheet.rows[sheet.header_row + 1:] if at < len(r) and r[at] is not None]
            for text in [*cells, *column.header.split()]:
                assert text_pt(text, 10) <= column_pt(column.width), (sheet.title, column.header, text, column.width)


def test_fit():
    assert fit(10, "代码", ["610928104"]) > 10  # 9 digits: wider than the old 10
    assert fit(20, "code", ["610928-XK-0001"]) == 20  # fits already
    assert fit(10, "suggestions") > 10  # a header word on one line


@pytest.mark.skipif(soffice() is None, reason="LibreOffice is not installed")
def test_printed_codes_are_whole(tmp_path: Path, dlists):
    """Printed by LibreOffice: every township's 9-digit code is one word on the summary page."""
    import pdfplumber

    book = tmp_path / "rec.xlsx"
    assert dlists("reconcile", CATALOGS / "xunyang", "-f", "xlsx", "-o", book).exit_code in (0, 1)
    pdf = to_pdf(book, tmp_path)
    with pdfplumber.open(str(pdf)) as doc:
        words = {w["text"] for w in doc.pages[0].extract_words()}
    assert {"610928001", "610928102", "610928104", "610928106"} <= words, sorted(words)
