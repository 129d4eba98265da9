"""The alert outbox: delivers stored items, retries failures with backoff, re-pages on deadlines
and says when an unclaimed case's owners are due a notice.

Items are rows in `alerts`, written in the same transaction as the case change that needs them,
so a crash or restart loses nothing: the next pass picks up whatever is still pending. Items of
one case in one channel go strictly in order (a post before its update, relayed lines in the
order they were written); different channels go in parallel so one slow platform delays no other.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.config import EscalationSettings
from bot.ports import ChannelUnavailable
from bot.safety.levels import RiskLevel
from storage.cases import FAILING_AFTER, CaseStore, OutboxItem

log = logging.getLogger(__name__)

ATTEMPT_TIMEOUT_S = 30.0  # one platform call; a hung connection must not stall the outbox


@dataclass(frozen=True, slots=True)
class Delivered:
    ref: str | None = None  # the platform's id for what was posted, for `case_for_ref`


@dataclass(frozen=True, slots=True)
class Dropped:
    """The item will never be delivered and should not be retried."""

    status: str  # storage.cases.SKIPPED or UNDELIVERABLE
    reason: str


class NotConnected(Exception):
    """The item's channel is not registered in this process; leave the item for one that has it."""


Deliver = Callable[[OutboxItem], Awaitable[Delivered | Dropped]]


def retry_delay(attempts: int, settings: EscalationSettings) -> float:
    """Seconds before the next try after `attempts` failures: doubling, capped."""
    exponent = max(0, min(attempts - 1, 32))
    return float(min(settings.retry_initial_s * 2**exponent, settings.retry_max_s))


def repage_deadline(level: int, settings: EscalationSettings) -> timedelta:
    minutes = (
        settings.l4_repage_minutes if level >= RiskLevel.IMMINENT else settings.l3_repage_minutes
    )
    return timedelta(minutes=minutes)


def repage_due(
    level: int,
    last_paged_at: datetime | None,
    opened_at: datetime,
    now: datetime,
    settings: EscalationSettings,
) -> bool:
    """Whether an unclaimed case has waited past its level's deadline since it was last paged."""
    return now - (last_paged_at or opened_at) >= repage_deadline(level, settings)


def owner_notice_deadline(level: int, settings: EscalationSettings) -> timedelta | None:
    """How long an unclaimed case waits before its owners are told; None: they are not told."""
    if level >= RiskLevel.IMMINENT:
        minutes = settings.owner_notice_minutes
    elif level >= RiskLevel.ACTIVE:
        minutes = settings.l3_owner_notice_minutes
    else:
        return None
    return timedelta(minutes=minutes) if minutes > 0 else None


def unclaimed_since(opened_at: datetime, released_at: datetime | None) -> datetime:
    """When the case's current wait for a moderator began: its opening or its last release."""
    return opened_at if released_at is None else max(opened_at, released_at)


def owner_notice_due(
    level: int, since: datetime, now: datetime, settings: EscalationSettings
) -> bool:
    """Whether a case unclaimed since `since` has waited past its owner-notice deadline."""
    deadline = owner_notice_deadline(level, settings)
    return deadline is not None and now - since >= deadline


def delivery_order(items: Sequence[OutboxItem]) -> dict[str, list[OutboxItem]]:
    """Pending items grouped by channel, oldest first within each group."""
    groups: dict[str, list[OutboxItem]] = defaultdict(list)
    for item in sorted(items, key=lambda i: i.id):
        groups[item.channel].append(item)
    return dict(groups)


@dataclass
class PassReport:
    delivered: int = 0
    failed: int = 0
    dropped: int = 0
    waiting: int = 0  # not due yet, behind an earlier item, or channel not connected here


