"""The worker on a CUDA GPU: bf16 batches and 4-bit loading; skipped with the reason elsewhere."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import torch

from inference.api import ChatMessage, ChatRequest
from inference.bnb_probe import probe_bitsandbytes
from inference.local import LocalGenerator
from tests.inference.conftest import tiny_config

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs a CUDA GPU; none is visible"),
]


def chat(i: int) -> ChatRequest:
    messages = [ChatMessage("system", "You are kind."), ChatMessage("user", f"hello {i} " * i)]
    return ChatRequest(messages, requester=f"u{i}")


async def test_worker_batches_on_cuda_in_bf16(tiny_dir: Path) -> None:
    gen = LocalGenerator(tiny_config(tiny_dir, device="cuda", max_wait_ms=200))
    await gen.start()
    try:
        assert gen.loaded is not None and gen.loaded.dtype == torch.bfloat16  # dtype auto
        replies = await asyncio.gather(*(_collect(gen, chat(i)) for i in range(1, 9)))
        assert all(replies) and gen.stats.largest_batch > 1
    finally:
        await gen.close()


async def test_four_bit_qlora_on_cuda(tiny_dir: Path, adapter_dir: Path) -> None:
    usable, reason = probe_bitsandbytes("cuda:0", 4)
    assert usable, reason
    config = tiny_config(tiny_dir, device="cuda", quantization="4bit", adapter=str(adapter_dir))
    gen = LocalGenerator(config)
    await gen.start()
    try:
        assert await _collect(gen, chat(3))
    finally:
        await gen.close()


async def _collect(gen: LocalGenerator, request: ChatRequest) -> str:
    return "".join([piece async for piece in gen.stream(request)])
