"""The detail of one register entry, and what the clerk may do with it: correct, void, sell.

Everything shown is read in one go on the database lane
(:func:`dor_desktop.services.register_reads.detail_view`), including whether
each item may be sold today, so the buttons never promise what the register would refuse. The
register itself stays append-only: a correction or a void is a new entry pointing at this one.
"""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.domain.clock import SHOP_ZONE, from_utc_text
from dor_desktop.domain.enums import Category
from dor_desktop.domain.money import format_eur, parse_amount
from dor_desktop.domain.validation import FieldError
from dor_desktop.errors import UserError
from dor_desktop.services import alerts, register
from dor_desktop.services.register_reads import (
    DetailView,
    EntryDetail,
    SaleBlocked,
    detail_view,
    seller_label,
)
from dor_desktop.ui.background import Op
from dor_desktop.ui.services import Services
from dor_desktop.ui.vocabulary import (
    CATEGORIES,
    DOCUMENT_TYPES,
    ENTRY_KINDS,
    MATCHED_FIELDS,
    SYNC_STATES,
    field_problem_text,
    label,
)


def _local(text: str | None) -> str:
    if not text:
        return "-"
    return from_utc_text(text).astimezone(SHOP_ZONE).strftime("%d-%m-%Y %H:%M")


def _day(iso: str | None) -> str:
    return date.fromisoformat(iso).strftime("%d-%m-%Y") if iso else "-"


