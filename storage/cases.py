"""The queries for cases, their audit trail, the alert outbox and moderator references.

The escalation service decides; this module only reads and writes rows. State changes are
compare-and-set updates (`WHERE status = expected`), so two moderators pressing Claim at once
leave exactly one owner. The audit trail is insert-only here: nothing in this module updates or
deletes a `case_events` row.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import case as when
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.crypto import TextCipher
from storage.models import Alert, Case, CaseEvent, ModeratorRef, User
from storage.repository import UserRecord, user_record

PENDING = "pending"
DELIVERED = "delivered"
SKIPPED = "skipped"  # no longer needed (a re-page for a case already claimed)
UNDELIVERABLE = "undeliverable"  # the platform refused for good (the person blocked the bot)
FAILING_AFTER = 3  # attempts after which `haven cases list` shows a delivery as failing


@dataclass(frozen=True, slots=True)
class CaseRecord:
    id: int
    user_id: int
    status: str
    level: int
    trigger: str
    country: str | None
    resources_sent: bool
    backup_requested: bool
    claimed_by: str | None
    claimed_by_name: str | None
    relay_channel: str | None
    relay_ref: str | None
    note: str | None
    page_count: int
    opened_at: datetime
    claimed_at: datetime | None
    resolved_at: datetime | None
    last_paged_at: datetime | None
    updated_at: datetime


# The person a case is about: the same record the conversation store uses.
CaseUser = UserRecord


@dataclass(frozen=True, slots=True)
class OutboxItem:
    id: int
    case_id: int
    channel: str
    kind: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    ref: str | None
    payload: dict[str, Any] | None
    created_at: datetime
    delivered_at: datetime | None


@dataclass(frozen=True, slots=True)
class AuditEntry:
    id: int
    case_id: int | None
    at: datetime
    actor: str
    action: str
    outcome: str
    level: int | None


@dataclass(frozen=True, slots=True)
class DeliveryHealth:
    pending: int
    failing: int  # pending items past FAILING_AFTER attempts
    undeliverable: int
    last_error: str | None
    delivered: int = 0


@dataclass(frozen=True, slots=True)
class CaseSummary:
    case: CaseRecord
    user: CaseUser
    delivery: DeliveryHealth


class CaseTx:
    """The reads and writes of one transaction; the service composes them into a transition."""

    def __init__(self, session: AsyncSession, cipher: TextCipher) -> None:
        self._session = session
        self._cipher = cipher

    async def lock(self) -> None:
        """Take the write lock first, so reads in this transaction see what later writes change.

        SQLite's driver only begins a transaction at the first write; a harmless write up front
        makes read-then-write atomic. PostgreSQL reads use FOR UPDATE instead.
        """
        if self._session.get_bind().dialect.name == "sqlite":
            await self._session.execute(text("UPDATE cases SET id = id WHERE 0"))

    async def user(self, user_id: int) -> CaseUser | None:
        row = await self._session.get(User, user_id)
        return None if row is None else user_record(row, self._cipher)

    async def case(self, case_id: int) -> CaseRecord | None:
        row = await self._session.scalar(select(Case).where(Case.id == case_id).with_for_update())
        return None if row is None else _case_record(row, self._cipher)

    async def active_case(self, user_id: int) -> CaseRecord | None:
        row = await self._session.scalar(
            select(Case)
            .where(Case.user_id == user_id, Case.status.in_(("open", "claimed")))
            .order_by(Case.id.desc())
            .limit(1)
            .with_for_update()
        )
        return None if row is None else _case_record(row, self._cipher)

    async def insert_case(
        self,
        *,
        user_id: int,
        level: int,
        trigger: str,
        country: str | None,
        resources_sent: bool,
        now: datetime,
    ) -> CaseRecord:
        row = Case(
            user_id=user_id,
            status="open",
            level=level,
            trigger=trigger[:64],
            country=country,
            resources_sent=resources_sent,
            backup_requested=False,
            page_count=0,
            opened_at=now,
            last_paged_at=now,
            updated_at=now,
        )
        self._session.add(row)
        await self._session.flush()
        return _case_record(row, self._cipher)

    async def update_case(
        self, case_id: int, *, expected: str | Sequence[str], now: datetime, **values: Any
    ) -> bool:
        """Set columns only if the case is still in `expected`; False when another change won.

        `claimed_by_name` is given as text and stored encrypted.
        """
        if "claimed_by_name" in values:
            values["claimed_by_name_enc"] = self._cipher.maybe_encrypt(
                values.pop("claimed_by_name")
            )
        statuses = (expected,) if isinstance(expected, str) else tuple(expected)
        result = await self._session.execute(
            update(Case)
            .where(Case.id == case_id, Case.status.in_(statuses))
            .values(updated_at=now, **values)
            .execution_options(synchronize_session=False)
        )
        return bool(result.rowcount)  # type: ignore[attr-defined]

    async def audit(
        self,
        *,
        case_id: int | None,
        user_token: str,
        at: datetime,
        actor: str,
        action: str,
        outcome: str,
        level: int | None = None,
    ) -> None:
        self._session.add(
            CaseEvent(
                case_id=case_id,
                user_token=user_token,
                at=at,
                actor=actor[:160],
                action=action[:32],
                outcome=outcome[:32],
                level=level,
            )
        )

    async def enqueue(
        self,
        *,
        case_id: int,
        channel: str,
        kind: str,
        now: datetime,
        payload: dict[str, Any] | None = None,
    ) -> int:
        row = Alert(
            case_id=case_id,
            channel=channel,
            kind=kind,
            status=PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            payload_enc=None if payload is None else self._cipher.encrypt(json.dumps(payload)),
        )
        self._session.add(row)
        await self._session.flush()
        return row.id

    async def has_pending(self, case_id: int, channel: str, kinds: Sequence[str]) -> bool:
        found = await self._session.scalar(
            select(Alert.id)
            .where(
                Alert.case_id == case_id,
                Alert.channel == channel,
                Alert.kind.in_(tuple(kinds)),
                Alert.status == PENDING,
            )
            .limit(1)
        )
        return found is not None

    async def posted_channels(self, case_id: int, kinds: Sequence[str]) -> set[str]:
        """Channels that have an item of these kinds for the case, delivered or still pending."""
        rows = await self._session.scalars(
            select(Alert.channel).where(
                Alert.case_id == case_id,
                Alert.kind.in_(tuple(kinds)),
                Alert.status.in_((PENDING, DELIVERED)),
            )
        )
        return set(rows)


class CaseStore:
    def __init__(self, sessions: async_sessionmaker[Any], cipher: TextCipher) -> None:
        self._sessions = sessions
        self._cipher = cipher

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[CaseTx]:
        """One atomic unit with the write lock taken first (see `CaseTx.lock`)."""
        async with self._sessions.begin() as session:
            tx = CaseTx(session, self._cipher)
            await tx.lock()
            yield tx

    # ---- reads ---------------------------------------------------------------------------

    async def case(self, case_id: int) -> CaseRecord | None:
        async with self._sessions() as session:
            row = await session.get(Case, case_id)
            return None if row is None else _case_record(row, self._cipher)

    async def user(self, user_id: int) -> CaseUser | None:
        async with self._sessions() as session:
            row = await session.get(User, user_id)
            return None if row is None else user_record(row, self._cipher)

    async def claimed_case_of(self, user_id: int) -> int | None:
        async with self._sessions() as session:
            found: int | None = await session.scalar(
                select(Case.id)
                .where(Case.user_id == user_id, Case.status == "claimed")
                .order_by(Case.id.desc())
                .limit(1)
            )
            return found

    async def claimed_cases_by_user(self) -> dict[int, int]:
        """user id -> the case a moderator has claimed for them, for every claimed case."""
        async with self._sessions() as session:
            rows = await session.execute(
                select(Case.user_id, Case.id).where(Case.status == "claimed").order_by(Case.id)
            )
            return {user_id: case_id for user_id, case_id in rows.all()}

    async def active_case_of(self, user_id: int) -> CaseRecord | None:
        async with self._sessions() as session:
            row = await session.scalar(
                select(Case)
                .where(Case.user_id == user_id, Case.status.in_(("open", "claimed")))
                .order_by(Case.id.desc())
                .limit(1)
            )
            return None if row is None else _case_record(row, self._cipher)

    async def open_cases(self) -> list[CaseRecord]:
        """Unclaimed cases, for the re-page check."""
        async with self._sessions() as session:
            rows = await session.scalars(select(Case).where(Case.status == "open"))
            return [_case_record(row, self._cipher) for row in rows]

    async def case_for_ref(self, channel: str, ref: str) -> int | None:
        async with self._sessions() as session:
            found: int | None = await session.scalar(
                select(ModeratorRef.case_id).where(
                    ModeratorRef.channel == channel, ModeratorRef.ref == ref
                )
            )
            return found

    async def refs_for(self, case_id: int, channel: str) -> list[str]:
        async with self._sessions() as session:
            return list(
                await session.scalars(
                    select(ModeratorRef.ref)
                    .where(ModeratorRef.case_id == case_id, ModeratorRef.channel == channel)
                    .order_by(ModeratorRef.id)
                )
            )

    async def channels_with(
        self, case_ids: Sequence[int], kinds: Sequence[str]
    ) -> dict[int, set[str]]:
        """Per case, the channels holding an item of these kinds, delivered or still pending."""
        if not case_ids:
            return {}
        async with self._sessions() as session:
            rows = await session.execute(
                select(Alert.case_id, Alert.channel).where(
                    Alert.case_id.in_(tuple(case_ids)),
                    Alert.kind.in_(tuple(kinds)),
                    Alert.status.in_((PENDING, DELIVERED)),
                )
            )
            found: dict[int, set[str]] = {}
            for case_id, channel in rows.all():
                found.setdefault(case_id, set()).add(channel)
            return found

    async def released_at(self, case_ids: Sequence[int]) -> dict[int, datetime]:
        """When each of these cases was last released by its claimer (absent: never)."""
        if not case_ids:
            return {}
        async with self._sessions() as session:
            rows = await session.execute(
                select(CaseEvent.case_id, func.max(CaseEvent.at))
                .where(
                    CaseEvent.case_id.in_(tuple(case_ids)),
                    CaseEvent.action == "release",
                    CaseEvent.outcome == "ok",
                )
                .group_by(CaseEvent.case_id)
            )
            return {case_id: at for case_id, at in rows.all() if case_id is not None}

    async def pending_items(self) -> list[OutboxItem]:
        """Every undelivered outbox item, oldest first (the outbox is small: a handful per case)."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(Alert).where(Alert.status == PENDING).order_by(Alert.id)
            )
            return [_outbox_item(row, self._cipher) for row in rows]

    async def items_for(self, case_id: int) -> list[OutboxItem]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(Alert).where(Alert.case_id == case_id).order_by(Alert.id)
            )
            return [_outbox_item(row, self._cipher) for row in rows]

    async def delivered_alert_refs(self, case_id: int, channel: str) -> list[str]:
        """The posted alert messages (first post and re-pages) of a case in one channel."""
        async with self._sessions() as session:
            rows = await session.scalars(
                select(Alert.ref)
                .where(
                    Alert.case_id == case_id,
                    Alert.channel == channel,
                    Alert.kind.in_(("post", "repage")),
                    Alert.status == DELIVERED,
                    Alert.ref.is_not(None),
                )
                .order_by(Alert.id)
            )
            return [ref for ref in rows if ref is not None]

    async def events(self, case_id: int) -> list[AuditEntry]:
        async with self._sessions() as session:
            rows = await session.scalars(
                select(CaseEvent).where(CaseEvent.case_id == case_id).order_by(CaseEvent.id)
            )
            return [
                AuditEntry(r.id, r.case_id, r.at, r.actor, r.action, r.outcome, r.level)
                for r in rows
            ]

    async def list_cases(self, *, include_resolved: bool = False) -> list[CaseSummary]:
        query = select(Case, User).join(User, User.id == Case.user_id).order_by(Case.id)
        if not include_resolved:
            query = query.where(Case.status.in_(("open", "claimed")))
        async with self._sessions() as session:
            pairs = [(row[0], row[1]) for row in await session.execute(query)]
            health = await _delivery_health(session, [case.id for case, _ in pairs])
        return [
            CaseSummary(
                _case_record(case, self._cipher),
                user_record(user, self._cipher),
                health.get(case.id, DeliveryHealth(0, 0, 0, None)),
            )
            for case, user in pairs
        ]

    async def set_relay_ref(self, case_id: int, moderator: str, ref: str, *, now: datetime) -> bool:
        """Record the claimer's relay place; False when the case moved on meanwhile."""
        async with self._sessions.begin() as session:
            result = await session.execute(
                update(Case)
                .where(Case.id == case_id, Case.status == "claimed", Case.claimed_by == moderator)
                .values(relay_ref=ref, updated_at=now)
            )
            if not result.rowcount:
                return False
            channel = await session.scalar(select(Case.relay_channel).where(Case.id == case_id))
            session.add(ModeratorRef(case_id=case_id, channel=channel or "", ref=ref))
            return True

    async def append_event(
        self,
        *,
        case_id: int | None,
        user_token: str,
        at: datetime,
        actor: str,
        action: str,
        outcome: str,
        level: int | None = None,
    ) -> None:
        """One audit row in its own transaction (for events outside a case transition)."""
        async with self._sessions.begin() as session:
            await CaseTx(session, self._cipher).audit(
                case_id=case_id,
                user_token=user_token,
                at=at,
                actor=actor,
                action=action,
                outcome=outcome,
                level=level,
            )

    # ---- outbox writes (each its own short transaction) ------------------------------------

    async def mark_delivered(
        self, item_id: int, *, now: datetime, ref: str | None, case_id: int, channel: str
    ) -> None:
        """Record the delivery and forget the payload; remember the ref for `case_for_ref`."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Alert)
                .where(Alert.id == item_id)
                .values(
                    status=DELIVERED,
                    delivered_at=now,
                    ref=ref,
                    payload_enc=None,
                    attempts=Alert.attempts + 1,
                    last_error=None,
                )
            )
            if ref is not None:
                exists = await session.scalar(
                    select(ModeratorRef.id).where(
                        ModeratorRef.channel == channel, ModeratorRef.ref == ref
                    )
                )
                if exists is None:
                    session.add(ModeratorRef(case_id=case_id, channel=channel, ref=ref))

    async def mark_failed(self, item_id: int, *, error: str, next_attempt_at: datetime) -> int:
        """Count a failed attempt and schedule the next; returns the attempts so far."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Alert)
                .where(Alert.id == item_id)
                .values(
                    attempts=Alert.attempts + 1,
                    last_error=error[:300],
                    next_attempt_at=next_attempt_at,
                )
            )
            return int(await session.scalar(select(Alert.attempts).where(Alert.id == item_id)) or 0)

    async def mark_final(self, item_id: int, *, status: str, reason: str | None = None) -> None:
        """Stop trying an item (skipped or undeliverable) and forget its payload."""
        async with self._sessions.begin() as session:
            await session.execute(
                update(Alert)
                .where(Alert.id == item_id)
                .values(status=status, last_error=reason, payload_enc=None)
            )


