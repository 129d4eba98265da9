"""Small stand-ins for the core's ports, recording what the core asked of them."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from bot.events import Reply
from bot.safety.levels import Assessment, RiskLevel
from inference.api import ChatRequest


class KeywordAssessor:
    """Levels from a fixed phrase table, so core tests do not depend on the real rules."""

    PHRASES = (
        ("taking them tonight", RiskLevel.IMMINENT),
        ("kill myself", RiskLevel.ACTIVE),
        ("wish i was dead", RiskLevel.PASSIVE),
        ("anxious", RiskLevel.DISTRESS),
    )

    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def assess_rules(self, text: str) -> Assessment:
        lowered = text.lower()
        for phrase, level in self.PHRASES:
            if phrase in lowered:
                return Assessment(level, 1.0, (f"rule:{phrase.replace(' ', '_')}",))
        return Assessment(RiskLevel.NONE, 0.0)

    def assess(self, text: str, context: Sequence[str] = ()) -> Assessment:
        self.calls.append((text, tuple(context)))
        return self.assess_rules(text)


class FakeSafeReplies:
    def crisis_reply(self, level: RiskLevel, country: str | None, variant: int) -> str:
        return f"[crisis {level.label} lines for {country or 'unknown'} v{variant}]"

    def resources(self, country: str | None) -> str:
        return f"[resources for {country or 'unknown'}]"

    def knows_country(self, code: str) -> bool:
        return code in {"GB", "US"}


@dataclass
class RecordingDesk:
    reports: list[tuple[int, Assessment]] = field(default_factory=list)
    relayed: list[tuple[int, str]] = field(default_factory=list)
    claimed: dict[int, int] = field(default_factory=dict)  # user id -> case id
    stale: set[int] = field(default_factory=set)  # cases resolved behind the core's back

    async def report_risk(
        self, *, user_id: int, assessment: Assessment, resources_sent: bool, country: str | None
    ) -> int:
        self.reports.append((user_id, assessment))
        return len(self.reports)

    async def claimed_case(self, user_id: int) -> int | None:
        return self.claimed.get(user_id)

    async def relay_from_user(
        self, case_id: int, text: str, level: RiskLevel | None, at: datetime
    ) -> bool:
        if case_id in self.stale:
            return False
        self.relayed.append((case_id, text))
        return True


class ScriptedGenerator:
    """Answers after an optional delay; can raise a chosen error instead."""

    def __init__(
        self,
        answer: str = "I'm here with you.",
        delay_s: float = 0.0,
        error: Exception | None = None,
    ) -> None:
        self.answer = answer
        self.delay_s = delay_s
        self.error = error
        self.requests: list[ChatRequest] = []

    description = "scripted"

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def stream(self, request: ChatRequest) -> AsyncIterator[str]:
        self.requests.append(request)
        if self.delay_s:
            await asyncio.sleep(self.delay_s)
        if self.error is not None:
            raise self.error
        yield self.answer


class Replies:
    def __init__(self) -> None:
        self.items: list[Reply] = []

    async def __call__(self, reply: Reply) -> None:
        self.items.append(reply)

    @property
    def texts(self) -> list[str]:
        return [r.text for r in self.items]
