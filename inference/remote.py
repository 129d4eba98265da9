"""A `TextGenerator` over any OpenAI-compatible chat server (vLLM, TGI, llama.cpp, Ollama).

Streams `/chat/completions` as server-sent events. Connection failures, 429 and 5xx are
retried with backoff until the first chunk arrives; after that a failure ends the reply, since
text already shown cannot be taken back.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import Any

from inference.api import (
    ChatRequest,
    GenerationError,
    GenerationTimeout,
    GeneratorBusy,
    GeneratorUnavailable,
)
from inference.config import ModelConfig

log = logging.getLogger(__name__)

_RETRY_STATUSES = {408, 429, 500, 502, 503, 504}


class _Retryable(Exception):
    pass


class OpenAICompatibleGenerator:
    def __init__(self, config: ModelConfig) -> None:
        if not config.url:
            raise GeneratorUnavailable("model.url: set [model] url to the server's base URL")
        self._config = config
        self._base_url = config.url.rstrip("/")
        self._client: Any = None
        # bounded like the local queue: beyond queue_size requests in flight, say busy at once
        self._in_flight = 0

    @property
    def description(self) -> str:
        return f"openai-compatible {self._config.model or '(server default)'} at {self._base_url}"

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "text/event-stream"}
        if self._config.api_key:
            headers["Authorization"] = f"Bearer {self._config.api_key}"
        return headers

    async def start(self) -> None:
        import httpx

        timeout = httpx.Timeout(self._config.request_timeout_s, connect=5.0)
        self._client = httpx.AsyncClient(
            base_url=self._base_url, headers=self._headers(), timeout=timeout
        )
        try:
            response = await self._client.get("/models", timeout=5.0)
        except httpx.HTTPError as exc:
            await self.close()
            raise GeneratorUnavailable(
                f"model.url: cannot reach {self._base_url} ({type(exc).__name__}); start the "
                f"server or set [model] url to where it listens"
            ) from exc
        if response.status_code in (401, 403):
            await self.close()
            raise GeneratorUnavailable(
                f"model.api_key: {self._base_url} refused the API key (HTTP "
                f"{response.status_code}); set HAVEN_MODEL_API_KEY to a valid key"
            )
        # other statuses: some servers do not implement /models; chatting may still work

    async def close(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def stream(self, request: ChatRequest) -> AsyncIterator[str]:
        return self._stream(request)

    async def _stream(self, request: ChatRequest) -> AsyncIterator[str]:
        if self._client is None:
            raise GeneratorUnavailable("the remote model is not connected")
        if self._in_flight >= self._config.queue_size:
            raise GeneratorBusy(
                f"{self._in_flight} requests are already waiting on the model; try again shortly"
            )
        self._in_flight += 1
        try:
            deadline = asyncio.get_running_loop().time() + min(
                request.deadline_s, self._config.request_timeout_s
            )
            try:
                # aclosing: a consumer that stops early closes the HTTP stream at once
                async with aclosing(self._with_retries(request, deadline)) as pieces:
                    async for piece in pieces:
                        yield piece
            except TimeoutError:
                raise GenerationTimeout(
                    f"the remote model did not finish within {request.deadline_s:g} s"
                ) from None
        finally:
            self._in_flight -= 1

    async def _with_retries(
        self, request: ChatRequest, deadline: float
    ) -> AsyncGenerator[str, None]:
        attempt = 0
        while True:
            started = False
            try:
                async with aclosing(self._one_attempt(request, deadline)) as pieces:
                    async for piece in pieces:
                        started = True
                        yield piece
                return
            except _Retryable as exc:
                if asyncio.get_running_loop().time() >= deadline:
                    raise TimeoutError from exc
                if started or attempt >= self._config.retries:
                    raise GeneratorUnavailable(
                        f"the remote model at {self._base_url} failed: {exc}"
                    ) from None
                attempt += 1
                delay = min(0.1 * 2**attempt, 4.0)
                log.warning("remote model: %s; retry %d in %.2f s", exc, attempt, delay)
                async with asyncio.timeout_at(deadline):
                    await asyncio.sleep(delay)

    def _body(self, request: ChatRequest) -> dict[str, Any]:
        config = self._config
        body: dict[str, Any] = {
            "messages": [{"role": m.role, "content": m.content} for m in request.messages],
            "stream": True,
            "max_tokens": request.max_new_tokens or config.max_new_tokens,
            "temperature": config.temperature
            if request.temperature is None
            else request.temperature,
            "top_p": config.top_p if request.top_p is None else request.top_p,
        }
        if config.model:
            body["model"] = config.model
        return body

    async def _one_attempt(
        self, request: ChatRequest, deadline: float
    ) -> AsyncGenerator[str, None]:
        import httpx

        remaining = deadline - asyncio.get_running_loop().time()
        if remaining <= 0:
            raise TimeoutError
        # httpx's own timeouts bound the wait for the status line, which no asyncio scope covers
        timeout = httpx.Timeout(remaining, connect=min(5.0, remaining))
        try:
            async with self._client.stream(
                "POST", "/chat/completions", json=self._body(request), timeout=timeout
            ) as response:
                if response.status_code in _RETRY_STATUSES:
                    raise _Retryable(f"HTTP {response.status_code}")
                if response.status_code >= 400:
                    await response.aread()
                    raise GenerationError(
                        f"the remote model refused the request: HTTP {response.status_code} "
                        f"{response.text[:200]}"
                    )
                lines = response.aiter_lines()
                while True:
                    try:
                        # the deadline covers only our wait, never the consumer's time at yield
                        async with asyncio.timeout_at(deadline):
                            line = await anext(lines)
                    except StopAsyncIteration:
                        return
                    piece = _sse_text(line)
                    if piece is _DONE:
                        return
                    if piece:
                        yield piece
        except httpx.TransportError as exc:  # connect, read and protocol errors, timeouts
            raise _Retryable(f"{type(exc).__name__}: {exc}") from exc


_DONE = object()


def _sse_text(line: str) -> Any:
    """The text in one server-sent-events line, `_DONE` at the end marker, else None."""
    if not line.startswith("data:"):
        return None  # comments, event names, keep-alives and blank separators
    data = line[5:].strip()
    if data == "[DONE]":
        return _DONE
    try:
        event = json.loads(data)
    except ValueError:
        return None
    if "error" in event:
        raise GenerationError(f"the remote model reported an error: {event['error']}")
    choices = event.get("choices") or []
    if not choices:
        return None
    return (choices[0].get("delta") or {}).get("content") or None
