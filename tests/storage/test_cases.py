"""Case storage: compare-and-set transitions, the insert-only audit trail, the outbox rows."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.cases import DELIVERED, PENDING, SKIPPED, CaseStore
from storage.crypto import TextCipher, decode_key, generate_key
from storage.db import create_engine, sessionmaker, upgrade
from storage.models import Alert
from storage.repository import ConversationStore

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


@pytest.fixture
async def stores(tmp_path: Path):
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'cases.db'}")
    await upgrade(engine)
    cipher = TextCipher(decode_key(generate_key()))
    sessions = sessionmaker(engine)
    yield CaseStore(sessions, cipher), ConversationStore(sessions, cipher), engine
    await engine.dispose()


async def _case(store: CaseStore, user_id: int) -> int:
    async with store.transaction() as tx:
        case = await tx.insert_case(
            user_id=user_id,
            level=3,
            trigger="rule:intent",
            country="GB",
            resources_sent=True,
            now=NOW,
        )
        return case.id


async def test_a_compare_and_set_update_applies_only_from_the_expected_status(stores):
    store, conversations, _ = stores
    user = await conversations.get_or_create_user("discord", "1", now=NOW, handle="bob")
    case_id = await _case(store, user.id)

    async with store.transaction() as tx:
        first = await tx.update_case(
            case_id,
            expected="open",
            now=NOW,
            status="claimed",
            claimed_by="discord:9",
            claimed_by_name="Sam",
        )
        second = await tx.update_case(
            case_id,
            expected="open",
            now=NOW,
            status="claimed",
            claimed_by="telegram:8",
            claimed_by_name="Alex",
        )

    case = await store.case(case_id)
    assert (first, second) == (True, False)
    assert case is not None and (case.claimed_by, case.claimed_by_name) == ("discord:9", "Sam")
    assert await store.claimed_case_of(user.id) == case_id


async def test_concurrent_transactions_serialise_on_the_write_lock(stores):
    store, conversations, _ = stores
    user = await conversations.get_or_create_user("discord", "1", now=NOW)
    case_id = await _case(store, user.id)

    async def claim(who: str) -> bool:
        async with store.transaction() as tx:
            case = await tx.case(case_id)
            await asyncio.sleep(0.01)  # widen the window between the read and the write
            if case is None or case.status != "open":
                return False
            return await tx.update_case(
                case_id, expected="open", now=NOW, status="claimed", claimed_by=who
            )

    results = await asyncio.gather(*(claim(f"discord:{i}") for i in range(5)))
    assert results.count(True) == 1


async def test_audit_rows_are_appended_and_never_rewritten(stores):
    store, conversations, _ = stores
    user = await conversations.get_or_create_user("discord", "1", now=NOW)
    case_id = await _case(store, user.id)
    for minute, action in enumerate(("open", "claim", "resolve")):
        await store.append_event(
            case_id=case_id,
            user_token=user.audit_token,
            at=NOW + timedelta(minutes=minute),
            actor="discord:9",
            action=action,
            outcome="ok",
            level=3,
        )
    before = await store.events(case_id)
    await store.append_event(
        case_id=case_id,
        user_token=user.audit_token,
        at=NOW,
        actor="discord:7",
        action="claim",
        outcome="refused:not_moderator",
    )
    after = await store.events(case_id)

    assert after[:3] == before
    assert [(e.action, e.outcome) for e in after] == [
        ("open", "ok"),
        ("claim", "ok"),
        ("resolve", "ok"),
        ("claim", "refused:not_moderator"),
    ]
    assert not [name for name in dir(store) if "event" in name and "delete" in name]


async def test_outbox_payloads_are_encrypted_and_forgotten_once_delivered(stores):
    store, conversations, engine = stores
    user = await conversations.get_or_create_user("discord", "1", now=NOW)
    case_id = await _case(store, user.id)
    async with store.transaction() as tx:
        item_id = await tx.enqueue(
            case_id=case_id,
            channel="discord",
            kind="relay",
            now=NOW,
            payload={"text": "a private sentence"},
        )
    async with engine.connect() as conn:
        raw = (await conn.execute(select(Alert.payload_enc))).scalar_one()
    assert raw is not None and b"private" not in raw
    [item] = await store.pending_items()
    assert item.payload == {"text": "a private sentence"} and item.status == PENDING

    await store.mark_delivered(item_id, now=NOW, ref="msg-1", case_id=case_id, channel="discord")

    [done] = await store.items_for(case_id)
    assert (done.status, done.payload, done.ref) == (DELIVERED, None, "msg-1")
    assert await store.case_for_ref("discord", "msg-1") == case_id
    assert await store.case_for_ref("telegram", "msg-1") is None


async def test_delivery_health_counts_failures_for_the_case_list(stores):
    store, conversations, _ = stores
    user = await conversations.get_or_create_user("discord", "1", now=NOW)
    case_id = await _case(store, user.id)
    async with store.transaction() as tx:
        failing = await tx.enqueue(case_id=case_id, channel="discord", kind="post", now=NOW)
        skipped = await tx.enqueue(case_id=case_id, channel="telegram", kind="repage", now=NOW)
    for _ in range(3):
        await store.mark_failed(failing, error="ChannelUnavailable: 503", next_attempt_at=NOW)
    await store.mark_final(skipped, status=SKIPPED, reason="claimed first")

    [summary] = await store.list_cases()
    assert summary.user.platform_user_id == "1"
    assert (summary.delivery.pending, summary.delivery.failing) == (1, 1)
    assert summary.delivery.last_error is not None and "503" in summary.delivery.last_error
