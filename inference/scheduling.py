"""The bounded, fair request queue between the event loop and the generation thread.

Requests wait here until the scheduler thread takes a batch. Higher priority goes first; within
a priority, requesters take turns (round robin over each one's oldest request), so one user's
burst cannot starve the others. A requester's newer request can supersede their queued one.
"""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from inference.api import ChatRequest, GeneratorBusy


@dataclass(eq=False)
class Job:
    """One request's life between `stream()` and its last chunk; shared by both threads."""

    request: ChatRequest
    max_new_tokens: int
    temperature: float
    top_p: float
    deadline: float  # time.monotonic() after which the request has failed
    deliver: Callable[[Any], None]  # thread-safe: hands a chunk or an end marker to the consumer
    enqueued_at: float = field(default_factory=time.monotonic)
    seq: int = 0
    cancelled: bool = False  # set by the consumer side; read by the generation thread
    started: bool = False
    # a job paused so newcomers could join keeps its place: prompt + reply so far, and state
    resume_ids: list[int] | None = None
    generated: int = 0
    decoder: Any = None

    @property
    def requester(self) -> str:
        return self.request.requester


class FairQueue:
    """Thread-safe; `push` never blocks (a full queue raises GeneratorBusy at once)."""

    def __init__(self, capacity: int, supersede: bool) -> None:
        self._capacity = capacity
        self._supersede = supersede
        self._jobs: list[Job] = []
        self._cond = threading.Condition()
        self._seq = itertools.count()
        self._closed = False

    def __len__(self) -> int:
        with self._cond:
            return len(self._jobs)

    def push(self, job: Job) -> list[Job]:
        """Queue `job`; returns the requester's older queued jobs that it superseded."""
        with self._cond:
            superseded: list[Job] = []
            if self._supersede:  # never one already answering: its text may be on screen
                superseded = [
                    j for j in self._jobs if j.requester == job.requester and not j.started
                ]
            if len(self._jobs) - len(superseded) >= self._capacity:
                raise GeneratorBusy(
                    f"the model queue is full ({self._capacity} waiting); try again shortly"
                )
            if superseded:
                self._jobs = [j for j in self._jobs if j not in superseded]
            job.seq = next(self._seq)
            self._jobs.append(job)
            self._cond.notify_all()
            return superseded

    def requeue(self, jobs: list[Job]) -> None:
        """Put paused jobs back; they keep their age, so they lead the next batch."""
        with self._cond:
            if self._closed:
                return
            self._jobs.extend(jobs)
            self._cond.notify_all()

    def remove(self, job: Job) -> bool:
        """Take a job out if it is still waiting (its consumer went away)."""
        with self._cond:
            if job in self._jobs:
                self._jobs.remove(job)
                return True
            return False

    def close(self) -> list[Job]:
        """Wake the scheduler for good; returns the jobs that were still waiting."""
        with self._cond:
            self._closed = True
            left, self._jobs = self._jobs, []
            self._cond.notify_all()
            return left

    def take_batch(self, max_size: int, max_wait_s: float) -> list[Job]:
        """Block until work exists, wait up to `max_wait_s` after the oldest arrival for company,
        then take up to `max_size` jobs in fair order. Returns [] once closed."""
        with self._cond:
            while True:
                while not self._jobs and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return []
                if len(self._jobs) >= max_size:
                    break
                oldest = min(j.enqueued_at for j in self._jobs)
                remaining = oldest + max_wait_s - time.monotonic()
                if remaining <= 0:
                    break
                self._cond.wait(remaining)
            batch = fair_order(self._jobs)[:max_size]
            taken = set(map(id, batch))
            self._jobs = [j for j in self._jobs if id(j) not in taken]
            for job in batch:
                job.started = True
            return batch


def fair_order(jobs: list[Job]) -> list[Job]:
    """Priority first; within a priority, one job per requester per round, oldest first."""
    ordered: list[Job] = []
    by_priority: dict[int, list[Job]] = {}
    for job in sorted(jobs, key=lambda j: j.seq):
        by_priority.setdefault(job.request.priority, []).append(job)
    for priority in sorted(by_priority, reverse=True):
        rounds: dict[str, list[Job]] = {}
        for job in by_priority[priority]:
            rounds.setdefault(job.requester, []).append(job)
        queues = sorted(rounds.values(), key=lambda js: js[0].seq)
        for depth in range(max(map(len, queues))):
            ordered.extend(q[depth] for q in queues if depth < len(q))
    return ordered
