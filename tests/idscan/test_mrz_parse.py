"""MRZ parsing and validation on text: ICAO 9303 specimens, Dutch specimens, every layout."""

from __future__ import annotations

from datetime import date

import pytest

from dor_desktop.domain.enums import IdDocumentType
from dor_desktop.idscan.mrz_parse import (
    MrzFormatError,
    check_digit,
    parse_mrz_text,
    repair_dutch_number,
)

TODAY = date(2026, 1, 1)

# ICAO Doc 9303 part 4-6 specimens (Utopia).
ICAO_TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"
ICAO_TD1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<"
ICAO_TD2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6"
# The public Dutch specimen holder (pre-2021 style: BSN 999999990 in the MRZ).
NL_PASSPORT = "P<NLDDE<BRUIJN<<WILLEKE<LISELOTTE<<<<<<<<<<<\nSPECI20142NLD6503101F2403096999999990<<<<<84"
NL_ID_CARD = "I<NLDSPECI20212999999990<<<<<<\n6503101F3108022NLD<<<<<<<<<<<2\nDE<BRUIJN<<WILLEKE<LISELOTTE<<"
NL_DRIVING_LICENCE = "D1NLD15012345678SYNTHETIC00003"


def test_check_digit_follows_icao_examples() -> None:
    assert check_digit("L898902C3") == "6"
    assert check_digit("740812") == "2"
    assert check_digit("ZE184226B<<<<<") == "1"


def test_icao_td3_passport() -> None:
    result = parse_mrz_text(ICAO_TD3, today=TODAY)
    assert not result.problems, result.problems
    assert (result.mrz_format, result.document_type) == ("TD3", IdDocumentType.PASSPORT)
    assert result.document_number.value == "L898902C3" and result.document_number.trusted
    assert (result.family_name.value, result.given_names.value) == ("ERIKSSON", "ANNA MARIA")
    assert result.date_of_birth.value == "1974-08-12" and result.date_of_birth.trusted
    assert result.expiry_date.value == "2012-04-15"
    assert result.expired is True
    assert (result.sex.value, result.nationality.value, result.issuing_country.value) == ("F", "UTO", "UTO")
    assert not result.family_name.covered and result.family_name.check_ok is None
    assert result.composite_check_ok is True


def test_icao_td1_card() -> None:
    result = parse_mrz_text(ICAO_TD1, today=TODAY)
    assert not result.problems, result.problems
    assert (result.mrz_format, result.document_type) == ("TD1", IdDocumentType.ID_CARD)
    assert result.document_number.value == "D23145890"
    assert result.given_names.value == "ANNA MARIA"


def test_icao_td2_card() -> None:
    result = parse_mrz_text(ICAO_TD2, today=TODAY)
    assert not result.problems, result.problems
    assert result.mrz_format == "TD2"
    assert result.document_number.value == "D23145890"
    assert result.expires_on == date(2012, 4, 15)


def test_dutch_specimen_passport_keeps_no_bsn() -> None:
    result = parse_mrz_text(NL_PASSPORT, today=TODAY)
    assert not result.problems, result.problems
    assert result.document_number.value == "SPECI2014"
    assert (result.family_name.value, result.given_names.value) == ("DE BRUIJN", "WILLEKE LISELOTTE")
    assert result.date_of_birth.value == "1965-03-10"
    assert "999999990" not in repr(result) and "999999990" not in str(result.as_dict())


def test_dutch_specimen_id_card_keeps_no_bsn() -> None:
    result = parse_mrz_text(NL_ID_CARD, today=TODAY)
    assert not result.problems, result.problems
    assert result.document_type == IdDocumentType.ID_CARD
    assert result.expired is False
    assert "999999990" not in repr(result)


def test_bsn_field_is_still_verified_before_it_is_dropped() -> None:
    tampered = NL_PASSPORT.replace("999999990<<<<<8", "999999991<<<<<8")
    result = parse_mrz_text(tampered, today=TODAY)
    assert "personal number: check digit failed" in result.problems
    assert "999999991" not in " ".join(result.problems)


