"""The Telegram adapter's lifecycle: builds a python-telegram-bot Application from the [telegram]
settings and runs it inside Haven's event loop (never `run_polling()`, which owns the loop).
"""

from __future__ import annotations

import logging
import re

from telegram import BotCommand, BotCommandScopeAllPrivateChats, Update
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, TelegramError
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from adapters.telegram.chats import COMMAND_DESCRIPTIONS, PrivateChats
from adapters.telegram.delivery import PLATFORM, ReplySender, TelegramMessenger
from adapters.telegram.lanes import PerUserUpdateProcessor
from adapters.telegram.moderators import ModeratorGroup
from adapters.telegram.ratelimit import RetryAfterLimiter
from adapters.telegram.webhook import WebhookReceiver
from bot.config import ConfigError, Settings, TelegramSettings
from bot.ports import AdapterHost

log = logging.getLogger(__name__)

ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]
_TOKEN = re.compile(r"\d{1,20}:[A-Za-z0-9_-]{1,200}")
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_ENV = "HAVEN_TELEGRAM__"


class TelegramAdapter:
    """`PlatformAdapter` for Telegram: private chats with people, alerts in the moderator group."""

    name = PLATFORM

    def __init__(self, settings: TelegramSettings, token: str, host: AdapterHost) -> None:
        self._settings = settings
        self.processor = PerUserUpdateProcessor()
        self.limiter = RetryAfterLimiter()
        self.application: Application = (  # type: ignore[type-arg]
            ApplicationBuilder()
            .token(token)
            .base_url(settings.base_url)
            .base_file_url(settings.base_file_url)
            .concurrent_updates(self.processor)
            .rate_limiter(self.limiter)
            .build()
        )
        bot = self.application.bot
        self.sender = ReplySender(bot)
        self.messenger = TelegramMessenger(self.sender)
        self.chats = PrivateChats(host.conversations, self.sender)
        self.moderators: ModeratorGroup | None = None
        if settings.moderator_chat_id is not None:
            self.moderators = ModeratorGroup(
                bot,
                settings.moderator_chat_id,
                host.moderation,
                settings.moderator_user_ids,
                owner_chat_ids=settings.owner_chat_ids,
            )
            self.application.add_handlers(self.moderators.handlers())
            host.add_moderator_channel(self.moderators)
        self.application.add_handlers(self.chats.handlers())
        self.application.add_error_handler(self._on_error)
        host.add_messenger(self.messenger)
        self.webhook: WebhookReceiver | None = None
        if settings.webhook_url:
            secret = settings.webhook_secret
            self.webhook = WebhookReceiver(
                self.application,
                url=settings.webhook_url,
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                secret=secret.get_secret_value() if secret is not None else None,
            )

    async def start(self) -> None:
        if self.application.running:
            return
        try:
            await self.application.initialize()  # getMe: proves the token and the address
        except InvalidToken:
            await self.application.shutdown()
            raise ConfigError(
                f"telegram.token: Telegram at {self._settings.base_url} rejected the token; "
                f"copy the token from @BotFather into {_ENV}TOKEN (or check telegram.base_url)"
            ) from None
        except NetworkError as exc:
            await self.application.shutdown()
            raise ConfigError(
                f"telegram.base_url: cannot reach {self._settings.base_url} ({exc.message}); "
                "check the address and the network"
            ) from None
        try:
            await self._check_moderator_group()
            if self.moderators is not None and not self._settings.owner_chat_ids:
                log.warning(
                    "telegram.owner_chat_ids is empty: when a case stays unclaimed, Haven "
                    "mentions the moderator group's creator in the group; list the owners' "
                    "user ids (each must /start the bot) to tell them directly"
                )
            await self._set_commands()
            await self.application.start()
            if self.webhook is not None:
                await self.webhook.start([str(u) for u in ALLOWED_UPDATES])
            else:
                await self._start_polling()
        except BaseException:
            await self.stop()
            raise
        self.messenger.ready = True
        if self.moderators is not None:
            self.moderators.ready = True
        log.info("telegram: serving as @%s", self.application.bot.username)

    async def stop(self) -> None:
        self.messenger.ready = False
        if self.moderators is not None:
            self.moderators.ready = False
        if self.webhook is not None:
            await self.webhook.stop()
        updater = self.application.updater
        if updater is not None and updater.running:
            await updater.stop()  # confirms the offset of what was consumed
        if self.application.running:
            await self.application.stop()
        await self.application.shutdown()

    async def _start_polling(self) -> None:
        updater = self.application.updater
        assert updater is not None
        timeout = self._settings.poll_timeout_s
        await updater.start_polling(
            poll_interval=0.0 if timeout > 0 else 1.0,  # short polling must not spin
            timeout=timeout,
            allowed_updates=[str(u) for u in ALLOWED_UPDATES],
            drop_pending_updates=False,  # a message sent while Haven was down still matters
        )

    async def _check_moderator_group(self) -> None:
        """Say clearly at start-up when the moderator group is wrong, but keep serving people:
        their crisis replies must not depend on it, and the outbox retries alerts until fixed."""
        group = self.moderators
        if group is None:
            return
        fix = "add the bot to the moderator group and use the group's id (e.g. -1001234567890)"
        try:
            chat = await self.application.bot.get_chat(group.chat_id)
        except BadRequest as exc:
            if "not found" in exc.message.lower():
                log.error(
                    "telegram.moderator_chat_id: Telegram does not know chat %d or the bot is "
                    "not in it; %s. Alerts wait until then.",
                    group.chat_id,
                    fix,
                )
            else:
                log.warning("telegram: could not check the moderator group: %s", exc.message)
            return
        except Forbidden:
            log.error(
                "telegram.moderator_chat_id: the bot is not allowed in chat %d; %s. "
                "Alerts wait until then.",
                group.chat_id,
                fix,
            )
            return
        except TelegramError as exc:  # e.g. a Bot API server without getChat: not fatal
            log.warning("telegram: could not check the moderator group: %s", exc.message)
            return
        if chat.type not in ("group", "supergroup"):
            raise ConfigError(
                f"telegram.moderator_chat_id: chat {group.chat_id} is a {chat.type}, not a group; "
                f"{fix}"
            )
        group.is_forum = bool(chat.is_forum)
        group.title = chat.title

    async def _set_commands(self) -> None:
        commands = [BotCommand(name, text) for name, text in COMMAND_DESCRIPTIONS.items()]
        try:
            await self.application.bot.set_my_commands(
                commands, scope=BotCommandScopeAllPrivateChats()
            )
        except TelegramError as exc:  # the command menu is a convenience
            log.warning("telegram: could not set the command menu: %s", exc.message)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Never log the update itself: it holds what a person wrote.
        error = context.error
        if isinstance(error, TelegramError):
            log.warning("telegram: %s: %s", type(error).__name__, error.message)
        elif error is not None:
            log.error("telegram: handler failed", exc_info=error)


