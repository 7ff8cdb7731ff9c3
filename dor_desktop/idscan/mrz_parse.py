"""Parse and validate MRZ text: ICAO 9303 TD1, TD2, TD3 and the Dutch driving licence's one-line code.

Why so careful: check digits cover only the document number and the dates, and the 7-3-1 scheme
cannot see some swaps (0/O, 8/B, 5/S...). So every field is cleaned by what its position may hold
(digits where only digits may stand), the fields without a check digit are checked against what
can exist (country codes, M/F/X, letters-only names), and anything doubtful becomes a problem the
clerk sees instead of a silently wrong value. The optional-data / personal-number fields, where
Dutch documents carried the BSN, are only used to verify check digits and never leave this module.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date

from dor_desktop.domain.enums import IdDocumentType
from dor_desktop.idscan.countries import is_known_code
from dor_desktop.idscan.result import ABSENT, CHECK, CONFIRMED, ScanField, ScanResult

MRZ_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789<")
_LETTER_TO_DIGIT = str.maketrans("OQDUILZSBGT", "00001125867")
_DIGIT_TO_LETTER = str.maketrans("012586", "OIZSBG")
_NAME_CHARS = re.compile(r"^[A-Z<]*$")


#: Why a field must be checked, as the text alone shows it (ScanField.doubt).
CHECK_FAILED = "its check digit failed"
UNKNOWN_CODE = "not a known country code"
NOT_READ = "could not be read"
NAME_UNCLEAN = "the name field holds characters a name cannot"
NOT_A_DATE = "not a valid date"
COMPOSITE_FAILED = "the overall check digit failed"
NOT_DUTCH_PATTERN = "does not fit the Dutch document number pattern"
NAME_FIELDS = ("family_name", "given_names")
DATE_FIELDS = ("date_of_birth", "expiry_date")


class MrzFormatError(ValueError):
    """The text holds no line set of a known MRZ layout."""


def char_value(char: str) -> int:
    if char == "<":
        return 0
    if char.isdigit():
        return int(char)
    return ord(char) - ord("A") + 10


def check_digit(text: str) -> str:
    """ICAO 9303 check digit: weights 7, 3, 1 repeating, sum modulo 10."""
    weights = (7, 3, 1)
    return str(sum(char_value(c) * weights[i % 3] for i, c in enumerate(text)) % 10)


def check_passes(text: str, digit: str) -> bool:
    """True when ``digit`` is the check digit of ``text``; an all-filler field may have "<" or "0"."""
    if digit == "<":
        return set(text) <= {"<"}
    return check_digit(text) == digit


def as_digits(text: str) -> str:
    """Read a numeric position: letters OCR confuses with digits become those digits."""
    return text.translate(_LETTER_TO_DIGIT)


#: Digits a letter read in a numeric position may really be (OCR-B shapes: 6 looks like G and O).
_DIGIT_READINGS = dict(O="06", Q="0", D="0", U="0", I="1", L="1", Z="2", S="58", B="86", G="60", T="7", A="4")
_MAX_AMBIGUOUS = 2


def digit_readings(text: str) -> list[str]:
    """Every all-digit reading of ``text`` when at most two letters stand in it, else the plain one."""
    readings = [""]
    if sum(c.isalpha() for c in text) > _MAX_AMBIGUOUS:
        return [as_digits(text)]
    for char in text:
        options = _DIGIT_READINGS.get(char, as_digits(char)) if char.isalpha() else char
        readings = [reading + option for reading in readings for option in options]
    return readings


def solve_digits(value: str, digit: str) -> tuple[str, str]:
    """Read a numeric field and its check digit, letting the check decide between ambiguous readings.

    Only letters that landed in digit-only positions are re-read, and only when exactly one reading
    passes; otherwise the plain reading stands and its check digit failure is reported.
    """
    passing = [(v, d) for v in digit_readings(value) for d in digit_readings(digit) if check_digit(v) == d]
    if len(passing) == 1:
        return passing[0]
    return as_digits(value), as_digits(digit)


def solve_line(line: str, fields: tuple[tuple[int, int], ...]) -> str:
    """Apply ``solve_digits`` to each (start, check digit position) field of a line."""
    for start, digit_index in fields:
        value, digit = solve_digits(line[start:digit_index], line[digit_index])
        line = line[:start] + value + digit + line[digit_index + 1 :]
    return line


def solve_composite(payload: str, digit: str) -> str:
    """The composite check digit, re-read like ``solve_digits`` when a letter stands in its place."""
    passing = [d for d in digit_readings(digit) if check_digit(payload) == d]
    return passing[0] if len(passing) == 1 else as_digits(digit)


def as_letters(text: str) -> str:
    """Read an alphabetic position (country codes, sex): digits confused with letters become letters."""
    return text.translate(_DIGIT_TO_LETTER)


def normalise_lines(text: str) -> list[str]:
    """Upper-case OCR output, drop spaces and foreign characters, keep lines long enough to be MRZ."""
    lines = []
    for raw in text.upper().splitlines():
        line = "".join(c for c in raw if c in MRZ_ALPHABET)
        if len(line) >= 25:
            lines.append(line)
    return lines


# --- fixing line lengths ------------------------------------------------------------------------


def trailing_fit(line: str, length: int) -> list[str]:
    """Fix a line whose end is filler: pad or trim trailing '<' (safe for name lines)."""
    if len(line) == length:
        return [line]
    if len(line) < length:
        return [line + "<" * (length - len(line))] if length - len(line) <= 3 else []
    extra = line[length:]
    return [line[:length]] if set(extra) <= {"<"} and len(extra) <= 3 else []


def filler_fit(line: str, length: int) -> list[str]:
    """Candidates for a line with a '<' too many or too few inside a filler run (data lines).

    OCR sometimes miscounts long runs of '<'; the check digits decide which candidate is right.
    """
    if len(line) == length:
        return [line]
    delta = length - len(line)
    if abs(delta) != 1:
        return []
    candidates = []
    for match in re.finditer(r"<+", line):
        cut = match.end()
        candidate = line[:cut] + "<" + line[cut:] if delta == 1 else line[: cut - 1] + line[cut:]
        if candidate not in candidates:
            candidates.append(candidate)
    return candidates


# --- field helpers ------------------------------------------------------------------------------


@dataclass
class _Collector:
    """Gathers problems while fields are read, so every problem is reported, not just the first.

    ``doubts`` keeps, per field name, why the text alone already says the clerk must check it.
    """

    problems: list[str]
    doubts: dict[str, list[str]] = field(default_factory=dict)

    def doubt(self, field_names: tuple[str, ...], problem: str, reason: str) -> None:
        self.problems.append(problem)
        for name in field_names:
            self.doubts.setdefault(name, []).append(reason)

    def checked(self, label: str, name: str, value: str, digit: str) -> ScanField:
        ok = check_passes(value, digit)
        if not ok:
            self.doubt((name,), f"{label}: check digit failed (could not be read reliably)", CHECK_FAILED)
        return ScanField(value.replace("<", ""), covered=True, check_ok=ok)

    def country(self, label: str, name: str, raw: str) -> ScanField:
        code = as_letters(raw).replace("<", "")
        if not is_known_code(code):
            self.doubt((name,), f"{label}: '{code}' is not a known country code (misread?)", UNKNOWN_CODE)
        return ScanField(code)

    def sex(self, raw: str) -> ScanField:
        value = {"M": "M", "F": "F", "<": "X", "X": "X"}.get(raw)
        if value is None:
            self.doubt(("sex",), "sex: could not be read", NOT_READ)
            return ScanField("")
        return ScanField(value)

    def names(self, field_text: str) -> tuple[ScanField, ScanField]:
        body = as_letters(field_text).rstrip("<")  # names hold no digits: 0 is O, 5 is S...
        family, _, given = body.partition("<<")
        if not _NAME_CHARS.match(body) or not family or "<<" in given or given.startswith("<"):
            self.doubt(NAME_FIELDS, "name: could not be read cleanly", NAME_UNCLEAN)
        return ScanField(family.replace("<", " ").strip()), ScanField(given.replace("<", " ").strip())

    def when(
        self, label: str, name: str, yymmdd: str, *, birth: bool, today: date
    ) -> tuple[str, date | None]:
        parsed = parse_mrz_date(yymmdd, birth=birth, today=today)
        if parsed is None:
            self.doubt((name,), f"{label}: not a valid date", NOT_A_DATE)
            return "", None
        return parsed.isoformat(), parsed

    def text_statuses(
        self, fields: dict[str, ScanField], absent: tuple[str, ...] = ()
    ) -> dict[str, ScanField]:
        """Each field with what the text alone says: CHECK with the reason, CONFIRMED for a date
        whose check digit passed (digits only: the check settles every character), ABSENT for
        fields the layout lacks; the rest waits for the reader's guards (NOT_ASSESSED)."""
        marked = {}
        for name, scan_field in fields.items():
            reasons = self.doubts.get(name)
            if name in absent:
                marked[name] = replace(scan_field, status=ABSENT, doubt="")
            elif reasons:
                marked[name] = replace(scan_field, status=CHECK, doubt="; ".join(dict.fromkeys(reasons)))
            elif name in DATE_FIELDS and scan_field.trusted:
                marked[name] = replace(scan_field, status=CONFIRMED, doubt="")
            else:
                marked[name] = scan_field
        return marked


