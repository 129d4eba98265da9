"""Owners are told once when a case stays unclaimed (safety.md requirement 15), through the
outbox: after the level's deadline and not before, never for a claimed case, retried through an
outage and delivered by the next process after a restart."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.config import ConfigError, EscalationSettings
from bot.escalation.delivery import OWNER_NOTICE
from bot.escalation.outbox import owner_notice_deadline, owner_notice_due, unclaimed_since
from bot.ports import OwnerNotice
from bot.safety.levels import Assessment, RiskLevel
from storage.cases import DELIVERED, PENDING, SKIPPED
from tests.bot.escalation.conftest import DISCORD_MOD, World
from tests.bot.escalation.recording import RecordingModeratorChannel

L3 = Assessment(RiskLevel.ACTIVE, 0.9, ("rule:intent",))
L4 = Assessment(RiskLevel.IMMINENT, 0.97, ("rule:means",))
CHANNELS = ("discord", "telegram")


async def _open_case(world: World, assessment: Assessment = L4) -> int:
    assert world.service is not None
    person = await world.person()
    return await world.service.report_risk(
        user_id=person.id, assessment=assessment, resources_sent=True, country="GB"
    )


def _notices(world: World, name: str) -> list[OwnerNotice]:
    notices: list[OwnerNotice] = world.channels[name].owner_notices
    return notices


async def _owner_items(world: World, case_id: int) -> list[tuple[str, str]]:
    assert world.service is not None
    items = await world.service.store.items_for(case_id)
    return [(i.channel, i.status) for i in items if i.kind == OWNER_NOTICE]


async def test_an_unclaimed_l4_tells_the_owners_once_after_fifteen_minutes(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.run_due()

    for step in (timedelta(minutes=5), timedelta(minutes=5), timedelta(minutes=4, seconds=59)):
        world.clock.advance(seconds=step.total_seconds())
        await service.run_due()
    assert all(_notices(world, name) == [] for name in CHANNELS)

    world.clock.advance(seconds=1)
    await service.run_due()
    for name in CHANNELS:
        [notice] = _notices(world, name)
        assert (notice.case_id, notice.level, notice.unclaimed_minutes) == (
            case_id,
            RiskLevel.IMMINENT,
            15,
        )
        assert notice.page_count == 3  # re-paged at 5, 10 and 15 minutes
        # The link goes to a page of this case (the newest one delivered when the notice left).
        assert notice.alert_ref in [ref for ref, _ in world.channels[name].posted]

    for _ in range(4):  # an hour more, still unclaimed: the owners are not told again
        world.clock.advance(minutes=15)
        await service.run_due()
    assert [len(_notices(world, name)) for name in CHANNELS] == [1, 1]
    actions = [e.action for e in await service.store.events(case_id)]
    assert actions.count("owner_notice") == 1 and actions.count("repage") == 7
    assert sorted(await _owner_items(world, case_id)) == [
        ("owners:discord", DELIVERED),
        ("owners:telegram", DELIVERED),
    ]


async def test_a_case_claimed_in_time_tells_no_owner(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.run_due()
    world.clock.advance(minutes=4)
    assert (await service.claim(case_id, DISCORD_MOD)).ok

    world.clock.advance(hours=2)
    await service.run_due()

    assert all(_notices(world, name) == [] for name in CHANNELS)
    assert await _owner_items(world, case_id) == []


async def test_a_notice_still_waiting_when_the_case_is_claimed_is_dropped(world: World):
    service = world.service
    assert service is not None
    discord = world.channels["discord"]
    discord.fail_owner_notices = 1
    case_id = await _open_case(world)
    world.clock.advance(minutes=15)
    await service.run_due()
    assert _notices(world, "discord") == [] and len(_notices(world, "telegram")) == 1

    assert (await service.claim(case_id, DISCORD_MOD)).ok
    world.clock.advance(seconds=5)
    await service.run_due()

    assert _notices(world, "discord") == []  # a moderator has it now: no stale notice
    assert dict(await _owner_items(world, case_id))["owners:discord"] == SKIPPED


async def test_a_failing_owner_notice_is_retried_and_survives_a_restart(world: World):
    service = world.service
    assert service is not None
    world.channels["discord"].fail_owner_notices = 100
    case_id = await _open_case(world)
    world.clock.advance(minutes=15)

    first = await service.run_due()
    assert first.failed == 1 and len(_notices(world, "telegram")) == 1
    world.clock.advance(seconds=2)
    assert (await service.run_due()).failed == 1  # retried with backoff ...
    summary = (await service.store.list_cases())[0]
    assert "cannot reach the owners" in (summary.delivery.last_error or "")

    service = await world.restart()  # ... and by the next process, which queues nothing new
    world.channels["discord"] = RecordingModeratorChannel("discord")
    world.clock.advance(seconds=4)
    await service.run_due()
    world.clock.advance(minutes=30)
    await service.run_due()

    [notice] = _notices(world, "discord")
    assert notice.case_id == case_id and notice.unclaimed_minutes == 15
    assert len(_notices(world, "telegram")) == 1
    assert sorted(await _owner_items(world, case_id)) == [
        ("owners:discord", DELIVERED),
        ("owners:telegram", DELIVERED),
    ]


async def test_owners_hear_even_when_the_alerts_cannot_be_posted(world: World):
    service = world.service
    assert service is not None
    world.channels["discord"].fail_next = 1000  # the moderator channel is broken
    await _open_case(world)
    for _ in range(15):
        world.clock.advance(minutes=1)
        await service.run_due()

    [notice] = _notices(world, "discord")  # not stuck behind the failing alert
    assert notice.alert_ref is None  # nothing to link to: the alert never got through
    assert world.channels["discord"].posted == []


async def test_l3_owners_are_told_after_an_hour(world: World):
    service = world.service
    assert service is not None
    await _open_case(world, L3)
    world.clock.advance(minutes=59)
    await service.run_due()
    assert _notices(world, "telegram") == []
    world.clock.advance(minutes=1)
    await service.run_due()
    [notice] = _notices(world, "telegram")
    assert notice.level is RiskLevel.ACTIVE and notice.unclaimed_minutes == 60


async def test_l3_owner_notices_can_be_turned_off(world: World):
    service = world.service
    assert service is not None
    world.settings.escalation.l3_owner_notice_minutes = 0
    await _open_case(world, L3)
    world.clock.advance(hours=6)
    await service.run_due()
    assert all(_notices(world, name) == [] for name in CHANNELS)


async def test_a_release_starts_the_wait_again(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    world.clock.advance(minutes=2)
    await service.claim(case_id, DISCORD_MOD)
    world.clock.advance(minutes=18)
    assert (await service.release(case_id, DISCORD_MOD)).ok  # 20 minutes after opening

    world.clock.advance(minutes=14)
    await service.run_due()
    assert _notices(world, "discord") == []
    world.clock.advance(minutes=1)
    await service.run_due()
    [notice] = _notices(world, "discord")
    assert notice.unclaimed_minutes == 15  # counted from the release, not the opening


async def test_a_case_raised_to_l4_after_its_deadline_tells_the_owners_at_once(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world, L3)
    world.clock.advance(minutes=20)
    await service.run_due()
    assert _notices(world, "discord") == []  # L3: an hour

    assert await _open_case(world, L4) == case_id  # now imminent, still nobody on it
    await service.run_due()
    [notice] = _notices(world, "discord")
    assert notice.level is RiskLevel.IMMINENT and notice.unclaimed_minutes == 20


async def test_a_notice_waits_for_a_channel_that_is_not_connected(world: World):
    service = world.service
    assert service is not None
    telegram = world.channels.pop("telegram")
    world.settings.telegram.moderator_chat_id = -100  # configured, adapter not started yet
    case_id = await _open_case(world)
    world.clock.advance(minutes=15)
    await service.run_due()
    assert dict(await _owner_items(world, case_id))["owners:telegram"] == PENDING

    world.channels["telegram"] = telegram
    await service.run_due()
    assert len(telegram.owner_notices) == 1


def test_a_notice_carries_nothing_about_the_person():
    names = {f.name for f in fields(OwnerNotice)}
    assert names.isdisjoint({"user_id", "user_handle", "user_platform", "trigger", "country"})


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (RiskLevel.PASSIVE, None),
        (RiskLevel.ACTIVE, timedelta(minutes=60)),
        (RiskLevel.IMMINENT, timedelta(minutes=15)),
    ],
)
def test_owner_notice_deadlines_by_level(level: RiskLevel, expected: timedelta | None):
    assert owner_notice_deadline(level, EscalationSettings()) == expected


def test_the_wait_counts_from_the_later_of_opening_and_release():
    opened = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    released = opened + timedelta(minutes=20)
    assert unclaimed_since(opened, None) == opened
    assert unclaimed_since(opened, released) == released
    settings = EscalationSettings(owner_notice_minutes=10)
    assert not owner_notice_due(4, released, released + timedelta(minutes=9), settings)
    assert owner_notice_due(4, released, released + timedelta(minutes=10), settings)


@pytest.mark.parametrize(
    ("sections", "key"),
    [
        ({"escalation": {"owner_notice_minutes": 0}}, "escalation.owner_notice_minutes"),
        ({"escalation": {"l3_owner_notice_minutes": -1}}, "escalation.l3_owner_notice_minutes"),
        ({"discord": {"owner_user_ids": [-5]}}, "discord.owner_user_ids"),
        ({"telegram": {"owner_chat_ids": [0]}}, "telegram.owner_chat_ids"),
    ],
)
def test_bad_owner_settings_give_one_line_naming_the_key(
    make_settings: Any, sections: dict[str, Any], key: str
):
    with pytest.raises(ConfigError) as raised:
        make_settings(**sections)
    message = str(raised.value)
    assert message.startswith(key) and "\n" not in message
