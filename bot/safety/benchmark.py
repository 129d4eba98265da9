"""Crisis assessment latency and throughput on one CPU core, over the shipped labelled messages."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bot.safety.assessor import CrisisAssessor
from bot.safety.combine import rule_verdict
from bot.safety.data_io import read_labelled

_DATA = Path(__file__).parent / "data"
DEFAULT_ROUNDS = 5
# The training split grew past 8,000 lines; an evenly spread 4,000 keeps a run near 3 minutes.
DEFAULT_MESSAGES = 4000
_WARM_UP = 300


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        try:  # the fine-tuned encoder runs on torch: one core means one intra-op thread
            import torch

            torch.set_num_threads(1)
        except ImportError:
            pass
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def _latencies_ms(fn: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    for text in texts:  # warm lazy compiles
        fn(text)
    out: list[float] = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            fn(text)
            out.append((time.perf_counter() - start) * 1000)
    return out


def _summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "mean_ms": round(statistics.fmean(ordered), 4),
        "p50_ms": round(ordered[len(ordered) // 2], 4),
        "p95_ms": round(ordered[int(len(ordered) * 0.95)], 4),
        "max_ms": round(ordered[-1], 4),
    }


def run_crisis_benchmark(
    rounds: int | None = None, messages: int | None = None
) -> dict[str, object]:
    """``messages``: time an evenly spread sample of that many (default 4,000) of the split."""
    rounds = rounds or DEFAULT_ROUNDS
    messages = messages or DEFAULT_MESSAGES
    pinning = _pin_to_one_core()
    # The training split only: the held-out sets stay unread outside `haven crisis eval`.
    labelled = [m.text for m in read_labelled(_DATA / "train.jsonl")]
    texts = list(dict.fromkeys(labelled))  # unique: the assessor remembers texts it has seen
    if messages and messages < len(texts):
        step = len(texts) / messages  # spread over the file: its batches differ in kind
        texts = [texts[int(i * step)] for i in range(messages)]
    start = time.perf_counter()
    assessor = CrisisAssessor()
    load_s = time.perf_counter() - start
    # The assessor remembers verdicts, so time the rules themselves, uncached.
    rules = _summary(_latencies_ms(rule_verdict, texts, rounds))
    for text in texts[:_WARM_UP]:  # warm regex, numpy, hashing and torch code paths
        assessor.assess(text)
    full: list[float] = []
    elapsed = 0.0
    for _ in range(rounds):
        assessor.forget()  # a cold cache, so every message is really assessed
        for text in texts:
            begin = time.perf_counter()
            assessor.assess(text)
            took = time.perf_counter() - begin
            full.append(took * 1000)
            elapsed += took
    return {
        "messages": len(texts),
        "rounds": rounds,
        "cpu": pinning,
        "load_s": round(load_s, 3),
        "encoder": assessor.uses_encoder,
        "rules_only": rules,
        "full_assessment": _summary(full),
        "throughput_msgs_per_s": round(len(full) / elapsed, 1),
    }
