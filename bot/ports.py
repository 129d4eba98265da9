"""The small interfaces between the core and the edges, owned by the core.

Adapters implement `UserMessenger` (reach a person outside a turn, e.g. relayed moderator words)
and `ModeratorChannel` (draw alerts, open a relay place). They call `Conversations` for people's
messages and commands and `ModeratorActions` for button presses and moderator replies.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol, runtime_checkable

from bot.events import Incoming, Reply, Respond, UserKey
from bot.safety.levels import RiskLevel


class UserUnreachable(Exception):
    """The platform refuses to deliver to this person (DMs closed, bot blocked: HTTP 403)."""


class ChannelUnavailable(Exception):
    """A transient failure to reach a platform; the outbox retries later."""


class Command(enum.StrEnum):
    """User commands, the same on every platform (`/country GB`, `/forget`, ...)."""

    START = "start"  # onboarding again
    HELP = "help"
    RESOURCES = "resources"  # crisis lines for the person's country
    COUNTRY = "country"  # args: ISO 3166 code
    FORGET = "forget"  # asks for confirmation (Reply.confirm holds the choices)
    FORGET_CONFIRM = "forget_confirm"  # the confirmation button
    EXPORT = "export"  # Reply.attachment holds the JSON
    CONSENT = "consent"  # args: "yes" | "no"


@dataclass(frozen=True, slots=True)
class CommandCall:
    user: UserKey
    chat_id: str
    command: Command
    args: str = ""
    handle: str | None = None


@runtime_checkable
class Conversations(Protocol):
    """What adapters call for the people who talk to Haven."""

    async def handle(self, incoming: Incoming, respond: Respond) -> None:
        """Process one message; replies go to `respond` as soon as each is ready."""

    async def command(self, call: CommandCall, respond: Respond) -> None: ...


@runtime_checkable
class UserMessenger(Protocol):
    """Reaches a person outside a turn: relayed moderator words, 'your case is resolved'."""

    platform: str

    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        """Raises UserUnreachable (403) or ChannelUnavailable (transient)."""


class CaseStatus(enum.StrEnum):
    OPEN = "open"
    CLAIMED = "claimed"
    RESOLVED = "resolved"


@dataclass(frozen=True, slots=True)
class Actor:
    """Someone pressing a moderator button or writing in a relay place."""

    platform: str
    id: str
    display_name: str
    role_ids: frozenset[str] = field(default_factory=frozenset)

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.id}"


@dataclass(frozen=True, slots=True)
class AlertView:
    """Everything an alert may show, and nothing more (safety.md requirement 14)."""

    case_id: int
    level: RiskLevel
    trigger: str  # "rule:means", "clf:0.93"
    user_platform: str
    user_id: str
    user_handle: str | None
    opened_at: datetime
    country: str | None
    resources_sent: bool
    status: CaseStatus
    claimed_by: str | None = None  # the claiming moderator's display name
    backup_requested: bool = False
    page_count: int = 0  # 0 for the first alert, n for the n-th re-page
    note: str | None = None  # e.g. "the member's DMs are closed"
    updated_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OwnerNotice:
    """What an owner is told when nobody has claimed a case in time (safety.md requirement 15).

    Only what they need to act: no person, no trigger, never what anyone wrote.
    """

    case_id: int
    level: RiskLevel
    opened_at: datetime
    unclaimed_for: timedelta  # since the case opened, or since it was last released
    page_count: int  # how many times moderators have been paged again
    alert_ref: str | None = None  # the newest alert in this channel, for a link to it

    @property
    def unclaimed_minutes(self) -> int:
        return max(0, int(self.unclaimed_for.total_seconds() // 60))


@dataclass(frozen=True, slots=True)
class RelayLine:
    """One line in a relay place: the excerpt on claim, then each relayed message."""

    role: str  # "user" | "haven" | "moderator"
    text: str
    at: datetime
    level: RiskLevel | None = None


@runtime_checkable
class ModeratorChannel(Protocol):
    """A place where moderators see alerts and talk to people (a Discord channel, a Telegram group).

    Every method raises ChannelUnavailable on transient failure; the caller retries.
    """

    name: str  # unique per channel, e.g. "discord" or "telegram"

    async def post_alert(self, alert: AlertView) -> str:
        """Post an alert with Claim / Need backup / Resolve; return its ref for later edits."""

    async def update_alert(self, ref: str, alert: AlertView) -> None: ...

    async def open_relay(
        self, alert: AlertView, moderator: Actor, excerpt: Sequence[RelayLine]
    ) -> str:
        """Open the claiming moderator's private place (thread, reply chain); return its ref."""

    async def relay_to_moderator(self, relay_ref: str, alert: AlertView, line: RelayLine) -> str:
        """Deliver one of the person's messages; return the posted message's ref."""

    async def close_relay(self, relay_ref: str, alert: AlertView) -> None: ...

    async def notify_owners(self, notice: OwnerNotice) -> None:
        """Tell the community's owners a case is still unclaimed (a DM each, where configured).

        Owners already told are not told again when the caller retries after ChannelUnavailable.
        """


@dataclass(frozen=True, slots=True)
class ActionResult:
    ok: bool
    message: str  # shown to the actor only ("Claimed.", "Already claimed by Sam.")


@runtime_checkable
class ModeratorActions(Protocol):
    """What adapters call when a moderator presses a button or writes in a relay place.

    Authorisation happens here (configured moderator ids and role ids); refusals are audited.
    """

    async def claim(self, case_id: int, actor: Actor) -> ActionResult: ...

    async def request_backup(self, case_id: int, actor: Actor) -> ActionResult: ...

    async def resolve(self, case_id: int, actor: Actor) -> ActionResult: ...

    async def release(self, case_id: int, actor: Actor) -> ActionResult: ...

    async def reply_from_moderator(self, case_id: int, actor: Actor, text: str) -> ActionResult:
        """Relay a claiming moderator's words to the person, marked as from a human."""

    async def case_for_ref(self, channel: str, ref: str) -> int | None:
        """The case whose alert, relay place or relayed message has this ref in this channel."""

    def is_moderator(self, actor: Actor) -> bool: ...


@runtime_checkable
class PlatformAdapter(Protocol):
    """One platform's edge, started by `haven run` inside the shared event loop."""

    name: str

    async def start(self) -> None:
        """Connect and begin serving; return once connected (work continues in tasks)."""

    async def stop(self) -> None:
        """Disconnect cleanly; safe to call twice."""


@dataclass
class AdapterHost:
    """What the composition root hands each adapter: the core to call and where to register."""

    conversations: Conversations
    moderation: ModeratorActions
    messengers: dict[str, UserMessenger] = field(default_factory=dict)
    moderator_channels: dict[str, ModeratorChannel] = field(default_factory=dict)

    def add_messenger(self, messenger: UserMessenger) -> None:
        self.messengers[messenger.platform] = messenger

    def add_moderator_channel(self, channel: ModeratorChannel) -> None:
        self.moderator_channels[channel.name] = channel
