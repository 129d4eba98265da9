"""The recent conversation of the people talking now, kept in memory.

Reading the history window from the database on every message would cost more than the rest of
a turn, so each person's window is loaded once and then kept up to date as messages are stored.
Entries are dropped least-recently-used first, and at once when someone erases their data or
withdraws consent; the database stays the source of truth.
"""

from __future__ import annotations

from collections import OrderedDict, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from bot.safety.levels import RiskLevel


@dataclass(slots=True)
class Turn:
    role: str  # user | assistant | moderator
    text: str | None  # None when the person does not want text kept
    at: datetime
    message_id: int | None = None


@dataclass(slots=True)
class Window:
    turns: deque[Turn]
    levels: deque[tuple[datetime, RiskLevel]]  # non-zero levels of the person's messages

    def peak(self, since: datetime) -> RiskLevel:
        while self.levels and self.levels[0][0] < since:
            self.levels.popleft()
        return max((level for _, level in self.levels), default=RiskLevel.NONE)


class ConversationWindows:
    def __init__(self, turns: int, max_people: int = 10_000, max_levels: int = 500) -> None:
        self._turns = max(turns, 1)
        self._max_people = max_people
        self._max_levels = max_levels
        self._windows: OrderedDict[int, Window] = OrderedDict()

    def get(self, user_id: int) -> Window | None:
        window = self._windows.get(user_id)
        if window is not None:
            self._windows.move_to_end(user_id)
        return window

    def load(
        self, user_id: int, turns: Iterable[Turn], levels: Iterable[tuple[datetime, RiskLevel]]
    ) -> Window:
        window = Window(
            deque(turns, maxlen=self._turns),
            deque(sorted(levels, key=lambda pair: pair[0]), maxlen=self._max_levels),
        )
        self._windows[user_id] = window
        if len(self._windows) > self._max_people:
            self._windows.popitem(last=False)
        return window

    def add_level(self, user_id: int, at: datetime, level: RiskLevel) -> None:
        window = self._windows.get(user_id)
        if window is not None and level > RiskLevel.NONE:
            window.levels.append((at, level))

    def drop(self, user_id: int) -> None:
        self._windows.pop(user_id, None)


def since(now: datetime, hours: int) -> datetime:
    return now - timedelta(hours=hours)
