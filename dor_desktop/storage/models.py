"""SQLAlchemy models of the register file.

``register_entry`` is append-only (triggers in the migration refuse UPDATE and DELETE); everything
that changes over time (sync state, alerts, sales) lives in its own table pointing at an entry.
Times are stored as ISO 8601 text in UTC (``...Z``) so they sort and survive any driver.
"""

from __future__ import annotations

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class RegisterEntry(Base):
    __tablename__ = "register_entry"
    __table_args__ = (
        UniqueConstraint("counter_prefix", "sequence", name="uq_entry_counter_sequence"),
        Index("ix_entry_seller_name", "seller_name"),
        Index("ix_entry_acquired_at", "acquired_at"),
        Index("ix_entry_committed_at", "committed_at"),  # schema 0003: export by registration date
        Index("ix_entry_refers_to", "refers_to_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    register_number: Mapped[str] = mapped_column(String(32), unique=True)
    counter_prefix: Mapped[str] = mapped_column(String(16))
    sequence: Mapped[int] = mapped_column(Integer)
    client_reference: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    refers_to_id: Mapped[int | None] = mapped_column(ForeignKey("register_entry.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    committed_at: Mapped[str] = mapped_column(String(32))
    acquired_at: Mapped[str] = mapped_column(String(32))
    hold_until: Mapped[str] = mapped_column(String(10))
    seller_name: Mapped[str] = mapped_column(String(250, collation="NOCASE"))
    total_amount: Mapped[str] = mapped_column(String(16))
    payload: Mapped[str] = mapped_column(Text)
    prev_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: 1: the hash covers the personal data itself; 2: a salted commitment of it (storage.chain).
    chain_format: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    personal_commitment: Mapped[str | None] = mapped_column(String(64))

    items: Mapped[list[EntryItem]] = relationship(order_by="EntryItem.line", lazy="selectin")
    refers_to: Mapped[RegisterEntry | None] = relationship(remote_side=[id])


class EntryPersonal(Base):
    """The seller's personal data of an entry, apart from the chained facts so it can be purged.

    Format 2 entries: ``data`` is the canonical JSON the chain's commitment covers (with ``salt``).
    Format 1 entries keep their personal data in the hashed entry; here only a copy of the name
    (for search). ``seller_name`` is the search key in both. A purge empties the row and sets
    ``purged_at``; triggers allow no other change and no delete.
    """

    __tablename__ = "entry_personal"
    __table_args__ = (Index("ix_personal_seller_name", "seller_name"),)

    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"), primary_key=True)
    seller_name: Mapped[str] = mapped_column(String(250, collation="NOCASE"), default="")
    salt: Mapped[str | None] = mapped_column(String(32))
    data: Mapped[str | None] = mapped_column(Text)
    purged_at: Mapped[str | None] = mapped_column(String(32))


class EntryItem(Base):
    """The items of an entry, copied from its payload at commit: the search index for serials."""

    __tablename__ = "entry_item"
    __table_args__ = (
        UniqueConstraint("entry_id", "line", name="uq_item_entry_line"),
        Index("ix_item_imei", "imei"),
        Index("ix_item_serial", "serial_number"),
        Index("ix_item_frame", "frame_number"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"))
    line: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    brand: Mapped[str] = mapped_column(String(80), default="")
    model: Mapped[str] = mapped_column(String(80), default="")
    serial_number: Mapped[str] = mapped_column(String(64), default="")
    imei: Mapped[str] = mapped_column(String(15), default="")
    frame_number: Mapped[str] = mapped_column(String(64), default="")


class OutboxMessage(Base):
    """A message for the DOR, frozen at commit time; its state changes, its payload never does."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # "registration" or "event"
    idempotency_key: Mapped[str] = mapped_column(String(36), unique=True)
    payload: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[str | None] = mapped_column(String(32))
    last_error: Mapped[str | None] = mapped_column(Text)
    dor_id: Mapped[str | None] = mapped_column(String(64))
    result: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[str] = mapped_column(String(32))
    acknowledged_at: Mapped[str | None] = mapped_column(String(32))
    #: The DOR this message is for: the real DOR or the practice sandbox (see
    #: services.context.REAL_ENDPOINT); NULL only for rows made before schema 0002.
    dor_endpoint: Mapped[str | None] = mapped_column(String(300))


class Alert(Base):
    """A stolen-goods match (hit) on a registered item, from a submission result or a late notice.

    Never deleted; its state columns change only with an :class:`AlertEvent` (schema 0003).
    """

    __tablename__ = "alert"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"), index=True)
    item_line: Mapped[int | None] = mapped_column(Integer)
    hit_id: Mapped[str] = mapped_column(String(64), unique=True)
    match_type: Mapped[str] = mapped_column(String(16))
    matched_field: Mapped[str] = mapped_column(String(32))
    matched_value: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(64), default="")
    reported_stolen_on: Mapped[str | None] = mapped_column(String(10))
    instructions: Mapped[str] = mapped_column(Text, default="")
    origin: Mapped[str] = mapped_column(String(16))  # "submission" or "notification"
    status: Mapped[str] = mapped_column(String(16), default="active")  # active, withdrawn
    received_at: Mapped[str] = mapped_column(String(32))
    withdrawn_at: Mapped[str | None] = mapped_column(String(32))
    acknowledged_at: Mapped[str | None] = mapped_column(String(32))
    released_at: Mapped[str | None] = mapped_column(String(32))
    release_note: Mapped[str] = mapped_column(Text, default="")


class AlertEvent(Base):
    """One fact in an alert's life (received, withdrawn, acknowledged, released), hash-chained.

    Append-only (schema 0003 triggers); the ``alert`` row's state columns change only together with
    an event, and ``verify`` checks that they agree (:mod:`dor_desktop.storage.alert_chain`).
    """

    __tablename__ = "alert_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    alert_id: Mapped[int] = mapped_column(ForeignKey("alert.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    at: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text, default="")
    #: For ``received``: the hit's facts as canonical JSON; empty for the others.
    data: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64), unique=True)


class Sale(Base):
    """The sales register (verkoopregister): what was sold, when, to whom, for how much."""

    __tablename__ = "sale"
    __table_args__ = (UniqueConstraint("entry_id", "item_line", name="uq_sale_entry_line"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("register_entry.id"))
    item_line: Mapped[int] = mapped_column(Integer)
    sold_at: Mapped[str] = mapped_column(String(32))
    buyer_name: Mapped[str] = mapped_column(String(250), default="")
    price: Mapped[str] = mapped_column(String(16))
    recorded_at: Mapped[str] = mapped_column(String(32))


class SyncState(Base):
    """Small key/value facts the sync worker keeps: the notifications cursor, the last ack."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Account(Base):
    """A clerk's local account: never deleted (the audit log names it), only deactivated."""

    __tablename__ = "account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80, collation="NOCASE"), unique=True)
    role: Mapped[str] = mapped_column(String(16))  # clerk, manager, owner
    secret_hash: Mapped[str] = mapped_column(Text)  # argon2id of the PIN or password
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[str] = mapped_column(String(32))
    changed_at: Mapped[str] = mapped_column(String(32))


class AuditRow(Base):
    """One line of the audit log: who did what, when; append-only and hash-chained (migration 0004)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_at", "at"), Index("ix_audit_reference", "reference"))

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(120))
    actor_role: Mapped[str] = mapped_column(String(16))
    action: Mapped[str] = mapped_column(String(40))
    reference: Mapped[str] = mapped_column(String(120))
    detail: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64))
    row_hash: Mapped[str] = mapped_column(String(64), unique=True)
