"""The escalation service: opens and raises cases, runs moderator actions, feeds the outbox.

Implements `bot.ports.ModeratorActions` for the adapters and the core's risk desk. Each action
is one transaction: decide with the pure table in `cases.py`, apply with a compare-and-set on the
case's status, write the audit row and queue the outbox items it needs. Nothing here talks to a
platform directly; the outbox delivers (and retries) in its own task.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.config import Settings
from bot.escalation import relay
from bot.escalation.cases import (
    CaseAction,
    Decision,
    Outcome,
    decide,
    raised_level,
)
from bot.escalation.delivery import (
    ALERT_KINDS,
    CLOSE_RELAY,
    OPEN_RELAY,
    OWNER_NOTICE,
    POST,
    RELAY,
    REPAGE,
    TO_USER,
    UPDATE,
    Delivery,
    owner_channel,
    user_channel,
)
from bot.escalation.outbox import (
    Outbox,
    OutboxLoop,
    PassReport,
    owner_notice_due,
    repage_due,
    unclaimed_since,
)
from bot.events import ReplyKind
from bot.ports import (
    ActionResult,
    Actor,
    CaseStatus,
    ModeratorChannel,
    UserMessenger,
)
from bot.safety.levels import Assessment, RiskLevel
from storage.cases import CaseRecord, CaseStore, CaseTx, CaseUser
from storage.crypto import TextCipher
from storage.repository import ConversationStore

log = logging.getLogger(__name__)

SYSTEM = "system"
NO_USER = "-"  # audit rows about a case id that does not exist


class EscalationService:
    def __init__(
        self,
        *,
        sessions: async_sessionmaker[Any],
        cipher: TextCipher,
        settings: Settings,
        clock: Callable[[], datetime],
        channels: Mapping[str, ModeratorChannel],
        messengers: Mapping[str, UserMessenger],
    ) -> None:
        self._settings = settings
        self._clock = clock
        self._channels = channels  # live dicts: adapters register into them after start-up
        self._store = CaseStore(sessions, cipher)
        self._conversations = ConversationStore(sessions, cipher)
        delivery = Delivery(
            store=self._store,
            conversations=self._conversations,
            channels=channels,
            messengers=messengers,
            on_unreachable=self.note_user_unreachable,
            clock=clock,
        )
        self._outbox = Outbox(self._store, delivery, clock=clock, settings=settings.escalation)
        self._loop = OutboxLoop(self.run_due, settings.escalation.outbox_poll_s)
        self._claimed: dict[int, int] | None = None  # user id -> claimed case id

    @property
    def store(self) -> CaseStore:
        return self._store

    # ---- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the outbox task; items left pending by an earlier run go out on its first pass.

        Claimed cases are loaded now, so the core's per-message lookup never reads the disk.
        """
        if self._claimed is None:
            self._claimed = await self._store.claimed_cases_by_user()
        self._loop.start()

    async def stop(self) -> None:
        await self._loop.stop()

    async def run_due(self) -> PassReport:
        """One pass: queue re-pages and owner notices whose deadline passed, then deliver every
        due item."""
        unclaimed = await self._store.open_cases()
        await self._repage_overdue(unclaimed)
        await self._notify_owners_overdue(unclaimed)
        return await self._outbox.run_once()

    # ---- the core's side ---------------------------------------------------------------------

    async def report_risk(
        self, *, user_id: int, assessment: Assessment, resources_sent: bool, country: str | None
    ) -> int:
        """Open the person's case or raise its level; queue the alerts. Database writes only."""
        level = int(assessment.level)
        now = self._clock()
        async with self._store.transaction() as tx:
            user = await tx.user(user_id)
            if user is None:
                raise ValueError(f"no user {user_id}")
            case = await tx.active_case(user_id)
            if case is None:
                if level < RiskLevel.ACTIVE:
                    raise ValueError("cases are opened for L3 and L4; L2 gets resources only")
                case = await tx.insert_case(
                    user_id=user_id,
                    level=level,
                    trigger=assessment.trigger,
                    country=country,
                    resources_sent=resources_sent,
                    now=now,
                )
                await self._audit(tx, case, user, SYSTEM, CaseAction.OPEN, Outcome.OK, now)
                for channel in self._alert_channels():
                    await tx.enqueue(case_id=case.id, channel=channel, kind=POST, now=now)
            else:
                await self._raise(tx, case, user, assessment, resources_sent, country, now)
        self._loop.wake()
        return case.id

    async def _raise(
        self,
        tx: CaseTx,
        case: CaseRecord,
        user: CaseUser,
        assessment: Assessment,
        resources_sent: bool,
        country: str | None,
        now: datetime,
    ) -> None:
        new_level = raised_level(case.level, int(assessment.level))
        values: dict[str, Any] = {}
        if new_level is not None:
            values.update(level=new_level, trigger=assessment.trigger[:64])
        if resources_sent and not case.resources_sent:
            values["resources_sent"] = True
        if country and not case.country:
            values["country"] = country
        if not values:
            return
        urgent = new_level == RiskLevel.IMMINENT and case.status == CaseStatus.OPEN
        if urgent:  # now imminent and still nobody on it: page again at once
            values.update(page_count=case.page_count + 1, last_paged_at=now)
        await tx.update_case(case.id, expected=case.status, now=now, **values)
        if new_level is not None:
            await self._audit(
                tx, case, user, SYSTEM, CaseAction.RAISE, Outcome.OK, now, level=new_level
            )
        await self._queue_updates(tx, case.id, now)
        if urgent:
            await self._queue_repage(tx, case.id, case.page_count + 1, now)

    async def claimed_case(self, user_id: int) -> int | None:
        """Asked on every message, so answered from memory: claims happen in this process."""
        if self._claimed is None:
            self._claimed = await self._store.claimed_cases_by_user()
        return self._claimed.get(user_id)

    def _note_claim(self, user_id: int, case_id: int | None) -> None:
        if self._claimed is None:
            return  # loaded from the database on first use
        if case_id is None:
            self._claimed.pop(user_id, None)
        else:
            self._claimed[user_id] = case_id

    async def relay_from_user(
        self, case_id: int, text: str, level: RiskLevel | None, at: datetime
    ) -> bool:
        """Queue one of the person's messages for the claiming moderator (retried till it lands).

        False when the case is no longer claimed: the caller then answers as usual.
        """
        async with self._store.transaction() as tx:
            case = await tx.case(case_id)
            if case is None or case.status != CaseStatus.CLAIMED or case.relay_channel is None:
                log.warning("relay: case %d is no longer claimed; message not relayed", case_id)
                if self._claimed is not None:
                    self._claimed = {u: c for u, c in self._claimed.items() if c != case_id}
                return False
            now = self._clock()
            await tx.enqueue(
                case_id=case_id,
                channel=case.relay_channel,
                kind=RELAY,
                now=now,
                payload=relay.relay_payload("user", text, level, at),
            )
            new_level = None if level is None else raised_level(case.level, int(level))
            user = await tx.user(case.user_id)
            if new_level is not None and user is not None:  # the alert shows the new level too
                await tx.update_case(case_id, expected=CaseStatus.CLAIMED, now=now, level=new_level)
                await self._audit(
                    tx, case, user, SYSTEM, CaseAction.RAISE, Outcome.OK, now, level=new_level
                )
                await self._queue_updates(tx, case_id, now)
        self._loop.wake()
        return True

    async def note_user_unreachable(self, user_id: int) -> None:
        """The platform refuses to reach the person: note it on the case and tell moderators."""
        now = self._clock()
        async with self._store.transaction() as tx:
            case = await tx.active_case(user_id)
            user = await tx.user(user_id)
            if case is None or user is None:
                return
            if case.note != relay.UNREACHABLE_NOTE:
                await tx.update_case(
                    case.id, expected=case.status, now=now, note=relay.UNREACHABLE_NOTE
                )
                await tx.audit(
                    case_id=case.id,
                    user_token=user.audit_token,
                    at=now,
                    actor=SYSTEM,
                    action="user_unreachable",
                    outcome=Outcome.OK,
                    level=case.level,
                )
                await self._queue_updates(tx, case.id, now)
            if case.status == CaseStatus.CLAIMED and case.relay_channel is not None:
                await tx.enqueue(
                    case_id=case.id,
                    channel=case.relay_channel,
                    kind=RELAY,
                    now=now,
                    payload=relay.relay_payload("haven", relay.UNREACHABLE, None, now),
                )
        self._loop.wake()

    # ---- moderator actions (bot.ports.ModeratorActions) --------------------------------------

    def is_moderator(self, actor: Actor) -> bool:
        if actor.platform == "discord":
            ids = {str(i) for i in self._settings.discord.moderator_user_ids}
            roles = {str(r) for r in self._settings.discord.moderator_role_ids}
            return actor.id in ids or bool(roles & set(actor.role_ids))
        if actor.platform == "telegram":
            return actor.id in {str(i) for i in self._settings.telegram.moderator_user_ids}
        return False  # the terminal and anything else: operators use `haven cases`

    async def claim(self, case_id: int, actor: Actor) -> ActionResult:
        now = self._clock()
        async with self._store.transaction() as tx:
            case, user, decision = await self._decide(tx, case_id, actor, CaseAction.CLAIM, now)
            if case is None or user is None or not decision.allowed:
                return _refusal(decision, case, case_id)
            won = await tx.update_case(
                case_id,
                expected=CaseStatus.OPEN,
                now=now,
                status=CaseStatus.CLAIMED,
                claimed_by=actor.key,
                claimed_by_name=actor.display_name,
                claimed_at=now,
                relay_channel=actor.platform,
                relay_ref=None,
            )
            if not won:  # cannot happen under the transaction lock, but never trust a race
                latest = await tx.case(case_id)
                await self._audit(
                    tx, case, user, actor.key, CaseAction.CLAIM, Outcome.ALREADY_CLAIMED, now
                )
                return _refusal(Decision(False, Outcome.ALREADY_CLAIMED), latest, case_id)
            await self._audit(tx, case, user, actor.key, CaseAction.CLAIM, Outcome.OK, now)
            await self._queue_updates(tx, case_id, now)
            await tx.enqueue(
                case_id=case_id,
                channel=actor.platform,
                kind=OPEN_RELAY,
                now=now,
                payload={"moderator": actor.key},
            )
            await self._queue_to_user(tx, case_id, user, relay.JOINED, ReplyKind.NOTICE, now)
        self._note_claim(user.id, case_id)
        self._loop.wake()
        return ActionResult(True, f"You have case #{case_id}. Its conversation opens for you now.")

    async def request_backup(self, case_id: int, actor: Actor) -> ActionResult:
        now = self._clock()
        async with self._store.transaction() as tx:
            case, user, decision = await self._decide(
                tx, case_id, actor, CaseAction.REQUEST_BACKUP, now
            )
            if case is None or user is None or not decision.allowed:
                return _refusal(decision, case, case_id)
            await tx.update_case(
                case_id,
                expected=case.status,
                now=now,
                backup_requested=True,
                page_count=case.page_count + 1,
            )
            await self._audit(tx, case, user, actor.key, CaseAction.REQUEST_BACKUP, Outcome.OK, now)
            await self._queue_updates(tx, case_id, now)
            for channel in self._alert_channels():  # a fresh post pings whoever is around
                await tx.enqueue(case_id=case_id, channel=channel, kind=POST, now=now)
        self._loop.wake()
        return ActionResult(True, f"Backup requested for case #{case_id}; moderators are paged.")

    async def resolve(self, case_id: int, actor: Actor) -> ActionResult:
        now = self._clock()
        async with self._store.transaction() as tx:
            case, user, decision = await self._decide(tx, case_id, actor, CaseAction.RESOLVE, now)
            if case is None or user is None or not decision.allowed:
                return _refusal(decision, case, case_id)
            await tx.update_case(
                case_id, expected=case.status, now=now, status=CaseStatus.RESOLVED, resolved_at=now
            )
            await self._audit(tx, case, user, actor.key, CaseAction.RESOLVE, Outcome.OK, now)
            await self._queue_updates(tx, case_id, now)
            if case.status == CaseStatus.CLAIMED:
                await self._queue_close_relay(tx, case, now)
                # Only a person who was talking with a moderator hears that it ended.
                await self._queue_to_user(tx, case_id, user, relay.RESUMED, ReplyKind.NOTICE, now)
        self._note_claim(user.id, None)
        self._loop.wake()
        return ActionResult(True, f"Case #{case_id} resolved.")

    async def release(self, case_id: int, actor: Actor) -> ActionResult:
        now = self._clock()
        async with self._store.transaction() as tx:
            case, user, decision = await self._decide(tx, case_id, actor, CaseAction.RELEASE, now)
            if case is None or user is None or not decision.allowed:
                return _refusal(decision, case, case_id)
            page = case.page_count + 1
            await tx.update_case(
                case_id,
                expected=CaseStatus.CLAIMED,
                now=now,
                status=CaseStatus.OPEN,
                claimed_by=None,
                claimed_by_name=None,
                claimed_at=None,
                relay_channel=None,
                relay_ref=None,
                page_count=page,
                last_paged_at=now,
            )
            await self._audit(tx, case, user, actor.key, CaseAction.RELEASE, Outcome.OK, now)
            await self._queue_close_relay(tx, case, now)
            await self._queue_updates(tx, case_id, now)
            await self._queue_repage(tx, case_id, page, now)
            await self._queue_to_user(tx, case_id, user, relay.RELEASED, ReplyKind.NOTICE, now)
        self._note_claim(user.id, None)
        self._loop.wake()
        return ActionResult(True, f"Case #{case_id} released; moderators are paged again.")

    async def reply_from_moderator(self, case_id: int, actor: Actor, text: str) -> ActionResult:
        now = self._clock()
        if not text.strip():
            return ActionResult(False, "Nothing to send.")
        async with self._store.transaction() as tx:
            case, user, decision = await self._decide(tx, case_id, actor, CaseAction.REPLY, now)
            if case is None or user is None or not decision.allowed:
                return _refusal(decision, case, case_id)
            if not user.chat_id:
                return ActionResult(False, "Haven has no chat with this person to write to.")
            await self._audit(tx, case, user, actor.key, CaseAction.REPLY, Outcome.OK, now)
            words = relay.moderator_text(actor.display_name, text)
            await self._queue_to_user(tx, case_id, user, words, ReplyKind.MODERATOR, now)
        # Kept like every other message (encrypted, and only with the person's consent).
        record = await self._conversations.user_by_id(user.id)
        if record is not None:
            await self._conversations.record_outgoing(
                record,
                chat_id=user.chat_id,
                role="moderator",
                text=words,
                created_at=now,
                level=None,
                reply_kind=ReplyKind.MODERATOR.value,
            )
        self._loop.wake()
        return ActionResult(True, "Sent to the person.")

    async def case_for_ref(self, channel: str, ref: str) -> int | None:
        return await self._store.case_for_ref(channel, ref)

    # ---- helpers -------------------------------------------------------------------------------

    def _alert_channels(self) -> list[str]:
        """Every configured or connected moderator channel; items wait for one not yet connected."""
        names = set(self._channels)
        if self._settings.discord.moderator_channel_id is not None:
            names.add("discord")
        if self._settings.telegram.moderator_chat_id is not None:
            names.add("telegram")
        return sorted(names)

    async def _decide(
        self, tx: CaseTx, case_id: int, actor: Actor, action: CaseAction, now: datetime
    ) -> tuple[CaseRecord | None, CaseUser | None, Decision]:
        case = await tx.case(case_id)
        user = None if case is None else await tx.user(case.user_id)
        decision = decide(
            None if case is None else CaseStatus(case.status),
            action,
            actor=actor.key,
            is_moderator=self.is_moderator(actor),
            claimed_by=None if case is None else case.claimed_by,
        )
        if not decision.allowed:  # every refusal is audited, with who tried
            log.info(
                "refused %s on case %d by %s: %s", action, case_id, actor.key, decision.outcome
            )
            await tx.audit(
                case_id=case_id,
                user_token=user.audit_token if user is not None else NO_USER,
                at=now,
                actor=actor.key,
                action=action,
                outcome=decision.outcome,
                level=None if case is None else case.level,
            )
        return case, user, decision

    async def _audit(
        self,
        tx: CaseTx,
        case: CaseRecord,
        user: CaseUser,
        actor: str,
        action: CaseAction,
        outcome: Outcome,
        now: datetime,
        *,
        level: int | None = None,
    ) -> None:
        await tx.audit(
            case_id=case.id,
            user_token=user.audit_token,
            at=now,
            actor=actor,
            action=action,
            outcome=outcome,
            level=case.level if level is None else level,
        )

    async def _queue_updates(self, tx: CaseTx, case_id: int, now: datetime) -> None:
        """Redraw the case's alerts wherever one was posted (one pending update is enough)."""
        for channel in sorted(await tx.posted_channels(case_id, ALERT_KINDS)):
            if not await tx.has_pending(case_id, channel, (UPDATE,)):
                await tx.enqueue(case_id=case_id, channel=channel, kind=UPDATE, now=now)

    async def _queue_repage(self, tx: CaseTx, case_id: int, page: int, now: datetime) -> None:
        for channel in self._alert_channels():
            # An alert that has not gone out yet will show the latest state when it does.
            if not await tx.has_pending(case_id, channel, ALERT_KINDS):
                await tx.enqueue(
                    case_id=case_id, channel=channel, kind=REPAGE, now=now, payload={"page": page}
                )

    async def _queue_close_relay(self, tx: CaseTx, case: CaseRecord, now: datetime) -> None:
        if case.relay_channel is None:
            return
        await tx.enqueue(
            case_id=case.id,
            channel=case.relay_channel,
            kind=CLOSE_RELAY,
            now=now,
            payload={"relay_ref": case.relay_ref},
        )

    async def _queue_to_user(
        self, tx: CaseTx, case_id: int, user: CaseUser, text: str, kind: ReplyKind, now: datetime
    ) -> None:
        await tx.enqueue(
            case_id=case_id,
            channel=user_channel(user.platform),
            kind=TO_USER,
            now=now,
            payload={"text": text, "kind": kind.value},
        )

    async def _repage_overdue(self, unclaimed: Sequence[CaseRecord]) -> None:
        now = self._clock()
        settings = self._settings.escalation
        for case in unclaimed:
            if not repage_due(case.level, case.last_paged_at, case.opened_at, now, settings):
                continue
            async with self._store.transaction() as tx:
                page = case.page_count + 1
                if not await tx.update_case(
                    case.id, expected=CaseStatus.OPEN, now=now, page_count=page, last_paged_at=now
                ):
                    continue  # claimed or resolved since we looked
                user = await tx.user(case.user_id)
                if user is not None:
                    await self._audit(tx, case, user, SYSTEM, CaseAction.REPAGE, Outcome.OK, now)
                await self._queue_repage(tx, case.id, page, now)
            log.warning(
                "case %d (L%d) still unclaimed after its deadline; paging moderators again (#%d)",
                case.id,
                case.level,
                page,
            )

    async def _notify_owners_overdue(self, unclaimed: Sequence[CaseRecord]) -> None:
        """Queue one owner notice per moderator channel for each case unclaimed past its
        owner-notice deadline (safety.md requirement 15); never a second one for the same case.
        """
        now = self._clock()
        settings = self._settings.escalation
        # A case not overdue since it opened is not overdue since a later release either, so
        # most passes end here without a query.
        overdue = [c for c in unclaimed if owner_notice_due(c.level, c.opened_at, now, settings)]
        if not overdue:
            return
        ids = [case.id for case in overdue]
        released = await self._store.released_at(ids)
        told = await self._store.channels_with(ids, (OWNER_NOTICE,))
        channels = [owner_channel(name) for name in self._alert_channels()]
        for case in overdue:
            missing = [name for name in channels if name not in told.get(case.id, set())]
            since = unclaimed_since(case.opened_at, released.get(case.id))
            if not missing or not owner_notice_due(case.level, since, now, settings):
                continue
            async with self._store.transaction() as tx:
                current = await tx.case(case.id)
                if current is None or current.status != CaseStatus.OPEN:
                    continue  # claimed or resolved since we looked
                already = await tx.posted_channels(case.id, (OWNER_NOTICE,))
                queued = [name for name in missing if name not in already]
                for name in queued:
                    await tx.enqueue(
                        case_id=case.id,
                        channel=name,
                        kind=OWNER_NOTICE,
                        now=now,
                        payload={"since": since.isoformat()},
                    )
                user = await tx.user(case.user_id)
                if queued and user is not None:
                    await self._audit(
                        tx, current, user, SYSTEM, CaseAction.OWNER_NOTICE, Outcome.OK, now
                    )
            if queued:
                log.warning(
                    "case %d (L%d) unclaimed for %d minutes; telling the owners",
                    case.id,
                    current.level,
                    (now - since).total_seconds() // 60,
                )


def _refusal(decision: Decision, case: CaseRecord | None, case_id: int) -> ActionResult:
    outcome = decision.outcome
    if outcome is Outcome.NOT_MODERATOR:
        return ActionResult(False, "Only Haven's configured moderators can do this.")
    if case is None or outcome is Outcome.NO_CASE:
        return ActionResult(False, f"There is no case #{case_id}.")
    holder = case.claimed_by_name or "another moderator"
    if outcome is Outcome.ALREADY_CLAIMED:
        return ActionResult(False, f"Case #{case_id} is already claimed by {holder}.")
    if outcome is Outcome.NOT_CLAIMER:
        return ActionResult(False, f"Only {holder}, who claimed case #{case_id}, can do that.")
    return ActionResult(False, f"Case #{case_id} is {case.status}; that action does not apply.")
