"""The discord.py client: minimal intents, persistent buttons, slash commands, event routing.

Intents: `guilds` (the moderator channel, its threads and roles), `dm_messages` (members), and
`guild_messages` + `message_content` (privileged) only to read moderators' replies in case
threads; every other guild message is dropped on arrival.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

import discord
from discord import app_commands

from adapters.discord.members import CommandButton
from adapters.discord.moderators import CaseButton

if TYPE_CHECKING:
    from adapters.discord.members import MemberDesk
    from adapters.discord.moderators import ModeratorDesk

log = logging.getLogger(__name__)

# How long to wait for more guilds after the last GUILD_CREATE before `ready` (discord.py's
# default is 2 s); Haven lives in one or a few guilds and checks its channel itself.
GUILD_READY_TIMEOUT_S = 0.5


def haven_intents() -> discord.Intents:
    intents = discord.Intents.none()
    intents.guilds = True
    intents.dm_messages = True
    intents.guild_messages = True
    intents.message_content = True
    return intents


class HavenClient(discord.Client):
    """A plain discord.Client whose events go to the member and moderator desks."""

    members: MemberDesk
    moderators: ModeratorDesk

    def __init__(self, *, sync_commands: bool = True, **options: Any) -> None:
        options.setdefault("intents", haven_intents())
        options.setdefault("guild_ready_timeout", GUILD_READY_TIMEOUT_S)
        options.setdefault("chunk_guilds_at_startup", False)
        options.setdefault("allowed_mentions", discord.AllowedMentions.none())
        options.setdefault("enable_debug_events", False)
        super().__init__(**options)
        self.tree = app_commands.CommandTree(self)
        self._sync_commands = sync_commands
        self._background: set[asyncio.Task[Any]] = set()

    def attach(self, members: MemberDesk, moderators: ModeratorDesk) -> None:
        self.members = members
        self.moderators = moderators
        for command in members.commands():
            self.tree.add_command(command)

    async def setup_hook(self) -> None:
        # Buttons from before a restart carry their meaning in the custom id.
        self.add_dynamic_items(CaseButton, CommandButton)

    async def on_ready(self) -> None:
        log.info("discord: connected as %s (%s)", self.user, self.user.id if self.user else "?")
        if self._sync_commands:
            self._sync_commands = False  # on_ready fires again after a reconnect
            self._spawn(self._sync_tree())

    async def _sync_tree(self) -> None:
        try:
            synced = await self.tree.sync()
            log.info("discord: %d slash commands registered", len(synced))
        except (discord.HTTPException, OSError) as exc:
            log.warning("discord: could not register slash commands (%s); retried next start", exc)

    def _spawn(self, coro: Any) -> None:
        task = asyncio.create_task(coro)
        self._background.add(task)
        task.add_done_callback(self._background.discard)

    async def on_message(self, message: discord.Message) -> None:
        if message.author.bot:
            return  # our own echoes and other bots: never answer, never relay
        if message.guild is None:
            await self.members.on_direct_message(message)
        elif self.moderators.is_relay_place(message.channel):
            await self.moderators.on_thread_message(message)

    async def on_error(self, event_method: str, /, *args: Any, **kwargs: Any) -> None:
        log.exception("discord: unhandled error in %s", event_method)

    async def close(self) -> None:
        for task in list(self._background):
            task.cancel()
        await super().close()
