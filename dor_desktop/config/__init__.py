"""Where the data lives, the typed settings, logging with redaction, private file writes."""
