"""ID scanning into the form: file, drop, watched scanner folder; failed and doubtful reads; masking."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from dor_desktop.domain.enums import IdDocumentType
from dor_desktop.idscan import synthetic
from dor_desktop.idscan.guards import GLYPH_DOUBT, LOW_RESOLUTION, REASON_GLYPH, REASON_RESOLUTION
from dor_desktop.idscan.mrz_parse import CHECK_FAILED
from dor_desktop.idscan.result import CHECK, CONFIRMED, ScanField, ScanResult
from dor_desktop.idscan.trust import IMPLAUSIBLE_BIRTH
from dor_desktop.ui.form_state import format_day
from dor_desktop.ui.id_scan import MESSAGES, ScanOutcome, filled_fields, message
from tests.ui.conftest import CLEAN_IMEI, fill_item, type_into


def write_id(folder, name="id.jpg"):
    spec = synthetic.random_spec(random.Random(7), "TD3", today=date.today())
    path = folder / name
    path.write_bytes(synthetic.make_scan(spec, synthetic.Distortion(dpi=300), seed=1))
    return spec, path


def test_a_file_dropped_on_the_form_is_scanned(window_factory, qtbot, tmp_path):
    form = window_factory().form
    spec, path = write_id(tmp_path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    form.dropEvent(drop)
    qtbot.waitUntil(lambda: form.boxes["seller.family_name"].value() != "", timeout=30_000)
    assert form.boxes["seller.given_names"].value() == spec.given_names.title()
    assert form.boxes["id_document.type"].value() == "passport"
    assert form.scan_panel.scan_status.property("tone") == "ok"


def test_a_new_file_in_the_watched_scan_folder_is_scanned(window_factory, qtbot, tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    (folder / "old.jpg").write_bytes(b"there before the window opened: not scanned")
    window = window_factory(scan_folder=str(folder))
    qtbot.waitUntil(lambda: window.scan_folder._watcher.directories() != [], timeout=5000)
    spec, _path = write_id(folder, "scan-0001.jpg")
    form = window.form
    qtbot.waitUntil(lambda: form.boxes["seller.family_name"].value() != "", timeout=30_000)
    assert form.boxes["seller.family_name"].value() == spec.family_name.title()
    assert form.scan_panel.scan_status.property("tone") == "ok"  # the old file was never tried
    assert sorted(p.name for p in folder.iterdir()) == ["old.jpg"]  # the scan read was deleted


def test_a_scan_from_the_folder_is_deleted_and_only_its_masked_copy_kept(window_factory, qtbot, tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    window = window_factory(scan_folder=str(folder), keep_id_images=True)
    qtbot.waitUntil(lambda: window.scan_folder._watcher.directories() != [], timeout=5000)
    _spec, path = write_id(folder, "scan-0002.png")
    form = window.form
    qtbot.waitUntil(lambda: form.boxes["seller.family_name"].value() != "", timeout=30_000)
    assert not path.exists() and list(folder.iterdir()) == []
    assert form.scan_panel.masked_png is not None  # what the shop may keep
    assert window.message_label.text() == ""

    # The scanner reuses the name for the next seller: that is a new scan.
    form.clear_form()
    assert form.boxes["seller.family_name"].value() == ""
    spec, path = write_id(folder, "scan-0002.png")
    qtbot.waitUntil(lambda: form.boxes["seller.family_name"].value() != "", timeout=30_000)
    assert form.boxes["seller.family_name"].value() == spec.family_name.title()
    qtbot.waitUntil(lambda: not path.exists(), timeout=5000)


def test_a_failed_read_from_the_folder_deletes_the_scan_too(window_factory, qtbot, tmp_path):
    folder = tmp_path / "scans"
    folder.mkdir()
    window = window_factory(scan_folder=str(folder))
    qtbot.waitUntil(lambda: window.scan_folder._watcher.directories() != [], timeout=5000)
    Image.new("RGB", (800, 500), "white").save(folder / "blank.png")
    status = window.form.scan_panel.scan_status
    qtbot.waitUntil(lambda: status.property("tone") == "attention", timeout=30_000)
    assert list(folder.iterdir()) == []


def test_a_scan_that_cannot_be_deleted_is_read_and_the_clerk_told(
    window_factory, qtbot, tmp_path, monkeypatch
):
    # The tests run as root, whom no file mode stops: the refusal of the OS is simulated.
    folder = tmp_path / "scans"
    folder.mkdir()
    window = window_factory(scan_folder=str(folder))
    qtbot.waitUntil(lambda: window.scan_folder._watcher.directories() != [], timeout=5000)
    real_unlink = Path.unlink

    def refuse(self, missing_ok=False):
        if self.parent == folder:
            raise PermissionError(13, "Permission denied")
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", refuse)
    _spec, path = write_id(folder, "scan-0003.jpg")
    form = window.form
    qtbot.waitUntil(lambda: form.boxes["seller.family_name"].value() != "", timeout=30_000)
    assert path.exists()
    assert (
        window.message_label.text()
        == "De scan kon niet uit de scanmap worden verwijderd; verwijder hem zelf."
    )


def test_a_failed_read_says_why_and_leaves_the_form_editable(window_factory, qtbot, tmp_path):
    form = window_factory().form
    blank = tmp_path / "blank.png"
    Image.new("RGB", (800, 500), "white").save(blank)
    type_into(form.boxes["seller.family_name"], "Handmatig")
    form.scan(blank)
    qtbot.waitUntil(lambda: form.scan_panel.scan_status.property("tone") == "attention", timeout=30_000)
    assert form.scan_panel.scan_status.text() == message("no_mrz")
    assert form.boxes["seller.family_name"].value() == "Handmatig"
    assert form.boxes["seller.family_name"].editor.isEnabled()


def _result(number_ok: bool) -> ScanResult:
    """A TD1 read whose fields the reader all confirmed, but the document number when its check
    digit failed."""

    def field(value: str, covered: bool = False, ok: bool | None = None) -> ScanField:
        return ScanField(value, covered, ok if covered else None, CONFIRMED, "")

    number = field("SPECI2O21", True, number_ok)
    if not number_ok:
        number = replace(number, status=CHECK, doubt=CHECK_FAILED)
    return ScanResult(
        mrz_format="TD1",
        document_code="I",
        document_type=IdDocumentType.ID_CARD,
        issuing_country=field("NLD"),
        document_number=number,
        family_name=field("DE BRUIJN"),
        given_names=field("WILLEKE LISELOTTE"),
        date_of_birth=field("1965-03-10", True, True),
        sex=field("F"),
        nationality=field("NLD"),
        expiry_date=field("2031-08-02", True, True),
        expires_on=date(2031, 8, 2),
        expired=False,
        composite_check_ok=number_ok,
        problems=() if number_ok else ("document number: check digit failed",),
    )


def test_a_doubtful_read_marks_the_field_and_names_the_part(window_factory):
    form = window_factory().form
    form.scan_panel._scanned(ScanOutcome(_result(number_ok=False), None))
    number = form.boxes["id_document.number"]
    assert number.value() == "SPECI2O21" and number.editor.property("source") == "doubtful"
    assert number.note.text() == message("doubt_check_digit") and not number.note.isHidden()
    # Every other field the reader confirmed is marked as read from the document, without a note.
    for path in ("seller.family_name", "seller.date_of_birth", "id_document.expiry_date"):
        assert form.boxes[path].editor.property("source") == "document"
        assert form.boxes[path].note.isHidden()
    assert message("document_number") in form.scan_panel.scan_status.text()
    type_into(number, "SPECI2021")  # the clerk corrects it from the document
    assert number.editor.property("source") == "" and number.marker.isHidden()
    assert number.note.isHidden()
    assert "id_document.number" not in form.state.from_document
    assert "id_document.number" not in form.state.scan_notes


def test_each_field_the_reader_doubts_says_why_and_offers_the_other_reading(window_factory):
    """Issue 12: the scan's per-field doubt reaches the form, not just a line for the whole scan."""
    form = window_factory().form
    result = _result(number_ok=True)
    result = replace(
        result,
        family_name=replace(result.family_name, status=CHECK, doubt=REASON_RESOLUTION),
        given_names=replace(result.given_names, status=CHECK, doubt=REASON_GLYPH),
        date_of_birth=replace(
            result.date_of_birth,
            value="2011-01-01",
            status=CHECK,
            doubt="the holder would be 1 when the document expires",
            alternatives=("1911-01-01",),
        ),
        problems=(LOW_RESOLUTION, GLYPH_DOUBT, IMPLAUSIBLE_BIRTH),
    )
    form.scan_panel._scanned(ScanOutcome(result, None))
    paths = ("seller.family_name", "seller.given_names", "seller.date_of_birth")
    family, given, birth = (form.boxes[path] for path in paths)
    assert [box.editor.property("source") for box in (family, given, birth)] == ["doubtful"] * 3
    assert family.note.text() == message("doubt_small")
    assert given.note.text() == message("doubt_letters")
    assert birth.note.text().splitlines() == [
        message("doubt_century"),
        message("alternative").replace("%1", format_day("1911-01-01")),
    ]
    assert birth.marker.toolTip() == birth.note.text() and not birth.marker.isHidden()
    # A confirmed field of the same read stays "from document".
    assert form.boxes["id_document.number"].editor.property("source") == "document"
    text = form.scan_panel.scan_status.text()
    assert all(message(name) in text for name in ("family_name", "given_names", "date_of_birth"))
    assert message("document_number") not in text
    # The notes survive a restore (a draft or a crash).
    assert form.state.scan_notes["seller.date_of_birth"] == birth.note.text()


