"""The local worker: batching, streaming, deadlines, cancellation, backpressure, fairness."""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import AsyncIterator

import pytest
import torch

from inference.api import (
    ChatMessage,
    ChatRequest,
    GenerationTimeout,
    GeneratorBusy,
    GeneratorUnavailable,
    Superseded,
)
from inference.batch_runner import IncrementalDecoder, length_groups
from inference.loading import LoadedModel
from inference.local import LocalGenerator
from inference.window import TokenizerCounter
from tests.inference.conftest import tiny_config

USER_TEXTS = [
    "hi",
    "I have been feeling anxious and I can't sleep at night.",
    "My friends don't understand me.",
    "Work has been overwhelming lately and I don't know what to do about it anymore.",
    "Thank you.",
    "What usually helps you feel calmer?",
    "I'm here.",
    "The quick brown fox jumps over the lazy dog, again and again, all night long.",
]


def chat(text: str, requester: str = "u", **kwargs: object) -> ChatRequest:
    messages = [ChatMessage("system", "You are kind."), ChatMessage("user", text)]
    return ChatRequest(messages, requester=requester, **kwargs)  # type: ignore[arg-type]


def worker(loaded: LoadedModel, **overrides: object) -> LocalGenerator:
    return LocalGenerator(tiny_config("unused", **overrides), loaded=loaded)


async def collect(stream: AsyncIterator[str]) -> str:
    return "".join([piece async for piece in stream])


def plain_greedy_text(loaded: LoadedModel, request: ChatRequest, new_tokens: int) -> str:
    """One request alone through plain `generate`, decoded the way the worker streams."""
    ids = TokenizerCounter(loaded.tokenizer).render_ids(request.messages)
    with torch.inference_mode():
        out = loaded.model.generate(
            input_ids=torch.tensor([ids]),
            attention_mask=torch.ones(1, len(ids), dtype=torch.long),
            max_new_tokens=new_tokens,
            do_sample=False,
            eos_token_id=loaded.eos_token_ids,
            pad_token_id=loaded.tokenizer.pad_token_id,
        )
    decoder = IncrementalDecoder(loaded.tokenizer)
    text = ""
    for token in out[0, len(ids) :].tolist():
        if token in loaded.eos_token_ids:
            break
        text += decoder.push(token)
    return text + decoder.flush()


async def test_batched_greedy_output_equals_unbatched(tiny_loaded: LoadedModel) -> None:
    gen = worker(tiny_loaded, max_batch_size=16, max_wait_ms=300, max_new_tokens=24)
    await gen.start()
    try:
        requests = [chat(text, requester=f"user{i}") for i, text in enumerate(USER_TEXTS)]
        replies = await asyncio.gather(*(collect(gen.stream(r)) for r in requests))
        assert gen.stats.largest_batch == len(requests)  # they really ran as one batch
        assert gen.stats.grouped_prefills == 1  # mixed lengths: prefilled in length groups
    finally:
        await gen.close()
    expected = [plain_greedy_text(tiny_loaded, r, 24) for r in requests]
    assert replies == expected
    assert len(set(replies)) > 1  # different prompts, different replies: the check has teeth


async def test_sampling_and_greedy_rows_share_a_batch(tiny_loaded: LoadedModel) -> None:
    gen = worker(tiny_loaded, max_batch_size=4, max_wait_ms=300, max_new_tokens=16)
    await gen.start()
    try:
        greedy = chat(USER_TEXTS[1], requester="a", temperature=0.0)
        sampled = chat(USER_TEXTS[1], requester="b", temperature=1.5, top_p=0.95)
        greedy_text, _ = await asyncio.gather(
            collect(gen.stream(greedy)), collect(gen.stream(sampled))
        )
        assert gen.stats.largest_batch == 2
    finally:
        await gen.close()
    assert greedy_text == plain_greedy_text(tiny_loaded, greedy, 16)


