"""The words of a handoff: what the person is told, how relayed lines look, the claim excerpt.

Pure functions over plain values; the service stores and the outbox delivers them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from bot.ports import RelayLine
from bot.safety.levels import RiskLevel
from storage.repository import StoredMessage

EXCERPT_MESSAGES = 12  # what the claiming moderator sees of the conversation so far
NOT_KEPT = "(text not kept: this person chose not to have their messages stored)"

JOINED = (
    "A human moderator from this community has joined the conversation. What you write now goes "
    "to them, not to the AI, and their replies will be marked as coming from a person. If you are "
    "in danger right now, please still call your local emergency number."
)
RESUMED = (
    "The moderator has finished this conversation. You're talking with Haven again, which is an "
    "AI and not a person. If you need someone urgently, please contact a crisis line or your "
    "local emergency number; /resources shows them."
)
RELEASED = (
    "The moderator had to step away. I've asked another moderator to join. Until then you're "
    "talking with Haven, an AI. /resources shows crisis lines you can reach right now."
)
UNREACHABLE = (
    "Haven could not deliver that to the person: their direct messages are closed or they have "
    "blocked the bot. Your words were not seen."
)
UNREACHABLE_NOTE = "the person cannot be reached by direct message (closed or bot blocked)"

_ROLES = {"user": "user", "assistant": "haven", "system": "haven", "moderator": "moderator"}


def moderator_text(display_name: str, text: str) -> str:
    """A moderator's words as the person sees them: clearly from a human, not from the AI."""
    name = display_name.strip() or "a moderator"
    return f"From {name}, a human moderator (not the AI):\n{text}"


def excerpt_lines(messages: Sequence[StoredMessage], *, until: datetime) -> list[RelayLine]:
    """The recent conversation up to the claim, for the claiming moderator only."""
    lines = [
        RelayLine(
            role=_ROLES.get(message.role, "haven"),
            text=message.text if message.text is not None else NOT_KEPT,
            at=message.created_at,
            level=None if message.level is None else RiskLevel(message.level),
        )
        for message in messages
        if message.created_at <= until
    ]
    return lines[-EXCERPT_MESSAGES:]


def relay_payload(role: str, text: str, level: RiskLevel | None, at: datetime) -> dict[str, Any]:
    return {
        "role": role,
        "text": text,
        "level": None if level is None else int(level),
        "at": at.isoformat(),
    }


def relay_line(payload: dict[str, Any]) -> RelayLine:
    level = payload.get("level")
    return RelayLine(
        role=str(payload["role"]),
        text=str(payload["text"]),
        at=datetime.fromisoformat(payload["at"]),
        level=None if level is None else RiskLevel(level),
    )
