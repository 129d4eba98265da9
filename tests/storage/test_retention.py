"""Retention: old messages and old resolved cases go; recent data, open cases and audit stay."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from storage.crypto import TextCipher, decode_key, generate_key
from storage.models import Alert, Case, CaseEvent, Message, ModeratorRef, ProcessedEvent
from storage.repository import ConversationStore
from storage.retention import RetentionTask, purge_expired
from tests.conftest import Clock
from tests.storage.privacy_fixtures import add_case, add_person, open_database


async def _counts(sessions) -> dict[str, int]:  # type: ignore[no-untyped-def]
    out = {}
    async with sessions() as session:
        for model in (Message, Case, Alert, ModeratorRef, CaseEvent, ProcessedEvent):
            out[model.__tablename__] = int(
                await session.scalar(select(func.count()).select_from(model))
            )
    return out


async def test_messages_older_than_the_window_are_purged_and_newer_kept(
    tmp_path: Path, clock: Clock
) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        start = clock()
        user = await add_person(
            store,
            db.sessions,
            platform="discord",
            platform_user_id="1",
            texts=["old"],
            now=start,
            with_case=False,
        )
        clock.advance(days=20)
        await store.record_incoming(
            user, chat_id="c", platform_message_id="new", text="new", created_at=clock()
        )
        clock.advance(days=10, seconds=5)  # "old" is now 30 days and 5 s old; "new" 10 days

        report = await purge_expired(
            db.sessions, now=clock(), retention_days=30, case_retention_days=90, batch_size=1
        )

        assert report.messages == 2  # "old" and its reply, deleted one per batch
        assert [m.text for m in await store.history(user.id, limit=10)] == ["new"]
        again = await purge_expired(
            db.sessions, now=clock(), retention_days=30, case_retention_days=90
        )
        assert again.total == 0


async def test_resolved_cases_go_after_case_retention_with_alerts_but_audit_stays(
    tmp_path: Path, clock: Clock
) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        start = clock()
        user = await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id="2",
            texts=[],
            now=start,
            with_case=False,
        )
        await add_case(
            cipher,
            db.sessions,
            user,
            now=start,
            status="resolved",
            resolved_at=start + timedelta(days=1),
        )
        await add_case(cipher, db.sessions, user, now=start, status="open")  # never expires
        await add_case(
            cipher,
            db.sessions,
            user,
            now=start,
            status="resolved",
            resolved_at=start + timedelta(days=60),
        )
        clock.advance(days=91, seconds=1)

        report = await purge_expired(
            db.sessions, now=clock(), retention_days=30, case_retention_days=90
        )

        assert (report.cases, report.alerts, report.moderator_refs) == (1, 1, 1)
        counts = await _counts(db.sessions)
        assert counts["cases"] == 2 and counts["alerts"] == 2 and counts["moderator_refs"] == 2
        assert counts["case_events"] == 6  # the content-free audit trail is kept
        async with db.sessions() as session:
            statuses = sorted(await session.scalars(select(Case.status)))
        assert statuses == ["open", "resolved"]


async def test_a_person_silent_for_the_whole_window_with_nothing_left_is_forgotten(
    tmp_path: Path, clock: Clock
) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        start = clock()
        for who, with_case in (("idle", False), ("has-open-case", True)):
            await add_person(
                store,
                db.sessions,
                platform="discord",
                platform_user_id=who,
                texts=["long ago"],
                now=start,
                handle=f"{who}-handle",
                with_case=with_case,
                case_status="open",
            )
        clock.advance(days=20)
        recent = await add_person(
            store,
            db.sessions,
            platform="discord",
            platform_user_id="wrote-recently",
            texts=[],
            now=start,
            with_case=False,
        )
        await store.record_incoming(  # a message within the window keeps its author
            recent, chat_id="c", platform_message_id="r1", text="still here", created_at=clock()
        )
        clock.advance(days=10, seconds=5)

        report = await purge_expired(
            db.sessions, now=clock(), retention_days=30, case_retention_days=90
        )

        assert report.users == 1
        assert await store.find_user("discord", "idle") is None
        assert await store.find_user("discord", "has-open-case") is not None
        assert await store.find_user("discord", "wrote-recently") is not None
        counts = await _counts(db.sessions)
        assert counts["cases"] == 1  # the open case was not taken away with anyone


async def test_old_dedupe_markers_are_purged(tmp_path: Path, clock: Clock) -> None:
    async with open_database(tmp_path / "haven.db") as db:
        async with db.sessions.begin() as session:
            session.add(ProcessedEvent(platform="telegram", event_id="u1", at=clock()))
        clock.advance(days=31)
        report = await purge_expired(
            db.sessions, now=clock(), retention_days=30, case_retention_days=90
        )
        assert report.processed_events == 1


async def test_retention_task_purges_on_start_and_on_each_interval(
    tmp_path: Path, clock: Clock
) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        await add_person(
            store,
            db.sessions,
            platform="discord",
            platform_user_id="3",
            texts=["a", "b"],
            now=clock(),
            with_case=False,
        )
        task = RetentionTask(
            db.sessions,
            retention_days=30,
            case_retention_days=90,
            interval_s=0.02,
            clock=clock,
        )
        await task.start()
        try:
            await _until(lambda: task.runs >= 1)
            assert task.last_report is not None and task.last_report.messages == 0
            clock.advance(days=31)  # the injected clock moves; the next run sees it
            await _until(lambda: task.last_report is not None and task.last_report.messages)
            assert (await _counts(db.sessions))["messages"] == 0
        finally:
            await task.stop()
        runs = task.runs
        await asyncio.sleep(0.06)
        assert task.runs == runs  # stopped means stopped


async def test_retention_task_survives_a_failing_purge(tmp_path: Path) -> None:
    failures = 0

    def broken_clock() -> datetime:  # every run fails; the timer must keep going
        nonlocal failures
        failures += 1
        raise RuntimeError("clock broke")

    async with open_database(tmp_path / "haven.db") as db:
        task = RetentionTask(
            db.sessions,
            retention_days=30,
            case_retention_days=90,
            interval_s=0.01,
            clock=broken_clock,
        )
        await task.start()
        try:
            await _until(lambda: failures >= 3)
        finally:
            await task.stop()
        assert task.runs == 0


async def _until(condition, limit_s: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = asyncio.get_running_loop().time() + limit_s
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "condition never became true"
        await asyncio.sleep(0.005)
