"""The update processor: updates from different people run concurrently, one person's run in
the order Telegram sent them, and an update Telegram delivers twice is processed once.

python-telegram-bot processes updates one at a time by default, or all at once with
`concurrent_updates`; "in order per user, parallel across users" is this custom processor.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Hashable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor

log = logging.getLogger(__name__)


class _Lane:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # FIFO: waiters are woken in arrival order
        self.users = 0


def lane_key(update: object) -> Hashable:
    """Whose lane an update runs in: its author's (one person, any chat), else its chat's."""
    if isinstance(update, Update):
        if update.effective_user is not None:
            return ("user", update.effective_user.id)
        if update.effective_chat is not None:
            return ("chat", update.effective_chat.id)
    return ("other", None)


def _served_by_core_lanes(update: object) -> bool:
    """Private-chat messages and commands: the core orders them per person itself."""
    return (
        isinstance(update, Update)
        and update.effective_message is not None
        and update.callback_query is None
        and update.effective_chat is not None
        and update.effective_chat.type == "private"
    )


class PerUserUpdateProcessor(BaseUpdateProcessor):
    """Per-person FIFO lanes that exist only while in use, plus a bounded memory of update ids.

    Updates are started in arrival order by the Application (one task each), and each task
    takes its lane's FIFO lock before doing anything that can yield, so order is kept.
    """

    def __init__(self, max_concurrent_updates: int = 256, remember_updates: int = 10_000) -> None:
        super().__init__(max_concurrent_updates)
        self._lanes: dict[Hashable, _Lane] = {}
        self._seen: OrderedDict[int, None] = OrderedDict()
        self._remember = remember_updates
        self.duplicates = 0

    @property
    def active_lanes(self) -> int:
        return len(self._lanes)

    def first_time(self, update: object) -> bool:
        """False for an update id seen before (Telegram redelivers on timeouts and restarts)."""
        update_id = getattr(update, "update_id", None)
        if not isinstance(update_id, int):
            return True
        if update_id in self._seen:
            return False
        self._seen[update_id] = None
        if len(self._seen) > self._remember:
            self._seen.popitem(last=False)
        return True

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        if not self.first_time(update):
            self.duplicates += 1
            log.info("ignored a redelivered Telegram update")
            if inspect.iscoroutine(coroutine):
                coroutine.close()  # never awaited on purpose
            return
        if _served_by_core_lanes(update):
            # The core keeps one person's private messages in order with its own lanes (tasks
            # reach it in arrival order), and screens for crisis *before* its lane: holding a
            # lane here too would make a crisis reply wait behind the person's model turn.
            await coroutine
            return
        key = lane_key(update)
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane()
        lane.users += 1
        try:
            async with lane.lock:
                await coroutine
        finally:
            lane.users -= 1
            if lane.users == 0:
                del self._lanes[key]

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None