class Outbox:
    def __init__(
        self,
        store: CaseStore,
        deliver: Deliver,
        *,
        clock: Callable[[], datetime],
        settings: EscalationSettings,
    ) -> None:
        self._store = store
        self._deliver = deliver
        self._clock = clock
        self._settings = settings
        self._pass_lock = asyncio.Lock()  # the loop and an explicit run never overlap
        self._warned_missing: set[str] = set()

    async def run_once(self) -> PassReport:
        """Try every due item once, keeping each case's items in order per channel."""
        async with self._pass_lock:
            items = await self._store.pending_items()
            report = PassReport()
            groups = delivery_order(items)
            await asyncio.gather(*(self._run_group(g, report) for g in groups.values()))
            return report

    async def _run_group(self, items: list[OutboxItem], report: PassReport) -> None:
        blocked: set[int] = set()  # cases whose earlier item in this channel is still pending
        for item in items:
            now = self._clock()
            if item.case_id in blocked or item.next_attempt_at > now:
                blocked.add(item.case_id)
                report.waiting += 1
                continue
            try:
                async with asyncio.timeout(ATTEMPT_TIMEOUT_S):
                    result = await self._deliver(item)
            except NotConnected:
                blocked.add(item.case_id)
                report.waiting += 1
                if item.channel not in self._warned_missing:
                    self._warned_missing.add(item.channel)
                    log.warning(
                        "outbox: channel %r is not connected in this process; its items wait",
                        item.channel,
                    )
                continue
            except (ChannelUnavailable, TimeoutError) as exc:
                await self._failed(item, exc)
                blocked.add(item.case_id)
                report.failed += 1
                continue
            except Exception as exc:  # an adapter bug: retry like a failure, but say it loudly
                log.exception("outbox: delivering item %d to %r raised", item.id, item.channel)
                await self._failed(item, exc)
                blocked.add(item.case_id)
                report.failed += 1
                continue
            self._warned_missing.discard(item.channel)
            if isinstance(result, Dropped):
                await self._store.mark_final(item.id, status=result.status, reason=result.reason)
                report.dropped += 1
            else:
                await self._store.mark_delivered(
                    item.id,
                    now=self._clock(),
                    ref=result.ref,
                    case_id=item.case_id,
                    channel=item.channel,
                )
                report.delivered += 1

    async def _failed(self, item: OutboxItem, exc: BaseException) -> None:
        attempts = item.attempts + 1
        delay = retry_delay(attempts, self._settings)
        error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
        await self._store.mark_failed(
            item.id, error=error, next_attempt_at=self._clock() + timedelta(seconds=delay)
        )
        if attempts >= FAILING_AFTER:
            # Loud on purpose: a moderator may not have seen a person at risk.
            log.error(
                "outbox: %s for case %d to %r has failed %d times (%s); retrying in %.0fs. "
                "Check the channel's connection and permissions; `haven cases list` shows it.",
                item.kind,
                item.case_id,
                item.channel,
                attempts,
                error,
                delay,
            )
        else:
            log.warning(
                "outbox: %s for case %d to %r failed (%s); retrying in %.0fs",
                item.kind,
                item.case_id,
                item.channel,
                error,
                delay,
            )


class OutboxLoop:
    """Runs a pass whenever woken or every `outbox_poll_s`, until stopped."""

    def __init__(self, run_pass: Callable[[], Awaitable[object]], poll_s: float) -> None:
        self._run_pass = run_pass
        self._poll_s = poll_s
        self._wake = asyncio.Event()
        self._stopping = False
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._stopping = False
            self._task = asyncio.create_task(self._run(), name="escalation-outbox")

    def wake(self) -> None:
        self._wake.set()

    async def stop(self) -> None:
        """Let a pass in progress finish (cancelling mid-write can wedge the database driver)."""
        task, self._task = self._task, None
        if task is None:
            return
        self._stopping = True
        self._wake.set()
        try:
            await asyncio.wait_for(asyncio.shield(task), timeout=ATTEMPT_TIMEOUT_S + 5)
        except TimeoutError:
            log.error("escalation outbox did not stop in time; cancelling it")
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _run(self) -> None:
        while not self._stopping:
            self._wake.clear()
            try:
                await self._run_pass()
            except Exception:
                log.exception("escalation outbox pass failed; trying again shortly")
            if self._stopping:
                return
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), timeout=self._poll_s)
