"""The inference benchmark: the same chats through the worker and one by one with `generate`.

Reports tokens per second for both and their ratio, time to first chunk through the worker,
and how late the event loop's timers fire while the worker generates.
"""

from __future__ import annotations

import asyncio
import dataclasses
import statistics
import time
from dataclasses import dataclass
from typing import Any

from inference.api import ChatMessage, ChatRequest
from inference.config import ModelConfig
from inference.loading import LoadedModel
from inference.local import LocalGenerator
from inference.window import TokenizerCounter

_SYSTEM = "You are Haven, a kind and careful listener. Keep replies short and warm."
_OPENERS = [
    "I have been feeling anxious and I can't sleep at night.",
    "My friends don't understand me.",
    "Work has been overwhelming lately and I don't know what to do about it anymore.",
    "hi",
    "I keep thinking about the argument with my sister.",
    "Thank you for listening yesterday, it helped a bit.",
    "Everything feels heavy today and I can't explain why.",
    "How do people cope when they feel alone in a crowded room?",
]
_TICK_S = 0.005


@dataclass(frozen=True)
class BenchSettings:
    users: int = 16
    new_tokens: int = 64
    max_batch_size: int = 16
    max_wait_ms: int = 20
    context_tokens: int = 1024
    repeat: int = 3  # shared CPUs are noisy: each side keeps its best of this many runs


def bench_chats(users: int) -> list[ChatRequest]:
    """One chat per user, of different lengths, so padding costs what it costs in real use."""
    chats = []
    for i in range(users):
        history = [ChatMessage("system", _SYSTEM)]
        for turn in range(i % 3):
            history.append(ChatMessage("user", _OPENERS[(i + turn) % len(_OPENERS)]))
            history.append(ChatMessage("assistant", "That sounds hard. Tell me more?"))
        history.append(ChatMessage("user", _OPENERS[i % len(_OPENERS)]))
        chats.append(ChatRequest(history, requester=f"user-{i}", temperature=0.0))
    return chats


def _percentile(values: list[float], q: float) -> float:
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def sequential_generate(
    loaded: LoadedModel, chats: list[ChatRequest], new_tokens: int
) -> dict[str, Any]:
    """Plain `model.generate`, one chat after another: what a naive bot does."""
    import torch

    counter = TokenizerCounter(loaded.tokenizer)
    prompts = [counter.render_ids(c.messages) for c in chats]
    done_at: list[float] = []
    tokens = 0
    started = time.perf_counter()
    for ids in prompts:
        with torch.inference_mode():
            out = loaded.model.generate(
                input_ids=torch.tensor([ids], device=loaded.model.device),
                attention_mask=torch.ones(
                    1, len(ids), dtype=torch.long, device=loaded.model.device
                ),
                max_new_tokens=new_tokens,
                min_new_tokens=new_tokens,
                do_sample=False,
                pad_token_id=loaded.tokenizer.pad_token_id,
            )
        tokens += out.shape[1] - len(ids)
        done_at.append(time.perf_counter() - started)
    elapsed = time.perf_counter() - started
    return {
        "seconds": round(elapsed, 3),
        "tokens": tokens,
        "tokens_per_s": round(tokens / elapsed, 1),
        # plain generate hands over a reply only when it is complete
        "reply_s_p50": round(_percentile(done_at, 50), 3),
        "reply_s_p95": round(_percentile(done_at, 95), 3),
    }


async def worker_generate(
    loaded: LoadedModel, chats: list[ChatRequest], settings: BenchSettings
) -> dict[str, Any]:
    """All chats at once through the batching worker, with a timer measuring loop lag."""
    config = ModelConfig(
        base="(preloaded)",
        adapter=None,
        max_new_tokens=settings.new_tokens,
        context_tokens=settings.context_tokens,
        queue_size=max(64, len(chats)),
        max_batch_size=settings.max_batch_size,
        max_wait_ms=settings.max_wait_ms,
        request_timeout_s=3600,
    )
    gen = LocalGenerator(config, loaded=loaded, min_new_tokens=settings.new_tokens)
    await gen.start()
    lags: list[float] = []
    stop = asyncio.Event()

    async def ticker() -> None:
        while not stop.is_set():
            before = time.perf_counter()
            await asyncio.sleep(_TICK_S)
            lags.append(time.perf_counter() - before - _TICK_S)

    async def one(request: ChatRequest) -> float:
        first: float | None = None
        async for _ in gen.stream(request):
            if first is None:
                first = time.perf_counter() - started
        return first if first is not None else time.perf_counter() - started

    tick = asyncio.create_task(ticker())
    try:
        started = time.perf_counter()
        first_chunks = await asyncio.gather(
            *(one(ChatRequest(c.messages, c.requester, deadline_s=3600)) for c in chats)
        )
        elapsed = time.perf_counter() - started
    finally:
        stop.set()
        await tick
        await gen.close()
    tokens = gen.stats.tokens
    return {
        "seconds": round(elapsed, 3),
        "tokens": tokens,
        "tokens_per_s": round(tokens / elapsed, 1),
        "first_chunk_s_p50": round(_percentile(first_chunks, 50), 3),
        "first_chunk_s_p95": round(_percentile(first_chunks, 95), 3),
        "batches": gen.stats.batches,
        "largest_batch": gen.stats.largest_batch,
        "grouped_prefills": gen.stats.grouped_prefills,
        "pauses": gen.stats.pauses,
        "loop_lag_ms_p50": round(_percentile(lags, 50) * 1000, 2),
        "loop_lag_ms_p99": round(_percentile(lags, 99) * 1000, 2),
        "loop_lag_ms_max": round(max(lags) * 1000, 2),
    }


def _warm_up(loaded: LoadedModel, chats: list[ChatRequest], settings: BenchSettings) -> None:
    """First calls pay one-off costs (allocations, kernel selection) that neither side should."""
    sequential_generate(loaded, chats[:1], 4)
    asyncio.run(worker_generate(loaded, chats, dataclasses.replace(settings, new_tokens=4)))


def run_bench(loaded: LoadedModel, settings: BenchSettings) -> dict[str, Any]:
    import torch

    chats = bench_chats(settings.users)
    _warm_up(loaded, chats, settings)
    sequential: dict[str, Any] = {}
    worker: dict[str, Any] = {}
    for _ in range(max(1, settings.repeat)):  # alternate, so a noisy spell hits both sides
        seq_run = sequential_generate(loaded, chats, settings.new_tokens)
        worker_run = asyncio.run(worker_generate(loaded, chats, settings))
        if seq_run["tokens_per_s"] > sequential.get("tokens_per_s", 0):
            sequential = seq_run
        if worker_run["tokens_per_s"] > worker.get("tokens_per_s", 0):
            worker = worker_run
    params = sum(p.numel() for p in loaded.model.parameters())
    return {
        "model": loaded.description,
        "parameters": params,
        "device": loaded.device,
        "dtype": str(loaded.dtype).removeprefix("torch."),
        "torch_threads": torch.get_num_threads(),
        "users": settings.users,
        "new_tokens_per_reply": settings.new_tokens,
        "max_batch_size": settings.max_batch_size,
        "runs_per_side": max(1, settings.repeat),
        "sequential": sequential,
        "worker": worker,
        "speedup": round(worker["tokens_per_s"] / sequential["tokens_per_s"], 2),
    }
