"""A zero-cost generator for benchmarks, demos and tests: the core's cost without a model."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from inference.api import ChatRequest


class EchoGenerator:
    """Implements inference.api.TextGenerator; answers instantly with a fixed, kind sentence."""

    def __init__(self, reply: str | None = None, *, chunk_delay_s: float = 0.0) -> None:
        self._reply = reply
        self._delay = chunk_delay_s
        self.requests: list[ChatRequest] = []

    @property
    def description(self) -> str:
        return "echo (no model)"

    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    async def stream(self, request: ChatRequest) -> AsyncIterator[str]:
        self.requests.append(request)
        last = request.messages[-1].content if request.messages else ""
        text = self._reply or f"Thank you for telling me. You said: {last[:200]}"
        for word in text.split(" "):
            if self._delay:
                await asyncio.sleep(self._delay)
            yield word + " "
