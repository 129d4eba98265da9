"""The group-commit message log: durable appends, shared commits, flush on close."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from storage.message_log import MessageLog
from storage.models import Message
from storage.repository import ConversationStore

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


async def test_append_is_durable_and_redelivery_returns_none(store, message_log, engine):
    user = await store.get_or_create_user("telegram", "1", now=NOW)
    first = await message_log.append_incoming(
        user, chat_id="c", platform_message_id="9", text="hi", created_at=NOW
    )
    again = await message_log.append_incoming(
        user, chat_id="c", platform_message_id="9", text="hi", created_at=NOW
    )
    assert first is not None and again is None
    history = await store.history(user.id, limit=5)  # another connection sees it: committed
    assert [m.text for m in history] == ["hi"]


async def test_concurrent_writes_share_commits(store: ConversationStore, engine):
    log = MessageLog(engine, store.cipher)
    await log.start()
    users = [await store.get_or_create_user("t", str(n), now=NOW) for n in range(50)]
    ids = await asyncio.gather(
        *[
            log.append_incoming(
                u, chat_id="c", platform_message_id=u.platform_user_id, text="x", created_at=NOW
            )
            for u in users
        ]
    )
    await log.close()
    assert all(ids) and len(set(ids)) == 50
    assert 1 <= log.commits < 10  # 50 messages, a handful of commits


async def test_a_constraint_violation_is_sqlalchemys_integrity_error(store, message_log):
    from sqlalchemy.exc import IntegrityError

    user = await store.get_or_create_user("t", "gone", now=NOW)
    await store.erase_user("t", "gone")
    with pytest.raises(IntegrityError):  # the core tells a vanished person by this type
        await message_log.append_incoming(
            user, chat_id="c", platform_message_id="1", text="x", created_at=NOW
        )


async def test_queued_replies_and_levels_are_flushed_on_close(store, engine):
    log = MessageLog(engine, store.cipher)
    await log.start()
    user = await store.get_or_create_user("t", "u", now=NOW)
    message_id = await log.append_incoming(
        user, chat_id="c", platform_message_id="1", text="hello", created_at=NOW
    )
    log.queue_level(message_id, 2)
    log.queue_reply(
        user,
        chat_id="c",
        role="assistant",
        text="hi back",
        created_at=NOW,
        level=2,
        reply_kind="answer",
    )
    await log.close()
    async with engine.connect() as conn:
        count = await conn.scalar(select(func.count()).select_from(Message))
        level = await conn.scalar(select(Message.level).where(Message.id == message_id))
    assert count == 2 and level == 2


async def test_a_failed_write_fails_its_caller_not_the_log(store, message_log):
    user = await store.get_or_create_user("t", "u", now=NOW)
    ghost = replace(user, id=999_999)  # no such user: the foreign key refuses the row
    try:
        await message_log.append_incoming(
            ghost, chat_id="c", platform_message_id="1", text="x", created_at=NOW
        )
    except Exception as exc:
        assert "FOREIGN KEY" in str(exc).upper()
    else:
        raise AssertionError("a row for a missing user was accepted")
    ok = await message_log.append_incoming(
        user, chat_id="c", platform_message_id="2", text="y", created_at=NOW
    )
    assert ok is not None


async def test_create_user_once_then_lazy_updates_land(store, message_log):
    created = await message_log.create_user("discord", "77", handle="kim", chat_id="dm", now=NOW)
    again = await message_log.create_user("discord", "77", handle="kim", chat_id="dm", now=NOW)
    assert created is not None and again is None
    message_log.queue_user_update(created.id, onboarded_at=NOW, handle="kim2")
    await message_log.flush()
    stored = await store.find_user("discord", "77")
    assert stored.id == created.id and stored.onboarded_at == NOW and stored.handle == "kim2"


def test_unknown_user_columns_are_refused(message_log):
    import pytest

    with pytest.raises(ValueError, match="cannot queue"):
        message_log.queue_user_update(1, consent=True)
