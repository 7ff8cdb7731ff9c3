"""Which addresses the client may send the register to: decided on the parsed URL, never its text.

A prefix test on the text (``startswith("http://localhost")``) lets ``http://localhost.evil.example/``,
``http://127.evil.example/`` and ``http://localhost@evil.example/`` through as "this machine", and
the register's personal data would then travel unencrypted to someone else's server. So the URL is
parsed once, here, and the rules are applied to its parts: https anywhere; plain http only when the
host is ``localhost`` exactly or a loopback IP address; never a user name or password in the URL
(credentials live in the keyring, and ``user@host`` is the classic way to disguise a host).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

PLAIN_HTTP_RULE = "dor_url must be https:// (plain http only for a server on this machine)"


def dor_url_problem(url: str) -> str | None:
    """Why ``url`` cannot be the DOR's address (one line naming the rule), or None when it can."""
    if not url or any(ch.isspace() or not ch.isprintable() for ch in url):
        return "dor_url must be a URL without spaces or control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - parsing the port raises ValueError when it is not a port number
    except ValueError:
        return "dor_url is not a valid URL"
    scheme = parts.scheme.lower()
    if scheme not in ("https", "http"):
        return PLAIN_HTTP_RULE
    if "@" in parts.netloc:
        return "dor_url must not contain a user name or password"
    if not parts.hostname:
        return "dor_url has no host"
    if parts.query or parts.fragment:
        return "dor_url must not have a query (?) or a fragment (#)"
    # hostname is lower-cased and without the brackets of an IPv6 address.
    if scheme == "http" and not is_loopback_host(parts.hostname):
        return PLAIN_HTTP_RULE
    return None


def is_loopback_host(host: str) -> bool:
    """True for ``localhost`` exactly or a loopback IP address (``127.0.0.0/8``, ``::1``)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
