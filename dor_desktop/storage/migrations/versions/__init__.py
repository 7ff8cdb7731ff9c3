"""storage/migrations/versions."""
