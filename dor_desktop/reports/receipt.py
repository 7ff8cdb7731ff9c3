"""The purchase receipt for the seller: what was bought, for how much, under which register number.

It shows the ID document's type and country but not its number (the seller has the document; a
receipt left on a counter should not carry it), and never anything like a BSN.
"""

from __future__ import annotations

import io
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A5
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from dor_desktop.config.settings import Settings
from dor_desktop.domain.clock import SHOP_ZONE, from_utc_text
from dor_desktop.reports.fonts import register_fonts
from dor_desktop.reports.labels import labels, value_label
from dor_desktop.reports.rows import goods_lines
from dor_desktop.storage.queries import EntryDetail


def render_receipt(detail: EntryDetail, settings: Settings) -> bytes:
    """A one-page A5 PDF receipt of a committed entry."""
    language = settings.language
    text = labels(language)
    summary, payload = detail.summary, detail.payload
    regular, bold = register_fonts()  # the seller's name as written, in any script
    styles = getSampleStyleSheet()
    body = styles["BodyText"].clone("body", fontName=regular)
    acquired = from_utc_text(summary.acquired_at).astimezone(SHOP_ZONE).strftime("%d-%m-%Y %H:%M")
    document = payload.get("id_document") or {}
    lines = [
        f"{text['number']}: {summary.register_number}",
        f"{text['acquired']}: {acquired}",
        f"{text['seller']}: {summary.seller_name}",
        f"{text['id_document']}: {value_label(document.get('type', '-'), language)} "
        f"{document.get('issuing_country', '')}".rstrip(),
        f"{text['terms']}: {value_label(payload.get('acquisition_type', ''), language)} / "
        f"{value_label(payload.get('payment_method', ''), language)}",
        f"{text['hold_until']}: {detail.hold_until}",
    ]
    title = styles["Title"].clone("title", fontName=bold)
    story = [Paragraph(escape(f"{text['receipt_title']} - {settings.shop_name}"), title)]
    story += [Paragraph(escape(line), body) for line in lines]
    story.append(Spacer(1, 4 * mm))
    goods = [[Paragraph(escape(g), body)] for g in goods_lines(payload, language)]
    goods.append([Paragraph(f"<b>{escape(text['total'])}: EUR {escape(summary.total_amount)}</b>", body)])
    table = Table(goods, colWidths=[A5[0] - 24 * mm])
    table.setStyle(TableStyle([("LINEBELOW", (0, 0), (-1, -2), 0.25, "#999999")]))
    story.append(table)
    story.append(Spacer(1, 6 * mm))
    story.append(Paragraph(escape(text["receipt_footer"].format(number=summary.register_number)), body))
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A5,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=f"{text['receipt_title']} {summary.register_number}",
        author=settings.shop_name,
    ).build(story)
    return buffer.getvalue()
