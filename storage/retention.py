"""Storage limitation: deleting old messages, resolved cases and idle people, now or on a timer.

Messages go after `retention_days`; resolved cases with their alerts and moderator references
after `case_retention_days`; a person's own row (platform id, handle, country, consent) once
they have not written for `retention_days` and nothing of theirs is left; the content-free
audit rows (case_events) stay.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, delete, exists, select
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.erase import checkpoint_wal
from storage.models import Alert, Base, Case, Message, ModeratorRef, ProcessedEvent, User

log = logging.getLogger(__name__)

RESOLVED = "resolved"  # cases.status of a finished case (bot.ports.CaseStatus.RESOLVED)


@dataclass(frozen=True)
class PurgeReport:
    messages: int
    cases: int
    alerts: int
    moderator_refs: int
    processed_events: int
    checkpointed: bool
    users: int = 0

    @property
    def total(self) -> int:
        return (
            self.messages
            + self.cases
            + self.alerts
            + self.moderator_refs
            + self.processed_events
            + self.users
        )


async def purge_expired(
    sessions: async_sessionmaker[Any],
    *,
    now: datetime,
    retention_days: int,
    case_retention_days: int,
    batch_size: int = 1000,
) -> PurgeReport:
    """Delete what has outlived its retention window, in short transactions.

    Batches keep each write lock short, so a large first purge never stalls a live bot.
    """
    message_cutoff = now - timedelta(days=retention_days)
    case_cutoff = now - timedelta(days=case_retention_days)
    expired_cases = (
        select(Case.id)
        .where(Case.status == RESOLVED, Case.resolved_at < case_cutoff)
        .scalar_subquery()
    )
    alerts = await _delete_in_batches(sessions, Alert, Alert.case_id.in_(expired_cases), batch_size)
    refs = await _delete_in_batches(
        sessions, ModeratorRef, ModeratorRef.case_id.in_(expired_cases), batch_size
    )
    cases = await _delete_in_batches(
        sessions,
        Case,
        (Case.status == RESOLVED) & (Case.resolved_at < case_cutoff),
        batch_size,
    )
    messages = await _delete_in_batches(
        sessions, Message, Message.created_at < message_cutoff, batch_size
    )
    # Dedupe markers: platforms redeliver within minutes, so a retention window is ample.
    events = await _delete_in_batches(
        sessions, ProcessedEvent, ProcessedEvent.at < message_cutoff, batch_size
    )
    # A person who has been silent for the whole window and has nothing left here (no message,
    # no case of any age: a case would go with them, by cascade) is forgotten too. Checked in
    # the delete itself, so a message stored meanwhile keeps its author.
    users = await _delete_in_batches(
        sessions,
        User,
        (User.last_seen_at < message_cutoff)
        & ~exists().where(Message.user_id == User.id)
        & ~exists().where(Case.user_id == User.id),
        batch_size,
    )
    deleted_any = alerts + refs + cases + messages + events + users > 0
    # Always, not only after deleting: it also finishes an erase whose checkpoint a reader
    # blocked, so erased bytes never outlive one purge interval in the WAL.
    checkpointed = await checkpoint_wal(sessions)
    report = PurgeReport(messages, cases, alerts, refs, events, checkpointed, users)
    if deleted_any:
        log.info(
            "retention purge: %d messages, %d cases, %d alerts, %d idle people removed",
            messages,
            cases,
            alerts,
            users,
        )
    return report


async def _delete_in_batches(
    sessions: async_sessionmaker[Any],
    model: type[Base],
    condition: ColumnElement[bool],
    batch_size: int,
) -> int:
    table = Base.metadata.tables[model.__tablename__]
    total = 0
    while True:
        ids = select(table.c.id).where(condition).limit(batch_size).scalar_subquery()
        async with sessions.begin() as session:
            result = await session.execute(delete(table).where(table.c.id.in_(ids)))
        count = int(result.rowcount or 0)
        total += count
        if count < batch_size:
            return total


def utc_now() -> datetime:
    return datetime.now(UTC)


class RetentionTask:
    """Runs `purge_expired` now and then every `interval_s` seconds on the event loop.

    `stop()` lets a purge under way finish (it is short: batches and a bounded checkpoint)
    instead of cancelling a database call in flight, which can leave a pooled connection stuck.
    """

    def __init__(
        self,
        sessions: async_sessionmaker[Any],
        *,
        retention_days: int,
        case_retention_days: int,
        interval_s: float,
        clock: Callable[[], datetime] = utc_now,
        stop_grace_s: float = 30.0,
    ) -> None:
        self._sessions = sessions
        self._retention_days = retention_days
        self._case_retention_days = case_retention_days
        self._interval_s = interval_s
        self._clock = clock
        self._stop_grace_s = stop_grace_s
        self._task: asyncio.Task[None] | None = None
        self._stopping = asyncio.Event()
        self.last_report: PurgeReport | None = None
        self.runs = 0

    async def start(self) -> None:
        if self._task is None or self._task.done():
            self._stopping = asyncio.Event()
            self._task = asyncio.create_task(self._run(), name="haven-retention")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping.set()
        try:
            await asyncio.wait_for(asyncio.shield(task), self._stop_grace_s)
        except TimeoutError:  # a purge stuck on the disk: give up on it
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def run_once(self) -> PurgeReport:
        report = await purge_expired(
            self._sessions,
            now=self._clock(),
            retention_days=self._retention_days,
            case_retention_days=self._case_retention_days,
        )
        self.last_report = report
        self.runs += 1
        return report

    async def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.run_once()
            except Exception:  # a locked or full disk must not end the timer; try next time
                log.exception("retention purge failed; retrying in %.0f s", self._interval_s)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self._interval_s)
