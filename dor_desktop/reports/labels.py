"""Printed labels of reports in the shop's language (exports go to Dutch inspectors by default).

Reports are produced without Qt (the command line makes them too), so they carry their own small
label table instead of Qt's translation files.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "language": "nl",
        "register_title": "Inkoopregister",
        "period": "Periode",
        "generated": "Gemaakt op",
        "verified": "Controle hashketen en nummering: in orde ({n} regels)",
        "verify_failed": "CONTROLE MISLUKT: {problem}",
        "number": "Volgnr.",
        "kind": "Soort",
        "acquired": "Datum/tijd",
        "seller": "Verkoper",
        "address": "Adres",
        "id_document": "Legitimatie",
        "goods": "Goederen",
        "price": "Prijs",
        "terms": "Voorwaarden",
        "status": "Status",
        "page": "Pagina",
        "purchase": "inkoop",
        "correction": "correctie",
        "void": "vervallen",
        "corrects": "corrigeert {number}",
        "voids": "laat {number} vervallen",
        "corrected_by": "gecorrigeerd door {number}",
        "voided_by": "vervallen door {number}",
        "reason": "reden",
        "dor": "DOR",
        "receipt_title": "Inkoopbewijs",
        "total": "Totaal",
        "payment": "Betaling",
        "receipt_footer": "Geregistreerd in het inkoopregister (art. 437 Sr) onder nummer {number}.",
        "hold_until": "Bewaartermijn tot",
        "no_entries": "Geen regels in deze periode.",
        "removed": "(verwijderd na bewaartermijn)",
        "late_entry": "late invoer, ingevoerd {registered}: {reason}",
        "by_registered": "op datum van invoer",
    },
    "en": {
        "language": "en",
        "register_title": "Purchase register",
        "period": "Period",
        "generated": "Generated",
        "verified": "Hash chain and numbering verified ({n} entries)",
        "verify_failed": "VERIFICATION FAILED: {problem}",
        "number": "No.",
        "kind": "Kind",
        "acquired": "Date/time",
        "seller": "Seller",
        "address": "Address",
        "id_document": "ID document",
        "goods": "Goods",
        "price": "Price",
        "terms": "Terms",
        "status": "Status",
        "page": "Page",
        "purchase": "purchase",
        "correction": "correction",
        "void": "void",
        "corrects": "corrects {number}",
        "voids": "voids {number}",
        "corrected_by": "corrected by {number}",
        "voided_by": "voided by {number}",
        "reason": "reason",
        "dor": "DOR",
        "receipt_title": "Purchase receipt",
        "total": "Total",
        "payment": "Payment",
        "receipt_footer": "Recorded in the purchase register (art. 437 Sr) as entry {number}.",
        "hold_until": "Hold period until",
        "no_entries": "No entries in this period.",
        "removed": "(removed after retention)",
        "late_entry": "late entry, registered {registered}: {reason}",
        "by_registered": "by registration date",
    },
}


#: The outbox's states as printed in the DOR column (the window's wording, shortened).
DOR_STATES: dict[str, dict[str, str]] = {
    "nl": {
        "pending": "wacht op verzending",
        "sending": "wordt verzonden",
        "acknowledged": "ontvangen",
        "accepted": "ontvangen",
        "rejected": "afgewezen",
        "conflict": "conflict",
        "superseded": "vervangen",
    },
    "en": {
        "pending": "waiting to send",
        "sending": "sending",
        "acknowledged": "received",
        "accepted": "received",
        "rejected": "rejected",
        "conflict": "conflict",
        "superseded": "superseded",
    },
}


def dor_state_label(state: str | None, text: dict[str, str]) -> str:
    """An outbox state (``"acknowledged"``) in the report's language; unknown states as they are."""
    if not state:
        return ""
    return DOR_STATES.get(text["language"], DOR_STATES["nl"]).get(state, state)


def labels(language: str) -> dict[str, str]:
    return LABELS.get(language, LABELS["nl"])


#: Dutch names of the contract's values (categories, terms, document types) for printed reports.
DUTCH_VALUES: dict[str, str] = {
    "phone": "telefoon",
    "tablet": "tablet",
    "laptop": "laptop",
    "computer": "computer",
    "camera": "camera",
    "audio_video": "audio/video",
    "game_console": "spelcomputer",
    "bicycle": "fiets",
    "e_bike": "e-bike",
    "moped": "bromfiets",
    "vehicle_part": "voertuigonderdeel",
    "tool": "gereedschap",
    "watch": "horloge",
    "jewellery": "sieraad",
    "gold": "goud",
    "silver": "zilver",
    "platinum": "platina",
    "copper": "koper",
    "other_metal": "overig metaal",
    "gemstone": "edelsteen",
    "art": "kunst",
    "musical_instrument": "muziekinstrument",
    "other": "overig",
    "purchase": "inkoop",
    "exchange": "ruil",
    "pledge": "belening",
    "trade_in": "inruil",
    "gift": "schenking",
    "consignment": "consignatie",
    "cash": "contant",
    "bank_transfer": "overboeking",
    "card": "pin",
    "none": "geen",
    "passport": "paspoort",
    "id_card": "identiteitskaart",
    "driving_licence": "rijbewijs",
    "residence_document": "verblijfsdocument",
}


def value_label(value: str, language: str) -> str:
    """A contract value (``"e_bike"``) as printed in ``language``."""
    if language == "nl":
        return DUTCH_VALUES.get(value, value)
    return value.replace("_", " ")
