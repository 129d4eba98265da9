"""People's private chats with the bot: messages and commands become `Incoming` and
`CommandCall`, Haven's replies are sent back while "typing…" shows. Groups are not served here.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable

from telegram import Message, Update, User
from telegram.constants import ChatAction
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from adapters.telegram.delivery import PLATFORM, ReplySender
from adapters.telegram.rendering import CANCEL_CHOICE, CANCELLED_TEXT, USER_PREFIX
from bot.events import ContentKind, Incoming, Reply, ReplyKind, Respond, UserKey
from bot.ports import ChannelUnavailable, Command, CommandCall, Conversations, UserUnreachable

log = logging.getLogger(__name__)

# Commands a person can type; /consent is what the onboarding text offers.
COMMANDS: dict[str, Command] = {
    "start": Command.START,
    "help": Command.HELP,
    "resources": Command.RESOURCES,
    "country": Command.COUNTRY,
    "forget": Command.FORGET,
    "export": Command.EXPORT,
    "consent": Command.CONSENT,
}
COMMAND_DESCRIPTIONS: dict[str, str] = {
    "start": "What Haven is, what it keeps, and your choices",
    "help": "How to use Haven",
    "resources": "Crisis lines for your country",
    "country": "Set your country, e.g. /country GB",
    "forget": "Erase everything Haven keeps about you",
    "export": "Everything Haven keeps about you, as a file",
    "consent": "yes or no: may Haven keep your messages' text",
}

TYPING_EVERY_S = 4.5  # Telegram shows "typing…" for about 5 seconds per action
TYPING_WAIT_S = 1.0  # the longest an answer waits for its "typing…" to be accepted
SEND_RETRIES = (1.0, 3.0)  # back-off for transient network failures while answering

Work = Callable[[Respond], Awaitable[None]]


def handle_of(user: User) -> str:
    return f"@{user.username}" if user.username else user.full_name


def content_kind(message: Message) -> ContentKind:
    if message.sticker is not None:
        return ContentKind.STICKER
    if message.photo:
        return ContentKind.IMAGE
    if message.voice is not None or message.audio is not None or message.video_note is not None:
        return ContentKind.VOICE
    if message.document is not None:
        return ContentKind.FILE
    return ContentKind.OTHER


class PrivateChats:
    """Handlers for private chats; everything a person says goes to the core."""

    def __init__(
        self,
        conversations: Conversations,
        sender: ReplySender,
        *,
        typing_every_s: float = TYPING_EVERY_S,
        send_retries: tuple[float, ...] = SEND_RETRIES,
    ) -> None:
        self._conversations = conversations
        self._sender = sender
        self._typing_every_s = typing_every_s
        self._send_retries = send_retries

    def handlers(self) -> list[BaseHandler[Update, ContextTypes.DEFAULT_TYPE, None]]:
        private = filters.ChatType.PRIVATE & ~filters.UpdateType.EDITED
        media = ~filters.TEXT & ~filters.StatusUpdate.ALL
        return [
            CommandHandler(list(COMMANDS), self.on_command, filters=private),
            # Unknown "/commands" fall through to here on purpose: they are screened like text.
            MessageHandler(private & filters.TEXT, self.on_text),
            MessageHandler(private & media, self.on_media),
            CallbackQueryHandler(self.on_choice, pattern=f"^{USER_PREFIX}"),
        ]

    # ---- updates ----------------------------------------------------------------------------

    async def on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        await self._message(message, user, message.text, ContentKind.TEXT)

    async def on_media(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None:
            return
        if message.caption:
            # Words in a caption are screened and answered like any message: safety first.
            await self._message(message, user, message.caption, ContentKind.TEXT)
        else:
            await self._message(message, user, "", content_kind(message))

    async def on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        word = message.text.split(maxsplit=1)[0][1:].split("@", 1)[0].lower()
        command = COMMANDS.get(word)
        if command is None:
            return
        call = CommandCall(
            user=UserKey(PLATFORM, str(user.id)),
            chat_id=str(message.chat_id),
            command=command,
            args=" ".join(context.args or []),
            handle=handle_of(user),
        )
        await self._turn(
            message.chat_id, lambda respond: self._conversations.command(call, respond)
        )

    async def on_choice(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A confirmation button in a private chat, e.g. "Yes, erase everything" after /forget."""
        query = update.callback_query
        if query is None or query.message is None or query.message.chat.type != "private":
            return
        choice = (query.data or "").removeprefix(USER_PREFIX)
        with contextlib.suppress(TelegramError):
            await query.answer()
        with contextlib.suppress(TelegramError):  # one press only: take the buttons away
            await query.edit_message_reply_markup(reply_markup=None)
        chat_id = query.message.chat.id
        if choice == CANCEL_CHOICE:
            await self._turn(
                chat_id, lambda respond: respond(Reply(CANCELLED_TEXT, ReplyKind.NOTICE))
            )
            return
        word, _, args = choice.partition(" ")
        try:
            command = Command(word)
        except ValueError:
            return
        call = CommandCall(
            user=UserKey(PLATFORM, str(query.from_user.id)),
            chat_id=str(chat_id),
            command=command,
            args=args,
            handle=handle_of(query.from_user),
        )
        await self._turn(chat_id, lambda respond: self._conversations.command(call, respond))

    # ---- a turn -----------------------------------------------------------------------------

    async def _message(self, message: Message, user: User, text: str, kind: ContentKind) -> None:
        incoming = Incoming(
            user=UserKey(PLATFORM, str(user.id)),
            chat_id=str(message.chat_id),
            message_id=str(message.message_id),
            text=text,
            sent_at=message.date,
            kind=kind,
            handle=handle_of(user),
            locale=user.language_code,
        )
        await self._turn(
            message.chat_id,
            lambda respond: self._conversations.handle(incoming, respond),
            typing=kind is ContentKind.TEXT,
        )

    async def _turn(self, chat_id: int, work: Work, *, typing: bool = False) -> None:
        reach = _Reach(chat_id, self._sender, self._send_retries)
        typing_task = None
        if typing:
            reach.typing_shown = asyncio.Event()
            typing_task = asyncio.create_task(self._keep_typing(chat_id, reach))
        try:
            await work(reach.respond)
        finally:
            if typing_task is not None:
                typing_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await typing_task

    async def _keep_typing(self, chat_id: int, reach: _Reach) -> None:
        try:
            while not reach.unreachable and not reach.answered:
                try:
                    await self._sender.bot.send_chat_action(chat_id, ChatAction.TYPING)
                except TelegramError:
                    return  # typing is a courtesy; a failure here must not disturb the reply
                finally:
                    if reach.typing_shown is not None:
                        reach.typing_shown.set()
                await asyncio.sleep(self._typing_every_s)
        finally:
            if reach.typing_shown is not None:
                reach.typing_shown.set()


