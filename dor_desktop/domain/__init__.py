"""The purchase register's domain: plain Python, no Qt, no database, no network, no OCR.

Every other layer (storage, sync, UI, CLI) builds on these entities and reuses ``validate``.
"""
