"""PDF rendering of the register export with reportlab (BSD): landscape A4, one long table.

Any shop must be able to print its register: an entry of a hundred items, a name in any script.
So each item is a row of its own under its entry (a row never has to be taller than a page),
rows may still split inside a cell (a long reason), and the text is set in the bundled DejaVu Sans
(:mod:`dor_desktop.reports.fonts`), not Helvetica, which has no Ł, ı, Ş, Cyrillic or Arabic.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from dor_desktop.reports.fonts import register_fonts
from dor_desktop.reports.rows import COLUMNS, ExportRow

# Column widths in mm for the 277 mm of a landscape A4 page between the margins, measured in
# DejaVu Sans at 7 pt with 2 pt of padding: no column breaks its longest word ("Voorwaarden",
# "verblijfsdocument", "gecorrigeerd", a date, a DOR number such as DOR-0000000001).
_WIDTHS_MM = (17, 14, 17, 27, 30, 25, 66, 16, 20, 20, 25)
_PADDING = 2
_GOODS = COLUMNS.index("goods")


def _cell(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def _entry_rows(row: ExportRow, style) -> list[list[Paragraph | str]]:
    """The entry's own row with its first item, then one row per further item (goods cell only)."""
    cells = list(row.cells("\n"))
    cells[_GOODS] = row.goods[0] if row.goods else ""
    rows: list[list[Paragraph | str]] = [[_cell(v, style) for v in cells]]
    for line in row.goods[1:]:
        more: list[Paragraph | str] = [""] * len(COLUMNS)
        more[_GOODS] = _cell(line, style)
        rows.append(more)
    return rows


def _table(rows: list[ExportRow], text: dict, small, head) -> LongTable:
    data: list[list[Paragraph | str]] = [[_cell(text[c], head) for c in COLUMNS]]
    commands: list[tuple] = [
        ("BOX", (0, 0), (-1, -1), 0.25, colors.grey),
        ("INNERGRID", (0, 0), (-1, 0), 0.25, colors.grey),
        ("LINEAFTER", (0, 0), (-2, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PADDING),
    ]
    for row in rows:
        commands.append(("LINEABOVE", (0, len(data)), (-1, len(data)), 0.25, colors.grey))
        data += _entry_rows(row, small)
    return LongTable(
        data, colWidths=[w * mm for w in _WIDTHS_MM], repeatRows=1, splitInRow=1, style=TableStyle(commands)
    )


def write_register_pdf(path: Path, rows: list[ExportRow], text: dict, title: str, lines: list[str]) -> None:
    regular, bold = register_fonts()
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("body", fontName=regular)
    small = body.clone("small", fontSize=7, leading=8.5)
    head = small.clone("head", fontName=bold)
    story = [Paragraph(escape(title), styles["Title"].clone("title", fontName=bold))]
    story += [Paragraph(escape(line), body) for line in lines]
    story.append(Spacer(1, 4 * mm))
    if rows:
        story.append(_table(rows, text, small, head))
    else:
        story.append(Paragraph(escape(text["no_entries"]), body))

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(regular, 7)
        canvas.drawString(10 * mm, 7 * mm, title)
        canvas.drawRightString(landscape(A4)[0] - 10 * mm, 7 * mm, f"{text['page']} {document.page}")
        canvas.restoreState()

    document = SimpleDocTemplate(
        str(path),
        pagesize=landscape(A4),
        leftMargin=10 * mm,
        rightMargin=10 * mm,
        topMargin=10 * mm,
        bottomMargin=12 * mm,
        title=title,
        author="DOR Desktop",
    )
    document.build(story, onFirstPage=footer, onLaterPages=footer)
