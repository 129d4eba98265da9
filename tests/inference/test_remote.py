"""The OpenAI-compatible backend against a local fake server speaking streaming SSE."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from aiohttp import web

from inference.api import (
    ChatMessage,
    ChatRequest,
    GenerationError,
    GenerationTimeout,
    GeneratorBusy,
    GeneratorUnavailable,
)
from inference.config import ModelConfig
from inference.factory import build_generator

PIECES = ["I hear ", "you. ", "That sounds ", "hard."]


@dataclass
class FakeServer:
    """Answers each chat call with the next scripted behaviour, then with 'ok'."""

    script: list[str] = field(default_factory=list)
    calls: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""

    async def models(self, request: web.Request) -> web.Response:
        if request.headers.get("Authorization") == "Bearer wrong":
            return web.json_response({"error": "bad key"}, status=401)
        return web.json_response({"data": [{"id": "fake-llama"}]})

    async def chat(self, request: web.Request) -> web.StreamResponse:
        body = await request.json()
        self.calls.append({"body": body, "auth": request.headers.get("Authorization")})
        behaviour = self.script.pop(0) if self.script else "ok"
        if behaviour.isdigit():
            return web.json_response({"error": {"message": behaviour}}, status=int(behaviour))
        if behaviour == "hang":
            await asyncio.sleep(3)
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        await response.write(b": keep-alive\n\n")
        for piece in PIECES:
            chunk = {"choices": [{"index": 0, "delta": {"content": piece}}]}
            await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
            if behaviour == "slow":
                await asyncio.sleep(0.5)
        await response.write(b'data: {"choices": [{"index": 0, "delta": {}}]}\n\n')
        await response.write(b"data: [DONE]\n\n")
        return response


@pytest.fixture
async def server() -> AsyncIterator[FakeServer]:
    fake = FakeServer()
    app = web.Application()
    app.router.add_get("/v1/models", fake.models)
    app.router.add_post("/v1/chat/completions", fake.chat)
    runner = web.AppRunner(app, handler_cancellation=True)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    fake.url = f"http://127.0.0.1:{port}/v1"
    yield fake
    await runner.cleanup()


def config(url: str, **overrides: Any) -> ModelConfig:
    settings: dict[str, Any] = {
        "backend": "openai",
        "url": url,
        "model": "fake-llama",
        "api_key": "sk-test",
        "request_timeout_s": 10.0,
    }
    settings.update(overrides)
    return ModelConfig(**settings)


def chat(**kwargs: Any) -> ChatRequest:
    messages = [ChatMessage("system", "Be kind."), ChatMessage("user", "I can't sleep.")]
    return ChatRequest(messages, requester="u", **kwargs)


async def collect(stream: AsyncIterator[str]) -> list[str]:
    return [piece async for piece in stream]


async def test_streams_chunks_and_sends_the_chat(server: FakeServer) -> None:
    gen = build_generator(config(server.url, temperature=0.3, max_new_tokens=77))
    await gen.start()
    try:
        assert await collect(gen.stream(chat())) == PIECES
    finally:
        await gen.close()
    call = server.calls[0]
    assert call["auth"] == "Bearer sk-test"
    assert call["body"]["stream"] is True
    assert call["body"]["model"] == "fake-llama"
    assert call["body"]["max_tokens"] == 77 and call["body"]["temperature"] == 0.3
    assert call["body"]["messages"][1] == {"role": "user", "content": "I can't sleep."}


async def test_retries_server_errors_before_the_first_chunk(server: FakeServer) -> None:
    server.script = ["503", "429"]
    gen = build_generator(config(server.url, retries=2))
    await gen.start()
    try:
        assert await collect(gen.stream(chat())) == PIECES
    finally:
        await gen.close()
    assert len(server.calls) == 3


async def test_gives_up_after_the_configured_retries(server: FakeServer) -> None:
    server.script = ["503", "503", "503"]
    gen = build_generator(config(server.url, retries=1))
    await gen.start()
    try:
        with pytest.raises(GeneratorUnavailable, match="HTTP 503"):
            await collect(gen.stream(chat()))
    finally:
        await gen.close()
    assert len(server.calls) == 2


async def test_client_errors_are_not_retried(server: FakeServer) -> None:
    server.script = ["400"]
    gen = build_generator(config(server.url))
    await gen.start()
    try:
        with pytest.raises(GenerationError, match="HTTP 400"):
            await collect(gen.stream(chat()))
    finally:
        await gen.close()
    assert len(server.calls) == 1


async def test_deadline_gives_timeout(server: FakeServer) -> None:
    server.script = ["hang"]
    gen = build_generator(config(server.url))
    await gen.start()
    try:
        started = time.monotonic()
        with pytest.raises(GenerationTimeout):
            await collect(gen.stream(chat(deadline_s=0.3)))
        assert time.monotonic() - started < 2
    finally:
        await gen.close()


async def test_too_many_requests_in_flight_is_busy_at_once(server: FakeServer) -> None:
    server.script = ["slow"]
    gen = build_generator(config(server.url, queue_size=1))
    await gen.start()
    try:
        first = gen.stream(chat())
        assert await anext(first) == PIECES[0]
        with pytest.raises(GeneratorBusy):
            await anext(gen.stream(chat()))
        await first.aclose()
        assert await collect(gen.stream(chat())) == PIECES  # the slot was given back
    finally:
        await gen.close()


async def test_unreachable_server_names_the_url_setting() -> None:
    gen = build_generator(config("http://127.0.0.1:9/v1"))
    with pytest.raises(GeneratorUnavailable, match=r"^model\.url: cannot reach"):
        await gen.start()


async def test_rejected_key_names_the_key_setting(server: FakeServer) -> None:
    gen = build_generator(config(server.url, api_key="wrong"))
    with pytest.raises(GeneratorUnavailable, match=r"^model\.api_key:"):
        await gen.start()


def test_api_key_stays_out_of_repr_and_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert "sk-test" not in repr(config("http://127.0.0.1:1/v1"))
    monkeypatch.setenv("HAVEN_MODEL_API_KEY", "sk-env")
    gen = build_generator(config("http://127.0.0.1:1/v1", api_key=None))
    assert gen._config.api_key == "sk-env"  # type: ignore[attr-defined]
    assert "sk-env" not in gen.description