async def test_decoder_round_trips_text() -> None:
    from inference.tiny import build_tokenizer

    tokenizer = build_tokenizer()
    text = "I can't sleep, très triste 😢 — 我很难过"
    decoder = IncrementalDecoder(tokenizer)
    pieces = [decoder.push(t) for t in tokenizer.encode(text, add_special_tokens=False)]
    assert "".join(pieces) + decoder.flush() == text
    assert sum(1 for p in pieces if p) > 5  # it streamed, not one piece at the end


async def test_deadline_ends_a_long_reply_with_timeout(slow_loaded: LoadedModel) -> None:
    gen = worker(slow_loaded, max_new_tokens=1500, context_tokens=2048)
    await gen.start()
    try:
        started = time.monotonic()
        with pytest.raises(GenerationTimeout):
            await collect(gen.stream(chat("hi", deadline_s=0.3)))
        assert time.monotonic() - started < 2
        # the timed-out row stopped, so the next request is served promptly
        reply = await asyncio.wait_for(
            collect(gen.stream(chat("hi", requester="next", max_new_tokens=4))), 5
        )
        assert reply
    finally:
        await gen.close()


async def test_closing_the_stream_cancels_generation(slow_loaded: LoadedModel) -> None:
    gen = worker(slow_loaded, max_new_tokens=1500, context_tokens=2048)
    await gen.start()
    try:
        stream = gen.stream(chat("hi"))
        assert await anext(stream)
        await stream.aclose()
        await asyncio.sleep(0.2)
        tokens_after_cancel = gen.stats.tokens
        await asyncio.sleep(0.3)
        assert gen.stats.tokens == tokens_after_cancel  # nothing more was generated
        assert tokens_after_cancel < 1000
    finally:
        await gen.close()


async def test_cancelling_the_consumer_task_cancels_generation(slow_loaded: LoadedModel) -> None:
    gen = worker(slow_loaded, max_new_tokens=1500, context_tokens=2048)
    await gen.start()
    try:
        task = asyncio.create_task(collect(gen.stream(chat("hi"))))
        await asyncio.sleep(0.3)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # the running batch ends at the next token, so a new request starts at once
        reply = await asyncio.wait_for(
            collect(gen.stream(chat("hi", requester="next", max_new_tokens=4))), 5
        )
        assert reply
    finally:
        await gen.close()


async def test_full_queue_answers_busy_at_once(slow_loaded: LoadedModel) -> None:
    gen = worker(
        slow_loaded, queue_size=2, max_batch_size=1, max_new_tokens=1500, context_tokens=2048
    )
    await gen.start()
    try:
        running = gen.stream(chat("hi", requester="r"))
        assert await anext(running)  # occupies the generation thread
        waiting = [gen.stream(chat("hi", requester=f"w{i}")) for i in range(2)]
        pending = [asyncio.create_task(anext(s)) for s in waiting]
        await asyncio.sleep(0.05)
        started = time.monotonic()
        with pytest.raises(GeneratorBusy):
            await anext(gen.stream(chat("hi", requester="late")))
        assert time.monotonic() - started < 0.1
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)
        await running.aclose()
    finally:
        await gen.close()


async def test_newer_message_supersedes_a_queued_one(slow_loaded: LoadedModel) -> None:
    gen = worker(slow_loaded, max_batch_size=1, max_new_tokens=1500, context_tokens=2048)
    await gen.start()
    try:
        running = gen.stream(chat("hi", requester="other"))
        assert await anext(running)
        older = asyncio.create_task(collect(gen.stream(chat("first", requester="me"))))
        await asyncio.sleep(0.05)
        newer = gen.stream(chat("second", requester="me", max_new_tokens=2))
        newer_first = asyncio.create_task(anext(newer))
        with pytest.raises(Superseded):
            await asyncio.wait_for(older, 2)
        await running.aclose()
        assert await asyncio.wait_for(newer_first, 5)
        await newer.aclose()
    finally:
        await gen.close()