def check_settings(settings: TelegramSettings, token: str) -> None:
    """Raise ConfigError, one line naming the key and the fix, on any wrong [telegram] value."""
    if not _TOKEN.fullmatch(token):
        raise ConfigError(
            "telegram.token: this is not a bot token (it looks like 123456789:AAE...); "
            f"copy it from @BotFather into {_ENV}TOKEN or telegram.token_file"
        )
    for key, url in (("base_url", settings.base_url), ("base_file_url", settings.base_file_url)):
        if not re.match(r"https?://[^/]+", url):
            raise ConfigError(
                f"telegram.{key}: {url!r} is not an http(s) URL; "
                "use e.g. https://api.telegram.org/bot"
            )
    if not (settings.base_url.endswith("/bot") or "{token}" in settings.base_url):
        raise ConfigError(
            f"telegram.base_url: {settings.base_url!r} must end in /bot (the token is appended), "
            "e.g. https://api.telegram.org/bot or http://127.0.0.1:8081/bot"
        )
    chat_id, user_ids = settings.moderator_chat_id, settings.moderator_user_ids
    if chat_id is not None and chat_id > 0:
        raise ConfigError(
            f"telegram.moderator_chat_id: {chat_id} is a person's id; group ids are negative "
            "(e.g. -1001234567890): add the bot to the group and use the group's id"
        )
    if chat_id is not None and not user_ids:
        raise ConfigError(
            "telegram.moderator_user_ids: empty, so nobody could claim an alert; list the "
            "moderators' numeric Telegram user ids, e.g. moderator_user_ids = [123456789]"
        )
    if user_ids and chat_id is None:
        raise ConfigError(
            "telegram.moderator_chat_id: missing, so moderators have nowhere to see alerts; "
            "set it to the moderator group's id (e.g. -1001234567890)"
        )
    owners = settings.owner_chat_ids
    if owners and chat_id is None:
        raise ConfigError(
            "telegram.owner_chat_ids: set, but owner notices go out with the moderator group's "
            "alerts and telegram.moderator_chat_id is missing; set it, or list the owners in "
            "discord.owner_user_ids instead"
        )
    if chat_id is not None and chat_id in owners:
        raise ConfigError(
            f"telegram.owner_chat_ids: {chat_id} is the moderator group itself; list the owners' "
            "own user ids (their private chats with the bot), e.g. owner_chat_ids = [123456789]"
        )
    if any(uid <= 0 for uid in user_ids):
        raise ConfigError(
            "telegram.moderator_user_ids: user ids are positive numbers; "
            "a negative id is a group or channel"
        )
    if settings.webhook_url is not None:
        if not re.match(r"https?://[^/]+", settings.webhook_url):
            raise ConfigError(
                f"telegram.webhook_url: {settings.webhook_url!r} is not a URL; use the public "
                "https address Telegram should post updates to, or remove it to use polling"
            )
        secret = settings.webhook_secret
        if secret is not None and not _WEBHOOK_SECRET.fullmatch(secret.get_secret_value()):
            raise ConfigError(
                "telegram.webhook_secret: use 1-256 letters, digits, _ or - "
                f"(set it in the config file or {_ENV}WEBHOOK_SECRET)"
            )


def build(settings: Settings, host: AdapterHost) -> TelegramAdapter | None:
    """The Telegram adapter, or None when no token is configured."""
    telegram = settings.telegram
    token = settings.secret("telegram", "token")
    if token is None:
        if telegram.moderator_chat_id is not None or telegram.moderator_user_ids:
            raise ConfigError(
                "telegram.token: missing while other [telegram] settings are set; set "
                f"{_ENV}TOKEN (from @BotFather) or telegram.token_file, or remove [telegram]"
            )
        return None
    check_settings(telegram, token)
    return TelegramAdapter(telegram, token, host)
