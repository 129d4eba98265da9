"""The local model worker: a fair bounded queue feeding one batching generation thread.

The event loop only queues requests and reads chunks; loading, tokenising and `generate` all
run off the loop, so a Discord gateway heartbeat never starves while the model works.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import AsyncIterator
from typing import Any

from inference.api import (
    ChatRequest,
    GenerationError,
    GenerationTimeout,
    GeneratorUnavailable,
    Superseded,
)
from inference.batch_runner import BatchRunner, BatchStats, End
from inference.config import ModelConfig
from inference.loading import LoadedModel, load_model
from inference.scheduling import FairQueue, Job

log = logging.getLogger(__name__)


class LocalGenerator:
    """`TextGenerator` over a transformers model on this machine's GPU or CPU."""

    def __init__(
        self,
        config: ModelConfig,
        *,
        loaded: LoadedModel | None = None,
        min_new_tokens: int = 0,
    ) -> None:
        self._config = config
        self._loaded = loaded  # tests and benchmarks may hand in a model already loaded
        self._min_new_tokens = min_new_tokens
        self._queue = FairQueue(config.queue_size, config.supersede)
        self._runner: BatchRunner | None = None
        self._thread: threading.Thread | None = None
        self._running: list[Job] = []  # the batch now generating, so close() can stop it
        self._closed = False

    @property
    def description(self) -> str:
        if self._loaded is None:
            return f"local {self._config.base} (not loaded)"
        return self._loaded.description

    @property
    def stats(self) -> BatchStats:
        return self._runner.stats if self._runner else BatchStats()

    @property
    def loaded(self) -> LoadedModel | None:
        return self._loaded

    async def start(self) -> None:
        if self._thread is not None:
            return
        if self._loaded is None:
            try:
                self._loaded = await asyncio.to_thread(load_model, self._config)
            except GeneratorUnavailable:
                raise
            except Exception as exc:  # anything unforeseen still reaches the operator as one line
                detail = " ".join(str(exc).split())[:300]
                raise GeneratorUnavailable(
                    f"model.base: loading {self._config.base!r} failed ({type(exc).__name__}: "
                    f"{detail}); check [model] base, adapter and quantization"
                ) from exc
        max_batch = self._config.max_batch_size
        self._runner = BatchRunner(
            self._loaded,
            self._config.context_tokens,
            min_new_tokens=self._min_new_tokens,
            pause_after_tokens=self._config.join_after_tokens,
            newcomers_fit=lambda active: active < max_batch and len(self._queue) > 0,
        )
        self._thread = threading.Thread(
            target=self._serve, args=(self._runner,), name="haven-generate", daemon=True
        )
        self._thread.start()
        log.info("model worker ready: %s", self.description)

    def _serve(self, runner: BatchRunner) -> None:
        max_wait_s = self._config.max_wait_ms / 1000
        while True:
            batch = self._queue.take_batch(self._config.max_batch_size, max_wait_s)
            if not batch:
                return  # closed
            self._running = batch
            try:
                self._queue.requeue(runner.run(batch))
            except Exception:  # a bug must cost one batch, never the worker
                log.exception("model worker: a batch of %d failed", len(batch))
                for job in batch:
                    job.deliver(End(GenerationError("the model failed on this request")))
            self._running = []

    async def close(self) -> None:
        self._closed = True
        for job in [*self._queue.close(), *self._running]:
            job.cancelled = True  # a running row stops at its next token
            job.deliver(End(GeneratorUnavailable("the model worker is shutting down")))
        if self._thread is not None:
            await asyncio.to_thread(self._thread.join, 30)
            self._thread = None

    def stream(self, request: ChatRequest) -> AsyncIterator[str]:
        return self._stream(request)

    async def _stream(self, request: ChatRequest) -> AsyncIterator[str]:
        if self._thread is None or self._closed:
            raise GeneratorUnavailable("the model worker is not running")
        loop = asyncio.get_running_loop()
        inbox: asyncio.Queue[Any] = asyncio.Queue()
        timeout_s = min(request.deadline_s, self._config.request_timeout_s)
        config = self._config

        def deliver(item: Any) -> None:
            try:
                loop.call_soon_threadsafe(inbox.put_nowait, item)
            except RuntimeError:  # the loop has closed: nobody is listening any more
                pass

        job = Job(
            request=request,
            max_new_tokens=request.max_new_tokens or config.max_new_tokens,
            temperature=config.temperature if request.temperature is None else request.temperature,
            top_p=config.top_p if request.top_p is None else request.top_p,
            deadline=time.monotonic() + timeout_s,
            deliver=deliver,
        )
        for older in self._queue.push(job):  # GeneratorBusy propagates to the caller at once
            older.deliver(End(Superseded("a newer message from the same person replaced this")))
        deadline = loop.time() + timeout_s
        try:
            while True:
                try:
                    async with asyncio.timeout_at(deadline):
                        item = await inbox.get()
                except TimeoutError:
                    raise GenerationTimeout(
                        f"the reply did not finish within {timeout_s:g} s; "
                        "the model is slow or busy"
                    ) from None
                # join whatever else already arrived: fewer, larger chunks for the caller
                pieces: list[str] = []
                while isinstance(item, str):
                    pieces.append(item)
                    if inbox.empty():
                        item = None
                        break
                    item = inbox.get_nowait()
                if pieces:
                    yield "".join(pieces)
                if isinstance(item, End):
                    if item.error is not None:
                        raise item.error
                    return
        finally:
            # reached on completion, error, timeout, and when the consumer closes the stream
            job.cancelled = True
            self._queue.remove(job)
