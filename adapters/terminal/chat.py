"""`haven chat`: one person's conversation with the core from a terminal or a pipe.

At a TTY it is interactive; with a pipe it reads one message per line, prints each reply and
exits after the last. Lines that start with `/` are the same commands the platforms offer.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from bot.events import Incoming, Reply, ReplyKind, UserKey
from bot.ports import Command, CommandCall

PLATFORM = "terminal"
CHAT_ID = "terminal"

_LABEL = {
    ReplyKind.ANSWER: "haven",
    ReplyKind.ONBOARDING: "haven",
    ReplyKind.CRISIS: "haven",
    ReplyKind.NOTICE: "haven",
    ReplyKind.MODERATOR: "moderator",
}


class TerminalMessenger:
    """Implements bot.ports.UserMessenger: moderator words reach the person mid-chat."""

    platform = PLATFORM

    def __init__(self, out: TextIO) -> None:
        self._out = out

    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        print_reply(reply, self._out)


def print_reply(reply: Reply, out: TextIO, export_dir: Path | None = None) -> None:
    label = _LABEL.get(reply.kind, "haven")
    out.write(f"{label}> {reply.text}\n")
    if reply.confirm:
        out.write(f"       (to confirm, send /{reply.confirm[0].replace('_', ' ')})\n")
    if reply.attachment is not None:
        target = (export_dir or Path.cwd()) / reply.attachment.filename
        target.write_bytes(reply.attachment.content)
        out.write(f"       (saved {target})\n")
    out.flush()


def parse_command(line: str) -> tuple[Command, str] | None:
    """`/country GB` -> (COUNTRY, "GB"); `/forget confirm` -> FORGET_CONFIRM; else None."""
    if not line.startswith("/"):
        return None
    name, _, args = line[1:].partition(" ")
    name = name.strip().lower().replace("-", "_")
    if name == "forget" and args.strip().lower() == "confirm":
        return Command.FORGET_CONFIRM, ""
    try:
        return Command(name), args.strip()
    except ValueError:
        return None


async def _lines(stream: TextIO, interactive: bool, out: TextIO) -> AsyncIterator[str]:
    while True:
        if interactive:
            out.write("you> ")
            out.flush()
        # Reading a terminal blocks; a thread keeps the event loop (and any adapters) running.
        line = await asyncio.to_thread(stream.readline)
        if not line:
            return
        yield line.rstrip("\r\n")


async def run_chat(
    app: Any,
    *,
    user: str,
    country: str | None,
    stream: TextIO | None = None,
    out: TextIO | None = None,
    interactive: bool | None = None,
) -> int:
    """Talk to `app.core` until the input ends; returns the number of messages sent."""
    stream = stream or sys.stdin  # looked up per call, so tests and redirection see the live one
    out = out or sys.stdout
    interactive = stream.isatty() if interactive is None else interactive
    key = UserKey(PLATFORM, user)
    app.host.add_messenger(TerminalMessenger(out))
    if country:
        record = await app.store.get_or_create_user(
            PLATFORM, user, now=datetime.now(UTC), chat_id=CHAT_ID
        )
        await app.store.update_user(record.id, country=country.upper())

    async def respond(reply: Reply) -> None:
        print_reply(reply, out)

    if interactive:
        out.write("Haven chat. Type a message, /help for commands, Ctrl-D to leave.\n")
    sent = 0
    async for line in _lines(stream, interactive, out):
        command = parse_command(line.strip())
        if command is not None:
            await app.core.command(CommandCall(key, CHAT_ID, command[0], command[1]), respond)
            continue
        incoming = Incoming(
            user=key,
            chat_id=CHAT_ID,
            message_id=f"{time.time_ns()}-{sent}",  # unique across runs, so no false dedupe
            text=line,
            sent_at=datetime.now(UTC),
            handle=user,
        )
        await app.core.handle(incoming, respond)
        sent += 1
    return sent
