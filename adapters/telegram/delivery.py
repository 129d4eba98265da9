"""Sends Haven's replies to a person's private chat: split at Telegram's limit, buttons for
confirmations, files for exports, and platform errors mapped to Haven's own exceptions.
"""

from __future__ import annotations

import logging

from telegram import Bot, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from adapters.telegram.rendering import confirm_keyboard, split_text
from bot.events import Reply, UserKey
from bot.ports import ChannelUnavailable, UserUnreachable

log = logging.getLogger(__name__)

PLATFORM = "telegram"


class ReplySender:
    """Renders one `Reply` into one or more Telegram messages in a private chat."""

    def __init__(self, bot: Bot) -> None:
        self._bot = bot

    @property
    def bot(self) -> Bot:
        return self._bot

    async def send(self, chat_id: int | str, reply: Reply) -> None:
        """Raises UserUnreachable (blocked, deactivated) or ChannelUnavailable (transient)."""
        try:
            await self._send(chat_id, reply)
        except Forbidden as exc:
            raise UserUnreachable(f"Telegram refused delivery: {exc.message}") from exc
        except RetryAfter as exc:  # the limiter already waited and retried
            raise ChannelUnavailable("Telegram flood control persists") from exc
        except BadRequest as exc:
            if "chat not found" in exc.message.lower():
                raise UserUnreachable("Telegram: the chat no longer exists") from exc
            raise
        except NetworkError as exc:  # includes TimedOut
            raise ChannelUnavailable(f"Telegram unreachable: {exc.message}") from exc

    async def _send(self, chat_id: int | str, reply: Reply) -> None:
        pieces = split_text(reply.text) if reply.text.strip() else []
        markup = confirm_keyboard(reply.confirm) if reply.confirm else None
        for index, piece in enumerate(pieces):
            last = index == len(pieces) - 1
            await self._bot.send_message(
                chat_id, piece, reply_markup=markup if last and reply.attachment is None else None
            )
        if reply.attachment is not None:
            document = InputFile(reply.attachment.content, filename=reply.attachment.filename)
            await self._bot.send_document(chat_id, document, reply_markup=markup)


class TelegramMessenger:
    """`UserMessenger` for Telegram: reaches a person outside a turn (moderator words, notes)."""

    platform = PLATFORM

    def __init__(self, sender: ReplySender) -> None:
        self._sender = sender
        self.ready = False

    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        if not self.ready:
            raise ChannelUnavailable("the Telegram adapter is not connected yet")
        target = chat_id or user.id  # in a private chat, the chat id is the user id
        await self._sender.send(int(target), reply)
