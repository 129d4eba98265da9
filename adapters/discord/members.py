"""Members' side of Discord: DMs become `Incoming`, replies go back to the DM, slash commands.

Implements `UserMessenger` for the platform "discord" (relayed moderator words, notices outside a
turn). A reply that fails transiently inside a turn waits in `PendingReplies`; a 403 (DMs closed,
bot blocked) is raised to the escalation service as `UserUnreachable` outside a turn.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from typing import Any

import discord
from discord import app_commands

from adapters.discord.delivery import SEND_ERRORS, PendingReplies, port_error
from adapters.discord.rendering import chunk_iter, reply_chunks
from bot.events import ContentKind, Incoming, Reply, UserKey
from bot.ports import (
    ChannelUnavailable,
    Command,
    CommandCall,
    Conversations,
    UserUnreachable,
)

log = logging.getLogger(__name__)

PLATFORM = "discord"
TYPING_MAX_S = 180.0  # never show "typing…" forever if a turn hangs
NO_MENTIONS = discord.AllowedMentions.none()

CONFIRM_LABELS: dict[Command, str] = {
    Command.FORGET_CONFIRM: "Yes, delete everything",
    Command.CONSENT: "I agree",
}
CANCEL_WORDS = frozenset({"cancel", "no", "keep", "keep my data"})
SORRY = (
    "Sorry, something went wrong on my side. If you are in danger right now, please call your "
    "local emergency number; /resources lists crisis lines."
)


class CommandButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"haven:cmd:(?P<command>[a-z_]+)",
):
    """A member's confirmation button (e.g. /forget's); works after a restart (no stored state)."""

    def __init__(self, command: str, label: str, style: discord.ButtonStyle) -> None:
        super().__init__(
            discord.ui.Button(label=label[:80], style=style, custom_id=f"haven:cmd:{command}")
        )
        self.command = command

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> CommandButton:
        label = getattr(item, "label", None) or match["command"]
        return cls(match["command"], label, discord.ButtonStyle.secondary)

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        desk = getattr(interaction.client, "members", None)
        if isinstance(desk, MemberDesk):
            await desk.on_command_button(interaction, self.command)


def confirm_view(choices: Sequence[str]) -> discord.ui.View | None:
    """Buttons for `Reply.confirm`: a Command value runs that command, anything else cancels."""
    if not choices:
        return None
    view = discord.ui.View(timeout=None)
    for choice in choices[:5]:
        try:
            command = Command(choice)
        except ValueError:
            view.add_item(CommandButton("cancel", choice, discord.ButtonStyle.secondary))
            continue
        label = CONFIRM_LABELS.get(command, command.value.replace("_", " ").capitalize())
        style = (
            discord.ButtonStyle.danger
            if command is Command.FORGET_CONFIRM
            else discord.ButtonStyle.primary
        )
        view.add_item(CommandButton(command.value, label, style))
    if all(choice in {c.value for c in Command} for choice in choices):
        view.add_item(CommandButton("cancel", "Cancel", discord.ButtonStyle.secondary))
    return view


def incoming_from(message: discord.Message) -> Incoming | None:
    """The `Incoming` for a member's DM, or None for messages Haven does not answer."""
    if message.author.bot or message.guild is not None:
        return None
    if message.type not in (discord.MessageType.default, discord.MessageType.reply):
        return None
    return Incoming(
        user=UserKey(PLATFORM, str(message.author.id)),
        chat_id=str(message.channel.id),
        message_id=str(message.id),
        text=message.content,
        sent_at=message.created_at,
        kind=content_kind(message),
        handle=f"@{message.author.name}",
        locale=None,  # Discord messages carry no locale; never guess a country from it anyway
    )


def content_kind(message: discord.Message) -> ContentKind:
    if message.content:
        return ContentKind.TEXT
    if message.stickers:
        return ContentKind.STICKER
    if message.attachments:
        first = message.attachments[0]
        mime = first.content_type or ""
        if message.flags.voice or mime.startswith("audio/"):
            return ContentKind.VOICE
        if mime.startswith("image/"):
            return ContentKind.IMAGE
        return ContentKind.FILE
    return ContentKind.OTHER


def _file(reply: Reply) -> discord.File | None:
    if reply.attachment is None:
        return None
    return discord.File(io.BytesIO(reply.attachment.content), filename=reply.attachment.filename)


# A DM channel, a thread, or an interaction's follow-up webhook (`_Followup`): anything with
# discord.py's `send(content, **kwargs)`. Its many overloads defeat a typing.Protocol.
Sender = Any