def test_dutch_driving_licence_line() -> None:
    result = parse_mrz_text(NL_DRIVING_LICENCE, today=TODAY)
    assert not result.problems, result.problems
    assert result.document_type == IdDocumentType.DRIVING_LICENCE
    assert result.document_number.value == "5012345678" and result.document_number.trusted
    assert result.family_name.value == ""  # the licence code holds no name: the clerk types it


def test_driving_licence_with_a_misread_fails_its_check() -> None:
    result = parse_mrz_text(NL_DRIVING_LICENCE.replace("501", "581"), today=TODAY)
    assert not result.ok
    assert result.document_number.check_ok is False


def test_residence_document_code_maps_to_residence_type() -> None:
    lines = NL_ID_CARD.replace("I<NLD", "IRNLD").splitlines()
    lines[1] = lines[1][:29] + check_digit(lines[0][5:30] + lines[1][0:7] + lines[1][8:15] + lines[1][18:29])
    result = parse_mrz_text("\n".join(lines), today=TODAY)
    assert result.document_type == IdDocumentType.RESIDENCE_DOCUMENT


def test_td1_long_document_number_continues_in_optional_data() -> None:
    number = "D23145890734"
    line1 = f"I<UTO{number[:9]}<{number[9:]}{check_digit(number)}".ljust(30, "<")
    line2 = "7408122F1204159UTO<<<<<<<<<<<"
    line2 += check_digit(line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29])
    result = parse_mrz_text("\n".join([line1, line2, "ERIKSSON<<ANNA<MARIA<<<<<<<<<<"]), today=TODAY)
    assert result.document_number.value == number
    assert not result.problems, result.problems


def test_misread_check_digit_is_reported_not_hidden() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("7408122F", "7408123F"), today=TODAY)
    assert not result.ok
    assert result.date_of_birth.check_ok is False
    assert any("date of birth" in problem for problem in result.problems)


def test_fields_without_check_digit_are_checked_for_plausibility() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("P<UTO", "P<UTQ").replace("6UTO7", "6QQQ7"), today=TODAY)
    assert any("issuing country" in p for p in result.problems)
    assert any("nationality" in p for p in result.problems)


def test_stray_characters_in_the_name_filler_are_a_problem() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("MARIA<<<<<<<", "MARIA<<<K<<<"), today=TODAY)
    assert "name: could not be read cleanly" in result.problems


def test_digits_misread_as_letters_in_numeric_fields_are_corrected() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("7408122F12O4159", "74O8122F12O4159"), today=TODAY)
    assert not result.problems, result.problems
    assert result.date_of_birth.value == "1974-08-12"


def test_a_filler_too_few_in_a_data_line_is_restored() -> None:
    line1, line2 = ICAO_TD3.splitlines()
    result = parse_mrz_text(line1 + "\n" + line2.replace("B<<<<<1", "B<<<<1"), today=TODAY)
    assert not result.problems, result.problems
    assert result.document_number.value == "L898902C3"


def test_dutch_number_repair_takes_one_o_to_zero_swap() -> None:
    assert repair_dutch_number("SPECI2O14", "2") == "SPECI2014"


def test_dutch_number_repair_refuses_two_swaps() -> None:
    assert repair_dutch_number("SPECI2OO4", check_digit("SPECI2004")) == "SPECI2OO4"


def test_dutch_passport_with_o_in_its_number_is_repaired_and_passes() -> None:
    result = parse_mrz_text(NL_PASSPORT.replace("SPECI20142", "SPECI2O142"), today=TODAY)
    assert not result.problems, result.problems
    assert result.document_number.value == "SPECI2014"


def test_birth_and_expiry_centuries() -> None:
    lines = ICAO_TD3.replace("7408122F1204159", "1001011F3001012").splitlines()
    lines[1] = lines[1][:43] + check_digit(lines[1][0:10] + lines[1][13:20] + lines[1][21:43])
    result = parse_mrz_text("\n".join(lines), today=TODAY)
    assert result.date_of_birth.value == "2010-01-01"
    assert result.expiry_date.value == "2030-01-01"
    assert result.expired is False


