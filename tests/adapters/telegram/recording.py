"""Small recording stand-ins for the core and the escalation service, so the adapter's own
behaviour (ordering, rendering, errors) can be checked without the rest of Haven."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from bot.events import Incoming, Reply, ReplyKind, Respond
from bot.ports import ActionResult, Actor, CommandCall

Script = Callable[[Incoming, Respond], Awaitable[None]]


async def echo(incoming: Incoming, respond: Respond) -> None:
    await respond(Reply(f"echo: {incoming.text}"))


class RecordingConversations:
    def __init__(self, script: Script = echo) -> None:
        self.script = script
        self.incoming: list[Incoming] = []
        self.calls: list[CommandCall] = []
        self.active = 0
        self.most_active = 0

    async def handle(self, incoming: Incoming, respond: Respond) -> None:
        self.incoming.append(incoming)
        self.active += 1
        self.most_active = max(self.most_active, self.active)
        try:
            await self.script(incoming, respond)
        finally:
            self.active -= 1

    async def command(self, call: CommandCall, respond: Respond) -> None:
        self.calls.append(call)
        if call.command.value == "forget":
            await respond(Reply("Sure?", ReplyKind.NOTICE, confirm=("forget_confirm",)))
        else:
            await respond(Reply(f"command {call.command.value} {call.args}".strip()))


class RecordingModeration:
    def __init__(self, moderators: set[str]) -> None:
        self.moderators = moderators
        self.actions: list[tuple[str, int, str]] = []
        self.replies: list[tuple[int, str, str]] = []
        self.refs: dict[str, int] = {}
        self.pressed = asyncio.Event()

    def is_moderator(self, actor: Actor) -> bool:
        return actor.id in self.moderators

    async def _act(self, name: str, case_id: int, actor: Actor) -> ActionResult:
        self.actions.append((name, case_id, actor.id))
        self.pressed.set()
        if not self.is_moderator(actor):
            return ActionResult(False, "You are not a moderator here.")
        return ActionResult(True, f"{name} done")

    async def claim(self, case_id: int, actor: Actor) -> ActionResult:
        return await self._act("claim", case_id, actor)

    async def request_backup(self, case_id: int, actor: Actor) -> ActionResult:
        return await self._act("backup", case_id, actor)

    async def resolve(self, case_id: int, actor: Actor) -> ActionResult:
        return await self._act("resolve", case_id, actor)

    async def release(self, case_id: int, actor: Actor) -> ActionResult:
        return await self._act("release", case_id, actor)

    async def reply_from_moderator(self, case_id: int, actor: Actor, text: str) -> ActionResult:
        self.replies.append((case_id, actor.id, text))
        return ActionResult(True, "sent")

    async def case_for_ref(self, channel: str, ref: str) -> int | None:
        return self.refs.get(ref)