async def test_event_loop_stays_responsive_while_generating(slow_loaded: LoadedModel) -> None:
    gen = worker(slow_loaded, max_new_tokens=48, max_batch_size=8)
    await gen.start()
    lags: list[float] = []
    done = asyncio.Event()

    async def ticker() -> None:
        while not done.is_set():
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            lags.append(time.perf_counter() - before - 0.005)

    tick = asyncio.create_task(ticker())
    try:
        started = time.perf_counter()
        await asyncio.gather(
            *(collect(gen.stream(chat(t, requester=f"u{i}"))) for i, t in enumerate(USER_TEXTS))
        )
        elapsed = time.perf_counter() - started
    finally:
        done.set()
        await tick
        await gen.close()
    assert gen.stats.tokens > 100
    assert len(lags) > elapsed / 0.02  # the loop kept ticking throughout
    p99 = statistics.quantiles(lags, n=100)[98]
    assert p99 < 0.1, f"event loop lag p99 {p99 * 1000:.0f} ms"


async def test_long_history_is_trimmed_to_the_context(tiny_loaded: LoadedModel) -> None:
    gen = worker(tiny_loaded, context_tokens=96, max_new_tokens=8)
    await gen.start()
    try:
        history = [
            ChatMessage("user" if i % 2 == 0 else "assistant", USER_TEXTS[i % len(USER_TEXTS)])
            for i in range(41)
        ]
        request = ChatRequest([ChatMessage("system", "You are kind."), *history], requester="u")
        assert await collect(gen.stream(request))
    finally:
        await gen.close()


async def test_closed_worker_refuses_and_fails_waiting_requests(
    slow_loaded: LoadedModel,
) -> None:
    gen = worker(slow_loaded, max_batch_size=1, max_new_tokens=1500, context_tokens=2048)
    await gen.start()
    running = gen.stream(chat("hi", requester="a"))
    assert await anext(running)
    queued = asyncio.create_task(collect(gen.stream(chat("hi", requester="b"))))
    await asyncio.sleep(0.05)
    await running.aclose()
    await gen.close()
    with pytest.raises(GeneratorUnavailable):
        await queued
    with pytest.raises(GeneratorUnavailable):
        await anext(gen.stream(chat("hi")))


def test_length_groups_keep_padding_small_and_cover_every_row() -> None:
    lengths = [84, 119, 205, 71, 163, 218, 100, 171, 175, 77, 169, 171, 99, 153, 233, 103]
    groups = length_groups(lengths)
    assert sorted(i for g in groups for i in g) == list(range(len(lengths)))
    assert 1 < len(groups) < len(lengths)
    for group in groups:
        real = sum(lengths[i] for i in group)
        assert len(group) * max(lengths[i] for i in group) <= 1.25 * real
    assert length_groups([10, 10, 11]) == [[0, 1, 2]]


async def test_close_stops_a_running_reply(slow_loaded: LoadedModel) -> None:
    gen = worker(slow_loaded, max_new_tokens=1500, context_tokens=2048)
    await gen.start()
    stream = gen.stream(chat("hi"))
    assert await anext(stream)
    started = time.monotonic()
    await gen.close()
    assert time.monotonic() - started < 2
    with pytest.raises(GeneratorUnavailable):
        async for _ in stream:
            pass


