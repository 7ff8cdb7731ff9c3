"""``verify``'s outside check: ask the DOR for each counter's acknowledged head and compare.

The comparison is :func:`dor_desktop.storage.anchor.compare_with_head`; this module only fetches
the heads and says plainly when the DOR could not be asked, so ``verify`` never reports "nothing
missing" when it only checked the local chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from dor_desktop.storage.anchor import AnchorFinding, check_against_head, local_counters
from dor_desktop.storage.db import Database
from dor_desktop.sync.errors import TransportError
from dor_desktop.sync.transport import DorTransport


@dataclass(frozen=True)
class AnchorCheck:
    """What the DOR's anchor says about the register."""

    findings: tuple[AnchorFinding, ...] = ()
    #: The counters compared with the DOR's head, in order.
    checked: tuple[str, ...] = ()
    #: Why the DOR could not be asked (one line); None when every counter was compared.
    unreachable: str | None = None

    @property
    def ok(self) -> bool:
        return not self.findings and self.unreachable is None


def check_anchor(db: Database, transport: DorTransport, counters: Iterable[str] = ()) -> AnchorCheck:
    """Compare every counter of the register (and ``counters``: pass the configured one, whose
    entries may all be gone) with the head the DOR acknowledged."""
    wanted = sorted(set(local_counters(db)) | set(counters))
    findings: list[AnchorFinding] = []
    checked: list[str] = []
    for counter in wanted:
        try:
            head = transport.fetch_chain_head(counter)
        except TransportError as failure:
            reason = (
                f"the DOR could not be asked what it acknowledged ({failure}); "
                "only the local chain was checked"
            )
            return AnchorCheck(tuple(findings), tuple(checked), reason)
        findings += check_against_head(db, head)
        checked.append(counter)
    return AnchorCheck(tuple(findings), tuple(checked))