async def _delivery_health(session: AsyncSession, case_ids: list[int]) -> dict[int, DeliveryHealth]:
    if not case_ids:
        return {}
    counts = await session.execute(
        select(
            Alert.case_id,
            func.sum(when((Alert.status == PENDING, 1), else_=0)),
            func.sum(
                when(((Alert.status == PENDING) & (Alert.attempts >= FAILING_AFTER), 1), else_=0)
            ),
            func.sum(when((Alert.status == UNDELIVERABLE, 1), else_=0)),
            func.sum(when((Alert.status == DELIVERED, 1), else_=0)),
        )
        .where(Alert.case_id.in_(case_ids))
        .group_by(Alert.case_id)
    )
    # The newest error of an item still waiting (or given up on) says what is wrong now.
    errors = await session.execute(
        select(Alert.case_id, Alert.last_error)
        .where(
            Alert.case_id.in_(case_ids),
            Alert.last_error.is_not(None),
            Alert.status.in_((PENDING, UNDELIVERABLE)),
        )
        .order_by(Alert.id)
    )
    last_error = {row[0]: row[1] for row in errors}
    return {
        case_id: DeliveryHealth(
            int(pending or 0),
            int(failing or 0),
            int(dead or 0),
            last_error.get(case_id),
            int(delivered or 0),
        )
        for case_id, pending, failing, dead, delivered in counts
    }


def _case_record(row: Case, cipher: TextCipher) -> CaseRecord:
    return CaseRecord(
        id=row.id,
        user_id=row.user_id,
        status=row.status,
        level=row.level,
        trigger=row.trigger,
        country=row.country,
        resources_sent=bool(row.resources_sent),
        backup_requested=bool(row.backup_requested),
        claimed_by=row.claimed_by,
        claimed_by_name=cipher.maybe_decrypt(row.claimed_by_name_enc),
        relay_channel=row.relay_channel,
        relay_ref=row.relay_ref,
        note=row.note,
        page_count=row.page_count or 0,
        opened_at=row.opened_at,
        claimed_at=row.claimed_at,
        resolved_at=row.resolved_at,
        last_paged_at=row.last_paged_at,
        updated_at=row.updated_at,
    )


def _outbox_item(row: Alert, cipher: TextCipher) -> OutboxItem:
    payload = None if row.payload_enc is None else json.loads(cipher.decrypt(row.payload_enc))
    return OutboxItem(
        id=row.id,
        case_id=row.case_id,
        channel=row.channel,
        kind=row.kind,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        ref=row.ref,
        payload=payload,
        created_at=row.created_at,
        delivered_at=row.delivered_at,
    )
