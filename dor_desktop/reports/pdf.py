"""PDF rendering of the register export with reportlab (BSD): landscape A4, a table per page."""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, Spacer, TableStyle

from dor_desktop.reports.rows import COLUMNS, ExportRow

# Column widths in mm for the 277 mm of a landscape A4 page between the margins.
_WIDTHS_MM = (18, 17, 18, 28, 36, 26, 66, 14, 17, 23, 14)


def _cell(text: str, style) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


def write_register_pdf(path: Path, rows: list[ExportRow], text: dict, title: str, lines: list[str]) -> None:
    styles = getSampleStyleSheet()
    small = styles["BodyText"].clone("small", fontSize=7, leading=8.5)
    head = styles["BodyText"].clone("head", fontSize=7, leading=8.5, fontName="Helvetica-Bold")
    widths = [w * mm for w in _WIDTHS_MM]
    header = [text[c] for c in COLUMNS]
    data = [[_cell(h, head) for h in header]]
    for row in rows:
        data.append([_cell(v, small) for v in row.cells("\n")])
    story = [Paragraph(escape(title), styles["Title"])]
    story += [Paragraph(escape(line), styles["BodyText"]) for line in lines]
    story.append(Spacer(1, 4 * mm))
    if rows:
        table = LongTable(data, colWidths=widths, repeatRows=1)
        table.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(table)
    else:
        story.append(Paragraph(escape(text["no_entries"]), styles["BodyText"]))

    def footer(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
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
