"""Recording fakes for the moderator and messenger ports: they keep every call for assertions.

`fail_next` makes the next N calls raise ChannelUnavailable (a platform outage),
`fail_owner_notices` the next N owner notices (which `fail_next` leaves alone); `unreachable`
makes a messenger raise UserUnreachable (DMs closed). Reusable by any test of the handoff.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.events import Reply, UserKey
from bot.ports import (
    Actor,
    AlertView,
    ChannelUnavailable,
    OwnerNotice,
    RelayLine,
    UserUnreachable,
)


@dataclass
class OpenedRelay:
    ref: str
    alert: AlertView
    moderator: Actor
    excerpt: list[RelayLine]


@dataclass
class RecordingModeratorChannel:
    name: str = "discord"
    fail_next: int = 0
    fail_owner_notices: int = 0  # like fail_next, for notify_owners alone
    posted: list[tuple[str, AlertView]] = field(default_factory=list)
    updated: list[tuple[str, AlertView]] = field(default_factory=list)
    relays: list[OpenedRelay] = field(default_factory=list)
    relayed: list[tuple[str, RelayLine]] = field(default_factory=list)
    closed: list[str] = field(default_factory=list)
    owner_notices: list[OwnerNotice] = field(default_factory=list)
    calls: int = 0

    def _call(self) -> int:
        self.calls += 1
        if self.fail_next > 0:
            self.fail_next -= 1
            raise ChannelUnavailable(f"{self.name} is down (told to fail)")
        return self.calls

    async def post_alert(self, alert: AlertView) -> str:
        ref = f"{self.name}-alert-{self._call()}"
        self.posted.append((ref, alert))
        return ref

    async def update_alert(self, ref: str, alert: AlertView) -> None:
        self._call()
        self.updated.append((ref, alert))

    async def open_relay(
        self, alert: AlertView, moderator: Actor, excerpt: Sequence[RelayLine]
    ) -> str:
        ref = f"{self.name}-relay-{self._call()}"
        self.relays.append(OpenedRelay(ref, alert, moderator, list(excerpt)))
        return ref

    async def relay_to_moderator(self, relay_ref: str, alert: AlertView, line: RelayLine) -> str:
        ref = f"{self.name}-line-{self._call()}"
        self.relayed.append((relay_ref, line))
        return ref

    async def close_relay(self, relay_ref: str, alert: AlertView) -> None:
        self._call()
        self.closed.append(relay_ref)

    async def notify_owners(self, notice: OwnerNotice) -> None:
        if self.fail_owner_notices > 0:
            self.fail_owner_notices -= 1
            raise ChannelUnavailable(f"{self.name} cannot reach the owners (told to fail)")
        self.calls += 1  # owners are reached by DM, not through the channel `fail_next` breaks
        self.owner_notices.append(notice)


@dataclass
class RecordingMessenger:
    platform: str = "discord"
    unreachable: bool = False
    fail_next: int = 0
    sent: list[tuple[UserKey, str, Reply]] = field(default_factory=list)

    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        if self.unreachable:
            raise UserUnreachable(f"{user} has closed their DMs")
        if self.fail_next > 0:
            self.fail_next -= 1
            raise ChannelUnavailable("messenger is down (told to fail)")
        self.sent.append((user, chat_id, reply))