class EntryDetailPanel(QWidget):
    correct_requested = Signal(str, dict)  # register number, stored purchase
    open_alerts = Signal()
    changed = Signal()  # something was committed (void, sale): refresh lists
    message = Signal(str)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.view: DetailView | None = None
        self.text = QTextBrowser()
        self.text.setObjectName("entryDetail")
        self.text.setOpenLinks(False)
        self.text.anchorClicked.connect(lambda _url: self.open_alerts.emit())
        self.correct_button = QPushButton(self.tr("Correct (Ctrl+E)"))
        self.correct_button.clicked.connect(self.correct)
        self.void_button = QPushButton(self.tr("Void... (Ctrl+Shift+V)"))
        self.void_button.clicked.connect(self.void)
        self.sale_button = QPushButton(self.tr("Record sale... (Ctrl+Shift+S)"))
        self.sale_button.clicked.connect(self.record_sale)
        self.receipt_button = QPushButton(self.tr("Receipt as PDF..."))
        self.receipt_button.clicked.connect(self._receipt)
        self.sale_note = QLabel()
        self.sale_note.setObjectName("hint")
        self.sale_note.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.correct_button, self.void_button, self.sale_button, self.receipt_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.sale_note)
        layout.addLayout(buttons)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.view = None
        hint = self.tr("Choose an entry to see its detail.")
        self.text.setHtml(f"<p>{html.escape(hint)}</p>")
        self.sale_note.hide()
        for button in (self.correct_button, self.void_button, self.sale_button, self.receipt_button):
            button.setEnabled(False)

    def load(self, number: str) -> None:
        today = self.services.clock().astimezone(SHOP_ZONE).date()
        Op(self.services.lanes.db, detail_view, self.services.context, number, today).on_success(
            self._show
        ).on_failure(lambda e: self.message.emit(str(e))).start(self)

    def reload(self) -> None:
        if self.view is not None:
            self.load(self.view.number)

    def _show(self, view: DetailView) -> None:
        self.view = view
        self.text.setHtml(self._html(view))
        current = view.is_current_purchase
        sellable = [line for line, blocker in view.sale_blockers.items() if blocker is None]
        self.correct_button.setEnabled(current and not view.detail.sales and not view.police_hold)
        self.void_button.setEnabled(current and not view.detail.sales and not view.police_hold)
        self.sale_button.setEnabled(current and bool(sellable))
        self.receipt_button.setEnabled(view.detail.summary.kind != "void")
        note = self._sale_note(view) if current and not sellable else ""
        self.sale_note.setText(note)
        self.sale_note.setVisible(bool(note))

    def _sale_note(self, view: DetailView) -> str:
        if view.police_hold:
            return self.tr("No sale, no changes: the goods are on police hold.")
        if view.hold_running:
            return self.tr("No sale before %1: the hold period runs.").replace(
                "%1", _day(view.detail.hold_until)
            )
        return self.tr("Every item of this entry has been sold.")

    # -- rendering -------------------------------------------------------------------------------

    def _html(self, view: DetailView) -> str:
        d, s = view.detail, view.detail.summary
        e = html.escape
        parts = [f"<h2>{e(s.register_number)} <small>({e(label(ENTRY_KINDS, s.kind))})</small></h2>"]
        if d.refers_to:
            text = self.tr("Refers to %1. Reason: %2").replace("%1", d.refers_to).replace("%2", d.reason)
            parts.append(f"<p>{e(text)}</p>")
        for kind, number in d.referred_by:
            text = (
                self.tr("Replaced by %1 (%2)").replace("%1", number).replace("%2", label(ENTRY_KINDS, kind))
            )
            parts.append(f"<p><b>{e(text)}</b></p>")
        rows = [
            (self.tr("Acquired"), _local(s.acquired_at)),
            *self._late_entry(d),
            (self.tr("Seller"), seller_label(s, self.tr("(removed after the retention period)"))),
            (self.tr("Address"), self._address(d.payload)),
            (self.tr("ID document"), self._document(d.payload)),
            (self.tr("Total"), format_eur(parse_amount(s.total_amount))),
            (self.tr("Hold period"), self._hold(view)),
            (self.tr("DOR"), label(SYNC_STATES, s.sync_state) + (f" ({s.dor_id})" if s.dor_id else "")),
        ]
        parts.append("<table cellspacing='4'>")
        parts += [f"<tr><td><b>{e(k)}</b></td><td>{e(v)}</td></tr>" for k, v in rows]
        parts.append("</table>")
        parts += self._sync_errors(d)
        parts += self._items(d)
        parts += self._hits(d)
        parts += self._sales(d)
        return "".join(parts)

    def _late_entry(self, d: EntryDetail) -> list[tuple[str, str]]:
        """A purchase registered after the fact says so, with when and why (issue 10)."""
        reason = d.payload.get("late_entry_reason")
        if not reason:
            return []
        text = self.tr("registered %1; reason: %2").replace("%1", _local(d.summary.committed_at))
        return [(self.tr("Late entry"), text.replace("%2", str(reason)))]

    def _address(self, payload: dict) -> str:
        address = (payload.get("seller") or {}).get("address") or {}
        line = f"{address.get('street', '')} {address.get('house_number', '')}".strip()
        return ", ".join(
            p for p in (line, f"{address.get('postcode', '')} {address.get('city', '')}".strip()) if p
        )

    def _document(self, payload: dict) -> str:
        doc = payload.get("id_document") or {}
        if not doc:
            return "-"
        kind = label(DOCUMENT_TYPES, doc.get("type")) if doc.get("type") else ""
        return " ".join(
            p
            for p in (
                kind,
                doc.get("number", ""),
                doc.get("issuing_country", ""),
                self.tr("valid until %1").replace("%1", _day(doc.get("expiry_date"))),
            )
            if p
        )

    def _hold(self, view: DetailView) -> str:
        until = _day(view.detail.hold_until)
        if view.police_hold:
            return self.tr("until %1; on police hold").replace("%1", until)
        if view.hold_running:
            return self.tr("until %1 (runs)").replace("%1", until)
        return self.tr("ended on %1").replace("%1", until)

    def _sync_errors(self, d: EntryDetail) -> list[str]:
        if not d.sync_errors and not d.last_error:
            return []
        lines = [
            field_problem_text(
                FieldError(e.get("field", ""), e.get("code", ""), e.get("message") or e.get("code", ""))
            )
            for e in d.sync_errors
        ]
        if not lines and d.last_error:
            lines = [d.last_error]
        if d.summary.sync_state in ("rejected", "conflict"):
            head = html.escape(self.tr("The DOR refused this entry. Correct it to resend:"))
        else:  # still queued: a failed attempt is not a refusal, and nothing needs correcting
            head = html.escape(self.tr("Not sent yet; it is sent again by itself. The last attempt:"))
        return [f"<p><b>{head}</b><br>" + "<br>".join(html.escape(x) for x in lines) + "</p>"]

    def _items(self, d: EntryDetail) -> list[str]:
        e = html.escape
        title = self.tr("Goods")
        out = [f"<h3>{e(title)}</h3><ol>"]
        for item in d.payload.get("items", []):
            category = item.get("category")
            what = label(CATEGORIES, Category(category)) if category in set(Category) else str(category)
            ident = [
                f"{label(MATCHED_FIELDS, k)} {item[k]}"
                for k in ("imei", "serial_number", "frame_number")
                if item.get(k)
            ]
            if item.get("weight_grams"):
                ident.append(f"{item['weight_grams']} g")
            if item.get("fineness"):
                ident.append(f"{item['fineness']}/1000")
            price = (item.get("price") or {}).get("value")
            money = format_eur(Decimal(price)) if price else ""
            brand = " ".join(x for x in (item.get("brand", ""), item.get("model", "")) if x)
            text = " - ".join(
                x for x in (what, brand, item.get("description", ""), ", ".join(ident), money) if x
            )
            out.append(f"<li>{e(text)}</li>")
        out.append("</ol>")
        return out

    def _hits(self, d: EntryDetail) -> list[str]:
        if not d.hits:
            return []
        e = html.escape
        title = self.tr("Hits")
        out = [f"<h3>{e(title)}</h3><ul>"]
        for hit in d.hits:
            field_name = label(MATCHED_FIELDS, hit["matched_field"])
            text = self.tr("Item %1: %2 %3 matches a report of stolen goods (%4)")
            text = text.replace("%1", str(hit["item_line"] or "-")).replace("%2", field_name)
            text = text.replace("%3", hit["matched_value"]).replace("%4", hit["source"] or "-")
            if hit["status"] != "active":
                text += " " + self.tr("(withdrawn)")
            out.append(f"<li>{e(text)}</li>")
        out.append("</ul>")
        link = self.tr("What to do: open the notices (Ctrl+Shift+H)")
        out.append(f"<p><a href='alerts'>{e(link)}</a></p>")
        return out

    def _sales(self, d: EntryDetail) -> list[str]:
        if not d.sales:
            return []
        e = html.escape
        title = self.tr("Sold")
        out = [f"<h3>{e(title)}</h3><ul>"]
        for sale in d.sales:
            text = self.tr("Item %1 sold on %2 to %3 for %4")
            text = text.replace("%1", str(sale["item_line"])).replace("%2", _local(sale["sold_at"]))
            text = text.replace("%3", sale["buyer_name"] or "-").replace(
                "%4", format_eur(Decimal(sale["price"]))
            )
            out.append(f"<li>{e(text)}</li>")
        out.append("</ul>")
        return out

    # -- actions ---------------------------------------------------------------------------------

    def correct(self) -> None:
        if self.view is not None and self.correct_button.isEnabled():
            self.correct_requested.emit(self.view.number, dict(self.view.detail.payload))

    def void(self) -> None:
        """Ask for the reason (required), then commit a void entry on the database lane."""
        if self.view is None or not self.void_button.isEnabled():
            return
        number = self.view.number
        dialog = ReasonDialog(number, self)
        dialog.accepted.connect(lambda: self._void(number, dialog.reason()))
        dialog.open()

    def _void(self, number: str, reason: str) -> None:
        Op(self.services.lanes.db, register.void, self.services.context, number, reason).on_success(
            lambda entry: self._committed(self.tr("Voided by %1").replace("%1", entry.register_number))
        ).on_failure(self._refused).start(self)

    def record_sale(self) -> None:
        """Ask which item, to whom and for how much; the register checks hold and police hold again."""
        if self.view is None or not self.sale_button.isEnabled():
            return
        lines = [line for line, blocker in self.view.sale_blockers.items() if blocker is None]
        number, today = self.view.number, self.view.today
        dialog = SaleDialog(number, lines, self)
        dialog.accepted.connect(lambda: self._sell(number, today, *dialog.values()))
        dialog.open()

    def _sell(self, number: str, today: date, line: int, buyer: str, price: Decimal) -> None:
        Op(
            self.services.lanes.db,
            alerts.record_sale,
            self.services.context,
            number,
            line,
            buyer,
            price,
            today,
        ).on_success(lambda _sale: self._committed(self.tr("Sale recorded"))).on_failure(self._refused).start(
            self
        )

    def _committed(self, text: str) -> None:
        self.message.emit(text)
        self.changed.emit()
        self.reload()

    def _refused(self, error: BaseException) -> None:
        if isinstance(error, SaleBlocked):
            text = {
                "hold_period": self.tr("No sale before %1: the hold period runs.").replace(
                    "%1", _day(error.until)
                ),
                "police_hold": self.tr("No sale, no changes: the goods are on police hold."),
            }.get(error.code, str(error))
        elif isinstance(error, UserError):
            text = str(error)
        else:
            text = self.tr("Not done because of an unexpected error (%1)").replace("%1", type(error).__name__)
        self.message.emit(text)
        self.reload()

    def _receipt(self) -> None:
        if self.view is not None:
            from dor_desktop.ui.receipts import ReceiptActions

            actions = ReceiptActions(self.services, self)
            actions.done.connect(self.message)
            actions.save_pdf(self.view.number)