class _Reach:
    """The `respond` callback for one turn: sends each reply as soon as the core has it."""

    def __init__(self, chat_id: int, sender: ReplySender, retries: tuple[float, ...]) -> None:
        self._chat_id = chat_id
        self._sender = sender
        self._retries = retries
        self.unreachable = False
        # After the answer (or a crisis reply: no model answer follows it) "typing…" would lie.
        self.answered = False
        # Set once the first "typing…" went out. An answer waits for it (a few ms) so that
        # "typing…" never arrives after the answer it announced; a crisis reply never waits.
        self.typing_shown: asyncio.Event | None = None

    async def respond(self, reply: Reply) -> None:
        if self.unreachable:
            return
        shown = self.typing_shown
        if shown is not None and not shown.is_set() and reply.kind is not ReplyKind.CRISIS:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(shown.wait(), TYPING_WAIT_S)
        if reply.kind is not ReplyKind.ONBOARDING:
            self.answered = True
        for attempt, pause in enumerate((*self._retries, None)):
            try:
                await self._sender.send(self._chat_id, reply)
                return
            except UserUnreachable:
                # Blocked the bot or deleted the account: nothing more to say in this turn.
                self.unreachable = True
                log.info("a Telegram user is unreachable (blocked the bot); reply dropped")
                return
            except TelegramError as exc:  # refused for good (e.g. a bad request): say so, go on
                log.error("a %s reply was refused by Telegram: %s", reply.kind, exc.message)
                return
            except ChannelUnavailable:
                if pause is None:
                    log.error(
                        "a %s reply was lost: Telegram unreachable after %d tries",
                        reply.kind,
                        attempt + 1,
                    )
                    return
                await asyncio.sleep(pause)
