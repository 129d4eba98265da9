"""Crisis assessment latency and throughput on one CPU core, over the shipped labelled messages."""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from bot.safety.assessor import CrisisAssessor
from bot.safety.data_io import read_labelled

_DATA = Path(__file__).parent / "data"
DEFAULT_ROUNDS = 5


def _pin_to_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def _latencies_ms(fn: Callable[[str], object], texts: list[str], rounds: int) -> list[float]:
    for text in texts:  # warm caches and lazy compiles
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


def run_crisis_benchmark(rounds: int | None = None) -> dict[str, object]:
    rounds = rounds or DEFAULT_ROUNDS
    pinning = _pin_to_one_core()
    texts = [m.text for f in ("train.jsonl", "heldout.jsonl") for m in read_labelled(_DATA / f)]
    start = time.perf_counter()
    assessor = CrisisAssessor()
    load_s = time.perf_counter() - start
    rules = _summary(_latencies_ms(assessor.assess_rules, texts, rounds))
    full = _summary(_latencies_ms(assessor.assess, texts, rounds))
    start = time.perf_counter()
    for text in texts:
        assessor.assess(text)
    throughput = len(texts) / (time.perf_counter() - start)
    return {
        "messages": len(texts),
        "cpu": pinning,
        "load_s": round(load_s, 3),
        "rules_only": rules,
        "full_assessment": full,
        "throughput_msgs_per_s": round(throughput, 1),
    }
