"""Honours Telegram's flood control: a 429 with `retry_after` pauses requests to that chat for
that long and then retries, so no reply or alert is lost to a rate limit.

The pause is per chat (Telegram's limits are per chat, plus a global one that also answers with
`retry_after`), so a busy moderator group never delays a crisis reply to someone else.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import warnings
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

JSONResult = bool | dict[str, Any] | list[dict[str, Any]]
_GLOBAL = "*"


def retry_after_seconds(exc: RetryAfter) -> float:
    """`retry_after` as seconds on every PTB 22.x (int or timedelta, with a deprecation warning)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    if isinstance(value, dtm.timedelta):
        return value.total_seconds()
    return float(value)


class RetryAfterLimiter(BaseRateLimiter[int]):
    """Waits out `retry_after` and retries, up to `max_retries` times per request."""

    def __init__(
        self,
        max_retries: int = 5,
        *,
        sleep: Callable[[float], Coroutine[Any, Any, None]] = asyncio.sleep,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self._max_retries = max_retries
        self._sleep = sleep
        self._clock = clock
        self._paused_until: dict[object, float] = {}
        self.retries = 0

    def _now(self) -> float:
        return self._clock() if self._clock is not None else asyncio.get_running_loop().time()

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        self._paused_until.clear()

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSONResult]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSONResult:
        if endpoint == "getUpdates":  # the Updater has its own back-off for polling
            return await callback(*args, **kwargs)
        chat = data.get("chat_id", _GLOBAL)
        max_retries = rate_limit_args if rate_limit_args is not None else self._max_retries
        for attempt in range(max_retries + 1):
            await self._wait_for(chat)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                if attempt == max_retries:
                    log.error(
                        "Telegram flood control: gave up on %s after %d tries",
                        endpoint,
                        attempt + 1,
                    )
                    raise
                pause = retry_after_seconds(exc) + 0.05
                self.retries += 1
                log.warning(
                    "Telegram flood control on %s: waiting %.1fs and retrying", endpoint, pause
                )
                self._paused_until[chat] = max(
                    self._paused_until.get(chat, 0.0), self._now() + pause
                )
        raise AssertionError("unreachable")

    async def _wait_for(self, chat: object) -> None:
        for key in (_GLOBAL, chat):
            until = self._paused_until.get(key)
            if until is None:
                continue
            delay = until - self._now()
            if delay > 0:
                await self._sleep(delay)
            elif self._paused_until.get(key) == until:
                del self._paused_until[key]  # expired: keep the map small
