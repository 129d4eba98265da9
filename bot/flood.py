"""A per-person flood limit: at most N messages in a sliding window of T seconds."""

from __future__ import annotations

from collections import deque
from collections.abc import Hashable


class FloodLimit:
    def __init__(self, max_messages: int, window_s: float, max_tracked: int = 100_000) -> None:
        self._max = max_messages
        self._window = window_s
        self._max_tracked = max_tracked
        self._seen: dict[Hashable, deque[float]] = {}

    def allow(self, key: Hashable, now: float) -> bool:
        """Record one message at `now` (seconds); False when it is over the limit."""
        times = self._seen.get(key)
        if times is None:
            if len(self._seen) >= self._max_tracked:
                self._forget_idle(now)
            times = self._seen[key] = deque()
        while times and now - times[0] >= self._window:
            times.popleft()
        if len(times) >= self._max:
            return False
        times.append(now)
        return True

    def _forget_idle(self, now: float) -> None:
        idle = [k for k, t in self._seen.items() if not t or now - t[-1] >= self._window]
        for key in idle:
            del self._seen[key]
