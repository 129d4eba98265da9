"""Per-user lanes: one person's messages are processed in order, different people in parallel.

A lane is a FIFO lock that exists only while someone holds or waits for it, so the map of lanes
never grows with the number of people who ever wrote (idle lanes are dropped at once).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Hashable
from contextlib import asynccontextmanager


class _Lane:
    __slots__ = ("lock", "users")

    def __init__(self) -> None:
        self.lock = asyncio.Lock()  # asyncio.Lock wakes waiters in FIFO order
        self.users = 0


class Lanes:
    def __init__(self) -> None:
        self._lanes: dict[Hashable, _Lane] = {}

    def __len__(self) -> int:
        return len(self._lanes)

    @asynccontextmanager
    async def hold(self, key: Hashable) -> AsyncIterator[None]:
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = _Lane()
        lane.users += 1
        try:
            async with lane.lock:
                yield
        finally:
            lane.users -= 1
            if lane.users == 0:
                del self._lanes[key]
