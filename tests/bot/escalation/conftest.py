"""Fixtures for escalation tests: a migrated SQLite file, recording channels, a service factory."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bot.escalation.service import EscalationService
from bot.ports import Actor
from storage.crypto import TextCipher, decode_key, generate_key
from storage.db import create_engine, sessionmaker, upgrade
from storage.repository import ConversationStore, UserRecord
from tests.bot.escalation.recording import RecordingMessenger, RecordingModeratorChannel

DISCORD_MOD = Actor("discord", "111", "Sam")
DISCORD_ROLE_MOD = Actor("discord", "333", "Robin", frozenset({"999"}))
TELEGRAM_MOD = Actor("telegram", "222", "Alex")
STRANGER = Actor("discord", "444", "Mallory")


@dataclass
class World:
    """Everything a test drives: the service, its fakes and a conversation store on one file."""

    db_url: str
    cipher: TextCipher
    settings: Any
    clock: Any
    channels: dict[str, Any] = field(default_factory=dict)
    messengers: dict[str, Any] = field(default_factory=dict)
    engines: list[Any] = field(default_factory=list)
    services: list[EscalationService] = field(default_factory=list)
    conversations: ConversationStore | None = None
    service: EscalationService | None = None

    async def open(self) -> EscalationService:
        """Build a service on the database, as a fresh process would after a restart."""
        engine = create_engine(self.db_url)
        await upgrade(engine)
        self.engines.append(engine)
        sessions = sessionmaker(engine)
        self.conversations = ConversationStore(sessions, self.cipher)
        self.service = EscalationService(
            sessions=sessions,
            cipher=self.cipher,
            settings=self.settings,
            clock=self.clock,
            channels=self.channels,
            messengers=self.messengers,
        )
        self.services.append(self.service)
        return self.service

    async def restart(self) -> EscalationService:
        assert self.service is not None
        await self.service.stop()
        await self.engines[-1].dispose()
        return await self.open()

    async def person(self, name: str = "bob", platform: str = "discord") -> UserRecord:
        assert self.conversations is not None
        return await self.conversations.get_or_create_user(
            platform, f"id-{name}", now=self.clock(), handle=name, chat_id=f"dm-{name}"
        )

    async def close(self) -> None:
        for service in self.services:
            await service.stop()
        for engine in self.engines:
            await engine.dispose()


@pytest.fixture
async def world(tmp_path: Path, clock: Any, make_settings: Any) -> AsyncIterator[World]:
    settings = make_settings(
        discord={"moderator_user_ids": [111], "moderator_role_ids": [999]},
        telegram={"moderator_user_ids": [222]},
        safety={"default_country": "GB"},
    )
    w = World(
        db_url=f"sqlite+aiosqlite:///{tmp_path / 'cases.db'}",
        cipher=TextCipher(decode_key(generate_key())),
        settings=settings,
        clock=clock,
        channels={
            "discord": RecordingModeratorChannel("discord"),
            "telegram": RecordingModeratorChannel("telegram"),
        },
        messengers={
            "discord": RecordingMessenger("discord"),
            "telegram": RecordingMessenger("telegram"),
        },
    )
    await w.open()
    yield w
    await w.close()
