"""The DOR address rules work on the parsed URL (issue 10, item 7)."""

from __future__ import annotations

import pytest

from dor_desktop.domain.urls import PLAIN_HTTP_RULE, dor_url_problem


@pytest.mark.parametrize(
    "url",
    [
        "https://dor.example.nl",
        "https://dor.example.nl:8443/api/",
        "https://[2001:db8::1]/",
        "http://localhost:8765",
        "http://LOCALHOST:8765/",
        "http://127.0.0.1:8765",
        "http://127.1.2.3/",
        "http://[::1]:8765/",
    ],
)
def test_allowed(url: str) -> None:
    assert dor_url_problem(url) is None


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        # The three disguises found by hand: each is someone else's server.
        ("http://localhost@evil.example/", "user name or password"),
        ("http://127.evil.example/", PLAIN_HTTP_RULE),
        ("http://localhost.evil.example/", PLAIN_HTTP_RULE),
        # More of the same family.
        ("http://localhost./", PLAIN_HTTP_RULE),
        ("http://127.0.0.1.evil.example/", PLAIN_HTTP_RULE),
        ("http://evil.example/?next=http://localhost", "query"),
        ("http://evil.example#@localhost", "fragment"),
        ("http://[::ffff:8.8.8.8]/", PLAIN_HTTP_RULE),
        ("http://10.0.0.5:8765/", PLAIN_HTTP_RULE),
        ("http://dor.example.nl/", PLAIN_HTTP_RULE),
        ("https://user:secret@dor.example.nl/", "user name or password"),
        ("https://@dor.example.nl/", "user name or password"),
        ("ftp://localhost/", PLAIN_HTTP_RULE),
        ("localhost:8765", PLAIN_HTTP_RULE),
        ("http://local\thost/", "spaces or control characters"),
        (" https://dor.example.nl", "spaces or control characters"),
        ("https://dor.example.nl:99999/", "not a valid URL"),
        ("https://[::1/", "not a valid URL"),
        ("https:///path", "no host"),
        ("https://dor.example.nl/#top", "fragment"),
        ("", "spaces or control characters"),
    ],
)
def test_refused(url: str, problem: str) -> None:
    found = dor_url_problem(url)
    assert found is not None and problem in found


@pytest.mark.parametrize(
    "url", ["http://localhost@evil.example/", "http://127.evil.example/", "http://localhost.evil.example/"]
)
def test_settings_refuse_a_disguised_host(url):
    from dor_desktop.config.settings import Settings, validated
    from dor_desktop.errors import UserError

    with pytest.raises(UserError, match="dor_url"):
        validated(Settings(dor_url=url))
