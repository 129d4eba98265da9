"""Storage: migrations on an empty file, pragmas, idempotent insert, encryption at rest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from storage.db import create_engine, current_revision, upgrade
from storage.models import Base
from storage.repository import ConversationStore

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


async def test_migrations_create_the_schema_on_an_empty_file(tmp_path: Path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'fresh.db'}")
    await upgrade(engine)
    await upgrade(engine)  # idempotent
    assert await current_revision(engine) == "0001"
    async with engine.connect() as conn:
        diff = await conn.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
        pragmas = {
            name: (await conn.execute(text(f"PRAGMA {name}"))).scalar()
            for name in ("journal_mode", "foreign_keys", "secure_delete", "busy_timeout")
        }
    await engine.dispose()
    assert diff == [], "models and migrations disagree: add a migration"
    assert pragmas == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "secure_delete": 1,
        "busy_timeout": 10000,
    }


async def test_incoming_message_is_stored_once_per_platform_chat_and_id(store: ConversationStore):
    user = await store.get_or_create_user("telegram", "42", now=NOW, handle="@kim")
    first = await store.record_incoming(
        user, chat_id="c1", platform_message_id="7", text="hello", created_at=NOW
    )
    again = await store.record_incoming(
        user, chat_id="c1", platform_message_id="7", text="hello", created_at=NOW
    )
    other_chat = await store.record_incoming(
        user, chat_id="c2", platform_message_id="7", text="hello", created_at=NOW
    )
    assert first is not None and again is None and other_chat is not None


async def test_get_or_create_user_is_stable_and_concurrency_safe(store: ConversationStore):
    import asyncio

    users = await asyncio.gather(
        *[store.get_or_create_user("discord", "9", now=NOW) for _ in range(5)]
    )
    assert len({u.id for u in users}) == 1


async def test_history_window_is_newest_last_and_decrypted(store: ConversationStore):
    user = await store.get_or_create_user("terminal", "bo", now=NOW)
    for n in range(5):
        await store.record_outgoing(
            user, chat_id="t", role="assistant", text=f"m{n}", created_at=NOW + timedelta(seconds=n)
        )
    window = await store.history(user.id, limit=3)
    assert [m.text for m in window] == ["m2", "m3", "m4"]


async def test_text_is_encrypted_at_rest(tmp_path: Path, store: ConversationStore):
    user = await store.get_or_create_user("terminal", "cy", now=NOW, handle="cy-handle")
    await store.record_incoming(
        user,
        chat_id="t",
        platform_message_id="1",
        text="my secret phrase is bluebird",
        created_at=NOW,
    )
    async with store._sessions() as session:
        raw = (await session.execute(text("SELECT text_enc FROM messages"))).scalar_one()
    assert b"bluebird" not in raw
    data = (tmp_path / "store.db").read_bytes() + (tmp_path / "store.db-wal").read_bytes()
    assert b"bluebird" not in data and b"cy-handle" not in data


async def test_naive_datetimes_are_refused(store: ConversationStore):
    with pytest.raises(Exception, match="naive"):
        await store.get_or_create_user("terminal", "x", now=datetime(2026, 1, 1))
