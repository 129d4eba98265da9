"""The queries the conversation core needs; the core never writes SQL.

Text goes in and out as plain `str`; it is encrypted on the way in and decrypted on the way out.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.crypto import TextCipher
from storage.models import Message, User


def insert_once(table: type[Message] | type[User], dialect: str) -> Any:
    """`INSERT … ON CONFLICT DO NOTHING RETURNING id`: platforms redeliver and people return,
    so a second insert of the same message or person adds nothing and returns no id."""
    statement: sqlite.Insert | postgresql.Insert
    if dialect == "sqlite":
        statement = sqlite.insert(table)
    elif dialect == "postgresql":
        statement = postgresql.insert(table)
    else:
        raise ValueError(
            f"storage.url: the {dialect} backend is not supported; use SQLite or PostgreSQL"
        )
    return statement.on_conflict_do_nothing().returning(table.id)


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: int
    platform: str
    platform_user_id: str
    handle: str | None
    chat_id: str | None
    country: str | None
    consent: bool | None
    onboarded_at: datetime | None
    reminded_at: datetime | None
    audit_token: str


@dataclass(frozen=True, slots=True)
class StoredMessage:
    id: int
    role: str
    text: str | None  # None when the person did not consent to keeping text
    level: int | None
    created_at: datetime


class ConversationStore:
    def __init__(self, sessions: async_sessionmaker[Any], cipher: TextCipher) -> None:
        self._sessions = sessions
        self._cipher = cipher

    @property
    def cipher(self) -> TextCipher:
        return self._cipher

    async def get_or_create_user(
        self,
        platform: str,
        platform_user_id: str,
        *,
        now: datetime,
        handle: str | None = None,
        chat_id: str | None = None,
    ) -> UserRecord:
        async with self._sessions.begin() as session:
            await session.execute(
                insert_once(User, session.bind.dialect.name),
                {
                    "platform": platform,
                    "platform_user_id": platform_user_id,
                    "handle_enc": self._cipher.maybe_encrypt(handle),
                    "chat_id": chat_id,
                    "created_at": now,
                    "last_seen_at": now,
                    "audit_token": secrets.token_hex(16),
                },
            )
            row = await session.scalar(
                select(User).where(
                    User.platform == platform, User.platform_user_id == platform_user_id
                )
            )
            assert row is not None
            row.last_seen_at = now
            if chat_id is not None:
                row.chat_id = chat_id
            if handle is not None and self._cipher.maybe_decrypt(row.handle_enc) != handle:
                row.handle_enc = self._cipher.encrypt(handle)
            return self._user_record(row)

    async def find_user(self, platform: str, platform_user_id: str) -> UserRecord | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(User).where(
                    User.platform == platform, User.platform_user_id == platform_user_id
                )
            )
            return None if row is None else self._user_record(row)

    async def user_by_id(self, user_id: int) -> UserRecord | None:
        async with self._sessions() as session:
            row = await session.get(User, user_id)
            return None if row is None else self._user_record(row)

    async def update_user(self, user_id: int, **values: Any) -> None:
        """Set plain columns: country, consent, onboarded_at, reminded_at, chat_id."""
        allowed = {"country", "consent", "onboarded_at", "reminded_at", "chat_id"}
        if not values.keys() <= allowed:
            raise ValueError(f"cannot update {sorted(values.keys() - allowed)}")
        async with self._sessions.begin() as session:
            await session.execute(update(User).where(User.id == user_id).values(**values))

    async def record_incoming(
        self,
        user: UserRecord,
        *,
        chat_id: str,
        platform_message_id: str,
        text: str,
        created_at: datetime,
    ) -> int | None:
        """Store a person's message once; None when this platform message was stored before."""
        values = {
            "user_id": user.id,
            "platform": user.platform,
            "chat_id": chat_id,
            "platform_message_id": platform_message_id,
            "role": "user",
            "text_enc": self._cipher.encrypt(text) if user.consent is not False else None,
            "created_at": created_at,
        }
        async with self._sessions.begin() as session:
            result = await session.execute(
                insert_once(Message, session.bind.dialect.name), {**values, "level": None}
            )
            inserted: int | None = result.scalar_one_or_none()
            return inserted

    async def set_level(self, message_id: int, level: int) -> None:
        async with self._sessions.begin() as session:
            await session.execute(
                update(Message).where(Message.id == message_id).values(level=level)
            )

    async def record_outgoing(
        self,
        user: UserRecord,
        *,
        chat_id: str,
        role: str,
        text: str,
        created_at: datetime,
        level: int | None = None,
        reply_kind: str | None = None,
    ) -> int:
        keep_text = user.consent is not False
        async with self._sessions.begin() as session:
            message = Message(
                user_id=user.id,
                platform=user.platform,
                chat_id=chat_id,
                platform_message_id=None,
                role=role,
                text_enc=self._cipher.encrypt(text) if keep_text else None,
                level=level,
                reply_kind=reply_kind,
                created_at=created_at,
            )
            session.add(message)
            await session.flush()
            return message.id

    async def history(
        self, user_id: int, *, limit: int, since: datetime | None = None
    ) -> list[StoredMessage]:
        """The newest `limit` messages, oldest first."""
        query = select(Message).where(Message.user_id == user_id)
        if since is not None:
            query = query.where(Message.created_at >= since)
        query = query.order_by(Message.created_at.desc(), Message.id.desc()).limit(limit)
        async with self._sessions() as session:
            rows = list(await session.scalars(query))
        return [
            StoredMessage(
                m.id, m.role, self._cipher.maybe_decrypt(m.text_enc), m.level, m.created_at
            )
            for m in reversed(rows)
        ]

    async def recent_levels(self, user_id: int, *, since: datetime) -> list[tuple[datetime, int]]:
        """(time, level) of the person's assessed messages since `since`, oldest first."""
        query = (
            select(Message.created_at, Message.level)
            .where(
                Message.user_id == user_id,
                Message.role == "user",
                Message.created_at >= since,
                Message.level > 0,
            )
            .order_by(Message.created_at)
        )
        async with self._sessions() as session:
            return [(at, int(level)) for at, level in (await session.execute(query)).all()]

    async def drop_texts(self, user_id: int) -> None:
        """Keep only the minimum for someone who withdrew consent: no message text."""
        from storage.erase import drop_texts

        await drop_texts(self._sessions, user_id)

    async def erase_user(self, platform: str, platform_user_id: str) -> None:
        from storage.erase import erase_user

        await erase_user(self._sessions, platform, platform_user_id)

    async def export_user(self, platform: str, platform_user_id: str) -> dict[str, Any]:
        from storage.export import export_user

        return await export_user(self._sessions, self._cipher, platform, platform_user_id)

    def _user_record(self, row: User) -> UserRecord:
        return user_record(row, self._cipher)


def user_record(row: User, cipher: TextCipher) -> UserRecord:
    """A person's row as plain data, their handle decrypted."""
    return UserRecord(
        id=row.id,
        platform=row.platform,
        platform_user_id=row.platform_user_id,
        handle=cipher.maybe_decrypt(row.handle_enc),
        chat_id=row.chat_id,
        country=row.country,
        consent=row.consent,
        onboarded_at=row.onboarded_at,
        reminded_at=row.reminded_at,
        audit_token=row.audit_token,
    )