def test_text_without_mrz_raises() -> None:
    with pytest.raises(MrzFormatError):
        parse_mrz_text("NAAM DE BRUIJN\nGEBOORTEDATUM 10 03 1965", today=TODAY)


def test_noise_lines_around_the_mrz_are_ignored() -> None:
    result = parse_mrz_text("PASPOORT PASSPORT NEDERLAND KONINKRIJK DER\n" + ICAO_TD3 + "\n", today=TODAY)
    assert not result.problems
    assert result.mrz_format == "TD3"


def test_six_read_as_o_in_a_date_is_settled_by_its_check_digit() -> None:
    result = parse_mrz_text(NL_PASSPORT.replace("6503101F", "O503101F"), today=TODAY)
    assert not result.problems, result.problems
    assert result.date_of_birth.value == "1965-03-10"


def test_ambiguous_letters_in_a_date_are_not_guessed() -> None:
    # "O" may be 0 or 6 and "S" 5 or 8: with three such letters no reading is trusted.
    result = parse_mrz_text(NL_PASSPORT.replace("6503101F", "OSO3101F"), today=TODAY)
    assert not result.ok
    assert result.date_of_birth.check_ok is False


def test_driving_licence_digit_misread_as_letter_is_settled_by_the_check() -> None:
    result = parse_mrz_text(NL_DRIVING_LICENCE.replace("50123", "5O123"), today=TODAY)
    assert not result.problems, result.problems
    assert result.document_number.value == "5012345678"


def test_a_zero_read_in_a_name_is_the_letter_o() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("ERIKSSON", "ERIKSS0N"), today=TODAY)
    assert not result.problems, result.problems
    assert result.family_name.value == "ERIKSSON"


def test_a_digit_with_no_letter_look_alike_in_a_name_is_a_problem() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("ERIKSSON", "ERIK7SON"), today=TODAY)
    assert "name: could not be read cleanly" in result.problems


# ICAO Doc 9303 part 7 visa specimens: no personal number and no composite check digit.
ICAO_MRV_A = "VIUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<"
ICAO_MRV_B = "VIUTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<"


@pytest.mark.parametrize(("text", "layout"), [(ICAO_MRV_A, "MRVA"), (ICAO_MRV_B, "MRVB")])
def test_visas_are_parsed_as_visas_without_personal_number_or_composite_checks(
    text: str, layout: str
) -> None:
    result = parse_mrz_text(text, today=TODAY)
    assert not result.problems, result.problems
    assert (result.mrz_format, result.document_code, result.composite_check_ok) == (layout, "VI", None)
    assert result.document_number.value == "L8988901C" and result.document_number.check_ok
    assert (result.family_name.value, result.given_names.value) == ("ERIKSSON", "ANNA MARIA")
    assert result.date_of_birth.value == "1940-09-07" and result.expiry_date.value == "1996-12-10"


def test_a_parse_alone_confirms_only_check_digit_protected_dates() -> None:
    """Names and codes need the image (the reader's guards); text cannot vouch for them."""
    result = parse_mrz_text(ICAO_TD3, today=TODAY)
    assert result.date_of_birth.confirmed and result.expiry_date.confirmed
    assert set(result.fields_to_check) == {
        "issuing_country",
        "document_number",
        "family_name",
        "given_names",
        "sex",
        "nationality",
    }
    assert not result.ok


def test_a_failed_check_digit_marks_its_field_with_the_reason() -> None:
    result = parse_mrz_text(ICAO_TD3.replace("7408122F", "7408123F"), today=TODAY)
    assert result.date_of_birth.to_check and "check digit failed" in result.date_of_birth.doubt


def test_a_driving_licence_has_no_name_fields_to_check() -> None:
    result = parse_mrz_text(NL_DRIVING_LICENCE, today=TODAY)
    assert result.family_name.status == "absent" and result.expiry_date.status == "absent"
    assert set(result.fields_to_check) == {"issuing_country", "document_number"}
