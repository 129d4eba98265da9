"""Turns one outbox item into the platform call it stands for, built from the case as it is now.

Alerts are drawn from the current case row at delivery time, so an alert delivered late (after a
channel outage) shows the latest state, and an update never needs to carry the state itself.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime, timedelta
from typing import Any

from bot.escalation.outbox import Delivered, Dropped, NotConnected
from bot.escalation.relay import EXCERPT_MESSAGES, excerpt_lines, relay_line
from bot.events import Reply, ReplyKind, UserKey
from bot.ports import (
    Actor,
    AlertView,
    CaseStatus,
    ModeratorChannel,
    OwnerNotice,
    UserMessenger,
    UserUnreachable,
)
from bot.safety.levels import RiskLevel
from storage.cases import SKIPPED, UNDELIVERABLE, CaseRecord, CaseStore, CaseUser, OutboxItem
from storage.repository import ConversationStore

POST = "post"  # a new alert message (the first, or a "need backup" ping)
REPAGE = "repage"  # a new alert message because nobody claimed in time
UPDATE = "update"  # redraw every alert message of the case in that channel
OPEN_RELAY = "open_relay"
RELAY = "relay"  # one of the person's messages (or a note from Haven) to the claimer
CLOSE_RELAY = "close_relay"
TO_USER = "to_user"  # words for the person: a moderator's reply or a handoff notice
OWNER_NOTICE = "owner_notice"  # the owners are told nobody has claimed the case in time

ALERT_KINDS = (POST, REPAGE)
USER_CHANNEL_PREFIX = "user:"
# Owner notices travel on their own outbox channel, so one never waits behind an alert that a
# broken moderator channel cannot deliver: that is when the owners most need to hear.
OWNER_CHANNEL_PREFIX = "owners:"


def user_channel(platform: str) -> str:
    """The outbox channel name for messages to people on a platform."""
    return f"{USER_CHANNEL_PREFIX}{platform}"


def owner_channel(moderator_channel: str) -> str:
    """The outbox channel name for owner notices sent through a moderator channel."""
    return f"{OWNER_CHANNEL_PREFIX}{moderator_channel}"


def alert_view(case: CaseRecord, user: CaseUser, *, page: int | None = None) -> AlertView:
    """Everything an alert may show (safety.md requirement 14), from the current case row."""
    return AlertView(
        case_id=case.id,
        level=RiskLevel(case.level),
        trigger=case.trigger,
        user_platform=user.platform,
        user_id=user.platform_user_id,
        user_handle=user.handle,
        opened_at=case.opened_at,
        country=case.country,
        resources_sent=case.resources_sent,
        status=CaseStatus(case.status),
        claimed_by=case.claimed_by_name,
        backup_requested=case.backup_requested,
        page_count=case.page_count if page is None else page,
        note=case.note,
        updated_at=case.updated_at,
    )


OnUnreachable = Callable[[int], Awaitable[None]]


class Delivery:
    def __init__(
        self,
        *,
        store: CaseStore,
        conversations: ConversationStore,
        channels: Mapping[str, ModeratorChannel],
        messengers: Mapping[str, UserMessenger],
        on_unreachable: OnUnreachable,
        clock: Callable[[], datetime],
    ) -> None:
        self._clock = clock
        self._store = store
        self._conversations = conversations
        self._channels = channels  # live: adapters register into these while Haven runs
        self._messengers = messengers
        self._on_unreachable = on_unreachable

    async def __call__(self, item: OutboxItem) -> Delivered | Dropped:
        case = await self._store.case(item.case_id)
        user = None if case is None else await self._store.user(case.user_id)
        if case is None or user is None:
            return Dropped(SKIPPED, "case erased")
        if item.kind == TO_USER:
            return await self._to_user(item, case, user)
        if item.kind == OWNER_NOTICE:
            return await self._owner_notice(item, case)
        channel = self._channels.get(item.channel)
        if channel is None:
            raise NotConnected(item.channel)
        payload = item.payload or {}
        if item.kind == POST:
            return Delivered(await channel.post_alert(alert_view(case, user)))
        if item.kind == REPAGE:
            if case.status != CaseStatus.OPEN:
                return Dropped(SKIPPED, "claimed or resolved before the re-page went out")
            view = alert_view(case, user, page=int(payload.get("page", case.page_count)))
            return Delivered(await channel.post_alert(view))
        if item.kind == UPDATE:
            return await self._update(channel, item, case, user)
        if item.kind == OPEN_RELAY:
            return await self._open_relay(channel, item, case, user, payload)
        if item.kind == RELAY:
            if case.status != CaseStatus.CLAIMED or case.relay_ref is None:
                # The handoff ended or moved; the text stays in the conversation, and the next
                # claimer sees it in the excerpt.
                return Dropped(SKIPPED, "no open relay place")
            line = relay_line(payload)
            return Delivered(
                await channel.relay_to_moderator(case.relay_ref, alert_view(case, user), line)
            )
        if item.kind == CLOSE_RELAY:
            ref = payload.get("relay_ref") or case.relay_ref
            if ref is None:
                return Dropped(SKIPPED, "relay place was never opened")
            await channel.close_relay(str(ref), alert_view(case, user))
            return Delivered(None)
        return Dropped(SKIPPED, f"unknown kind {item.kind!r}")

    async def _update(
        self, channel: ModeratorChannel, item: OutboxItem, case: CaseRecord, user: CaseUser
    ) -> Delivered | Dropped:
        refs = await self._store.delivered_alert_refs(case.id, item.channel)
        if not refs:
            return Dropped(SKIPPED, "no alert posted in this channel")
        view = alert_view(case, user)
        for ref in refs:  # idempotent: a retry redraws them all again
            await channel.update_alert(ref, view)
        return Delivered(None)

    async def _open_relay(
        self,
        channel: ModeratorChannel,
        item: OutboxItem,
        case: CaseRecord,
        user: CaseUser,
        payload: dict[str, Any],
    ) -> Delivered | Dropped:
        moderator_key = str(payload.get("moderator"))
        if case.status != CaseStatus.CLAIMED or case.claimed_by != moderator_key:
            return Dropped(SKIPPED, "no longer claimed by this moderator")
        platform, _, moderator_id = moderator_key.partition(":")
        moderator = Actor(platform, moderator_id, case.claimed_by_name or "moderator")
        history = await self._conversations.history(user.id, limit=EXCERPT_MESSAGES * 2)
        excerpt = excerpt_lines(history, until=case.claimed_at or case.updated_at)
        view = alert_view(case, user)
        ref = await channel.open_relay(view, moderator, excerpt)
        if not await self._store.set_relay_ref(case.id, moderator_key, ref, now=self._clock()):
            # Released while the platform call ran: close what we just opened.
            await channel.close_relay(ref, view)
            return Dropped(SKIPPED, "released while opening")
        await self._store.append_event(
            case_id=case.id,
            user_token=user.audit_token,
            at=self._clock(),
            actor=moderator_key,
            action="read_excerpt",
            outcome="ok",
            level=case.level,
        )
        return Delivered(ref)

    async def _owner_notice(self, item: OutboxItem, case: CaseRecord) -> Delivered | Dropped:
        name = item.channel.removeprefix(OWNER_CHANNEL_PREFIX)
        channel = self._channels.get(name)
        if channel is None:
            raise NotConnected(item.channel)
        if case.status != CaseStatus.OPEN:
            return Dropped(SKIPPED, "claimed or resolved before the owner notice went out")
        payload = item.payload or {}
        since = _parse_time(payload.get("since")) or case.opened_at
        refs = await self._store.delivered_alert_refs(case.id, name)
        notice = OwnerNotice(
            case_id=case.id,
            level=RiskLevel(case.level),
            opened_at=case.opened_at,
            unclaimed_for=max(self._clock() - since, timedelta(0)),
            page_count=case.page_count,
            alert_ref=refs[-1] if refs else None,
        )
        await channel.notify_owners(notice)
        return Delivered(None)

    async def _to_user(
        self, item: OutboxItem, case: CaseRecord, user: CaseUser
    ) -> Delivered | Dropped:
        messenger = self._messengers.get(user.platform)
        if messenger is None:
            raise NotConnected(item.channel)
        if not user.chat_id:
            return Dropped(UNDELIVERABLE, "no chat with this person")
        payload = item.payload or {}
        reply = Reply(
            text=str(payload["text"]),
            kind=ReplyKind(payload.get("kind", ReplyKind.NOTICE.value)),
        )
        try:
            await messenger.send_to_user(
                UserKey(user.platform, user.platform_user_id), user.chat_id, reply
            )
        except UserUnreachable:
            await self._on_unreachable(user.id)
            return Dropped(UNDELIVERABLE, "the person cannot be reached")
        return Delivered(None)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None
