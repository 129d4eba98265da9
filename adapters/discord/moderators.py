"""Moderators' side of Discord: alert embeds with persistent buttons, private case threads, relay.

Implements `ModeratorChannel` (name "discord"). Buttons carry the case id in a stable custom id
(`haven:case:<id>:<action>`) and are registered as dynamic items, so alerts posted before a
restart keep working. Authorisation and case state live in `ModeratorActions`. Owner notices
(a case nobody claimed in time) go by DM to `discord.owner_user_ids`; with none configured or
none reachable, they go to the moderator channel mentioning the server owner.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any, Literal

import discord

from adapters.discord.delivery import SEND_ERRORS, port_error
from adapters.discord.rendering import (
    alert_embed,
    excerpt_text,
    owner_notice_text,
    relay_header,
    relay_line_text,
    split_message,
)
from bot.config import ConfigError
from bot.ports import (
    ActionResult,
    Actor,
    AlertView,
    CaseStatus,
    ChannelUnavailable,
    ModeratorActions,
    OwnerNotice,
    RelayLine,
)

log = logging.getLogger(__name__)

CHANNEL_NAME = "discord"
NOTE_PREFIX = "//"  # a moderator's line starting with this stays in the thread
NO_MENTIONS = discord.AllowedMentions.none()
THREAD_ARCHIVE_MINUTES: Literal[10080] = 10080  # a week: cases can run for days
JUMP_URL = "https://discord.com/channels/{guild}/{channel}/{message}"

ACTION_LABELS = {
    "claim": ("Claim", discord.ButtonStyle.success),
    "backup": ("Need backup", discord.ButtonStyle.secondary),
    "release": ("Release", discord.ButtonStyle.secondary),
    "resolve": ("Resolve", discord.ButtonStyle.danger),
}


class CaseButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=r"haven:case:(?P<case_id>\d+):(?P<action>claim|backup|release|resolve)",
):
    """Claim / Need backup / Release / Resolve on an alert; persistent across restarts."""

    def __init__(
        self, case_id: int, action: str, *, disabled: bool = False, label: str = ""
    ) -> None:
        default_label, style = ACTION_LABELS[action]
        super().__init__(
            discord.ui.Button(
                label=(label or default_label)[:80],
                style=style,
                custom_id=f"haven:case:{case_id}:{action}",
                disabled=disabled,
            )
        )
        self.case_id = case_id
        self.action = action

    @classmethod
    async def from_custom_id(
        cls,
        interaction: discord.Interaction[discord.Client],
        item: discord.ui.Item[Any],
        match: Any,
        /,
    ) -> CaseButton:
        return cls(int(match["case_id"]), match["action"])

    async def callback(self, interaction: discord.Interaction[discord.Client]) -> None:
        desk = getattr(interaction.client, "moderators", None)
        if isinstance(desk, ModeratorDesk):
            await desk.on_button(interaction, self.case_id, self.action)


def alert_view(alert: AlertView) -> discord.ui.View | None:
    """The buttons for the alert's state; a resolved case has none."""
    if alert.status is CaseStatus.RESOLVED:
        return None
    view = discord.ui.View(timeout=None)
    claimed = alert.status is CaseStatus.CLAIMED
    claim_label = f"Claimed by {alert.claimed_by}" if claimed and alert.claimed_by else "Claim"
    view.add_item(CaseButton(alert.case_id, "claim", disabled=claimed, label=claim_label))
    view.add_item(CaseButton(alert.case_id, "backup"))
    if claimed:
        view.add_item(CaseButton(alert.case_id, "release"))
    view.add_item(CaseButton(alert.case_id, "resolve"))
    return view


def actor_from(user: discord.User | discord.Member) -> Actor:
    role_ids: set[str] = set()
    if isinstance(user, discord.Member):
        role_ids.update(str(role.id) for role in user.roles if not role.is_default())
        # Roles the cache does not know yet still count (Member.roles drops unknown ids).
        role_ids.update(str(role_id) for role_id in getattr(user, "_roles", ()))
    return Actor(
        platform=CHANNEL_NAME,
        id=str(user.id),
        display_name=user.display_name,
        role_ids=frozenset(role_ids),
    )


