"""The conversation core: one person's message from arrival to the last reply.

Order of a turn (shared/DESIGN.md): a rules-only crisis screen that needs no disk, the message
stored, onboarding, the full assessment with the conversation's context, then routing: relay to a
claiming moderator, a vetted crisis reply (L3/L4, never the model), or the model (L2 with a
crisis-aware prompt and resources). Every failure ends in an honest reply, never silence.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy.exc import IntegrityError

from bot import prompts, texts
from bot.config import Settings
from bot.events import Attachment, ContentKind, Incoming, Reply, ReplyKind, Respond, UserKey
from bot.flood import FloodLimit
from bot.lanes import Lanes
from bot.ports import Command, CommandCall
from bot.safety.levels import Assessment, RiskLevel
from bot.window import ConversationWindows, Turn, Window, since
from inference.api import (
    ChatMessage,
    ChatRequest,
    GenerationError,
    GenerationTimeout,
    GeneratorBusy,
    GeneratorUnavailable,
    Superseded,
    TextGenerator,
)
from storage.message_log import MessageLog
from storage.repository import ConversationStore, UserRecord

log = logging.getLogger(__name__)
T = TypeVar("T")

SCAN_LIMIT = 20_000  # characters the safety rules read from a huge message
_ROLE_FOR_MODEL = {"user": "user", "assistant": "assistant"}


class Assessor(Protocol):
    def assess(self, text: str, context: Sequence[str] = ()) -> Assessment: ...

    def assess_rules(self, text: str) -> Assessment: ...


class RiskDesk(Protocol):
    """Escalation as the core sees it (bot/escalation implements it)."""

    async def report_risk(
        self, *, user_id: int, assessment: Assessment, resources_sent: bool, country: str | None
    ) -> int: ...

    async def claimed_case(self, user_id: int) -> int | None:
        """Asked on every message: answer from memory (load what you need in `start`)."""

    async def relay_from_user(
        self, case_id: int, text: str, level: RiskLevel | None, at: datetime
    ) -> bool:
        """False when the case is no longer claimed (the core then answers as usual)."""


class SafeReplies(Protocol):
    """Vetted crisis texts and local crisis lines (bot/escalation implements it)."""

    def crisis_reply(self, level: RiskLevel, country: str | None, variant: int) -> str: ...

    def resources(self, country: str | None) -> str: ...

    def knows_country(self, code: str) -> bool: ...


class ReplyFilter(Protocol):
    def __call__(self, text: str) -> str | None:
        """The reason a model reply must not be sent, or None when it is fine."""


class Core:
    """Implements bot.ports.Conversations."""

    def __init__(
        self,
        *,
        settings: Settings,
        store: ConversationStore,
        message_log: MessageLog,
        assessor: Assessor,
        safe_replies: SafeReplies,
        risk_desk: RiskDesk,
        generator: TextGenerator | None,
        reply_filter: ReplyFilter,
        safe_replacement: str,
        clock: Callable[[], datetime],
        assess_in_thread: bool = True,
    ) -> None:
        self._settings = settings
        self._limits = settings.conversation
        self._store = store
        self._log = message_log
        self._assessor = assessor
        self._safe = safe_replies
        self._desk = risk_desk
        self._generator = generator
        self._reply_filter = reply_filter
        self._safe_replacement = safe_replacement
        self._clock = clock
        # The learned classifier takes milliseconds: a thread keeps the loop free. The rules
        # alone take microseconds, less than the hop to a thread.
        self._assess_in_thread = assess_in_thread
        self._lanes = Lanes()
        self._flood = FloodLimit(self._limits.flood_messages, self._limits.flood_window_s)
        self._windows = ConversationWindows(self._limits.history_messages + 1)
        self._users: OrderedDict[UserKey, UserRecord] = OrderedDict()
        self._recent_ids: OrderedDict[tuple[str, str, str], None] = OrderedDict()
        self._variant = 0

    @property
    def active_lanes(self) -> int:
        return len(self._lanes)

    # ---- messages -------------------------------------------------------------------------

    async def handle(self, incoming: Incoming, respond: Respond) -> None:
        if self._seen_recently(incoming):
            return
        try:
            # Safety first, before the person's lane: a crisis reply never waits behind their
            # previous message's model turn, nor on a disk (the rules need neither).
            crisis_sent = await self._screen(incoming, respond)
        except Exception:
            log.exception("crisis screen failed for a %s message", incoming.user.platform)
            crisis_sent = None
        async with self._lanes.hold(incoming.user):
            try:
                await self._turn(incoming, respond, crisis_sent)
            except Exception:
                # A bug must never leave a person without an answer or show them a traceback.
                log.exception("turn failed for a %s message", incoming.user.platform)
                await respond(Reply(texts.UNAVAILABLE, ReplyKind.NOTICE))

    async def _screen(self, incoming: Incoming, respond: Respond) -> Reply | None:
        if incoming.kind is not ContentKind.TEXT or not incoming.text.strip():
            return None
        quick = self._assessor.assess_rules(incoming.text.strip()[:SCAN_LIMIT])
        if not quick.level.is_crisis:
            return None
        # Crisis lines must be the person's own country's: read it if not cached (a read is
        # about a millisecond, and bounded by the store timeout).
        known = self._users.get(incoming.user) or await self._guarded(
            self._store.find_user(incoming.user.platform, incoming.user.id), "load user"
        )
        reply = self._crisis(quick.level, self._country(known))
        await respond(reply)
        return reply

    async def _turn(self, incoming: Incoming, respond: Respond, crisis_sent: Reply | None) -> None:
        text = incoming.text.strip() if incoming.kind is ContentKind.TEXT else ""
        user = await self._user_for(incoming)
        country = self._country(user)
        quick = Assessment(crisis_sent.level, 1.0) if crisis_sent and crisis_sent.level else None

        now = self._clock()
        window = await self._window(user, now) if user is not None else None
        message_id, redelivered = await self._store_incoming(user, incoming, text, now)
        if redelivered:
            return  # the platform redelivered a message we already handled
        if user is not None:
            await self._onboard_or_remind(user, respond, now)

        if not text:
            notice = (
                texts.not_text(incoming.kind)
                if incoming.kind is not ContentKind.TEXT
                else texts.EMPTY
            )
            await respond(Reply(notice, ReplyKind.NOTICE))
            return

        flooded = not self._flood.allow(incoming.user, asyncio.get_running_loop().time())
        too_long = len(text) > self._limits.max_message_chars
        context = [t for t in window.turns if t.text] if window is not None else []
        assessment = await self._assess(text, context, quick, flooded)
        level = assessment.level
        conversation = max(
            level,
            window.peak(since(now, self._limits.risk_window_hours))
            if window is not None
            else RiskLevel.NONE,
        )
        if user is not None and message_id is not None:
            self._remember_turn(user, Turn("user", text, now, message_id), level)

        claimed = await self._claimed_case(user) if user is not None else None
        if claimed is not None and user is not None:
            if await self._relay(claimed, user, text, level, respond, crisis_sent):
                return

        if level.is_crisis:
            if crisis_sent is None or (crisis_sent.level or 0) < level:
                crisis_sent = self._crisis(level, country)
                await respond(crisis_sent)
            self._record_reply(user, incoming.chat_id, crisis_sent)
            if user is not None:
                await self._guarded(
                    self._desk.report_risk(
                        user_id=user.id, assessment=assessment, resources_sent=True, country=country
                    ),
                    "open case",
                )
            else:
                log.error("crisis message could not be stored: no case opened")
            return

        if flooded:
            await respond(Reply(texts.FLOOD, ReplyKind.NOTICE))
            return
        if too_long:
            await respond(Reply(texts.too_long(self._limits.max_message_chars), ReplyKind.NOTICE))
            return

        reply = await self._model_reply(incoming, text, context, conversation, country)
        await respond(reply)
        self._record_reply(user, incoming.chat_id, reply)

    async def _assess(
        self, text: str, context: list[Turn], quick: Assessment | None, flooded: bool
    ) -> Assessment:
        quick = quick or Assessment(RiskLevel.NONE, 0.0)
        if flooded:  # the flood limit protects the machine too: rules only
            return quick
        scan = text[: self._limits.max_message_chars]
        said_before = [t.text for t in context if t.role == "user" and t.text]
        if self._assess_in_thread:
            full = await asyncio.to_thread(self._assessor.assess, scan, said_before)
        else:
            full = self._assessor.assess(scan, said_before)
        return full if full.level >= quick.level else replace(full, level=quick.level)

    async def _model_reply(
        self,
        incoming: Incoming,
        text: str,
        context: list[Turn],
        conversation: RiskLevel,
        country: str | None,
    ) -> Reply:
        if self._generator is None:
            body, kind = texts.UNAVAILABLE, ReplyKind.NOTICE
        else:
            body, kind = await self._generate(incoming.user, text, context, conversation)
        if conversation >= RiskLevel.PASSIVE:
            # Passive ideation: whatever the model said, the person also gets the vetted words.
            if kind is not ReplyKind.ANSWER:
                return Reply(
                    self._safe.crisis_reply(RiskLevel.PASSIVE, country, self._next()),
                    ReplyKind.CRISIS,
                    conversation,
                )
            body = f"{body}\n\n{self._safe.resources(country)}"
        return Reply(body, kind, conversation)

    async def _generate(
        self, user: UserKey, text: str, context: list[Turn], level: RiskLevel
    ) -> tuple[str, ReplyKind]:
        assert self._generator is not None
        earlier = [
            ChatMessage(_ROLE_FOR_MODEL[t.role], t.text)  # type: ignore[arg-type]
            for t in context[-self._limits.history_messages :]
            if t.role in _ROLE_FOR_MODEL and t.text
        ]
        request = ChatRequest(
            messages=[
                ChatMessage("system", prompts.system_prompt(level)),
                *earlier,
                ChatMessage("user", text),
            ],
            requester=str(user),
            deadline_s=self._limits.reply_deadline_s,
        )
        chunks: list[str] = []
        try:
            async with asyncio.timeout(self._limits.reply_deadline_s):
                async for chunk in self._generator.stream(request):
                    chunks.append(chunk)
        except GeneratorBusy:
            return texts.BUSY, ReplyKind.NOTICE
        except (GenerationTimeout, TimeoutError):
            log.warning("model reply passed its %.0fs deadline", self._limits.reply_deadline_s)
            return texts.SLOW, ReplyKind.NOTICE
        except Superseded:
            return texts.SLOW, ReplyKind.NOTICE
        except GeneratorUnavailable as exc:
            log.error("model unavailable: %s", exc)
            return texts.UNAVAILABLE, ReplyKind.NOTICE
        except GenerationError as exc:
            log.error("generation failed: %s", exc)
            return texts.UNAVAILABLE, ReplyKind.NOTICE
        body = "".join(chunks).strip()
        if not body:
            return texts.SLOW, ReplyKind.NOTICE
        reason = self._reply_filter(body)
        if reason is not None:
            log.warning("model reply replaced by the output filter: %s", reason)
            return self._safe_replacement, ReplyKind.ANSWER
        return body, ReplyKind.ANSWER

    async def _relay(
        self,
        case_id: int,
        user: UserRecord,
        text: str,
        level: RiskLevel,
        respond: Respond,
        crisis_sent: Reply | None,
    ) -> bool:
        """True when a moderator has the conversation and the message went to them."""
        relayed = await self._guarded(
            self._desk.relay_from_user(case_id, text, level, self._clock()), "relay to moderator"
        )
        if not relayed:
            return False
        # The moderator has the conversation; an imminent message still gets the urgent reply.
        if level >= RiskLevel.IMMINENT and crisis_sent is None:
            await respond(self._crisis(level, self._country(user)))
        return True

    def _crisis(self, level: RiskLevel, country: str | None) -> Reply:
        return Reply(self._safe.crisis_reply(level, country, self._next()), ReplyKind.CRISIS, level)

    def _next(self) -> int:
        self._variant += 1
        return self._variant

    # ---- commands -------------------------------------------------------------------------

    async def command(self, call: CommandCall, respond: Respond) -> None:
        async with self._lanes.hold(call.user):
            try:
                await self._command(call, respond)
            except Exception:
                log.exception("command %s failed", call.command)
                await respond(
                    Reply("Sorry, that didn't work. Please try again later.", ReplyKind.NOTICE)
                )

    async def _command(self, call: CommandCall, respond: Respond) -> None:
        now = self._clock()
        user = await self._store.get_or_create_user(
            call.user.platform, call.user.id, now=now, handle=call.handle, chat_id=call.chat_id
        )
        self._forget_cached(call.user, user.id)  # every command may change what we hold
        match call.command:
            case Command.START:
                await respond(self._onboarding(user))
                if user.onboarded_at is None:
                    await self._store.update_user(user.id, onboarded_at=now, reminded_at=now)
            case Command.HELP:
                await respond(Reply(texts.HELP, ReplyKind.NOTICE))
            case Command.RESOURCES:
                await respond(Reply(self._safe.resources(self._country(user)), ReplyKind.NOTICE))
            case Command.COUNTRY:
                code = call.args.strip().upper()
                if len(code) != 2 or not code.isalpha():
                    await respond(Reply(texts.COUNTRY_USAGE, ReplyKind.NOTICE))
                    return
                await self._store.update_user(user.id, country=code)
                known = self._safe.knows_country(code)
                await respond(
                    Reply(
                        f"{texts.country_set(code, known)}\n\n{self._safe.resources(code)}",
                        ReplyKind.NOTICE,
                    )
                )
            case Command.CONSENT:
                answer = call.args.strip().lower()
                if answer not in {"yes", "no", "y", "n"}:
                    await respond(Reply(texts.CONSENT_USAGE, ReplyKind.NOTICE))
                    return
                agreed = answer.startswith("y")
                await self._log.flush()
                await self._store.update_user(user.id, consent=agreed)
                if not agreed:
                    await self._store.drop_texts(user.id)
                await respond(
                    Reply(texts.CONSENT_YES if agreed else texts.CONSENT_NO, ReplyKind.NOTICE)
                )
            case Command.FORGET:
                await respond(
                    Reply(
                        texts.FORGET_ASK,
                        ReplyKind.NOTICE,
                        confirm=(Command.FORGET_CONFIRM.value,),
                    )
                )
            case Command.FORGET_CONFIRM:
                await self._log.flush()  # nothing of theirs may land after the erase
                await self._store.erase_user(call.user.platform, call.user.id)
                self._forget_cached(call.user, user.id)
                await respond(Reply(texts.FORGET_DONE, ReplyKind.NOTICE))
            case Command.EXPORT:
                await self._log.flush()
                data = await self._store.export_user(call.user.platform, call.user.id)
                content = json.dumps(data, ensure_ascii=False, indent=2, default=str).encode()
                await respond(
                    Reply(
                        texts.EXPORT_READY,
                        ReplyKind.NOTICE,
                        attachment=Attachment(f"haven-export-{call.user.platform}.json", content),
                    )
                )

    # ---- helpers --------------------------------------------------------------------------

    def _seen_recently(self, incoming: Incoming) -> bool:
        """In-memory dedupe for redelivery within this process; the database covers restarts."""
        key = (incoming.user.platform, incoming.chat_id, incoming.message_id)
        if key in self._recent_ids:
            return True
        self._recent_ids[key] = None
        if len(self._recent_ids) > 50_000:
            self._recent_ids.popitem(last=False)
        return False

    async def _user_for(self, incoming: Incoming) -> UserRecord | None:
        key = incoming.user
        cached = self._users.get(key)
        if cached is not None and cached.chat_id == incoming.chat_id:
            self._users.move_to_end(key)
            return cached
        now = self._clock()
        user: UserRecord | None = None
        if cached is None:
            # Insert first: for a new person that is one shared write instead of a read and
            # a write. People are created through the message log's one writer, so a crowd of
            # first contacts does not fight over SQLite's write lock.
            user = await self._guarded(
                self._log.create_user(
                    key.platform, key.id, handle=incoming.handle, chat_id=incoming.chat_id, now=now
                ),
                "create user",
            )
            if user is not None:  # nothing to read back: a new person has no history yet
                self._windows.load(user.id, (), ())
                return self._cache_user(key, user)
        # Known before (after a restart, or a new chat), or the write failed: read them back.
        user = await self._guarded(self._store.find_user(key.platform, key.id), "load user")
        if user is not None:
            changes: dict[str, Any] = {"last_seen_at": now}
            if user.chat_id != incoming.chat_id:
                changes["chat_id"] = incoming.chat_id
            if incoming.handle is not None and incoming.handle != user.handle:
                changes["handle"] = incoming.handle
            self._log.queue_user_update(user.id, **changes).add_done_callback(_log_failed_write)
            user = replace(user, chat_id=incoming.chat_id, handle=incoming.handle or user.handle)
            return self._cache_user(key, user)
        return None

    def _cache_user(self, key: UserKey, user: UserRecord) -> UserRecord:
        self._users[key] = user
        if len(self._users) > 10_000:
            self._users.popitem(last=False)
        return user

    def _forget_cached(self, key: UserKey, user_id: int) -> None:
        self._users.pop(key, None)
        self._windows.drop(user_id)

    def _country(self, user: UserRecord | None) -> str | None:
        if user is not None and user.country:
            return user.country
        return self._settings.safety.default_country

    async def _window(self, user: UserRecord, now: datetime) -> Window | None:
        window = self._windows.get(user.id)
        if window is not None:
            return window
        start = since(now, self._limits.risk_window_hours)
        rows = await self._guarded(
            self._store.history(user.id, limit=self._limits.history_messages, since=start),
            "read history",
        )
        levels = await self._guarded(self._store.recent_levels(user.id, since=start), "levels")
        if rows is None or levels is None:
            return None
        return self._windows.load(
            user.id,
            (Turn(m.role, m.text, m.created_at, m.id) for m in rows),
            ((at, RiskLevel(level)) for at, level in levels),
        )

    async def _store_incoming(
        self, user: UserRecord | None, incoming: Incoming, text: str, now: datetime
    ) -> tuple[int | None, bool]:
        """(message id, redelivered). The id is None when storing failed or stalled: the turn
        goes on, because a person is never left without an answer by the disk."""
        if user is None:
            return None, False
        for attempt in range(2):
            write = asyncio.ensure_future(
                self._log.append_incoming(
                    user,
                    chat_id=incoming.chat_id,
                    platform_message_id=incoming.message_id,
                    text=text or f"[{incoming.kind.value}]",
                    created_at=now,  # our clock orders the history, not the platform's
                )
            )
            try:
                async with asyncio.timeout(self._limits.store_timeout_s):
                    message_id = await asyncio.shield(write)
            except TimeoutError:
                if write.done():  # the driver's own timeout, not ours
                    log.error("storing a message failed (TimeoutError); answering anyway")
                    break
                # The write stays queued and lands when the disk recovers.
                log.error(
                    "storing a message took longer than %.1fs; answering anyway",
                    self._limits.store_timeout_s,
                )
                write.add_done_callback(_log_failed_write)
                return None, False
            except IntegrityError:
                if attempt > 0:
                    log.error("storing a message failed (IntegrityError); answering anyway")
                    break
                # The cached person was erased meanwhile (`haven user forget`): start anew.
                self._forget_cached(incoming.user, user.id)
                fresh = await self._user_for(incoming)
                if fresh is None:
                    break
                user = fresh
                continue
            except Exception as error:
                log.error("storing a message failed (%s); answering anyway", type(error).__name__)
                break
            return message_id, message_id is None
        return None, False

    async def _claimed_case(self, user: UserRecord) -> int | None:
        """The desk answers from memory, so this is awaited in place, without a task."""
        try:
            async with asyncio.timeout(self._limits.store_timeout_s):
                return await self._desk.claimed_case(user.id)
        except Exception as error:  # TimeoutError included: answer as if unclaimed
            log.error("case lookup failed (%s); going on without it", type(error).__name__)
            return None

    def _remember_turn(self, user: UserRecord, turn: Turn, level: RiskLevel) -> None:
        window = self._windows.get(user.id)
        if window is not None:
            window.turns.append(turn if user.consent is not False else replace(turn, text=None))
        self._windows.add_level(user.id, turn.at, level)
        if turn.message_id is not None:
            self._log.queue_level(turn.message_id, int(level))

    def _record_reply(self, user: UserRecord | None, chat_id: str, reply: Reply) -> None:
        """Queue the reply for the next commit; the person's own message is already stored."""
        if user is None:
            return
        now = self._clock()
        self._log.queue_reply(
            user,
            chat_id=chat_id,
            role="assistant",
            text=reply.text,
            created_at=now,
            level=None if reply.level is None else int(reply.level),
            reply_kind=reply.kind.value,
        ).add_done_callback(_log_failed_write)
        window = self._windows.get(user.id)
        if window is not None:
            window.turns.append(
                Turn("assistant", reply.text if user.consent is not False else None, now)
            )

    async def _onboard_or_remind(self, user: UserRecord, respond: Respond, now: datetime) -> None:
        if user.onboarded_at is None:
            await respond(self._onboarding(user))
            changes: dict[str, datetime] = {"onboarded_at": now, "reminded_at": now}
        elif user.reminded_at is None or now - user.reminded_at >= timedelta(
            minutes=self._limits.reminder_every_minutes
        ):
            await respond(Reply(texts.REMINDER, ReplyKind.NOTICE))
            changes = {"reminded_at": now}
        else:
            return
        self._log.queue_user_update(user.id, **changes).add_done_callback(_log_failed_write)
        key = UserKey(user.platform, user.platform_user_id)
        if key in self._users:  # the cache is what the next turn reads: keep it current
            self._users[key] = replace(
                user,
                onboarded_at=changes.get("onboarded_at", user.onboarded_at),
                reminded_at=changes["reminded_at"],
            )

    def _onboarding(self, user: UserRecord) -> Reply:
        text = texts.onboarding(self._settings.storage.retention_days, user.consent is not False)
        return Reply(text, ReplyKind.ONBOARDING)

    async def _guarded(self, work: Awaitable[T], what: str) -> T | None:
        """Storage or escalation work under the store timeout; log and go on if it fails.

        The work is shielded: when the timeout passes we stop waiting, but a database call is
        never cancelled half-way (that can wedge the driver); it finishes in the background.
        """
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=self._limits.store_timeout_s)
        if not done:
            log.error(
                "%s took longer than %.1fs; going on without it", what, self._limits.store_timeout_s
            )
            task.add_done_callback(_log_failed_write)
            return None
        if task.exception() is not None:
            log.error("%s failed (%s); going on without it", what, type(task.exception()).__name__)
            return None
        return task.result()


def _log_failed_write(done: asyncio.Future[Any]) -> None:
    if not done.cancelled() and done.exception() is not None:
        log.error("storing a reply failed (%s)", type(done.exception()).__name__)