class ReasonDialog(QDialog):
    """The reason for a void; required (the register keeps it as evidence)."""

    def __init__(self, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Void %1").replace("%1", number))
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("for example: entered twice by mistake"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Void entry"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.ok.setEnabled(False)
        self.edit.textChanged.connect(lambda text: self.ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        note = QLabel(self.tr("The entry stays in the register; a void entry is added that cancels it."))
        note.setWordWrap(True)
        layout.addWidget(note)
        form = QFormLayout()
        form.addRow(self.tr("Reason (required)"), self.edit)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def reason(self) -> str:
        return self.edit.text().strip()


class SaleDialog(QDialog):
    """One item line sold: to whom and for how much (the sales register)."""

    def __init__(self, number: str, lines: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a sale from %1").replace("%1", number))
        self.line = QComboBox()
        for line in lines:
            self.line.addItem(self.tr("Item %1").replace("%1", str(line)), line)
        self.buyer = QLineEdit()
        self.price = QLineEdit()
        self.price.setPlaceholderText(self.tr("for example 150,00"))
        self.problem = QLabel()
        self.problem.setObjectName("problem")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record sale"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Item"), self.line)
        form.addRow(self.tr("Buyer"), self.buyer)
        form.addRow(self.tr("Price (EUR)"), self.price)
        form.addRow(self.problem)
        form.addRow(buttons)

    def _check(self) -> None:
        try:
            price = parse_amount(self.price.text())
        except ValueError:
            price = Decimal("0")
        if price <= 0:
            self.problem.setText(self.tr("Enter the sale price, for example 150,00"))
            self.price.setFocus()
            return
        self.accept()

    def values(self) -> tuple[int, str, Decimal]:
        return int(self.line.currentData()), self.buyer.text().strip(), parse_amount(self.price.text())
