"""The new-purchase form: seller, ID document, goods, terms; keyboard first; nothing typed is lost.

Its parts: the ID scanner (:mod:`dor_desktop.ui.scan_panel`), the goods
(:mod:`dor_desktop.ui.item_list`) and the draft's writer and offer bar
(:mod:`dor_desktop.ui.form_drafts`) live in modules of their own; the form keeps the seller,
document and terms fields, the one :class:`FormState` they all edit, validation and the save.

How it protects the clerk's work:
- every change is written to the draft file (atomically, on the files lane, coalesced so a fast
  typist causes at most one write in flight) and offered back after a crash;
- Save validates everything at once and shows each problem next to its field; warnings the shop
  accepts are kept with the entry as overrides;
- the commit (:func:`dor_desktop.services.purchase_session.commit`) runs on the database lane;
  the register number is shown only once the entry is on disk, and only then is the draft removed.
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from dor_desktop.domain.enums import AcquisitionType, IdDocumentType, PaymentMethod
from dor_desktop.domain.money import format_eur, parse_amount
from dor_desktop.domain.validation import FieldError
from dor_desktop.errors import UserError
from dor_desktop.services import purchase_session, register
from dor_desktop.services.drafts import Draft
from dor_desktop.services.register import CommittedEntry, ValidationFailed
from dor_desktop.ui.background import Op
from dor_desktop.ui.fields import FieldBox, combo, line_edit, notice_bar, restyle
from dor_desktop.ui.form_drafts import DraftOffer, DraftWriter
from dor_desktop.ui.form_state import DOCUMENT_PATHS, SELLER_PATHS, FormState, build_purchase
from dor_desktop.ui.id_scan import filled_fields
from dor_desktop.ui.item_editor import ItemEditor, move_on_enter
from dor_desktop.ui.item_list import ItemList
from dor_desktop.ui.receipts import ReceiptActions
from dor_desktop.ui.scan_panel import ScanPanel, dropped_scan_file
from dor_desktop.ui.services import Services
from dor_desktop.ui.vocabulary import ACQUISITION_TYPES, DOCUMENT_TYPES, PAYMENT_METHODS, label

if TYPE_CHECKING:
    from dor_desktop.services.scanning import ScanResult

#: Problems shown only once the clerk touched the field or tried to save (an empty form is not
#: a list of errors).
QUIET_CODES = frozenset({"required", "id_document_missing"})
VALIDATE_DELAY_MS = 120
#: The DOR's own complaint about a refused entry: shown at its field, but the DOR decides on it
#: again when the correction is sent, so it does not stop the save.
REMOTE_CODE = "dor_refused"


class PurchaseForm(QWidget):
    committed = Signal(object)  # CommittedEntry
    message = Signal(str)  # a calm line for the status bar
    draft_saved = Signal()

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.state = FormState(started_at=_now_text())
        self.generation = 0
        self.save_attempted = False
        self.touched: set[str] = set()
        self.problems: list[FieldError] = []
        #: The DOR's complaints about an entry being corrected, shown until the field is edited.
        self.remote_problems: list[FieldError] = []
        self.saving = False
        self.last_saved: CommittedEntry | None = None
        self.draft_writer = DraftWriter(services, lambda: (self.state, self.generation), self)
        self.draft_writer.written.connect(self.draft_saved)
        self.draft_writer.failed.connect(self.message)
        self.draft_offer = DraftOffer(services, self)
        self.draft_offer.restore_requested.connect(self.restore_offered_draft)
        self.boxes: dict[str, FieldBox] = {}
        self.scan_panel = ScanPanel(services)
        self.scan_panel.document_read.connect(self._document_read)
        self.scan_panel.message.connect(self.message)
        self.item_list = ItemList(services)
        self.item_list.edited.connect(self._item_edited)
        self.item_list.changed.connect(self._changed)
        self.item_list.removed.connect(self._item_removed)
        self.item_list.editors_changed.connect(self._apply_tab_order)
        self.item_list.message.connect(self.message)
        self.receipts = ReceiptActions(services, self)
        self.receipts.done.connect(self.message)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATE_DELAY_MS)
        self._validate_timer.timeout.connect(self.validate_now)
        self._build()
        self._shortcuts()
        self.setAcceptDrops(True)
        self._load_state(self.state)

    # -- building --------------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.addWidget(self.draft_offer.bar)
        outer.addWidget(self._saved_bar())
        outer.addWidget(self._correction_bar())
        content = QWidget()
        columns = QHBoxLayout(content)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._seller_group())
        left.addWidget(self._document_group())
        left.addStretch(1)
        right.addWidget(self.item_list)
        right.addWidget(self._terms_group())
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(content)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.scroll_area, 1)
        outer.addWidget(self._bottom_bar())

    def _saved_bar(self) -> QWidget:
        self.saved_bar, row, self.saved_text = notice_bar("savedBar")
        self.saved_text.setObjectName("savedText")
        self.print_button = QPushButton(self.tr("Print receipt (Ctrl+P)"))
        self.print_button.clicked.connect(self.print_receipt)
        self.pdf_button = QPushButton(self.tr("Save receipt as PDF (Ctrl+Shift+P)"))
        self.pdf_button.clicked.connect(self.save_receipt_pdf)
        row.addWidget(self.print_button)
        row.addWidget(self.pdf_button)
        return self.saved_bar

    def _correction_bar(self) -> QWidget:
        self.correction_bar, row, self.correction_text = notice_bar("correctionBar")
        self.reason_box = FieldBox("correction_reason", line_edit(self.tr("why the entry is corrected")))
        self.reason_box.edited.connect(self._reason_edited)
        row.addWidget(QLabel(self.tr("Reason (required):")))
        row.addWidget(self.reason_box, 2)
        cancel = QPushButton(self.tr("Cancel correction"))
        cancel.clicked.connect(self.cancel_correction)
        row.addWidget(cancel)
        return self.correction_bar

    def _add_box(self, form: QFormLayout, path: str, caption: str, editor) -> FieldBox:
        box = FieldBox(path, editor)
        box.edited.connect(self._field_edited)
        if hasattr(editor, "returnPressed"):
            move_on_enter(editor)
        self.boxes[path] = box
        form.addRow(caption, box)
        return box

    def _seller_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Seller"))
        layout = QVBoxLayout(group)
        layout.addWidget(self.scan_panel)
        form = QFormLayout()
        captions = [
            self.tr("Family name"),
            self.tr("Given names"),
            self.tr("Date of birth"),
            self.tr("Street"),
            self.tr("House number"),
            self.tr("Postcode"),
            self.tr("City"),
            self.tr("Country"),
        ]
        for path, caption in zip(SELLER_PATHS, captions, strict=True):
            placeholder = self.tr("dd-mm-yyyy") if path.endswith("date_of_birth") else ""
            self._add_box(form, path, caption, line_edit(placeholder))
        layout.addLayout(form)
        return group

    def _document_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("ID document"))
        form = QFormLayout(group)
        types = [("", self.tr("Choose a document type"))]
        types += [(t.value, label(DOCUMENT_TYPES, t)) for t in IdDocumentType]
        self._add_box(form, "id_document.type", self.tr("Type"), combo(types))
        self._add_box(form, "id_document.number", self.tr("Document number"), line_edit())
        self._add_box(form, "id_document.issuing_country", self.tr("Issuing country"), line_edit("NLD"))
        self._add_box(
            form, "id_document.expiry_date", self.tr("Valid until"), line_edit(self.tr("dd-mm-yyyy"))
        )
        return group

    def _terms_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Terms"))
        form = QFormLayout(group)
        kinds = [(a.value, label(ACQUISITION_TYPES, a)) for a in AcquisitionType]
        self._add_box(form, "acquisition_type", self.tr("Kind"), combo(kinds))
        methods = [(m.value, label(PAYMENT_METHODS, m)) for m in PaymentMethod]
        self._add_box(form, "payment_method", self.tr("Payment"), combo(methods))
        self.total_label = QLabel()
        self.total_label.setObjectName("total")
        form.addRow(self.tr("Total"), self.total_label)
        return group

    def _bottom_bar(self) -> QWidget:
        bar = QWidget()
        row = QHBoxLayout(bar)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        row.addWidget(self.summary, 1)
        self.accept_box = QCheckBox(self.tr("Accept the warnings shown (Alt+W)"))
        self.accept_box.setShortcut(QKeySequence("Alt+W"))
        self.accept_box.toggled.connect(self._accept_warnings)
        self.accept_box.hide()
        row.addWidget(self.accept_box)
        self.clear_button = QPushButton(self.tr("Empty form"))
        self.clear_button.clicked.connect(self.clear_form)
        row.addWidget(self.clear_button)
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.clicked.connect(self.save)
        row.addWidget(self.save_button)
        return bar

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            ("Ctrl+S", self.save),
            ("Ctrl+O", self.scan_panel.scan_from_file),
            ("Ctrl+Shift+O", self.scan_panel.scan_from_camera),
            ("Ctrl+K", self.check_focused_item),
            ("Ctrl+Shift+A", self.add_item),
            ("Ctrl+P", self.print_receipt),
            ("Ctrl+Shift+P", self.save_receipt_pdf),
            ("Ctrl+Shift+R", self.restore_offered_draft),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # -- parts ---------------------------------------------------------------------------------

    @property
    def items(self) -> list[ItemEditor]:
        """The item editors, in order (tests and the screenshots fill them)."""
        return self.item_list.editors

    @property
    def camera_button(self) -> QPushButton:
        return self.scan_panel.camera_button

    @property
    def masked_view(self) -> QLabel:
        return self.scan_panel.masked_view

    def add_item(self) -> None:
        self.item_list.add_item()

    def check_item(self, index: int) -> None:
        self.item_list.check_item(index)

    def check_focused_item(self) -> None:
        self.item_list.check_focused_item(self.focusWidget())

    def scan(self, source: Path | bytes) -> None:
        """Read an ID image (a file from the scan folder, a drop, the camera) into the form."""
        self.scan_panel.scan(source)

    def scan_from_file(self) -> None:
        self.scan_panel.scan_from_file()

    def _apply_tab_order(self) -> None:
        """Seller, document, then per item the category first, then terms and Save."""
        chain: list[QWidget] = [self.boxes[p].editor for p in SELLER_PATHS + DOCUMENT_PATHS]
        chain += self.item_list.tab_chain()
        chain += [self.boxes["acquisition_type"].editor]
        chain += [self.boxes["payment_method"].editor, self.accept_box, self.save_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state <-> widgets -----------------------------------------------------------------------

    def _load_state(self, state: FormState) -> None:
        self.state = state
        for path, box in self.boxes.items():
            box.set_value(state.get(path))
            box.set_source(state.from_document.get(path), state.scan_notes.get(path, ""))
        self.item_list.load(state.items)
        self.reason_box.set_value(state.correction_reason)
        self._show_correction()
        self._update_total()
        self.validate_now()

    def _field_edited(self, path: str, value: str) -> None:
        self.state.values[path] = value
        self.state.from_document.pop(path, None)
        self.state.scan_notes.pop(path, None)
        self.touched.add(path)
        self._changed()

    def _item_edited(self, index: int, key: str, value: str) -> None:
        self.touched.add(f"items[{index}].{key}")
        if key == "price":
            self._update_total()
        self._changed()

    def _item_removed(self, _index: int) -> None:
        self.touched = {p for p in self.touched if not p.startswith("items[")}  # the indexes moved
        self._changed()

    def _reason_edited(self, _path: str, value: str) -> None:
        self.state.correction_reason = value
        self._changed()

    def _changed(self) -> None:
        self.saved_bar.hide()
        self._validate_timer.start()
        self.write_draft()

    def _update_total(self) -> None:
        total = Decimal("0")
        for item in self.state.items:
            try:
                total += parse_amount(item.get("price", "")) if item.get("price", "").strip() else 0
            except ValueError:
                continue
        self.total_label.setText(format_eur(total))

    # -- drafts ----------------------------------------------------------------------------------

    def write_draft(self) -> None:
        """Keep the form on disk (after every change; coalesced by the writer)."""
        self.draft_writer.write()

    def offer_drafts(self, drafts: list[Draft]) -> None:
        """At start: offer back the purchases that were not saved when the program stopped."""
        self.draft_offer.offer(drafts)

    def restore_offered_draft(self) -> None:
        draft = self.draft_offer.take()
        if draft is None:
            return
        if not self.state.is_blank():  # what was typed meanwhile is offered in its turn, not lost
            Op(self.services.lanes.files, self.services.drafts.keep_aside, self.state.to_json()).on_success(
                self.draft_offer.add
            ).start(self)
        self._load_state(FormState.from_json(draft.data))
        self.touched = set(self.state.values) | {
            f"items[{i}].{k}" for i, item in enumerate(self.state.items) for k in item
        }
        self.validate_now()
        self.write_draft()
        self.message.emit(self.tr("The unsaved purchase was restored"))
        self.focus_first_field()

    # -- validation ------------------------------------------------------------------------------

    def _acquired_at(self) -> datetime:
        if self.state.acquired_at:
            return datetime.fromisoformat(self.state.acquired_at)
        return self.services.clock()

    def current_problems(self) -> list[FieldError]:
        purchase, unreadable = build_purchase(self.state, self._acquired_at())
        unreadable_paths = {p.path for p in unreadable}
        checked = register.check(self.services.context, purchase)
        remote = [p for p in self.remote_problems if not self._edited_since(p.path)]
        return unreadable + [p for p in checked if p.path not in unreadable_paths] + remote

    def _edited_since(self, path: str) -> bool:
        """True when the clerk changed the field (or a field inside the part) a DOR complaint names."""
        target = self._target_path(path)
        return any(t in (path, target) or t.startswith(path + ".") for t in self.touched)

    def _visible(self, problem: FieldError) -> bool:
        return self.save_attempted or problem.code not in QUIET_CODES or problem.path in self.touched

    def validate_now(self) -> None:
        self._validate_timer.stop()
        self.problems = [p for p in self.current_problems() if self._visible(p)]
        by_path: dict[str, list[FieldError]] = {}
        for problem in self.problems:
            by_path.setdefault(self._target_path(problem.path), []).append(problem)
        accepted = self.state.accepted_warnings
        for path, box in self._all_boxes().items():
            box.show_problems(by_path.pop(path, []), accepted)
        self.item_list.show_problems(_texts(by_path.pop("items", [])))
        self._show_summary(list(by_path.values()))

    def _target_path(self, path: str) -> str:
        if path == "id_document":
            return "id_document.number"
        if path.endswith(".photo_sha256"):
            return path.replace(".photo_sha256", ".description")
        return path

    def _all_boxes(self) -> dict[str, FieldBox]:
        boxes = {**self.boxes, **self.item_list.boxes()}
        boxes["correction_reason"] = self.reason_box
        return boxes

    def _warnings(self) -> list[FieldError]:
        return [p for p in self.problems if p.severity == "warning"]

    def blocking_problems(self) -> list[FieldError]:
        accepted = self.state.accepted_warnings
        return [
            p
            for p in self.problems
            if p.code != REMOTE_CODE and (p.severity == "error" or (p.code, p.path) not in accepted)
        ]

    def _show_summary(self, elsewhere: list[list[FieldError]]) -> None:
        warnings = self._warnings()
        self.accept_box.blockSignals(True)
        self.accept_box.setChecked(
            bool(warnings) and all((w.code, w.path) in self.state.accepted_warnings for w in warnings)
        )
        self.accept_box.blockSignals(False)
        self.accept_box.setVisible(bool(warnings))
        errors = [p for p in self.problems if p.severity == "error"]
        lines = _texts([p for group in elsewhere for p in group])
        if errors or warnings:
            text = self.tr("Errors: %1, warnings: %2. See the marked fields.")
            lines.insert(0, text.replace("%1", str(len(errors))).replace("%2", str(len(warnings))))
        self.summary.setText("\n".join(lines))
        self.summary.setProperty("severity", "error" if errors else ("warning" if warnings else ""))
        restyle(self.summary)

    def _accept_warnings(self, checked: bool) -> None:
        pairs = {(w.code, w.path) for w in self._warnings()}
        if checked:
            self.state.accepted_warnings |= pairs
        else:
            self.state.accepted_warnings -= pairs
        self.validate_now()
        self.write_draft()

    # -- saving ----------------------------------------------------------------------------------

    def save(self) -> None:
        if self.saving:
            return
        self.save_attempted = True
        self.validate_now()
        blocking = self.blocking_problems()
        if self.state.correction_of and not self.state.correction_reason.strip():
            blocking.append(FieldError("correction_reason", "required", "a reason is required"))
            self.reason_box.show_problems([blocking[-1]])
        if blocking:
            self._focus_problem(blocking[0])
            self.message.emit(self.tr("Not saved yet: fix the marked fields first"))
            return
        current = {(w.code, w.path) for w in self._warnings()}
        self.state.accepted_warnings &= current
        purchase, _ = build_purchase(self.state, self._acquired_at())
        self._set_saving(True)
        Op(
            self.services.lanes.db,
            purchase_session.commit,
            self.services.context,
            self.services.drafts,
            purchase,
            self.state.to_json(),
            self.generation,
            correction_of=self.state.correction_of,
            reason=self.state.correction_reason.strip(),
            masked_png=self.scan_panel.masked_png,
        ).on_success(self._saved).on_failure(self._save_failed).start(self)

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self.scroll_area.setEnabled(not saving)
        self.save_button.setEnabled(not saving)
        if saving:
            self.summary.setText(self.tr("Saving..."))

    def _saved(self, entry: CommittedEntry) -> None:
        self._set_saving(False)
        self.last_saved = entry
        self._start_new_form()
        text = self.tr("Saved in the register as %1.").replace("%1", entry.register_number)
        self.saved_text.setText(text)
        self.saved_bar.show()
        self.message.emit(text)
        self.committed.emit(entry)
        if self.services.sync is not None:
            self.services.sync.nudge()
        self.focus_first_field()

    def _save_failed(self, error: BaseException) -> None:
        self._set_saving(False)
        if isinstance(error, ValidationFailed):
            self.problems = error.problems
            self.validate_now()
            text = self.tr("Not saved: the register refused the entry; see the marked fields")
        elif isinstance(error, UserError):
            text = self.tr("Not saved: %1").replace("%1", str(error))
        else:
            text = self.tr("Not saved because of an unexpected error (%1); the form is kept").replace(
                "%1", type(error).__name__
            )
        self.summary.setText(text)
        self.message.emit(text)

    def _start_new_form(self) -> None:
        self.generation += 1
        self.remote_problems = []
        self.save_attempted = False
        self.touched = set()
        self.scan_panel.clear()
        self._load_state(FormState(started_at=_now_text()))

    def clear_form(self) -> None:
        self._start_new_form()
        self.write_draft()
        self.focus_first_field()

    # -- corrections -----------------------------------------------------------------------------

    def start_correction(
        self, register_number: str, state: FormState, remote: list[tuple[str, str]] | None = None
    ) -> None:
        """Open a register entry in the form; saving commits a correction that points at it.

        ``remote`` holds the DOR's complaints (field path, message) when the entry was refused;
        they show next to their fields until the clerk changes those fields.
        """
        state.correction_of = register_number
        self.remote_problems = [FieldError(path, REMOTE_CODE, text) for path, text in remote or []]
        self.generation += 1
        self.save_attempted = True
        self.touched = set()
        self._load_state(state)
        self.write_draft()
        self.reason_box.editor.setFocus()

    def cancel_correction(self) -> None:
        self.clear_form()

    def _show_correction(self) -> None:
        number = self.state.correction_of
        if number:
            self.correction_text.setText(self.tr("Correcting %1.").replace("%1", number))
        self.correction_bar.setVisible(bool(number))

    # -- receipts --------------------------------------------------------------------------------

    def print_receipt(self) -> None:
        if self.last_saved is not None:
            self.receipts.print(self.last_saved.register_number)

    def save_receipt_pdf(self) -> None:
        if self.last_saved is not None:
            self.receipts.save_pdf(self.last_saved.register_number)

    # -- scanning ------------------------------------------------------------------------------

    def _document_read(self, result: ScanResult) -> None:
        """Fill the fields the scan read, each marked as read from the document or, with the
        reader's doubt under it, to be checked against the document."""
        for filled in filled_fields(result):
            box = self.boxes[filled.path]
            box.set_value(filled.value)
            box.set_source(filled.source, filled.note)
            self.state.values[filled.path] = filled.value
            self.state.from_document[filled.path] = filled.source
            self.state.scan_notes[filled.path] = filled.note
            self.touched.add(filled.path)
        self._changed()
        self.validate_now()
        self.boxes["seller.address.street"].editor.setFocus()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        if dropped_scan_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        self.scan_panel.scan_dropped(event)

    # -- focus -----------------------------------------------------------------------------------

    def focus_first_field(self) -> None:
        self.boxes["seller.family_name"].editor.setFocus()

    def _focus_problem(self, problem: FieldError) -> None:
        box = self._all_boxes().get(self._target_path(problem.path))
        if box is not None:
            box.editor.setFocus()
            self.scroll_area.ensureWidgetVisible(box)


def _texts(problems: list[FieldError]) -> list[str]:
    from dor_desktop.ui.vocabulary import problem_text

    return [problem_text(p) for p in problems]


def _now_text() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
