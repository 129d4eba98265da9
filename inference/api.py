"""The one interface the core uses to get text from a model, local or remote.

`inference/` imports nothing else of Haven's: the core builds `ChatRequest`s and consumes the
stream; engines (the local batching worker, an OpenAI-compatible server) implement `TextGenerator`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol, runtime_checkable

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Role
    content: str


@dataclass(frozen=True, slots=True)
class ChatRequest:
    """A chat to continue: the system prompt first, then the history window, newest last."""

    messages: Sequence[ChatMessage]
    requester: str  # an opaque per-user key, used for fairness and supersession
    deadline_s: float = 60.0  # give up (GenerationTimeout) after this many seconds
    max_new_tokens: int | None = None  # None: the engine's configured default
    temperature: float | None = None
    top_p: float | None = None
    priority: int = 0  # higher is served first


class GenerationError(Exception):
    """Base of the errors a caller must handle; the message is safe to log."""


class GeneratorUnavailable(GenerationError):
    """The model could not be loaded or the engine cannot be reached."""


class GeneratorBusy(GenerationError):
    """The queue is full: the caller learns at once instead of waiting silently."""


class GenerationTimeout(GenerationError):
    """The request passed its deadline before it finished."""


class Superseded(GenerationError):
    """A newer request from the same requester replaced this unanswered one."""


@runtime_checkable
class TextGenerator(Protocol):
    async def start(self) -> None:
        """Load or connect. Raises GeneratorUnavailable with a message naming the setting to fix."""

    def stream(self, request: ChatRequest) -> AsyncIterator[str]:
        """Text chunks as they are generated; closing the iterator cancels the request."""

    async def close(self) -> None: ...

    @property
    def description(self) -> str:
        """One line for logs and `haven config check`: engine, model, device."""
