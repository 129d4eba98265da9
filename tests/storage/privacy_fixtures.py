"""Helpers for the privacy tests: a migrated SQLite file and a person with every kind of row."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from storage.crypto import TextCipher
from storage.db import create_engine, sessionmaker, upgrade
from storage.models import Alert, Case, CaseEvent, ModeratorRef
from storage.repository import ConversationStore, UserRecord


@dataclass
class Database:
    path: Path
    engine: AsyncEngine
    sessions: async_sessionmaker[Any]

    def file_bytes(self) -> bytes:
        """The database file and its WAL, as an attacker with the disk would read them."""
        data = self.path.read_bytes()
        wal = self.path.with_name(self.path.name + "-wal")
        return data + (wal.read_bytes() if wal.exists() else b"")


@asynccontextmanager
async def open_database(path: Path) -> AsyncIterator[Database]:
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    await upgrade(engine)
    try:
        yield Database(path, engine, sessionmaker(engine))
    finally:
        await engine.dispose()


async def add_person(
    store: ConversationStore,
    sessions: async_sessionmaker[Any],
    *,
    platform: str,
    platform_user_id: str,
    texts: list[str],
    now: datetime,
    handle: str | None = None,
    with_case: bool = True,
    case_status: str = "claimed",
) -> UserRecord:
    """A person with messages, and optionally a case with an alert, a ref and audit rows."""
    user = await store.get_or_create_user(
        platform, platform_user_id, now=now, handle=handle, chat_id=f"chat-{platform_user_id}"
    )
    for index, text in enumerate(texts):
        message_id = await store.record_incoming(
            user,
            chat_id=f"chat-{platform_user_id}",
            platform_message_id=f"{platform_user_id}-m{index}",
            text=text,
            created_at=now + timedelta(seconds=index),
        )
        assert message_id is not None
        await store.set_level(message_id, 1)
        await store.record_outgoing(
            user,
            chat_id=f"chat-{platform_user_id}",
            role="assistant",
            text=f"reply to {text}",
            created_at=now + timedelta(seconds=index, milliseconds=500),
        )
    if with_case:
        await add_case(store.cipher, sessions, user, now=now, status=case_status)
    return user


async def add_case(
    cipher: TextCipher,
    sessions: async_sessionmaker[Any],
    user: UserRecord,
    *,
    now: datetime,
    status: str = "claimed",
    resolved_at: datetime | None = None,
) -> int:
    async with sessions.begin() as session:
        case = Case(
            user_id=user.id,
            status=status,
            level=3,
            trigger="rule:means",
            resources_sent=True,
            backup_requested=False,
            claimed_by="discord:999000111",
            claimed_by_name_enc=cipher.encrypt("Moderator Mo"),
            page_count=1,
            opened_at=now,
            resolved_at=resolved_at,
            updated_at=now,
        )
        session.add(case)
        await session.flush()
        session.add(
            Alert(
                case_id=case.id,
                channel="discord",
                kind="post",
                status="delivered",
                attempts=1,
                next_attempt_at=now,
                ref=f"alert-ref-{case.id}",
                created_at=now,
            )
        )
        session.add(ModeratorRef(case_id=case.id, channel="discord", ref=f"thread-{case.id}"))
        for action in ("open", "claim"):
            session.add(
                CaseEvent(
                    case_id=case.id,
                    user_token=user.audit_token,
                    at=now,
                    actor="system" if action == "open" else "discord:999000111",
                    action=action,
                    outcome="ok",
                    level=3,
                )
            )
        return case.id