async def test_models_own_sampling_defaults_do_not_override_greedy(
    tiny_loaded: LoadedModel, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = plain_greedy_text(tiny_loaded, chat(USER_TEXTS[1]), 16)
    # Llama-3.2-Instruct ships do_sample=True, temperature=0.6, top_p=0.9
    generation_config = tiny_loaded.model.generation_config
    monkeypatch.setattr(generation_config, "do_sample", True)
    monkeypatch.setattr(generation_config, "temperature", 0.6)
    monkeypatch.setattr(generation_config, "top_p", 0.9)
    gen = worker(tiny_loaded, max_new_tokens=16)
    await gen.start()
    try:
        assert await collect(gen.stream(chat(USER_TEXTS[1]))) == expected
        sampled = await collect(gen.stream(chat(USER_TEXTS[1], temperature=1.0)))
        assert isinstance(sampled, str)
    finally:
        await gen.close()


class OutOfMemoryAbove:
    """The tiny model, but `generate` runs out of memory on batches larger than `limit`."""

    def __init__(self, model: object, limit: int) -> None:
        self._model = model
        self._limit = limit

    def __getattr__(self, name: str) -> object:
        return getattr(self._model, name)

    def __call__(self, *args: object, **kwargs: object) -> object:
        return self._model(*args, **kwargs)  # type: ignore[operator]

    def generate(self, input_ids: torch.Tensor, **kwargs: object) -> object:
        if input_ids.shape[0] > self._limit:
            raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 2.00 GiB")
        return self._model.generate(input_ids=input_ids, **kwargs)  # type: ignore[attr-defined]


async def test_out_of_memory_retries_in_smaller_batches(tiny_loaded: LoadedModel) -> None:
    import dataclasses

    fragile = dataclasses.replace(tiny_loaded, model=OutOfMemoryAbove(tiny_loaded.model, 2))
    gen = worker(fragile, max_batch_size=4, max_wait_ms=300)
    await gen.start()
    try:
        requests = [chat(text, requester=f"u{i}") for i, text in enumerate(USER_TEXTS[:4])]
        replies = await asyncio.gather(*(collect(gen.stream(r)) for r in requests))
    finally:
        await gen.close()
    assert gen.stats.batches == 3  # the batch of 4 failed, then two batches of 2 ran
    assert replies == [plain_greedy_text(tiny_loaded, r, 16) for r in requests]


async def test_out_of_memory_on_one_request_names_the_settings(tiny_loaded: LoadedModel) -> None:
    import dataclasses

    from inference.api import GenerationError

    broken = dataclasses.replace(tiny_loaded, model=OutOfMemoryAbove(tiny_loaded.model, 0))
    gen = worker(broken)
    await gen.start()
    try:
        with pytest.raises(GenerationError, match="max_batch_size"):
            await collect(gen.stream(chat("hi")))
    finally:
        await gen.close()


async def test_a_newcomer_joins_instead_of_waiting_for_a_long_reply(
    slow_loaded: LoadedModel,
) -> None:
    gen = worker(slow_loaded, max_batch_size=4, join_after_tokens=8, context_tokens=1024)
    await gen.start()
    finished: list[str] = []
    try:
        long_request = chat(USER_TEXTS[1], requester="long", max_new_tokens=160)
        short_request = chat(USER_TEXTS[2], requester="short", max_new_tokens=4)

        async def run(name: str, request: ChatRequest, started: asyncio.Event | None) -> str:
            pieces = []
            async for piece in gen.stream(request):
                pieces.append(piece)
                if started is not None:
                    started.set()
            finished.append(name)
            return "".join(pieces)

        first_chunk = asyncio.Event()
        long_task = asyncio.create_task(run("long", long_request, first_chunk))
        await first_chunk.wait()
        short_text = await run("short", short_request, None)
        long_text = await long_task
    finally:
        await gen.close()
    assert finished == ["short", "long"]  # the short reply did not wait for the long one
    assert gen.stats.pauses >= 1
    # pausing and resuming (the prompt recomputed) does not change a greedy reply
    assert long_text == plain_greedy_text(slow_loaded, long_request, 160)
    assert short_text == plain_greedy_text(slow_loaded, short_request, 4)


def test_the_cache_keyword_follows_the_installed_transformers(tiny_loaded: LoadedModel) -> None:
    from inference.batch_runner import cache_keyword

    class OlderModel:  # transformers before the rename: only `past_key_values`
        def forward(self, input_ids: object, past_key_values: object = None) -> None: ...

    assert cache_keyword(OlderModel()) == "past_key_values"
    # Whatever the installed transformers calls it, the chosen name raises no deprecation
    # warning (which the terminal adapter would print under every reply).
    import warnings

    from transformers import DynamicCache

    model = tiny_loaded.model
    keyword = cache_keyword(model)
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        out = model(
            input_ids=torch.tensor([[1, 2, 3]]),
            use_cache=True,
            **{keyword: DynamicCache(config=model.config)},
        )
    assert len(getattr(out, keyword).layers) == model.config.num_hidden_layers