def test_the_ocr_model_is_warmed_up_when_the_window_opens(window_factory, qtbot):
    """Issue 12: the first scan must not pay for loading the model and rendering the glyphs."""
    form = window_factory().form
    qtbot.waitUntil(lambda: form.scan_panel.warmed_up, timeout=60_000)


def test_scan_fields_are_only_the_bsn_free_ones():
    paths = {f.path for f in filled_fields(_result(number_ok=True))}
    assert paths == {
        "seller.family_name",
        "seller.given_names",
        "seller.date_of_birth",
        "id_document.number",
        "id_document.issuing_country",
        "id_document.expiry_date",
        "id_document.type",
    }
    assert set(MESSAGES) >= {"no_mrz", "unreadable", "bad_image"}


def test_only_the_masked_copy_is_shown_and_kept(window_factory, qtbot, tmp_path):
    window = window_factory(keep_id_images=True)
    form = window.form
    _spec, path = write_id(tmp_path)
    form.scan(path)
    qtbot.waitUntil(lambda: not form.masked_view.isHidden(), timeout=60_000)
    for key, value in {
        "seller.address.street": "Dorpsstraat",
        "seller.address.house_number": "1",
        "seller.address.postcode": "3511 AB",
        "seller.address.city": "Utrecht",
    }.items():
        type_into(form.boxes[key], value)
    fill_item(form, 0, category="phone", imei=CLEAN_IMEI, description="zwart", price="80")
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        form.save()
    kept = window.services.paths.images / "id" / f"{saved.args[0].register_number}.png"
    qtbot.waitUntil(kept.exists, timeout=5000)
    original, masked = Image.open(path).convert("L"), Image.open(kept).convert("L")
    assert masked.size == original.size and masked.tobytes() != original.tobytes()
    files = [p for p in window.services.paths.home.rglob("*") if p.is_file() and p.suffix in (".jpg", ".png")]
    assert files == [kept]  # the unmasked image was never written into the data folder