def parse_mrz_date(yymmdd: str, *, birth: bool, today: date) -> date | None:
    """YYMMDD to a date. Births are never in the future; expiry dates lie at most 50 years ahead."""
    if not yymmdd.isdigit() or len(yymmdd) != 6:
        return None
    year, month, day = int(yymmdd[:2]), int(yymmdd[2:4]), int(yymmdd[4:])
    full_year = 2000 + year
    if (birth and full_year > today.year) or (not birth and full_year > today.year + 50):
        full_year -= 100
    try:
        return date(full_year, month, day)
    except ValueError:
        return None


# --- Dutch document numbers ---------------------------------------------------------------------

_POSITION9_REPAIRS = {"O": "0", "Q": "0", "D": "0", "I": "1", "Z": "2", "S": "5", "G": "6", "B": "8"}
_LEADING_REPAIRS = {"1": "I", "5": "S", "8": "B", "2": "Z", "6": "G"}


def dutch_number_candidates(number: str) -> Iterator[str]:
    """Every number one swap away that fits the Dutch pattern's known misreads.

    Dutch passport/ID numbers are 9 characters: letters in positions 1-2, a digit in position 9,
    and never the letter O. One swap only: more swaps turned misreads into other valid numbers.
    """
    for index, char in enumerate(number):
        replacement = None
        if char == "O":
            replacement = "0"
        elif index == 8:
            replacement = _POSITION9_REPAIRS.get(char)
        elif index < 2:
            replacement = _LEADING_REPAIRS.get(char)
        if replacement:
            yield number[:index] + replacement + number[index + 1 :]


