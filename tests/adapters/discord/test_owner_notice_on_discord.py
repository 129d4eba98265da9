"""Owner notices on Discord: the real app and discord.py against the fake Discord, with a clock
the test moves. Owners get one DM once a case has waited past its deadline; without reachable
owners the notice goes to the moderator channel, mentioning the server owner."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.config import Settings
from bot.testing import EchoGenerator
from tests.adapters.discord.conftest import World, eventually
from tests.adapters.discord.fake_discord import FakeDiscord
from tests.adapters.discord.test_haven_on_discord import CRISIS, case_of, crisis_alert
from tests.conftest import Clock

QUIET_S = 0.4  # several outbox passes (every 0.05 s): long enough to see nothing happen


@pytest.fixture
async def owned_world(
    fake: FakeDiscord, discord_settings: Callable[..., Settings], request: pytest.FixtureRequest
) -> AsyncIterator[World]:
    """A world whose guild has an owner and whose clock the test moves; owners DMed if listed."""
    logging.getLogger("discord").setLevel(logging.WARNING)
    owner = fake.member("olivia")
    fake.guild_owner_id = owner["id"]
    dm_owners = getattr(request, "param", True)
    world = World(
        fake=fake,
        settings=discord_settings(owner_user_ids=[int(owner["id"])] if dm_owners else []),
        generator=EchoGenerator(),
        moderator=fake.member("sam", moderator=True),
        bystander=owner,
        member=fake.user("alex"),
        clock=Clock(datetime.now(UTC)),
    )
    await world.start()
    try:
        yield world
    finally:
        for app in world.apps:
            await app.stop()


def _owner(world: World) -> dict[str, Any]:
    return world.bystander


def _owner_dms(world: World) -> list[str]:
    dm = world.fake.dm_channels.get(_owner(world)["id"])
    return [] if dm is None else [m["content"] for m in world.fake.sent_to(dm["id"])]


def _clock(world: World) -> Clock:
    assert isinstance(world.clock, Clock)
    return world.clock


async def test_the_owner_is_dmed_once_after_the_deadline_with_a_link(owned_world: World) -> None:
    world, fake = owned_world, owned_world.fake
    alert = await crisis_alert(world)
    case_id = case_of(alert)

    _clock(world).advance(minutes=59)  # an L3: the owners hear after an hour
    await asyncio.sleep(QUIET_S)
    assert _owner_dms(world) == []

    _clock(world).advance(minutes=1)
    [text] = await eventually(lambda: _owner_dms(world))
    assert f"case #{case_id}" in text and "L3" in text and "1 hour" in text
    channel = fake.moderator_channel["id"]
    alert_ids = [m["id"] for m in fake.sent_to(channel)]
    links = [f"https://discord.com/channels/{fake.guild_id}/{channel}/{i}" for i in alert_ids]
    assert any(link in text for link in links)  # a jump to the alert
    assert f"<#{channel}>" in text
    assert CRISIS not in text and "alex" not in text.lower()  # nothing about the person

    _clock(world).advance(hours=3)
    await asyncio.sleep(QUIET_S)
    assert len(_owner_dms(world)) == 1  # once per case


async def test_a_claimed_case_tells_no_owner(owned_world: World) -> None:
    world, fake = owned_world, owned_world.fake
    alert = await crisis_alert(world)
    await fake.click(world.moderator, alert, f"haven:case:{case_of(alert)}:claim")
    await eventually(lambda: fake.threads())

    _clock(world).advance(hours=2)
    await asyncio.sleep(QUIET_S)
    assert _owner_dms(world) == []


async def test_a_failing_dm_is_retried_and_delivered_once_after_a_restart(
    owned_world: World,
) -> None:
    world, fake = owned_world, owned_world.fake
    dm = fake.dm_channel_for(_owner(world))
    path = f"/channels/{dm['id']}/messages"
    fake.fail("POST", path, 503, {"message": "Service Unavailable", "code": 0}, times=1000)
    await crisis_alert(world)

    _clock(world).advance(hours=1)
    await eventually(lambda: fake.posts(path))
    _clock(world).advance(seconds=1)  # past the retry backoff
    await eventually(lambda: len(fake.posts(path)) >= 2)  # tried, failed, tried again
    assert _owner_dms(world) == []

    await world.restart()  # the pending notice is in the outbox, not in this process
    fake.failures.clear()
    _clock(world).advance(minutes=5)
    await eventually(lambda: _owner_dms(world))
    await asyncio.sleep(QUIET_S)
    assert len(_owner_dms(world)) == 1


@pytest.mark.parametrize("owned_world", [False], indirect=True)
async def test_without_owners_the_server_owner_is_mentioned_in_the_moderator_channel(
    owned_world: World,
) -> None:
    world, fake = owned_world, owned_world.fake
    alert = await crisis_alert(world)
    channel = fake.moderator_channel["id"]

    _clock(world).advance(hours=1)
    owner_id = _owner(world)["id"]
    notice = await eventually(
        lambda: next((m for m in fake.sent_to(channel) if f"<@{owner_id}>" in m["content"]), None)
    )
    assert f"case #{case_of(alert)}" in notice["content"]
    assert "discord.owner_user_ids" in notice["content"]
    call = next(
        c
        for c in fake.posts(f"/channels/{channel}/messages")
        if f"<@{owner_id}>" in c.body["content"]
    )
    assert call.body["allowed_mentions"]["users"] == [int(owner_id)]  # pings the owner, nobody else
    assert str(call.body["message_reference"]["message_id"]) in {
        m["id"] for m in fake.sent_to(channel)
    }
    assert _owner_dms(world) == []


async def test_an_owner_whose_dms_are_closed_gets_the_notice_in_the_channel(
    owned_world: World,
) -> None:
    world, fake = owned_world, owned_world.fake
    fake.closed_dms.add(_owner(world)["id"])
    await crisis_alert(world)
    channel = fake.moderator_channel["id"]

    _clock(world).advance(hours=1)
    notice = await eventually(
        lambda: next((m for m in fake.sent_to(channel) if "owner_user_ids" in m["content"]), None)
    )
    assert "could be reached by DM" in notice["content"]
