"""The Discord adapter's lifecycle: build from settings, log in, connect in the shared loop, stop.

`build()` is what the composition root calls; it returns None when no token is configured and
raises `ConfigError` (one line) for anything else missing or wrong. `start()` runs discord.py in
the current event loop (`login()` then a task for `connect()`), never a second loop.
"""

from __future__ import annotations

import asyncio
import logging

import aiohttp
import discord
import yarl

from adapters.discord.client import HavenClient
from adapters.discord.delivery import PendingReplies
from adapters.discord.endpoints import Redirect
from adapters.discord.members import MemberDesk
from adapters.discord.moderators import ModeratorDesk
from bot.config import ConfigError, DiscordSettings, Settings
from bot.ports import AdapterHost

log = logging.getLogger(__name__)

READY_TIMEOUT_S = 30.0


class DiscordAdapter:
    """One Discord bot: members' DMs, slash commands, and the moderator channel.

    Registers itself with the host as the "discord" `UserMessenger` and `ModeratorChannel`.
    Single use: after stop(), build a new adapter to connect again.
    """

    name = "discord"

    def __init__(
        self,
        settings: DiscordSettings,
        token: str,
        host: AdapterHost,
        *,
        ready_timeout_s: float = READY_TIMEOUT_S,
        retry_initial_s: float = 2.0,
        retry_max_s: float = 300.0,
    ) -> None:
        if settings.moderator_channel_id is None:
            raise ConfigError(_MISSING_CHANNEL)
        self._settings = settings
        self._token = token
        self._ready_timeout_s = ready_timeout_s
        self._redirect = Redirect(settings.api_base, settings.gateway_url)
        self._connect_task: asyncio.Task[None] | None = None
        self.pending = PendingReplies(retry_initial_s, retry_max_s)
        self.client = HavenClient()
        self.members = MemberDesk(self.client, host.conversations, self.pending)
        self.moderators = ModeratorDesk(
            self.client,
            host.moderation,
            settings.moderator_channel_id,
            ping_role_ids=settings.moderator_role_ids,
            owner_user_ids=settings.owner_user_ids,
        )
        self.client.attach(self.members, self.moderators)
        host.add_messenger(self.members)
        host.add_moderator_channel(self.moderators)

    async def start(self) -> None:
        self._redirect.apply()
        try:
            await self._login()
            self._connect_task = asyncio.create_task(
                self.client.connect(reconnect=True), name="discord-gateway"
            )
            await self._wait_ready(self._connect_task)
            await self.moderators.check_channel()
            if not self._settings.owner_user_ids:
                log.warning(
                    "discord.owner_user_ids is empty: when a case stays unclaimed, Haven mentions "
                    "the server owner in the moderator channel; list the owners' user ids to DM "
                    "them instead"
                )
        except BaseException:
            await self.stop()
            raise
        self._connect_task.add_done_callback(_connection_ended)
        self.pending.start()

    async def stop(self) -> None:
        await self.pending.stop()
        if not self.client.is_closed():
            await self.client.close()
        if self._connect_task is not None:
            await asyncio.gather(self._connect_task, return_exceptions=True)
            self._connect_task = None
        self._redirect.undo()

    async def _login(self) -> None:
        api = self._settings.api_base
        try:
            await self.client.login(self._token)
        except discord.LoginFailure:
            raise ConfigError(
                "discord.token: Discord refused the token (401); copy the bot token from the "
                "Developer Portal (Bot → Reset Token) into HAVEN_DISCORD__TOKEN"
            ) from None
        except discord.HTTPException as exc:
            raise ConfigError(
                f"discord.api_base: {api} answered {exc.status} at login; check that it is a "
                "Discord API v10 base such as https://discord.com/api/v10"
            ) from None
        except (TimeoutError, aiohttp.ClientError, OSError) as exc:
            raise ConfigError(
                f"discord.api_base: cannot reach {api} ({type(exc).__name__}: {exc}); check the "
                "URL and the network"
            ) from None

    async def _wait_ready(self, connect: asyncio.Task[None]) -> None:
        ready = asyncio.create_task(self.client.wait_until_ready())
        try:
            done, _ = await asyncio.wait(
                {ready, connect}, timeout=self._ready_timeout_s, return_when=asyncio.FIRST_COMPLETED
            )
        finally:
            ready.cancel()
        if connect in done:
            raise _connect_error(connect, self._settings.gateway_url)
        if ready not in done:
            raise ConfigError(
                f"discord.gateway_url: no READY from {self._settings.gateway_url} within "
                f"{self._ready_timeout_s:.0f} s; check the URL and the network"
            )


def _connect_error(connect: asyncio.Task[None], gateway: str) -> ConfigError:
    exc = connect.exception() if not connect.cancelled() else None
    if isinstance(exc, discord.PrivilegedIntentsRequired):
        return ConfigError(
            "discord: the Message Content intent is off for this bot; turn it on under Bot → "
            "Privileged Gateway Intents in the Developer Portal (Haven reads moderators' replies "
            "in case threads)"
        )
    if isinstance(exc, discord.ConnectionClosed) and exc.code == 4004:
        return ConfigError("discord.token: the gateway refused the token (4004); reset the token")
    return ConfigError(f"discord.gateway_url: connecting to {gateway} failed ({exc!r})")


def _connection_ended(task: asyncio.Task[None]) -> None:
    if task.cancelled():
        return
    exc = task.exception()
    if exc is not None:
        log.critical("discord: the gateway connection ended for good: %r", exc)


_MISSING_CHANNEL = (
    "discord.moderator_channel_id: missing; set it to the id of the moderators' text channel "
    "(or HAVEN_DISCORD__MODERATOR_CHANNEL_ID)"
)


def build(settings: Settings, host: AdapterHost) -> DiscordAdapter | None:
    """The Discord adapter for these settings, or None when no token is configured."""
    section = settings.discord
    token = settings.secret("discord", "token")
    if token is None:
        return None
    token = token.strip().removeprefix("Bot ").strip()
    check_settings(section)
    return DiscordAdapter(
        section,
        token,
        host,
        retry_initial_s=settings.escalation.retry_initial_s,
        retry_max_s=settings.escalation.retry_max_s,
    )


def check_settings(section: DiscordSettings) -> None:
    """Raise ConfigError with one line for the first missing or wrong [discord] setting."""
    if section.moderator_channel_id is None:
        raise ConfigError(_MISSING_CHANNEL)
    if not section.moderator_role_ids and not section.moderator_user_ids:
        raise ConfigError(
            "discord.moderator_role_ids: empty, so nobody could claim a case; list the ids of "
            "the roles allowed to claim (or set discord.moderator_user_ids)"
        )
    _check_url("api_base", section.api_base, ("https", "http"), "https://discord.com/api/v10")
    _check_url("gateway_url", section.gateway_url, ("wss", "ws"), "wss://gateway.discord.gg")


def _check_url(key: str, value: str, schemes: tuple[str, ...], example: str) -> None:
    try:
        url = yarl.URL(value)
    except (TypeError, ValueError):
        url = None
    if url is None or url.scheme not in schemes or not url.host:
        raise ConfigError(
            f"discord.{key}: bad value {value!r}: use a {'/'.join(s + '://' for s in schemes)} "
            f"URL such as {example} (set it in the config file or HAVEN_DISCORD__{key.upper()})"
        )