def fits_dutch_pattern(number: str) -> bool:
    return len(number) == 9 and number[:2].isalpha() and number[8].isdigit() and "O" not in number


def repair_dutch_number(number: str, digit: str) -> str:
    """Return the number itself, or its unique one-swap repair that fits the pattern and the check."""
    if fits_dutch_pattern(number) and check_passes(number, digit):
        return number
    repairs = [c for c in dutch_number_candidates(number) if fits_dutch_pattern(c) and check_passes(c, digit)]
    return repairs[0] if len(repairs) == 1 else number


# --- document types -----------------------------------------------------------------------------


def document_type_for(code: str, mrz_format: str) -> IdDocumentType:
    """Map the MRZ document code to the contract's id_document.type."""
    if mrz_format == "DL":
        return IdDocumentType.DRIVING_LICENCE
    if mrz_format in ("MRVA", "MRVB"):
        return IdDocumentType.OTHER  # a visa: the seller's identity is on the passport it is in
    if code.startswith("P"):
        return IdDocumentType.PASSPORT
    if code in {"IR", "RP", "AR", "CR"} or code.startswith("R"):
        return IdDocumentType.RESIDENCE_DOCUMENT
    if code[:1] in {"I", "A", "C"}:
        return IdDocumentType.ID_CARD
    return IdDocumentType.OTHER


# --- the layouts --------------------------------------------------------------------------------


def _document_number(collect: _Collector, country: str, number: str, digit: str) -> ScanField:
    digit = solve_composite(number, digit)
    if country == "NLD":
        number = repair_dutch_number(number, digit)
        if number.replace("<", "") and not fits_dutch_pattern(number.replace("<", "")):
            collect.doubt(
                ("document_number",),
                "document number: does not fit the Dutch pattern (misread?)",
                NOT_DUTCH_PATTERN,
            )
    return collect.checked("document number", "document_number", number, digit)


