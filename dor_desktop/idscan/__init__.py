"""ID scanning: read the MRZ of a passport, ID card or Dutch driving licence; never keep a BSN.

Kept import-light on purpose (the GUI imports this package lazily): tesserocr, passporteye and
scikit-image load only when a scan runs or ``dor_desktop.idscan.ocr.warm_up()`` is called.
Entry points: ``reader.read_id``, ``live.read_until_confirmed`` (a camera), ``masking.masked_copy``,
``bsn_guard.redact_mrz``. What a result promises, field by field: see README.md here.
"""
