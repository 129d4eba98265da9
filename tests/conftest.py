"""Fixtures shared by the whole suite: settings on a temporary SQLite file, a clock."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings, load_settings
from storage.crypto import TextCipher, decode_key, generate_key
from storage.db import create_engine, sessionmaker, upgrade
from storage.message_log import MessageLog
from storage.repository import ConversationStore


class Clock:
    """A controllable clock: tests move time instead of sleeping."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 22, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Settings with the database and key in tmp_path; keyword sections override."""
    for name in list(__import__("os").environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)

    def make(**sections: Any) -> Settings:
        sections.setdefault("storage", {})
        sections["storage"] = {
            "url": f"sqlite+aiosqlite:///{tmp_path / 'haven.db'}",
            **sections["storage"],
        }
        sections.setdefault("model", {"backend": "none"})
        return load_settings(None, **sections)

    return make


@pytest.fixture
async def engine(tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'store.db'}")
    await upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def store(engine: AsyncEngine) -> ConversationStore:
    return ConversationStore(sessionmaker(engine), TextCipher(decode_key(generate_key())))


@pytest.fixture
async def message_log(engine: AsyncEngine, store: ConversationStore) -> AsyncIterator[MessageLog]:
    log = MessageLog(engine, store.cipher)
    await log.start()
    yield log
    await log.close()
