"""Sending to Discord: map discord.py failures onto Haven's port errors, and retry replies.

discord.py already retries 429s and 5xx responses itself; what reaches us is a failure for
good. Replies inside a turn have no outbox in the core, so `PendingReplies` keeps them in order
per chat and retries them with backoff until Discord accepts them (a 403 ends the attempt).
"""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

import aiohttp
import discord

from bot.ports import ChannelUnavailable, UserUnreachable

log = logging.getLogger(__name__)

TRANSIENT_ERRORS: tuple[type[Exception], ...] = (aiohttp.ClientError, OSError, TimeoutError)
# Everything a Discord call can fail with that is not a bug of ours.
SEND_ERRORS: tuple[type[Exception], ...] = (discord.HTTPException, *TRANSIENT_ERRORS)


def port_error(exc: BaseException, what: str) -> Exception:
    """The port exception for a failed Discord call: UserUnreachable on 403, else transient."""
    if isinstance(exc, discord.Forbidden):
        return UserUnreachable(f"{what}: Discord refused (403, code {exc.code}): {exc.text}")
    if isinstance(exc, discord.HTTPException):
        return ChannelUnavailable(f"{what}: Discord answered {exc.status} (code {exc.code})")
    return ChannelUnavailable(f"{what}: {type(exc).__name__}: {exc}")


SendOnce = Callable[[], Awaitable[None]]


@dataclass
class _Pending:
    chat_id: str
    send: SendOnce  # sends what is still unsent; safe to call again after a failure
    attempts: int = 0


class PendingReplies:
    """Replies that failed transiently, retried in order per chat with exponential backoff."""

    def __init__(self, initial_s: float = 2.0, max_s: float = 300.0) -> None:
        self._initial_s = initial_s
        self._max_s = max_s
        self._queues: OrderedDict[str, deque[_Pending]] = OrderedDict()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    def __len__(self) -> int:
        return sum(len(q) for q in self._queues.values())

    def has_pending(self, chat_id: str) -> bool:
        return bool(self._queues.get(chat_id))

    def add(self, chat_id: str, send: SendOnce) -> None:
        self._queues.setdefault(chat_id, deque()).append(_Pending(chat_id, send))
        self._wake.set()

    def start(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._run(), name="discord-pending-replies")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if len(self):
            log.error("discord: %d replies were still undelivered at shutdown", len(self))

    async def _run(self) -> None:
        delay = self._initial_s
        while True:
            if not self._queues:
                self._wake.clear()
                await self._wake.wait()
                delay = self._initial_s
            await asyncio.sleep(delay)
            progressed = await self._drain_once()
            delay = self._initial_s if progressed else min(delay * 2, self._max_s)

    async def _drain_once(self) -> bool:
        """Try the head of every chat's queue; True when anything was delivered or dropped."""
        progressed = False
        for chat_id in list(self._queues):
            queue = self._queues[chat_id]
            while queue:
                item = queue[0]
                item.attempts += 1
                try:
                    await item.send()
                except UserUnreachable as exc:
                    log.warning("discord: dropping a reply for chat %s: %s", chat_id, exc)
                except ChannelUnavailable as exc:
                    log.info("discord: reply for chat %s still pending (%s)", chat_id, exc)
                    break
                queue.popleft()
                progressed = True
            if not queue:
                del self._queues[chat_id]
        return progressed
