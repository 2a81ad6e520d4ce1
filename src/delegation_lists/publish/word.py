"""The published tables as a Word document (python-docx, the `docx` extra): each list in a section of its own
(its paper and orientation, its pages numbered "第 1 页 共 N 页" from 1), the 附件 line, title, issuer and date,
the values every row shares, then the table (word_table.py); the notes under it. Text in SimSun (宋体) 10 pt on
exact line heights (pages.WORD_LINE), so that Word, WPS and LibreOffice lay the pages out alike."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..atomic import atomic_path
from ..problems import MessageError, msg
from .model import HEADER_FOOTER, MARGINS, PublishedTable
from .pages import WORD_LINE, word_pages
from .word_layout import add_layout
from .word_table import fill_table


class WordError(MessageError):
    """The Word document cannot be written (python-docx missing)."""


FONT = "SimSun"
BODY, TITLE, ATTACHMENT = 10, 16, 14


def need_docx() -> Any:
    """python-docx, or WordError saying which extra installs it."""
    try:
        import docx
    except ImportError:
        raise WordError(msg("cli.docx.missing")) from None
    return docx


def _set(element: Any, tag: str, **attrs: str) -> Any:
    """Add (or find) the child `w:tag` of `element` and set its `w:` attributes."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    child = element.find(qn(f"w:{tag}"))
    if child is None:
        child = OxmlElement(f"w:{tag}")
        element.append(child)
    for key, value in attrs.items():
        child.set(qn(f"w:{key}"), value)
    return child


def _font(run: Any, size: float, bold: bool = False) -> None:
    from docx.shared import Pt

    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.name = FONT
    _set(run._element.get_or_add_rPr(), "rFonts", eastAsia=FONT, ascii=FONT, hAnsi=FONT)


def _spacing(p: Any, size: float) -> None:
    """No space around a paragraph, lines exactly as high as `pages.WORD_LINE` says (programs agree on them)."""
    from docx.enum.text import WD_LINE_SPACING
    from docx.shared import Pt

    fmt = p.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(WORD_LINE[float(size)])


def _text(p: Any, text: str, size: float, bold: bool = False) -> None:
    for i, line in enumerate(text.split("\n")):
        if i:
            p.add_run().add_break()
        _font(p.add_run(line), size, bold)


def _paragraph(container: Any, text: str, size: float = BODY, bold: bool = False, align: str = "left") -> Any:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = container.add_paragraph()
    p.alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    _spacing(p, size)
    _text(p, text, size, bold)
    return p


def _field(paragraph: Any, instruction: str, shown: str) -> None:
    """A field (PAGE, SECTIONPAGES) in a paragraph: Word and WPS compute it; a program that does not (LibreOffice
    does not know SECTIONPAGES) shows `shown`."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instruction} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _section(doc: Any, table: PublishedTable, first: bool, lang: str, pages: int) -> None:
    """A section of its own for a list: paper, orientation, margins, footer with its own page numbers."""
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Inches, Pt

    section = doc.sections[0] if first else doc.add_section(WD_SECTION.NEW_PAGE)
    width, height = table.paper.size
    section.orientation = WD_ORIENT.LANDSCAPE if table.paper.landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Pt(width), Pt(height)
    section.left_margin, section.right_margin = Inches(MARGINS[0]), Inches(MARGINS[1])
    section.top_margin, section.bottom_margin = Inches(MARGINS[2]), Inches(MARGINS[3])
    section.header_distance, section.footer_distance = Inches(HEADER_FOOTER[0]), Inches(HEADER_FOOTER[1])
    _set(section._sectPr, "pgNumType", start="1")
    footer = section.footer
    footer.is_linked_to_previous = False
    p = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    p.text = ""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    before, between, after = ("第 ", " 页 共 ", " 页") if lang == "zh" else ("Page ", " of ", "")
    _font(p.add_run(before), BODY)
    _field(p, "PAGE", "1")
    _font(p.add_run(between), BODY)
    _field(p, "SECTIONPAGES", str(pages))
    _font(p.add_run(after), BODY)


def _table(doc: Any, table: PublishedTable, lang: str) -> None:
    from docx.enum.table import WD_TABLE_ALIGNMENT

    grid = doc.add_table(rows=0, cols=len([c for c in table.columns if not c.hidden]))
    grid.style = "Table Grid"
    grid.autofit = False
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    fill_table(grid, table, lang)


def write_docx(tables: Sequence[PublishedTable], target: str | Path, lang: str = "zh", layout: bytes | None = None) -> None:
    """Write the published tables to `target` (.docx), atomically; `layout` (publish/word_layout.py) as its
    custom XML part."""
    docx = need_docx()
    doc = docx.Document()
    for n, table in enumerate(tables):
        _section(doc, table, n == 0, lang, word_pages(table))
        if table.attachment:
            _paragraph(doc, table.attachment, ATTACHMENT, bold=True)
        _paragraph(doc, table.title, TITLE, bold=True, align="center")
        if table.issuer or table.date:
            p = _paragraph(doc, table.issuer)
            room = table.paper.size[0] - (MARGINS[0] + MARGINS[1]) * 72
            from docx.enum.text import WD_TAB_ALIGNMENT
            from docx.shared import Pt

            p.paragraph_format.tab_stops.add_tab_stop(Pt(room - 2), WD_TAB_ALIGNMENT.RIGHT)  # the date on the right
            _font(p.add_run("\t" + table.date), BODY)
        for line in table.lines:
            _paragraph(doc, line)
        _table(doc, table, lang)
        for note in table.notes:
            _paragraph(doc, note)
    doc.core_properties.title = tables[0].title if tables else ""
    if layout is not None:
        add_layout(doc, layout)
    with atomic_path(target) as tmp:
        doc.save(str(tmp))