async def send_reply(channel: Sender, reply: Reply, start: int = 0) -> int:
    """Send `reply`'s chunks from index `start`; return how many chunks have been sent in total.

    Raises discord.py's exceptions; the caller maps them. On failure the exception carries the
    progress in its `sent_chunks` attribute so a retry resumes without duplicating chunks.
    """
    chunks = reply_chunks(reply)
    sent = start
    for index, (chunk, last) in enumerate(chunk_iter(chunks)):
        if index < start:
            continue
        kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS}
        if last:
            file = _file(reply)
            view = confirm_view(reply.confirm)
            if file is not None:
                kwargs["file"] = file
            if view is not None:
                kwargs["view"] = view
        try:
            await channel.send(chunk or None, **kwargs)
        except BaseException as exc:
            exc.sent_chunks = sent  # type: ignore[attr-defined]
            raise
        sent += 1
    return sent


class MemberDesk:
    """DMs in, replies out, slash commands; the Discord `UserMessenger`."""

    platform = PLATFORM

    def __init__(
        self, client: discord.Client, conversations: Conversations, pending: PendingReplies
    ) -> None:
        self._client = client
        self._conversations = conversations
        self._pending = pending

    # ------------------------------------------------------------------ direct messages
    async def on_direct_message(self, message: discord.Message) -> None:
        incoming = incoming_from(message)
        if incoming is None:
            return
        typing = _Typing(message.channel)
        typing.start()

        async def respond(reply: Reply) -> None:
            typing.pause()  # a sent message clears Discord's indicator; resume shortly after
            await self._deliver(message.channel, incoming.chat_id, reply)
            typing.start(delay=1.0)

        try:
            await self._conversations.handle(incoming, respond)
        except Exception:
            log.exception("discord: the core failed on message %s", incoming.message_id)
            await self._deliver(message.channel, incoming.chat_id, Reply(SORRY))
        finally:
            typing.stop()

    async def _deliver(self, channel: Sender, chat_id: str, reply: Reply) -> None:
        """Send now, or queue behind this chat's pending replies; never raises."""
        progress = {"sent": 0}

        async def send_rest() -> None:
            try:
                progress["sent"] = await send_reply(channel, reply, progress["sent"])
            except discord.Forbidden as exc:
                raise port_error(exc, f"reply to chat {chat_id}") from exc
            except SEND_ERRORS as exc:
                progress["sent"] = getattr(exc, "sent_chunks", progress["sent"])
                raise port_error(exc, f"reply to chat {chat_id}") from exc

        if self._pending.has_pending(chat_id):
            self._pending.add(chat_id, send_rest)
            return
        try:
            await send_rest()
        except UserUnreachable as exc:
            # The member wrote to us a moment ago, so this is rare (they blocked the bot since).
            log.warning("discord: member unreachable: %s", exc)
        except ChannelUnavailable as exc:
            log.warning("discord: reply queued for retry: %s", exc)
            self._pending.add(chat_id, send_rest)

    # ------------------------------------------------------------------ UserMessenger
    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        if user.platform != PLATFORM:
            raise ValueError(f"the Discord messenger cannot reach {user}")
        what = f"message to {user}"
        channel: Sender
        if chat_id.isdigit():
            channel = self._client.get_partial_messageable(
                int(chat_id), type=discord.ChannelType.private
            )
        else:
            channel = await self._open_dm(user, what)
        try:
            await send_reply(channel, reply)
        except discord.NotFound:
            # The stored chat id is gone; open the DM again from the user id.
            channel = await self._open_dm(user, what)
            try:
                await send_reply(channel, reply)
            except SEND_ERRORS as exc:
                raise port_error(exc, what) from exc
        except SEND_ERRORS as exc:
            raise port_error(exc, what) from exc

    async def _open_dm(self, user: UserKey, what: str) -> discord.DMChannel:
        if not user.id.isdigit():
            raise UserUnreachable(f"{what}: {user.id!r} is not a Discord user id")
        try:
            return await self._client.create_dm(discord.Object(int(user.id)))
        except SEND_ERRORS as exc:
            raise port_error(exc, what) from exc

    # ------------------------------------------------------------------ slash commands
    def commands(self) -> list[app_commands.Command[Any, Any, Any]]:
        """/help, /resources, /country, /forget and /export, usable in DMs with the bot."""
        desk = self

        @app_commands.command(name="help", description="What Haven is and how to use it")
        async def help_command(interaction: discord.Interaction) -> None:
            await desk.run_command(interaction, Command.HELP)

        @app_commands.command(name="resources", description="Crisis lines for your country")
        @app_commands.describe(country="Two-letter country code, e.g. GB or US (optional)")
        async def resources_command(
            interaction: discord.Interaction, country: str | None = None
        ) -> None:
            await desk.run_command(interaction, Command.RESOURCES, country or "")

        @app_commands.command(name="country", description="Set your country for crisis lines")
        @app_commands.describe(code="Two-letter country code, e.g. GB, US, DE")
        async def country_command(interaction: discord.Interaction, code: str) -> None:
            await desk.run_command(interaction, Command.COUNTRY, code.strip())

        @app_commands.command(name="forget", description="Delete everything Haven stored about you")
        async def forget_command(interaction: discord.Interaction) -> None:
            await desk.run_command(interaction, Command.FORGET)

        @app_commands.command(name="export", description="Download what Haven stored about you")
        async def export_command(interaction: discord.Interaction) -> None:
            await desk.run_command(interaction, Command.EXPORT)

        commands: list[app_commands.Command[Any, Any, Any]] = [
            help_command,
            resources_command,
            country_command,
            forget_command,
            export_command,
        ]
        for command in commands:
            app_commands.allowed_contexts(guilds=False, dms=True, private_channels=False)(command)
            app_commands.allowed_installs(guilds=True, users=False)(command)
        return commands

    async def run_command(
        self, interaction: discord.Interaction, command: Command, args: str = ""
    ) -> None:
        # Answer within Discord's 3 s window first; the core may need the disk or longer.
        await interaction.response.defer(thinking=True)
        await self._command_turn(interaction, command, args)

    async def on_command_button(self, interaction: discord.Interaction, command: str) -> None:
        if command == "cancel":
            await interaction.response.edit_message(
                content="Cancelled. Nothing was deleted.", view=None
            )
            return
        try:
            parsed = Command(command)
        except ValueError:
            await interaction.response.send_message("That button is no longer valid.")
            return
        # Remove the buttons first so a second press cannot run the command twice.
        await interaction.response.edit_message(view=None)
        await self._command_turn(interaction, parsed, "")

    async def _command_turn(
        self, interaction: discord.Interaction, command: Command, args: str
    ) -> None:
        call = CommandCall(
            user=UserKey(PLATFORM, str(interaction.user.id)),
            chat_id=str(interaction.channel_id),
            command=command,
            args=args,
            handle=f"@{interaction.user.name}",
        )
        answered = False

        async def respond(reply: Reply) -> None:
            nonlocal answered
            answered = True
            await self._followup(interaction, call.chat_id, reply)

        try:
            await self._conversations.command(call, respond)
        except Exception:
            log.exception("discord: the core failed on /%s", command.value)
            answered = True
            await self._followup(interaction, call.chat_id, Reply(SORRY))
        if not answered and interaction.response.type is not None:
            await self._followup(interaction, call.chat_id, Reply("Done."))

    async def _followup(self, interaction: discord.Interaction, chat_id: str, reply: Reply) -> None:
        """Answer through the interaction webhook; fall back to a plain DM if that fails."""
        try:
            await send_reply(_Followup(interaction), reply)
        except SEND_ERRORS as exc:
            log.warning("discord: follow-up failed (%s); sending as a DM", exc)
            channel = interaction.channel
            if isinstance(channel, discord.abc.Messageable):
                await self._deliver(channel, chat_id, reply)


class _Followup:
    """Adapts an interaction's follow-up webhook to the `send(content, **kwargs)` shape."""

    def __init__(self, interaction: discord.Interaction) -> None:
        self._interaction = interaction

    async def send(self, content: str | None = None, **kwargs: Any) -> None:
        await self._interaction.followup.send(content or discord.utils.MISSING, **kwargs)


class _Typing:
    """'typing…' in a DM while the core works; restartable after each reply."""

    def __init__(self, channel: discord.abc.Messageable) -> None:
        self._channel = channel
        self._task: asyncio.Task[None] | None = None

    def start(self, delay: float = 0.0) -> None:
        self.pause()
        self._task = asyncio.create_task(self._run(delay), name="discord-typing")

    def pause(self) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task = None

    stop = pause

    async def _run(self, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            async with self._channel.typing():
                await asyncio.sleep(TYPING_MAX_S)
        except SEND_ERRORS as exc:
            log.debug("discord: typing indicator failed: %s", exc)
