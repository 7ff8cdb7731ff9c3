"""A small client for the sandbox's admin API, used by ``dor-sandbox`` sub-commands and by tests."""

from __future__ import annotations

from typing import Any

import httpx

from dor_desktop.errors import UserError
from dor_desktop.sandbox.faults import DEFAULT_FAULT_PATH


class SandboxAdminError(UserError):
    """The sandbox is unreachable or refused an admin request (one line, CLI friendly)."""


class SandboxAdmin:
    """Admin calls against a running sandbox at ``base_url`` (e.g. ``http://127.0.0.1:8765``)."""

    def __init__(self, base_url: str, *, timeout: float = 10.0) -> None:
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(base_url=self.base_url, timeout=timeout)

    def __enter__(self) -> SandboxAdmin:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def stats(self) -> dict[str, Any]:
        """Counts: registrations, outcomes per status, stored_more_than_once, notifications, ..."""
        return self._call("GET", "/_admin/stats")

    def registrations(self, client_reference: str | None = None) -> list[dict[str, Any]]:
        """Stored registrations with ``times_stored`` / ``times_submitted`` (and the payload when
        filtered by ``client_reference``)."""
        params = {"client_reference": client_reference} if client_reference else None
        return self._call("GET", "/_admin/registrations", params=params)["registrations"]

    def stolen_items(self) -> list[dict[str, Any]]:
        return self._call("GET", "/_admin/stolen")["stolen_items"]

    def add_stolen(
        self,
        *,
        imei: str | None = None,
        frame_number: str | None = None,
        serial_number: str | None = None,
        category: str | None = None,
        brand: str | None = None,
        description: str | None = None,
        reported_stolen_on: str | None = None,
        source: str | None = None,
        stolen_id: str | None = None,
    ) -> dict[str, Any]:
        """Report one item stolen; returns ``{"stolen_id", "late_hits"}`` (late hits notified)."""
        given = {"imei": imei, "frame_number": frame_number, "serial_number": serial_number}
        identifiers = {k: v for k, v in given.items() if v is not None}
        if len(identifiers) != 1:
            raise SandboxAdminError("give exactly one of imei, frame_number or serial_number")
        ((field, value),) = identifiers.items()
        extra = {
            "category": category,
            "brand": brand,
            "description": description,
            "reported_stolen_on": reported_stolen_on,
            "source": source,
            "stolen_id": stolen_id,
        }
        body = {"field": field, "value": value, **{k: v for k, v in extra.items() if v is not None}}
        return self._call("POST", "/_admin/stolen", json=body)

    def withdraw_stolen(self, stolen_id: str) -> dict[str, Any]:
        """Withdraw a report; returns ``{"stolen_id", "withdrawn_hits"}``."""
        return self._call("POST", f"/_admin/stolen/{stolen_id}/withdraw")

    def expire_tokens(self) -> int:
        return self._call("POST", "/_admin/tokens/expire")["expired"]

    def set_fault(
        self,
        kind: str,
        *,
        count: int | None = 1,
        path: str = DEFAULT_FAULT_PATH,
        retry_after: int = 1,
        delay: float = 1.0,
    ) -> dict[str, Any]:
        """Switch a fault on (see :mod:`dor_desktop.sandbox.faults`); ``count=None`` until reset."""
        body = {"kind": kind, "count": count, "path": path, "retry_after": retry_after, "delay": delay}
        return self._call("POST", "/_admin/faults", json=body)["fault"]

    def faults(self) -> dict[str, Any]:
        """``{"faults": [active...], "applied": {kind: times}}``."""
        return self._call("GET", "/_admin/faults")

    def reset_faults(self) -> int:
        return self._call("DELETE", "/_admin/faults")["removed"]

    def _call(self, method: str, path: str, **kwargs: Any) -> Any:
        try:
            response = self._http.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise SandboxAdminError(f"cannot reach the sandbox at {self.base_url}: {exc}") from None
        if response.is_error:
            raise SandboxAdminError(f"the sandbox refused {method} {path}: {_problem_text(response)}")
        return response.json()


def _problem_text(response: httpx.Response) -> str:
    try:
        problem = response.json()
    except ValueError:
        return f"HTTP {response.status_code}"
    detail = problem.get("detail", "") if isinstance(problem, dict) else ""
    errors = problem.get("errors") if isinstance(problem, dict) else None
    if errors:
        detail += " (" + "; ".join(f"{e.get('field')}: {e.get('message')}" for e in errors) + ")"
    return f"HTTP {response.status_code} {detail}".strip()