def _finish(
    collect: _Collector,
    *,
    mrz_format: str,
    code: str,
    issuing: ScanField,
    number: ScanField,
    names: tuple[ScanField, ScanField],
    birth: tuple[str, str],
    sex: ScanField,
    nationality: ScanField,
    expiry: tuple[str, str],
    composite_ok: bool | None,
    today: date,
) -> ScanResult:
    birth_iso, _ = collect.when("date of birth", "date_of_birth", birth[0], birth=True, today=today)
    expiry_iso, expiry_date = collect.when("expiry date", "expiry_date", expiry[0], birth=False, today=today)
    birth_ok = check_passes(*birth)
    expiry_ok = check_passes(*expiry)
    if not birth_ok:
        collect.doubt(
            ("date_of_birth",), "date of birth: check digit failed (could not be read reliably)", CHECK_FAILED
        )
    if not expiry_ok:
        collect.doubt(
            ("expiry_date",), "expiry date: check digit failed (could not be read reliably)", CHECK_FAILED
        )
    if composite_ok is False:
        collect.doubt(
            ("document_number", *DATE_FIELDS),
            "composite check digit failed: some characters were misread",
            COMPOSITE_FAILED,
        )
    fields = collect.text_statuses(
        {
            "issuing_country": issuing,
            "document_number": number,
            "family_name": names[0],
            "given_names": names[1],
            "date_of_birth": ScanField(birth_iso, covered=True, check_ok=birth_ok),
            "sex": sex,
            "nationality": nationality,
            "expiry_date": ScanField(expiry_iso, covered=True, check_ok=expiry_ok),
        }
    )
    return ScanResult(
        mrz_format=mrz_format,
        document_code=code.replace("<", ""),
        document_type=document_type_for(code, mrz_format),
        **fields,
        expires_on=expiry_date,
        expired=expiry_date is not None and expiry_date < today,
        composite_check_ok=composite_ok,
        problems=tuple(collect.problems),
    )


def parse_td3(line1: str, line2: str, today: date) -> ScanResult:
    """Passports: 2 lines of 44. Line 2 positions 29-42 are the personal number (the old Dutch BSN)."""
    return _parse_two_lines(line1, line2, today, "TD3")


def parse_td2(line1: str, line2: str, today: date) -> ScanResult:
    """Older ID cards and residence documents: 2 lines of 36."""
    return _parse_two_lines(line1, line2, today, "TD2")


def _parse_two_lines(line1: str, line2: str, today: date, mrz_format: str) -> ScanResult:
    """TD2 and TD3 share their layout up to the expiry date; TD3 adds a checked personal number.

    Visas (document code V) share it too: MRV-A is 44 characters wide like TD3, MRV-B 36 like
    TD2, but after the expiry date they hold optional data with neither a personal-number nor a
    composite check digit. The personal number is verified on the raw text and never returned
    (BSN rule).
    """
    width = 44 if mrz_format == "TD3" else 36
    visa = line1[0] == "V"
    if visa:
        mrz_format = "MRVA" if width == 44 else "MRVB"
    collect = _Collector([])
    line2 = solve_line(line2, ((13, 19), (21, 27)))
    issuing = collect.country("issuing country", "issuing_country", line1[2:5])
    number = _document_number(collect, issuing.value, line2[0:9], line2[9])
    line2 = number.value.ljust(9, "<")[:9] + line2[9:] if number.check_ok else line2
    if mrz_format == "TD3" and not check_passes(line2[28:42], solve_composite(line2[28:42], line2[42])):
        collect.problems.append("personal number: check digit failed")
    payload = line2[0:10] + line2[13:20] + line2[21 : width - 1]
    composite = None if visa else check_passes(payload, solve_composite(payload, line2[width - 1]))
    return _finish(
        collect,
        mrz_format=mrz_format,
        code=line1[0:2],
        issuing=issuing,
        number=number,
        names=collect.names(line1[5:width]),
        birth=(line2[13:19], line2[19]),
        sex=collect.sex(line2[20]),
        nationality=collect.country("nationality", "nationality", line2[10:13]),
        expiry=(line2[21:27], line2[27]),
        composite_ok=composite,
        today=today,
    )


def _td1_number(line1: str) -> tuple[str, str]:
    """Document number and its check digit; numbers over 9 characters continue in optional data 1."""
    if line1[14] == "<" and line1[15] != "<":
        extension = line1[15:30].split("<")[0]
        return line1[5:14] + extension[:-1], extension[-1]
    return line1[5:14], line1[14]


