"""Data files shipped with the application (installed as the ``dor_desktop.resources`` package)."""
