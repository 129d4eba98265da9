"""The moderator group: alerts with Claim / Need backup / Resolve buttons, and the relay between
a claiming moderator (replies in the group, or in the case's forum topic) and the person.

Implements `ModeratorChannel`; button presses and replies go to `ModeratorActions`, which decides
who may do what and keeps the audit trail. Owner notices (a case nobody claimed in time) go to
`telegram.owner_chat_ids`; with none configured or none reachable, they go to the group as a
reply to the alert, mentioning the group's creator.
"""

from __future__ import annotations

import contextlib
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, TypeVar

from telegram import (
    Bot,
    ChatMemberOwner,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    ReplyParameters,
    Update,
    User,
)
from telegram.error import BadRequest, ChatMigrated, Forbidden, RetryAfter, TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from adapters.telegram.delivery import PLATFORM
from adapters.telegram.rendering import (
    CALLBACK_ANSWER_LIMIT,
    alert_keyboard,
    alert_link,
    alert_text,
    clip,
    excerpt_text,
    owner_notice_text,
    parse_case_data,
    relay_closed_text,
    relay_header,
    relay_line_text,
    split_text,
    utf16_len,
)
from bot.ports import (
    ActionResult,
    Actor,
    AlertView,
    ChannelUnavailable,
    ModeratorActions,
    OwnerNotice,
    RelayLine,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
TOPIC_PREFIX = "topic:"
NOT_A_MODERATOR = "Only this community's configured moderators can use these buttons."
TEXT_ONLY = "Only text can be passed on to the person."
NOTE_PREFIX = "//"  # a reply starting with this stays among the moderators
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


def actor_of(user: User) -> Actor:
    return Actor(PLATFORM, str(user.id), f"@{user.username}" if user.username else user.full_name)


class ModeratorGroup:
    """`ModeratorChannel` for one Telegram group, plus the handlers for its buttons and replies."""

    name = PLATFORM

    def __init__(
        self,
        bot: Bot,
        chat_id: int,
        moderation: ModeratorActions,
        moderator_ids: Sequence[int],
        *,
        owner_chat_ids: Sequence[int] = (),
        remember_refs: int = 5_000,
    ) -> None:
        self._bot = bot
        self.chat_id = chat_id
        self.title: str | None = None  # the group's name, once the adapter has looked
        self._moderation = moderation
        self._moderator_ids = frozenset(moderator_ids)
        self._owner_chat_ids = tuple(dict.fromkeys(owner_chat_ids))
        # Owner chats already told about a case whose notice is being retried: a retry after
        # one chat failed must not tell the others twice. Emptied once the notice is done.
        self._owners_told: dict[int, set[int]] = {}
        self._chat_filter = filters.Chat(chat_id)
        self.is_forum = False
        self.ready = False
        # Messages this process posted that the service does not store a ref for (the alert a
        # relay replies under, an excerpt posted in the group); refs the service stores survive
        # restarts, these are conveniences only.
        self._alert_messages: OrderedDict[int, int] = OrderedDict()
        self._extra_refs: OrderedDict[str, int] = OrderedDict()
        self._remember = remember_refs

    # ---- ModeratorChannel -------------------------------------------------------------------

    async def post_alert(self, alert: AlertView) -> str:
        message = await self._call(
            lambda chat: self._bot.send_message(
                chat, alert_text(alert), reply_markup=alert_keyboard(alert)
            )
        )
        self._keep(self._alert_messages, alert.case_id, message.message_id)
        return str(message.message_id)

    async def update_alert(self, ref: str, alert: AlertView) -> None:
        try:
            await self._call(
                lambda chat: self._bot.edit_message_text(
                    alert_text(alert),
                    chat_id=chat,
                    message_id=int(ref),
                    reply_markup=alert_keyboard(alert),
                )
            )
        except ChannelUnavailable as exc:
            cause = exc.__cause__
            if isinstance(cause, BadRequest) and "not modified" in cause.message.lower():
                return  # the alert already shows this
            if isinstance(cause, BadRequest) and "not found" in cause.message.lower():
                log.warning(
                    "alert for case %d was deleted from the group; not redrawn", alert.case_id
                )
                return
            raise

    async def open_relay(
        self, alert: AlertView, moderator: Actor, excerpt: Sequence[RelayLine]
    ) -> str:
        thread_id = await self._open_topic(alert) if self.is_forum else None
        header_text = relay_header(alert, moderator.display_name, in_topic=thread_id is not None)
        # Outside topics, the relay hangs under the alert; a topic is its own place.
        under = self._alert_messages.get(alert.case_id) if thread_id is None else None
        header = await self._post(header_text, thread_id, under)
        ref = f"{TOPIC_PREFIX}{thread_id}" if thread_id is not None else str(header.message_id)
        self._keep(self._extra_refs, str(header.message_id), alert.case_id)
        if not await self._excerpt_to_moderator(alert, moderator, excerpt):
            # The moderator has never opened a private chat with the bot, so Telegram will not
            # let us write to them there. They still need the context to help: post it here.
            text = excerpt_text(alert, excerpt) + (
                f"\n\n({moderator.display_name}: start a private chat with the bot to get "
                "excerpts privately next time.)"
            )
            for piece in split_text(text):
                posted = await self._post(piece, thread_id, header.message_id)
                self._keep(self._extra_refs, str(posted.message_id), alert.case_id)
        return ref

    async def relay_to_moderator(self, relay_ref: str, alert: AlertView, line: RelayLine) -> str:
        thread_id, reply_to = self._place(relay_ref)
        pieces = split_text(relay_line_text(alert, line))
        posted: Message | None = None
        for piece in pieces:
            posted = await self._post(piece, thread_id, reply_to)
            self._keep(self._extra_refs, str(posted.message_id), alert.case_id)
        assert posted is not None
        return str(posted.message_id)

    async def close_relay(self, relay_ref: str, alert: AlertView) -> None:
        thread_id, reply_to = self._place(relay_ref)
        await self._post(relay_closed_text(alert), thread_id, reply_to)
        if thread_id is not None:
            with contextlib.suppress(ChannelUnavailable):
                await self._call(lambda chat: self._bot.close_forum_topic(chat, thread_id))

    async def notify_owners(self, notice: OwnerNotice) -> None:
        """Tell each owner chat once; fall back to the group when none can be told."""
        if not self.ready:
            raise ChannelUnavailable("the Telegram adapter is not connected yet")
        where = f"the moderator group “{self.title}”" if self.title else "the moderator group"
        text = owner_notice_text(
            notice, where=where, link=alert_link(self.chat_id, notice.alert_ref)
        )
        told = self._owners_told.setdefault(notice.case_id, set())
        waiting: list[str] = []
        for chat_id in self._owner_chat_ids:
            if chat_id in told:
                continue
            try:
                for piece in split_text(text):
                    await self._bot.send_message(chat_id, piece, link_preview_options=NO_PREVIEW)
            except (Forbidden, BadRequest, ChatMigrated) as exc:
                log.error(
                    "telegram.owner_chat_ids: cannot tell chat %d about case %d (%s); the owner "
                    "must open a private chat with the bot and press Start",
                    chat_id,
                    notice.case_id,
                    exc.message,
                )
                continue
            except TelegramError as exc:  # network trouble, flood control: try again later
                waiting.append(f"chat {chat_id}: {exc.message}")
                continue
            told.add(chat_id)
        if waiting:
            raise ChannelUnavailable(
                f"owner notice for case {notice.case_id}: {len(waiting)} owner chat(s) not "
                f"reached yet ({waiting[0]})"
            )
        if not told:
            await self._owner_notice_in_group(notice, text)
        self._owners_told.pop(notice.case_id, None)

    async def _owner_notice_in_group(self, notice: OwnerNotice, text: str) -> None:
        """No owner chat could be told: say it in the group, under the alert, to its creator."""
        why = (
            "(No owner chat could be reached; check telegram.owner_chat_ids.)"
            if self._owner_chat_ids
            else "(No owners are configured; set telegram.owner_chat_ids to tell them directly.)"
        )
        body = f"{text}\n{why}"
        entities: list[MessageEntity] = []
        creator = await self._creator()
        if creator is not None and creator.username:
            body = f"@{creator.username} {body}"
        elif creator is not None:
            name = creator.full_name
            body = f"{name} {body}"
            entities.append(
                MessageEntity(MessageEntity.TEXT_MENTION, 0, utf16_len(name), user=creator)
            )
        under = int(notice.alert_ref) if notice.alert_ref and notice.alert_ref.isdigit() else None
        reply = (
            ReplyParameters(message_id=under, allow_sending_without_reply=True)
            if under is not None
            else None
        )
        await self._call(
            lambda chat: self._bot.send_message(
                chat, body, entities=entities or None, reply_parameters=reply
            )
        )

    async def _creator(self) -> User | None:
        """The group's creator, to mention; None when Telegram will not say (not fatal)."""
        try:
            admins = await self._call(lambda chat: self._bot.get_chat_administrators(chat))
        except ChannelUnavailable as exc:
            log.warning("telegram: could not look up the moderator group's creator: %s", exc)
            return None
        return next((a.user for a in admins if isinstance(a, ChatMemberOwner)), None)

    # ---- handlers ---------------------------------------------------------------------------

    def handlers(self) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
        in_group = self._chat_filter & ~filters.UpdateType.EDITED & ~filters.StatusUpdate.ALL
        return [
            CallbackQueryHandler(self.on_button, pattern=r"^case:"),
            MessageHandler(in_group & ~filters.COMMAND, self.on_group_message),
            MessageHandler(self._chat_filter & filters.StatusUpdate.MIGRATE, self.on_migrate),
        ]

    async def on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None:
            return
        button = parse_case_data(query.data)
        if button is None:
            await self._answer(query, "This button no longer works.", alert=True)
            return
        actor = actor_of(query.from_user)
        if not self.may_act(actor):
            await self._answer(query, NOT_A_MODERATOR, alert=True)
            return
        actions: dict[str, Callable[[int, Actor], Awaitable[ActionResult]]] = {
            "claim": self._moderation.claim,
            "backup": self._moderation.request_backup,
            "resolve": self._moderation.resolve,
            "release": self._moderation.release,
        }
        result = await actions[button.action](button.case_id, actor)
        await self._answer(query, result.message, alert=not result.ok)

    async def on_group_message(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or message.from_user is None or message.from_user.is_bot:
            return
        case_id = await self._case_of(message)
        if case_id is None:
            return  # moderators talking among themselves
        if message.text and message.text.startswith(NOTE_PREFIX):
            return  # a note among moderators, not meant for the person
        if not message.text:
            await self._reply_note(message, TEXT_ONLY)
            return
        actor = actor_of(message.from_user)
        if not self.may_act(actor):
            await self._reply_note(message, NOT_A_MODERATOR)
            return
        result = await self._moderation.reply_from_moderator(case_id, actor, message.text)
        if not result.ok:
            await self._reply_note(message, result.message)

    async def on_migrate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is not None and message.migrate_to_chat_id:
            self._moved_to(message.migrate_to_chat_id)

    def may_act(self, actor: Actor) -> bool:
        """Configured moderator ids, or whoever the escalation service recognises."""
        return int(actor.id) in self._moderator_ids or self._moderation.is_moderator(actor)

    # ---- helpers ----------------------------------------------------------------------------

    async def _case_of(self, message: Message) -> int | None:
        refs: list[str] = []
        replied = message.reply_to_message
        # In a forum topic every message "replies" to the topic's first message; the topic ref
        # below covers that, so only a real reply counts here.
        if replied is not None and replied.forum_topic_created is None:
            refs.append(str(replied.message_id))
        if message.is_topic_message and message.message_thread_id is not None:
            refs.append(f"{TOPIC_PREFIX}{message.message_thread_id}")
        for ref in refs:
            case_id = self._extra_refs.get(ref)
            if case_id is None:
                case_id = await self._moderation.case_for_ref(self.name, ref)
            if case_id is not None:
                return case_id
        return None

    async def _open_topic(self, alert: AlertView) -> int | None:
        try:
            topic = await self._call(
                lambda chat: self._bot.create_forum_topic(
                    chat, f"Case #{alert.case_id} · {alert.level.label}"
                )
            )
        except ChannelUnavailable as exc:
            log.warning("cannot open a forum topic (%s); relaying by replies instead", exc)
            return None
        return int(topic.message_thread_id)

    async def _excerpt_to_moderator(
        self, alert: AlertView, moderator: Actor, excerpt: Sequence[RelayLine]
    ) -> bool:
        text = excerpt_text(alert, excerpt) + (
            "\n\nReply in the moderator group to write to the person."
        )
        try:
            for piece in split_text(text):
                await self._bot.send_message(int(moderator.id), piece)
        except (Forbidden, BadRequest):
            return False
        except TelegramError as exc:
            log.warning("excerpt for case %d not sent privately: %s", alert.case_id, exc)
            return False
        return True

    def _place(self, relay_ref: str) -> tuple[int | None, int | None]:
        if relay_ref.startswith(TOPIC_PREFIX):
            return int(relay_ref.removeprefix(TOPIC_PREFIX)), None
        return None, int(relay_ref)

    async def _post(self, text: str, thread_id: int | None, reply_to: int | None) -> Message:
        reply = (
            ReplyParameters(message_id=reply_to, allow_sending_without_reply=True)
            if reply_to is not None
            else None
        )
        return await self._call(
            lambda chat: self._bot.send_message(
                chat, text, message_thread_id=thread_id, reply_parameters=reply
            )
        )

    async def _reply_note(self, message: Message, text: str) -> None:
        with contextlib.suppress(ChannelUnavailable):
            await self._post(
                text,
                message.message_thread_id if message.is_topic_message else None,
                message.message_id,
            )

    @staticmethod
    async def _answer(query: Any, text: str, *, alert: bool) -> None:
        with contextlib.suppress(TelegramError):
            await query.answer(clip(text, CALLBACK_ANSWER_LIMIT), show_alert=alert)

    async def _call(self, send: Callable[[int], Awaitable[T]]) -> T:
        """One request to the group; every failure becomes ChannelUnavailable for the outbox."""
        if not self.ready:
            raise ChannelUnavailable("the Telegram adapter is not connected yet")
        try:
            try:
                return await send(self.chat_id)
            except ChatMigrated as exc:
                self._moved_to(exc.new_chat_id)
                return await send(self.chat_id)
        except Forbidden as exc:
            log.error(
                "the bot cannot post in the moderator group %d: %s", self.chat_id, exc.message
            )
            raise ChannelUnavailable(f"moderator group refused the bot: {exc.message}") from exc
        except RetryAfter as exc:
            raise ChannelUnavailable("Telegram flood control persists") from exc
        except TelegramError as exc:
            raise ChannelUnavailable(f"Telegram: {exc.message}") from exc

    def _moved_to(self, new_chat_id: int) -> None:
        if new_chat_id == self.chat_id:
            return
        log.warning(
            "the moderator group became a supergroup; now using chat id %d. Set "
            "telegram.moderator_chat_id = %d in the config",
            new_chat_id,
            new_chat_id,
        )
        self.chat_id = new_chat_id
        self._chat_filter.add_chat_ids(new_chat_id)

    def _keep(self, refs: OrderedDict[Any, int], key: Any, value: int) -> None:
        refs[key] = value
        refs.move_to_end(key)
        if len(refs) > self._remember:
            refs.popitem(last=False)