class ModeratorDesk:
    """The Discord `ModeratorChannel` plus the handlers for buttons and thread messages."""

    name = CHANNEL_NAME

    def __init__(
        self,
        client: discord.Client,
        moderation: ModeratorActions,
        channel_id: int,
        ping_role_ids: Sequence[int] = (),
        owner_user_ids: Sequence[int] = (),
    ) -> None:
        self._client = client
        self._moderation = moderation
        self._channel_id = channel_id
        self._ping_role_ids = tuple(ping_role_ids)
        self._owner_ids = tuple(dict.fromkeys(owner_user_ids))
        # Owners already DMed about a case whose notice is being retried: a retry after one
        # owner's DM failed must not DM the others twice. Emptied once the notice is done.
        self._owners_told: dict[int, set[int]] = {}
        # Threads opened in this run: a retried open_relay reuses its thread, and closing one
        # needs no GET (the gateway may not have cached it yet).
        self._threads_by_case: dict[int, discord.Thread] = {}

    # ------------------------------------------------------------------ start-up check
    async def check_channel(self) -> None:
        """Fail start-up with one line if the moderator channel is wrong or invisible."""
        try:
            channel = await self._text_channel()
        except (discord.NotFound, discord.Forbidden, discord.InvalidData):
            channel = None
        if channel is None:
            raise ConfigError(
                f"discord.moderator_channel_id: channel {self._channel_id} is not a text channel "
                "the bot can see; copy the id of the moderators' text channel (Developer Mode → "
                "Copy Channel ID) and give the bot View Channel, Send Messages and Create Private "
                "Threads there"
            )

    async def _text_channel(self) -> discord.TextChannel | None:
        channel = self._client.get_channel(self._channel_id)
        if channel is None:
            channel = await self._client.fetch_channel(self._channel_id)
        return channel if isinstance(channel, discord.TextChannel) else None

    def _alerts(self) -> discord.PartialMessageable:
        return self._client.get_partial_messageable(self._channel_id)

    # ------------------------------------------------------------------ ModeratorChannel
    async def post_alert(self, alert: AlertView) -> str:
        pings = " ".join(f"<@&{role_id}>" for role_id in self._ping_role_ids)
        level = alert.level.label
        content = f"{pings} New {level} case #{alert.case_id}".strip()
        if alert.page_count:
            content = f"{pings} Still unclaimed: {level} case #{alert.case_id}".strip()
        kwargs: dict[str, Any] = {
            "content": content,
            "embed": alert_embed(alert),
            "allowed_mentions": discord.AllowedMentions(
                everyone=False,
                users=False,
                roles=[discord.Object(role_id) for role_id in self._ping_role_ids],
            ),
        }
        view = alert_view(alert)
        if view is not None:
            kwargs["view"] = view
        try:
            message = await self._alerts().send(**kwargs)
        except SEND_ERRORS as exc:
            raise _unavailable(exc, f"alert for case {alert.case_id}") from exc
        return str(message.id)

    async def update_alert(self, ref: str, alert: AlertView) -> None:
        message = self._alerts().get_partial_message(int(ref))
        try:
            await message.edit(embed=alert_embed(alert), view=alert_view(alert))
        except discord.NotFound:
            log.warning("discord: alert message %s for case %s is gone", ref, alert.case_id)
        except SEND_ERRORS as exc:
            raise _unavailable(exc, f"alert update for case {alert.case_id}") from exc

    async def open_relay(
        self, alert: AlertView, moderator: Actor, excerpt: Sequence[RelayLine]
    ) -> str:
        what = f"thread for case {alert.case_id}"
        try:
            thread = await self._relay_thread(alert, what)
            mention = ""
            if moderator.platform == CHANNEL_NAME and moderator.id.isdigit():
                await self._add_to_thread(thread, int(moderator.id))
                mention = f"<@{moderator.id}> "  # a mention also adds them to a private thread
            await thread.send(
                mention + relay_header(alert),
                allowed_mentions=discord.AllowedMentions(users=True, roles=False, everyone=False),
            )
            for chunk in split_message(excerpt_text(list(excerpt))):
                await thread.send(chunk, allowed_mentions=NO_MENTIONS)
        except SEND_ERRORS as exc:
            raise _unavailable(exc, what) from exc
        return str(thread.id)

    async def _add_to_thread(self, thread: discord.Thread, user_id: int) -> None:
        try:
            await thread.add_user(discord.Object(user_id))
        except discord.HTTPException as exc:
            if exc.status >= 500 or exc.status == 429:
                raise
            log.warning(
                "discord: could not add moderator %s to thread %s: %s", user_id, thread.id, exc
            )

    def is_relay_place(self, channel: object) -> bool:
        """Whether a guild message's channel may be a case thread (cheap; no database)."""
        if isinstance(channel, discord.Thread):
            return channel.parent_id == self._channel_id
        return self._case_of_thread(getattr(channel, "id", None)) is not None

    def _case_of_thread(self, thread_id: object) -> int | None:
        return next((c for c, t in self._threads_by_case.items() if t.id == thread_id), None)

    async def _relay_thread(self, alert: AlertView, what: str) -> discord.Thread:
        """The case's private thread: the one opened earlier in this run, else a new one."""
        known = self._threads_by_case.get(alert.case_id)
        if known is not None:
            return known
        parent = await self._text_channel()
        if parent is None:
            raise ChannelUnavailable(f"{what}: moderator channel {self._channel_id} is missing")
        thread = await parent.create_thread(
            name=f"case-{alert.case_id}-{alert.level.label}",
            type=discord.ChannelType.private_thread,
            invitable=True,  # the claimer can pull in backup by @mentioning them
            auto_archive_duration=THREAD_ARCHIVE_MINUTES,
            reason=f"Haven case {alert.case_id} claimed",
        )
        self._threads_by_case[alert.case_id] = thread
        return thread

    async def relay_to_moderator(self, relay_ref: str, alert: AlertView, line: RelayLine) -> str:
        thread = self._client.get_partial_messageable(
            int(relay_ref), type=discord.ChannelType.private_thread
        )
        last_id = ""
        try:
            for chunk in split_message(relay_line_text(line)):
                message = await thread.send(chunk, allowed_mentions=NO_MENTIONS)
                last_id = str(message.id)
        except SEND_ERRORS as exc:
            raise _unavailable(exc, f"relay for case {alert.case_id}") from exc
        return last_id

    async def close_relay(self, relay_ref: str, alert: AlertView) -> None:
        thread_id = int(relay_ref)
        try:
            messages = self._client.get_partial_messageable(
                thread_id, type=discord.ChannelType.private_thread
            )
            await messages.send(closing_text(alert), allowed_mentions=NO_MENTIONS)
            thread: object = self._client.get_channel(thread_id)
            if not isinstance(thread, discord.Thread):
                case_id = self._case_of_thread(thread_id)
                thread = (
                    self._threads_by_case[case_id]
                    if case_id is not None
                    else await self._client.fetch_channel(thread_id)
                )
            if isinstance(thread, discord.Thread):
                await _archive(thread)
        except discord.NotFound:
            log.info("discord: thread %s for case %s is already gone", relay_ref, alert.case_id)
        except SEND_ERRORS as exc:
            raise _unavailable(exc, f"closing thread for case {alert.case_id}") from exc
        self._threads_by_case.pop(alert.case_id, None)

    async def notify_owners(self, notice: OwnerNotice) -> None:
        """DM each configured owner once; fall back to the moderator channel when none can be."""
        where = f"<#{self._channel_id}>"
        text = owner_notice_text(notice, where=where, link=await self._jump_url(notice.alert_ref))
        told = self._owners_told.setdefault(notice.case_id, set())
        waiting: list[str] = []
        for owner_id in self._owner_ids:
            if owner_id in told:
                continue
            try:
                dm = await self._client.create_dm(discord.Object(owner_id))
                await dm.send(text, allowed_mentions=NO_MENTIONS)
            except SEND_ERRORS as exc:
                if _for_good(exc):
                    log.error(
                        "discord.owner_user_ids: cannot DM owner %s about case %s (%s); they "
                        "must share a server with the bot and allow DMs from its members",
                        owner_id,
                        notice.case_id,
                        port_error(exc, "owner DM"),
                    )
                else:
                    waiting.append(str(port_error(exc, f"DM to owner {owner_id}")))
                continue
            told.add(owner_id)
        if waiting:
            raise ChannelUnavailable(
                f"owner notice for case {notice.case_id}: {len(waiting)} owner(s) not reached "
                f"yet ({waiting[0]})"
            )
        if not told:
            await self._owner_notice_in_channel(notice, text)
        self._owners_told.pop(notice.case_id, None)

    async def _owner_notice_in_channel(self, notice: OwnerNotice, text: str) -> None:
        """No owner could be DMed: say it in the moderator channel and mention the server owner."""
        channel = self._client.get_channel(self._channel_id)
        owner_id = channel.guild.owner_id if isinstance(channel, discord.TextChannel) else None
        me = self._client.user.id if self._client.user is not None else None
        mention = f"<@{owner_id}> " if owner_id is not None and owner_id != me else ""
        why = (
            "(No owner could be reached by DM; check discord.owner_user_ids.)"
            if self._owner_ids
            else "(No owners are configured; set discord.owner_user_ids to DM them.)"
        )
        kwargs: dict[str, Any] = {
            "allowed_mentions": discord.AllowedMentions(
                everyone=False,
                roles=False,
                users=[discord.Object(owner_id)] if mention and owner_id else False,
            )
        }
        if notice.alert_ref is not None and notice.alert_ref.isdigit():
            kwargs["reference"] = discord.MessageReference(
                message_id=int(notice.alert_ref),
                channel_id=self._channel_id,
                fail_if_not_exists=False,
            )
        try:
            for chunk in split_message(f"{mention}{text}\n{why}"):
                await self._alerts().send(chunk, **kwargs)
        except SEND_ERRORS as exc:
            raise _unavailable(exc, f"owner notice for case {notice.case_id}") from exc

    async def _jump_url(self, alert_ref: str | None) -> str | None:
        """A link to the alert message; needs the guild id, known once the channel is cached."""
        if alert_ref is None or not alert_ref.isdigit():
            return None
        channel = self._client.get_channel(self._channel_id)
        if not isinstance(channel, discord.TextChannel):
            return None
        return JUMP_URL.format(guild=channel.guild.id, channel=channel.id, message=alert_ref)

    # ------------------------------------------------------------------ moderators acting
    async def on_button(self, interaction: discord.Interaction, case_id: int, action: str) -> None:
        actor = actor_from(interaction.user)
        await interaction.response.defer(ephemeral=True, thinking=True)
        act = {
            "claim": self._moderation.claim,
            "backup": self._moderation.request_backup,
            "release": self._moderation.release,
            "resolve": self._moderation.resolve,
        }[action]
        try:
            result = await act(case_id, actor)
        except Exception:
            log.exception("discord: %s on case %s failed", action, case_id)
            result = ActionResult(False, "Something went wrong; please try again in a moment.")
        try:
            await interaction.followup.send(result.message, ephemeral=True)
        except SEND_ERRORS as exc:
            log.warning("discord: could not tell %s the result of %s: %s", actor.key, action, exc)

    async def on_thread_message(self, message: discord.Message) -> None:
        """A moderator wrote in a case thread: relay it to the member (unless it is a note)."""
        channel = message.channel
        if message.author.bot or not self.is_relay_place(channel):
            return
        text = message.content.strip()
        if not text or text.startswith(NOTE_PREFIX):
            if message.attachments and not text:
                await self._tell(channel, "Attachments are not relayed; please write it as text.")
            return
        case_id = await self._moderation.case_for_ref(CHANNEL_NAME, str(channel.id))
        if case_id is None:
            # Opened in this run but its ref is not stored yet (the moderator was quick).
            case_id = self._case_of_thread(channel.id)
        if case_id is None:
            return
        try:
            result = await self._moderation.reply_from_moderator(
                case_id, actor_from(message.author), text
            )
        except Exception:
            log.exception("discord: relaying a moderator's reply on case %s failed", case_id)
            result = ActionResult(False, "Not relayed: something went wrong; please resend.")
        if not result.ok:
            await self._tell(channel, result.message)

    async def _tell(self, channel: discord.abc.Messageable, text: str) -> None:
        try:
            await channel.send(text, allowed_mentions=NO_MENTIONS)
        except SEND_ERRORS as exc:
            log.warning("discord: could not post in a case thread: %s", exc)


