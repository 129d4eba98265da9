"""Fixtures: a fake Discord on 127.0.0.1 and the real Haven app (core, escalation, adapter)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.app import HavenApp, build_app
from bot.config import Settings
from bot.testing import EchoGenerator
from tests.adapters.discord.fake_discord import TOKEN, FakeDiscord


@dataclass
class World:
    """The fake Discord, the people in it, and a way to (re)start Haven against it."""

    fake: FakeDiscord
    settings: Settings
    generator: EchoGenerator
    moderator: dict[str, Any]
    bystander: dict[str, Any]  # a guild member without the moderator role
    member: dict[str, Any]  # someone who DMs the bot
    apps: list[HavenApp] = field(default_factory=list)
    clock: Callable[[], Any] | None = None  # None: the real time

    @property
    def app(self) -> HavenApp:
        return self.apps[-1]

    @property
    def dm(self) -> dict[str, Any]:
        return self.fake.dm_channel_for(self.member)

    @property
    def dm_messages_path(self) -> str:
        return f"/channels/{self.dm['id']}/messages"

    async def start(self) -> HavenApp:
        app = build_app(self.settings, generator=self.generator, clock=self.clock)
        self.apps.append(app)
        await app.start()
        return app

    async def restart(self) -> HavenApp:
        await self.app.stop()
        return await self.start()


async def eventually(check: Callable[[], Any], within: float = 5.0) -> Any:
    """Poll `check` until it returns something truthy (the bot works in background tasks)."""
    deadline = asyncio.get_running_loop().time() + within
    while True:
        result = check()
        if result:
            return result
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"condition not met within {within} s: {check}")
        await asyncio.sleep(0.02)


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = await FakeDiscord().start()
    yield server
    await server.stop()


@pytest.fixture
def discord_settings(make_settings: Any, fake: FakeDiscord) -> Callable[..., Settings]:
    def make(**discord: Any) -> Settings:
        section = {
            "token": TOKEN,
            "moderator_channel_id": int(fake.moderator_channel["id"]),
            "moderator_role_ids": [int(fake.moderator_role["id"])],
            "api_base": fake.api_base,
            "gateway_url": fake.gateway_url,
            **discord,
        }
        return make_settings(
            discord=section,
            safety={"use_classifier": False, "default_country": "GB"},
            escalation={"outbox_poll_s": 0.05, "retry_initial_s": 0.1, "retry_max_s": 0.5},
        )

    return make


@pytest.fixture
async def world(
    fake: FakeDiscord, discord_settings: Callable[..., Settings]
) -> AsyncIterator[World]:
    logging.getLogger("discord").setLevel(logging.WARNING)
    world = World(
        fake=fake,
        settings=discord_settings(),
        generator=EchoGenerator(),
        moderator=fake.member("sam", moderator=True),
        bystander=fake.member("bob"),
        member=fake.user("alex"),
    )
    await world.start()
    try:
        yield world
    finally:
        for app in world.apps:
            await app.stop()
