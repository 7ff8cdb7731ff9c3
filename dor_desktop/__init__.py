"""DOR Desktop: the counter client for the Dutch purchase register and the DOR."""

__version__ = "0.1.0"
