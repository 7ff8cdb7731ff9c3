"""The new-purchase form: problems next to their fields, keyboard-only entry, saving off the GUI thread."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from dor_desktop.storage.models import RegisterEntry
from dor_desktop.ui.form_state import build_purchase
from dor_desktop.ui.vocabulary import PROBLEMS, translated
from tests.ui.conftest import CLEAN_IMEI, fill_item, fill_seller, type_into


def problem(code: str) -> str:
    return translated("Problems", PROBLEMS[code])


def test_rule_warnings_show_next_to_their_fields_all_at_once(window_factory, qtbot):
    window = window_factory()
    form = window.form
    fill_seller(form)
    type_into(form.boxes["id_document.expiry_date"], "01-01-2020")  # expired
    fill_item(form, 0, category="phone", imei="490154203237519", description="zwart", price="50")
    form.add_item()
    fill_item(form, 1, category="gold", weight_grams="12,4", fineness="585", description="ring", price="300")
    form.validate_now()

    assert problem("id_expired") in form.boxes["id_document.expiry_date"].problem_text
    assert problem("invalid_check_digit") in form.items[0].fields["imei"].problem_text
    assert problem("photo_or_number_missing") in form.items[1].fields["description"].problem_text
    # The photo rule is a warning: it can be accepted, the errors cannot.
    assert not form.accept_box.isHidden()


def test_cash_metal_without_id_is_flagged_at_the_document(window_factory):
    window = window_factory()
    form = window.form
    fill_seller(form, document=False)
    fill_item(
        form,
        0,
        category="gold",
        weight_grams="3",
        fineness="750",
        hallmark="750",
        description="ring",
        price="90",
    )
    form.validate_now()
    assert "contant" in form.boxes["id_document.number"].problem_text.lower()


def test_required_fields_stay_quiet_until_save_is_tried(window_factory, qtbot):
    form = window_factory().form
    form.validate_now()
    assert form.boxes["seller.family_name"].problem_text == ""
    QTest.keyClick(form.boxes["seller.family_name"].editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert form.boxes["seller.family_name"].problem_text == problem("required")
    assert QApplication.focusWidget() is form.boxes["seller.family_name"].editor
    assert form.last_saved is None


def test_imei_check_digit_is_judged_while_typing(window_factory):
    form = window_factory().form
    type_into(form.items[0].fields["category"], "phone")
    imei = form.items[0].fields["imei"]
    QTest.keyClicks(imei.editor, CLEAN_IMEI[:10])
    assert "10" in imei.hint.text()
    QTest.keyClicks(imei.editor, CLEAN_IMEI[10:])
    assert not imei.hint.isHidden() and imei.hint.text()
    form.validate_now()
    assert imei.problem_text == ""


def test_category_decides_which_fields_are_shown(window_factory):
    form = window_factory().form
    fields = form.items[0].fields
    type_into(fields["category"], "phone")
    assert not fields["imei"].isHidden() and fields["weight_grams"].isHidden()
    type_into(fields["category"], "gold")
    assert fields["imei"].isHidden() and not fields["weight_grams"].isHidden()
    type_into(fields["category"], "bicycle")
    assert not fields["frame_number"].isHidden() and fields["fineness"].isHidden()


def test_barcode_scanner_enter_moves_on_instead_of_saving(window_factory, qtbot):
    form = window_factory().form
    type_into(form.items[0].fields["category"], "laptop")
    serial = form.items[0].fields["serial_number"].editor
    serial.setFocus()
    QTest.keyClicks(serial, "SN-ABC-123")
    QTest.keyClick(serial, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is not serial
    assert form.last_saved is None and not form.saving


def test_save_commits_off_the_gui_thread_and_shows_the_number(window_factory, qtbot):
    window = window_factory()
    form = window.form
    fill_seller(form)
    fill_item(form, 0, category="phone", brand="Fairphone", imei=CLEAN_IMEI, description="zwart", price="120")
    with qtbot.waitSignal(form.committed, timeout=10_000) as saved:
        QTest.keyClick(form.save_button, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    entry = saved.args[0]
    assert entry.register_number == "K1-000001"
    assert "K1-000001" in form.saved_text.text() and not form.saved_bar.isHidden()
    with window.services.context.db.read() as session:
        stored = session.scalars(select(RegisterEntry)).all()
    assert [e.register_number for e in stored] == ["K1-000001"]
    assert form.state.is_blank()  # a fresh form for the next seller
    qtbot.waitUntil(lambda: not window.services.drafts.path.exists(), timeout=5000)


def test_accepted_warning_is_kept_with_the_entry(window_factory, qtbot):
    window = window_factory()
    form = window.form
    fill_seller(form)
    fill_item(form, 0, category="jewellery", description="zilveren ketting", price="40")
    form.save()
    assert form.last_saved is None  # the photo warning blocks until accepted
    QTest.keyClick(form.accept_box, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(form.accept_box.isChecked, timeout=3000)  # a shortcut "clicks" with a short animation
    with qtbot.waitSignal(form.committed, timeout=10_000):
        form.save()
    with window.services.context.db.read() as session:
        payload = session.scalar(select(RegisterEntry.payload))
    assert "photo_or_number_missing" in payload


def test_keyboard_only_purchase(window_factory, qtbot):
    """From the first field to the register number without the mouse: type, Tab, Ctrl+S."""
    window = window_factory()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.boxes["seller.family_name"].editor)
    steps = [
        ("seller.family_name", "Jansen"),
        ("seller.given_names", "Pieter"),
        ("seller.date_of_birth", "01-04-1980"),
        ("seller.address.street", "Dorpsstraat"),
        ("seller.address.house_number", "12a"),
        ("seller.address.postcode", "3511 AB"),
        ("seller.address.city", "Utrecht"),
        ("seller.address.country", ""),
        ("id_document.type", "Pas"),  # combo box: typing selects "Paspoort"
        ("id_document.number", "NX12AB3C4"),
        ("id_document.issuing_country", "NLD"),
        ("id_document.expiry_date", "01-01-2099"),
        ("items[0].category", "Tel"),  # "Telefoon": the phone fields appear
        ("items[0].brand", "Fairphone"),
        ("items[0].model", "5"),
        ("items[0].imei", CLEAN_IMEI),
        ("items[0].serial_number", ""),
        ("items[0].description", "zwart"),
        ("items[0].quantity", ""),
        ("items[0].price", "120,00"),
    ]
    for name, text in steps:
        focused = QApplication.focusWidget()
        assert focused.objectName() == name, f"Tab reached {focused.objectName()!r}, expected {name!r}"
        if text:
            QTest.keyClicks(focused, text)
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    with qtbot.waitSignal(window.form.committed, timeout=10_000) as saved:
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].register_number == "K1-000001"
    assert window.form.state.is_blank()


def test_ctrl_k_checks_the_item_being_typed_in_else_the_first_with_a_number(window_factory):
    form = window_factory().form  # no DOR connection: the check says so on the item it chose
    form.add_item()
    fill_item(form, 1, category="phone", imei=CLEAN_IMEI)
    first, second = form.items

    def ctrl_k(widget) -> None:
        widget.setFocus()
        QTest.keyClick(widget, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)

    ctrl_k(first.fields["category"].editor)
    assert first.check_result.text() != "" and second.check_result.text() == ""

    first.check_result.clear()
    ctrl_k(form.boxes["seller.family_name"].editor)  # the goods were left: the first with a number
    assert first.check_result.text() == "" and second.check_result.text() != ""


def test_a_check_result_never_carries_over_to_the_next_customer(window_factory, qtbot):
    """Issue 13, finding 1: a stolen-goods (or "could not check") line stayed on the fresh form."""
    form = window_factory().form  # no DOR connection: the check says it could not check
    fill_seller(form)
    fill_item(form, 0, category="phone", brand="Apple", imei=CLEAN_IMEI, description="zwart", price="100")
    form.items[0].fields["imei"].editor.setFocus()
    QTest.keyClick(form.items[0].fields["imei"].editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert form.items[0].check_result.text() != ""

    with qtbot.waitSignal(form.committed, timeout=10_000):
        form.save()
    assert form.items[0].check_result.text() == ""  # the fresh form says nothing about any number
    fill_item(form, 0, category="bicycle")
    assert form.items[0].check_result.text() == ""
    assert form.items[0].check_result.toolTip() == ""


def test_a_check_result_survives_adding_an_item_but_not_a_category_change(window_factory):
    form = window_factory().form
    fill_item(form, 0, category="phone", imei=CLEAN_IMEI)
    form.items[0].fields["imei"].editor.setFocus()
    QTest.keyClick(form.items[0].fields["imei"].editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    said = form.items[0].check_result.text()
    assert said != ""

    form.add_item()  # the first item's number did not change: its result still holds
    assert form.items[0].check_result.text() == said

    fill_item(form, 0, category="bicycle")  # no frame number yet: the result was about another number
    assert form.items[0].check_result.text() == ""


def test_a_dutch_amount_with_a_thousands_separator_is_taken(window_factory):
    """Issue 13, finding 8: "1.250,00" was refused."""
    form = window_factory().form
    fill_seller(form)
    fill_item(form, 0, category="gold", weight_grams="40", fineness="585", hallmark="585",
              description="ketting", price="1.250,00")
    form.validate_now()
    assert form.items[0].fields["price"].problem_text == ""
    purchase, problems = build_purchase(form.state, datetime.now(UTC))
    assert problems == [] and purchase.items[0].price == Decimal("1250.00")
def test_a_spaced_bsn_or_a_control_character_is_refused_in_dutch_next_to_its_field(window_factory):
    form = window_factory().form
    fill_seller(form)
    type_into(form.boxes["seller.address.street"], "Dorpsstraat 999 999 990")
    city_editor = form.boxes["seller.address.city"].editor
    QApplication.clipboard().setText("Utrecht\u200b")  # how an invisible character arrives: pasted
    city_editor.selectAll()
    city_editor.paste()
    fill_item(
        form, 0, category="phone", imei=CLEAN_IMEI, serial_number="999-999-990", description="z", price="5"
    )
    form.validate_now()
    assert (
        form.boxes["seller.address.street"].problem_text
        == "Dit lijkt een burgerservicenummer (BSN): haal het weg"
    )
    city = form.boxes["seller.address.city"].problem_text
    assert city == "Bevat een onzichtbaar teken of stuurteken: typ het opnieuw"
    serial = form.items[0].fields["serial_number"].problem_text
    assert serial.startswith("Dit lijkt een burgerservicenummer (BSN): controleer")
