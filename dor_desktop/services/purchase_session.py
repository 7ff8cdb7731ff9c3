"""The purchase session: a half-filled form on disk becomes one entry in the register, never two.

The steps of a save, in the order that keeps the clerk's work safe whatever moment the program
stops at:

1. the draft is stamped with the purchase time (``committing_at``) before the commit;
2. the purchase (or the correction of an entry) is committed with its outbox message;
3. only then is the draft discarded (and a late write of the same form refused);
4. the masked ID copy is kept, when the shop keeps them, under the new register number.

At the next start :func:`sort_out_drafts` finds a stamped draft whose entry exists (the program
stopped between 2 and 3) and forgets it instead of offering the goods a second time.

Qt-free: the window runs these functions on its database lane; a test runs them directly.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dor_desktop.config.files import MAX_IMAGE_BYTES, UnreadableFile, atomic_write_bytes, read_bounded
from dor_desktop.domain.clock import to_utc_text
from dor_desktop.domain.purchase import Purchase
from dor_desktop.errors import UserError
from dor_desktop.services import register, retention
from dor_desktop.services.context import AppContext
from dor_desktop.services.drafts import Draft, DraftStore
from dor_desktop.services.register import CommittedEntry
from dor_desktop.storage.models import RegisterEntry

__all__ = ["commit", "sort_out_drafts", "store_photo"]


def sort_out_drafts(app: AppContext, drafts: DraftStore) -> tuple[list[Draft], list[str]]:
    """At start: the drafts to offer back, and the register numbers of drafts that were in fact saved.

    A draft stamped ``committing_at`` whose entry exists was committed just before the program
    stopped: it is forgotten, not offered (that would register the goods twice).
    """
    offers, saved = [], []
    for draft in drafts.set_aside():
        number = _committed_number(app, draft) if draft.committing_at else None
        if number:
            saved.append(number)
            drafts.forget(draft)
        else:
            offers.append(draft)
    return offers, saved


def _committed_number(app: AppContext, draft: Draft) -> str | None:
    """The entry the stamped ``draft`` became, if its commit went through."""
    correction_of = str(draft.data.get("correction_of") or "")
    with app.db.read() as session:
        if correction_of:
            old = session.scalar(
                select(RegisterEntry.id).where(RegisterEntry.register_number == correction_of)
            )
            query = select(RegisterEntry.register_number).where(RegisterEntry.refers_to_id == old)
        else:
            query = select(RegisterEntry.register_number).where(
                RegisterEntry.acquired_at == draft.committing_at, RegisterEntry.kind == "purchase"
            )
        return session.scalar(query.limit(1))


def commit(
    app: AppContext,
    drafts: DraftStore,
    purchase: Purchase,
    form: dict[str, Any],
    generation: int,
    *,
    correction_of: str = "",
    reason: str = "",
    masked_png: bytes | None = None,
) -> CommittedEntry:
    """Save the form ``form`` (draft generation ``generation``) as ``purchase``.

    With ``correction_of`` the entry is a correction of that register number, for ``reason``.
    ``masked_png`` (the masked ID copy) is kept only when the shop's settings say so. Raises
    :class:`~dor_desktop.services.register.ValidationFailed` (or another UserError) and then
    stores nothing; the draft stays on disk.
    """
    drafts.save(form, generation, committing_at=to_utc_text(purchase.acquired_at))
    if correction_of:
        entry = register.correct(app, correction_of, purchase, reason)
    else:
        entry = register.commit_purchase(app, purchase)
    drafts.discard(generation)
    if masked_png and app.settings.keep_id_images:
        atomic_write_bytes(retention.id_copy_path(app, entry.register_number), masked_png)
    return entry


def store_photo(app: AppContext, source: Path) -> str:
    """Copy an item photo into the data folder under its SHA-256; returns the hash.

    Named by content, so the same photo attached twice is stored once and the register entry
    can refer to it by hash.
    """
    try:  # a regular file of sensible size only (a pipe or a device is refused, not read)
        data = read_bounded(source, MAX_IMAGE_BYTES)
    except UnreadableFile as exc:
        raise UserError(str(exc)) from None
    digest = hashlib.sha256(data).hexdigest()
    target = app.paths.images / "photos" / f"{digest}{source.suffix.lower()}"
    if not target.exists():
        atomic_write_bytes(target, data)
    return digest
