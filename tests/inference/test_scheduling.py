"""The bounded fair queue: backpressure, fairness, priority and supersession."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest

from inference.api import ChatMessage, ChatRequest, GeneratorBusy
from inference.scheduling import FairQueue, Job


def job(requester: str, priority: int = 0, text: str = "hi") -> Job:
    request = ChatRequest([ChatMessage("user", text)], requester=requester, priority=priority)
    delivered: list[Any] = []
    return Job(request, 8, 0.0, 1.0, time.monotonic() + 60, delivered.append)


def test_full_queue_refuses_at_once() -> None:
    queue = FairQueue(capacity=2, supersede=False)
    queue.push(job("a"))
    queue.push(job("b"))
    started = time.monotonic()
    with pytest.raises(GeneratorBusy):
        queue.push(job("c"))
    assert time.monotonic() - started < 0.1
    assert len(queue) == 2


def test_one_users_burst_does_not_starve_others() -> None:
    queue = FairQueue(capacity=64, supersede=False)
    for i in range(10):
        queue.push(job("burst", text=str(i)))
    queue.push(job("quiet-1"))
    queue.push(job("quiet-2"))
    batch = queue.take_batch(max_size=4, max_wait_s=0)
    assert [j.requester for j in batch] == ["burst", "quiet-1", "quiet-2", "burst"]
    assert [j.request.messages[0].content for j in batch if j.requester == "burst"] == ["0", "1"]


def test_higher_priority_is_served_first() -> None:
    queue = FairQueue(capacity=64, supersede=False)
    queue.push(job("a"))
    queue.push(job("b", priority=5))
    assert [j.requester for j in queue.take_batch(1, 0)] == ["b"]


def test_newer_request_supersedes_the_queued_one() -> None:
    queue = FairQueue(capacity=2, supersede=True)
    older = job("a", text="first")
    queue.push(older)
    queue.push(job("b"))
    newer = job("a", text="second")
    assert queue.push(newer) == [older]  # also accepted although the queue was full
    batch = queue.take_batch(8, 0)
    assert older not in batch and newer in batch


def test_batch_waits_briefly_for_company() -> None:
    queue = FairQueue(capacity=64, supersede=False)
    queue.push(job("a"))
    threading.Timer(0.05, lambda: queue.push(job("b"))).start()
    batch = queue.take_batch(max_size=2, max_wait_s=1.0)
    assert {j.requester for j in batch} == {"a", "b"}


def test_batch_does_not_wait_past_max_wait() -> None:
    queue = FairQueue(capacity=64, supersede=False)
    queue.push(job("a"))
    started = time.monotonic()
    assert len(queue.take_batch(max_size=8, max_wait_s=0.05)) == 1
    assert time.monotonic() - started < 0.5


def test_close_wakes_the_scheduler_and_returns_waiting_jobs() -> None:
    queue = FairQueue(capacity=64, supersede=False)
    result: list[list[Job]] = []
    waiter = threading.Thread(target=lambda: result.append(queue.take_batch(4, 0)))
    waiter.start()
    time.sleep(0.02)
    assert queue.close() == []
    waiter.join(2)
    assert result == [[]]
