"""The platform-free events that flow between the adapters and the core.

Adapters are the only code that knows discord.py or python-telegram-bot exist; they translate
platform events into these frozen values and render the `Reply` values that come back.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from bot.safety.levels import RiskLevel


@dataclass(frozen=True, slots=True)
class UserKey:
    """A person on one platform: `discord:1234`, `telegram:5678`, `terminal:alice`."""

    platform: str
    id: str

    def __str__(self) -> str:
        return f"{self.platform}:{self.id}"

    @classmethod
    def parse(cls, text: str) -> UserKey:
        platform, sep, user_id = text.partition(":")
        if not sep or not platform or not user_id:
            raise ValueError(f"expected PLATFORM:USER_ID, got {text!r}")
        return cls(platform, user_id)


class ContentKind(enum.StrEnum):
    """What the platform message carried; only TEXT reaches the model."""

    TEXT = "text"
    STICKER = "sticker"
    IMAGE = "image"
    VOICE = "voice"
    FILE = "file"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message from a person to Haven."""

    user: UserKey
    chat_id: str
    message_id: str  # the platform's id; a redelivered message has the same one
    text: str
    sent_at: datetime
    kind: ContentKind = ContentKind.TEXT
    handle: str | None = None  # display name or @username, shown to moderators in alerts
    locale: str | None = None  # a language hint like "en-GB"; never used to guess location


class ReplyKind(enum.StrEnum):
    """Why a reply was sent; adapters may draw each kind differently."""

    ANSWER = "answer"  # written by the model, passed the output filter
    ONBOARDING = "onboarding"
    CRISIS = "crisis"  # a vetted safe-messaging template with crisis lines
    NOTICE = "notice"  # a short system note: too long, flood limit, model busy, command results
    MODERATOR = "moderator"  # a human moderator's words relayed to the user


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str
    content: bytes
    mime_type: str = "application/json"


@dataclass(frozen=True, slots=True)
class Reply:
    """One message from Haven to a person."""

    text: str
    kind: ReplyKind = ReplyKind.ANSWER
    level: RiskLevel | None = None
    attachment: Attachment | None = None
    # Set by the core for confirmations the adapter renders as buttons (e.g. /forget).
    confirm: tuple[str, ...] = field(default=())


# The core hands each reply to this as soon as it is ready (the crisis reply first, the model's
# answer later), so an adapter can render it while the rest of the turn is still running.
Respond = Callable[[Reply], Awaitable[None]]
