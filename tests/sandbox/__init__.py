"""Tests of the sandbox DOR server (dor_desktop.sandbox) against a real loopback server."""
