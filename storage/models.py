"""The SQLAlchemy tables. Text people wrote is stored only as ciphertext (`*_enc` columns).

Every table that holds personal data is listed in `storage.erase.PERSONAL_TABLES` so `/forget`
reaches it; a test fails when a new table is not classified there.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes on every backend (SQLite keeps no zone, so we store naive UTC)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database; use an aware UTC time")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    __table_args__ = (UniqueConstraint("platform", "platform_user_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    platform_user_id: Mapped[str] = mapped_column(String(128))
    handle_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    chat_id: Mapped[str | None] = mapped_column(String(128))  # where to reach them outside a turn
    country: Mapped[str | None] = mapped_column(String(2))
    consent: Mapped[bool | None] = mapped_column(Boolean)  # None: not asked yet
    onboarded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    reminded_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UtcDateTime())
    # Replaces the user id in audit rows, so the audit trail outlives an erase anonymously.
    audit_token: Mapped[str] = mapped_column(String(32), unique=True)


class Message(Base):
    __tablename__ = "messages"
    __table_args__ = (
        # Platforms redeliver: one row per platform message, per platform and chat.
        UniqueConstraint("platform", "chat_id", "platform_message_id"),
        Index("ix_messages_user_time", "user_id", "created_at"),
        Index("ix_messages_created", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    platform: Mapped[str] = mapped_column(String(32))
    chat_id: Mapped[str] = mapped_column(String(128))
    platform_message_id: Mapped[str | None] = mapped_column(String(128))
    role: Mapped[str] = mapped_column(String(16))  # user | assistant | moderator | system
    text_enc: Mapped[bytes | None] = mapped_column(LargeBinary)  # None: no consent to keep text
    level: Mapped[int | None] = mapped_column(Integer)
    reply_kind: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())


class Case(Base):
    __tablename__ = "cases"
    __table_args__ = (Index("ix_cases_user_status", "user_id", "status"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(16))  # open | claimed | resolved
    level: Mapped[int] = mapped_column(Integer)
    trigger: Mapped[str] = mapped_column(String(64))
    country: Mapped[str | None] = mapped_column(String(2))
    resources_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    backup_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    claimed_by: Mapped[str | None] = mapped_column(String(160))  # actor key "discord:123"
    claimed_by_name_enc: Mapped[bytes | None] = mapped_column(LargeBinary)
    relay_channel: Mapped[str | None] = mapped_column(String(32))
    relay_ref: Mapped[str | None] = mapped_column(String(128))
    note: Mapped[str | None] = mapped_column(String(200))
    page_count: Mapped[int] = mapped_column(Integer, default=0)
    opened_at: Mapped[datetime] = mapped_column(UtcDateTime())
    claimed_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    last_paged_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime())


class CaseEvent(Base):
    """The append-only audit trail: who did what to which case, when; never message text."""

    __tablename__ = "case_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int | None] = mapped_column(Integer, index=True)  # no FK: outlives the case
    user_token: Mapped[str] = mapped_column(String(32), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime())
    actor: Mapped[str] = mapped_column(String(160))  # "system" or a moderator's actor key
    action: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(32))
    level: Mapped[int | None] = mapped_column(Integer)


class Alert(Base):
    """The outbox: one row per alert per moderator channel, retried until delivered."""

    __tablename__ = "alerts"
    __table_args__ = (Index("ix_alerts_due", "status", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(32))
    kind: Mapped[str] = mapped_column(String(16))  # post | update | repage
    status: Mapped[str] = mapped_column(String(16))  # pending | delivered
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UtcDateTime())
    last_error: Mapped[str | None] = mapped_column(String(300))
    ref: Mapped[str | None] = mapped_column(String(128))  # the platform message, once posted
    created_at: Mapped[datetime] = mapped_column(UtcDateTime())
    delivered_at: Mapped[datetime | None] = mapped_column(UtcDateTime())
    # Encrypted JSON for relay items (a person's or moderator's words); cleared once delivered.
    payload_enc: Mapped[bytes | None] = mapped_column(LargeBinary)


class ModeratorRef(Base):
    """Maps a platform message or thread in a moderator channel back to its case."""

    __tablename__ = "moderator_refs"
    __table_args__ = (UniqueConstraint("channel", "ref"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(32))
    ref: Mapped[str] = mapped_column(String(128))


class KeyCheck(Base):
    """A known plaintext under the current key, so a wrong key fails clearly at start-up."""

    __tablename__ = "key_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key_id: Mapped[str] = mapped_column(String(16))
    sample_enc: Mapped[bytes] = mapped_column(LargeBinary)


class ProcessedEvent(Base):
    """Platform events already handled (button presses, updates without a message row)."""

    __tablename__ = "processed_events"
    __table_args__ = (UniqueConstraint("platform", "event_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    event_id: Mapped[str] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(UtcDateTime())