async def _archive(thread: discord.Thread) -> None:
    """Archive and lock; without Manage Threads, archiving alone still closes it."""
    try:
        await thread.edit(archived=True, locked=True, reason="Haven case closed")
    except discord.Forbidden:
        log.warning(
            "discord: no Manage Threads permission; thread %s archived, not locked", thread.id
        )
        await thread.edit(archived=True, reason="Haven case closed")


def closing_text(alert: AlertView) -> str:
    if alert.status is CaseStatus.RESOLVED:
        return (
            f"Case #{alert.case_id} is resolved; the member is back with Haven. "
            "This thread is now closed."
        )
    return (
        f"Case #{alert.case_id} was released and is open for another moderator; "
        "this thread is now closed."
    )


def _for_good(exc: BaseException) -> bool:
    """A refusal that retrying will not change (403 DMs closed, 404 unknown user, 400)."""
    return isinstance(exc, discord.HTTPException) and exc.status in (400, 403, 404)


def _unavailable(exc: BaseException, what: str) -> ChannelUnavailable:
    error = port_error(exc, what)
    if isinstance(exc, discord.Forbidden):
        log.error(
            "discord: %s refused (403); give the bot View Channel, Send Messages, Embed Links, "
            "Create Private Threads and Send Messages in Threads in the moderator channel",
            what,
        )
    return error if isinstance(error, ChannelUnavailable) else ChannelUnavailable(str(error))