def parse_td1(line1: str, line2: str, line3: str, today: date) -> ScanResult:
    """ID cards and residence documents: 3 lines of 30; optional data in line 1 (15-29) and 2 (18-28)."""
    collect = _Collector([])
    line2 = solve_line(line2, ((0, 6), (8, 14)))
    issuing = collect.country("issuing country", "issuing_country", line1[2:5])
    raw_number, digit = _td1_number(line1)
    number = _document_number(collect, issuing.value, raw_number, digit)
    if number.check_ok and len(raw_number) == 9:
        line1 = line1[:5] + number.value.ljust(9, "<") + solve_composite(number.value, line1[14]) + line1[15:]
    payload = line1[5:30] + line2[0:7] + line2[8:15] + line2[18:29]
    composite = check_passes(payload, solve_composite(payload, line2[29]))
    return _finish(
        collect,
        mrz_format="TD1",
        code=line1[0:2],
        issuing=issuing,
        number=number,
        names=collect.names(line3),
        birth=(line2[0:6], line2[6]),
        sex=collect.sex(line2[7]),
        nationality=collect.country("nationality", "nationality", line2[15:18]),
        expiry=(line2[8:14], line2[14]),
        composite_ok=composite,
        today=today,
    )


def parse_driving_licence(line: str, today: date) -> ScanResult:
    """Dutch driving licence: one line of 30, "D1NLD", a digit, the 10-digit licence number,
    13 characters of other data, and a check digit over the first 29 characters.

    It holds no name, birth date or expiry date: the clerk types those.
    """
    collect = _Collector([])
    prefix, other = line[:6], line[16:29]
    passing = [
        (number, digit)
        for number in digit_readings(line[6:16])
        for digit in digit_readings(line[29])
        if check_digit(prefix + number + other) == digit
    ]
    number, digit = passing[0] if len(passing) == 1 else (as_digits(line[6:16]), as_digits(line[29]))
    line = prefix + number + other + digit
    issuing = collect.country("issuing country", "issuing_country", line[2:5])
    ok = check_passes(line[:29], line[29])
    if not ok:
        collect.doubt(
            ("document_number",),
            "driving licence code: check digit failed (could not be read reliably)",
            CHECK_FAILED,
        )
    empty = ScanField("")
    absent = ("family_name", "given_names", "date_of_birth", "sex", "nationality", "expiry_date")
    fields = collect.text_statuses(
        {
            "issuing_country": issuing,
            "document_number": ScanField(line[6:16], covered=True, check_ok=ok),
            **{name: empty for name in absent},
        },
        absent,
    )
    return ScanResult(
        mrz_format="DL",
        document_code="D1",
        document_type=IdDocumentType.DRIVING_LICENCE,
        **fields,
        expires_on=None,
        expired=False,
        composite_check_ok=None,
        problems=tuple(collect.problems),
    )


# --- choosing the layout ------------------------------------------------------------------------


def _candidates(lines: list[str], today: date) -> Iterator[ScanResult]:
    """Every parse of every window of lines that could be an MRZ, best-fitting layouts first."""
    for i in range(len(lines)):
        pair = lines[i : i + 2]
        triple = lines[i : i + 3]
        if len(triple) == 3:
            for a in filler_fit(triple[0], 30):
                for b in filler_fit(triple[1], 30):
                    for c in trailing_fit(triple[2], 30):
                        yield parse_td1(a, b, c, today)
        if len(pair) == 2:
            for length, parser in ((44, parse_td3), (36, parse_td2)):
                for a in trailing_fit(pair[0], length):
                    for b in filler_fit(pair[1], length):
                        yield parser(a, b, today)
        line = lines[i]
        if len(line) == 30 and line.startswith("D") and line[2:5] == "NLD":
            yield parse_driving_licence(line, today)


def parse_mrz_text(text: str, *, today: date | None = None) -> ScanResult:
    """Parse OCR text holding an MRZ; the result with the fewest problems wins.

    Raises MrzFormatError when no window of lines fits any known layout.
    """
    today = today or date.today()
    best: ScanResult | None = None
    for result in _candidates(normalise_lines(text), today):
        if best is None or len(result.problems) < len(best.problems):
            best = result
        if not best.problems:
            break
    if best is None:
        raise MrzFormatError("no text lines with the shape of a machine-readable zone")
    return best
