"""Fixtures: a fake Bot API server per test, and settings that point Haven at it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
import pytest_asyncio

from bot.config import Settings, TelegramSettings
from tests.adapters.telegram.fake_bot_api import FakeBotApi

TOKEN = "123456:TEST-TOKEN_abc"
GROUP_ID = -1001234567890
MODERATOR_ID = 501
ALICE = FakeBotApi.person(111, "Alice", "alice")
BOB = FakeBotApi.person(222, "Bob")
SAM = FakeBotApi.person(MODERATOR_ID, "Sam", "sam_mod")  # a configured moderator
EVE = FakeBotApi.person(666, "Eve", "eve")  # in the moderator group, but not a moderator


@pytest.fixture(autouse=True)
def _no_proxy_for_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    # httpx (inside python-telegram-bot) honours proxy variables; the fake is on loopback.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest_asyncio.fixture
async def fake() -> AsyncIterator[FakeBotApi]:
    server = FakeBotApi(token=TOKEN)
    await server.start()
    server.add_group(GROUP_ID)
    try:
        yield server
    finally:
        await server.stop()


def telegram_settings(fake: FakeBotApi, **overrides: Any) -> TelegramSettings:
    values: dict[str, Any] = {
        "token": TOKEN,
        "base_url": fake.base_url,
        "base_file_url": fake.base_file_url,
        "moderator_chat_id": GROUP_ID,
        "moderator_user_ids": [MODERATOR_ID],
        "poll_timeout_s": 2,
    }
    values.update(overrides)
    return TelegramSettings(**values)


@pytest.fixture
def make_settings(tmp_path: Any) -> Any:
    def make(fake: FakeBotApi, **telegram: Any) -> Settings:
        return Settings(
            telegram=telegram_settings(fake, **telegram),
            storage={"url": f"sqlite+aiosqlite:///{tmp_path / 'haven.db'}"},
            model={"backend": "none"},
            safety={"use_classifier": False, "default_country": "GB"},
            escalation={"outbox_poll_s": 0.05, "retry_initial_s": 0.2},
        )

    return make
