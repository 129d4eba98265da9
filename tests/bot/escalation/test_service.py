"""The escalation service end to end through recording moderator channels and a moved clock."""

from __future__ import annotations

import asyncio

from sqlalchemy import select

from bot.escalation import relay
from bot.escalation.cases import Outcome
from bot.events import ReplyKind
from bot.ports import CaseStatus
from bot.safety.levels import Assessment, RiskLevel
from storage.models import Message
from tests.bot.escalation.conftest import (
    DISCORD_MOD,
    DISCORD_ROLE_MOD,
    STRANGER,
    TELEGRAM_MOD,
    World,
)

L3 = Assessment(RiskLevel.ACTIVE, 0.9, ("rule:intent", "clf:0.93"))
L4 = Assessment(RiskLevel.IMMINENT, 0.97, ("rule:means",))


async def _open_case(world: World, name: str = "bob", assessment: Assessment = L3) -> int:
    assert world.service is not None
    person = await world.person(name)
    return await world.service.report_risk(
        user_id=person.id, assessment=assessment, resources_sent=True, country="GB"
    )


async def test_crisis_opens_one_case_and_delivers_one_alert_per_channel(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    again = await _open_case(world)  # a second L3 message from the same person
    report = await service.run_due()

    assert again == case_id
    assert report.delivered == 2 and report.failed == 0
    for name in ("discord", "telegram"):
        posted = world.channels[name].posted
        assert len(posted) == 1
        alert = posted[0][1]
        assert (alert.case_id, alert.level, alert.trigger) == (
            case_id,
            RiskLevel.ACTIVE,
            "rule:intent",
        )
        assert (alert.user_platform, alert.user_handle, alert.country) == ("discord", "bob", "GB")
        assert alert.resources_sent and alert.status is CaseStatus.OPEN
    cases = await service.store.list_cases()
    assert [(c.case.id, c.case.status, c.user.platform_user_id) for c in cases] == [
        (case_id, "open", "id-bob")
    ]
    assert await service.run_due() == type(report)()  # nothing left to send


async def test_a_higher_level_raises_the_open_case_and_pages_at_once(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.run_due()
    raised = await _open_case(world, assessment=L4)
    await service.run_due()

    assert raised == case_id
    case = await service.store.case(case_id)
    assert case is not None and case.level == RiskLevel.IMMINENT and case.trigger == "rule:means"
    discord = world.channels["discord"]
    assert [a.page_count for _, a in discord.posted] == [0, 1]  # the urgent re-page
    assert discord.updated and discord.updated[-1][1].level is RiskLevel.IMMINENT
    events = await service.store.events(case_id)
    assert [e.action for e in events] == ["open", "raise"]


async def test_unclaimed_l4_is_repaged_every_deadline_until_claimed(world: World):
    service = world.service
    assert service is not None
    await _open_case(world, assessment=L4)
    await service.run_due()
    discord = world.channels["discord"]

    world.clock.advance(minutes=4, seconds=59)
    await service.run_due()
    assert len(discord.posted) == 1
    world.clock.advance(seconds=1)
    await service.run_due()
    assert [a.page_count for _, a in discord.posted] == [0, 1]
    world.clock.advance(minutes=5)
    await service.run_due()
    assert len(discord.posted) == 3

    case_id = discord.posted[0][1].case_id
    assert (await service.claim(case_id, DISCORD_MOD)).ok
    world.clock.advance(minutes=30)
    await service.run_due()
    assert len(discord.posted) == 3  # a claimed case is not paged again


async def test_l3_is_repaged_after_thirty_minutes(world: World):
    service = world.service
    assert service is not None
    await _open_case(world)
    await service.run_due()
    world.clock.advance(minutes=29)
    await service.run_due()
    assert len(world.channels["telegram"].posted) == 1
    world.clock.advance(minutes=1)
    await service.run_due()
    assert len(world.channels["telegram"].posted) == 2


async def test_two_concurrent_claims_leave_exactly_one_owner(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.run_due()

    results = await asyncio.gather(
        service.claim(case_id, DISCORD_MOD),
        service.claim(case_id, TELEGRAM_MOD),
        service.claim(case_id, DISCORD_ROLE_MOD),
    )

    winners = [r for r in results if r.ok]
    assert len(winners) == 1
    case = await service.store.case(case_id)
    assert case is not None and case.status == "claimed"
    owner = case.claimed_by_name
    for loser in (r for r in results if not r.ok):
        assert f"already claimed by {owner}" in loser.message
    outcomes = [e.outcome for e in await service.store.events(case_id) if e.action == "claim"]
    assert sorted(outcomes) == sorted(["ok", Outcome.ALREADY_CLAIMED, Outcome.ALREADY_CLAIMED])


async def test_relay_goes_both_ways_and_only_the_claimer_sees_the_excerpt(world: World):
    service, conversations = world.service, world.conversations
    assert service is not None and conversations is not None
    person = await world.person()
    await conversations.record_incoming(
        person,
        chat_id="dm-bob",
        platform_message_id="m1",
        text="I want to kill myself",
        created_at=world.clock(),
    )
    case_id = await service.report_risk(
        user_id=person.id, assessment=L3, resources_sent=True, country="GB"
    )
    await service.run_due()
    world.clock.advance(seconds=30)

    assert (await service.claim(case_id, TELEGRAM_MOD)).ok
    await service.run_due()
    telegram, discord = world.channels["telegram"], world.channels["discord"]
    assert discord.relays == [] and len(telegram.relays) == 1
    opened = telegram.relays[0]
    assert opened.moderator.id == "222"
    assert [(line.role, line.text) for line in opened.excerpt] == [
        ("user", "I want to kill myself")
    ]
    assert all("kill" not in str(alert) for _, alert in discord.posted + discord.updated)
    assert discord.updated[-1][1].claimed_by == "Alex"  # Discord sees who took it
    assert await service.case_for_ref("telegram", opened.ref) == case_id
    joined = world.messengers["discord"].sent
    assert [(r.kind, r.text) for _, _, r in joined] == [(ReplyKind.NOTICE, relay.JOINED)]

    assert await service.claimed_case(person.id) == case_id
    world.clock.advance(seconds=5)
    await service.relay_from_user(
        case_id, "are you a real person?", RiskLevel.DISTRESS, world.clock()
    )
    sent = await service.reply_from_moderator(case_id, TELEGRAM_MOD, "Yes, I'm Alex. I'm here.")
    await service.run_due()

    assert sent.ok
    assert [(ref, line.role, line.text, line.level) for ref, line in telegram.relayed] == [
        (opened.ref, "user", "are you a real person?", RiskLevel.DISTRESS)
    ]
    user_key, chat_id, reply = world.messengers["discord"].sent[-1]
    assert (str(user_key), chat_id, reply.kind) == ("discord:id-bob", "dm-bob", ReplyKind.MODERATOR)
    assert "human moderator" in reply.text and reply.text.endswith("Yes, I'm Alex. I'm here.")
    async with world.engines[-1].connect() as conn:  # the at-rest form, straight from the file
        stored = (
            await conn.execute(select(Message.text_enc).where(Message.role == "moderator"))
        ).scalar_one()
    assert stored is not None and b"Alex" not in stored
    assert world.cipher.decrypt(stored) == reply.text


async def test_resolve_tells_the_person_and_hands_back_to_the_bot(world: World):
    service = world.service
    assert service is not None
    person = await world.person()
    case_id = await _open_case(world)
    await service.claim(case_id, DISCORD_MOD)
    await service.run_due()
    relay_ref = world.channels["discord"].relays[0].ref

    result = await service.resolve(case_id, DISCORD_MOD)
    await service.run_due()

    assert result.ok
    assert await service.claimed_case(person.id) is None
    assert world.channels["discord"].closed == [relay_ref]
    assert world.channels["telegram"].updated[-1][1].status is CaseStatus.RESOLVED
    assert world.messengers["discord"].sent[-1][2].text == relay.RESUMED
    assert await service.store.list_cases() == []
    # a new crisis after the resolve opens a new case
    assert await _open_case(world) != case_id


async def test_non_moderators_are_refused_and_audited(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)

    for action in (service.claim, service.resolve, service.request_backup):
        result = await action(case_id, STRANGER)
        assert not result.ok and "moderators" in result.message
    refused = await service.reply_from_moderator(case_id, STRANGER, "hi")

    assert not refused.ok
    case = await service.store.case(case_id)
    assert case is not None and case.status == "open"
    refusals = [e for e in await service.store.events(case_id) if e.actor == STRANGER.key]
    assert [(e.action, e.outcome) for e in refusals] == [
        ("claim", Outcome.NOT_MODERATOR),
        ("resolve", Outcome.NOT_MODERATOR),
        ("request_backup", Outcome.NOT_MODERATOR),
        ("reply", Outcome.NOT_MODERATOR),
    ]
    assert service.is_moderator(DISCORD_ROLE_MOD)  # by role
    assert not service.is_moderator(type(STRANGER)("terminal", "111", "op"))


async def test_only_the_claimer_can_resolve_release_or_reply(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.claim(case_id, DISCORD_MOD)

    for result in (
        await service.resolve(case_id, TELEGRAM_MOD),
        await service.release(case_id, TELEGRAM_MOD),
        await service.reply_from_moderator(case_id, TELEGRAM_MOD, "hello"),
    ):
        assert not result.ok and "Only Sam" in result.message
    backup = await service.request_backup(case_id, TELEGRAM_MOD)  # anyone may ask for help
    await service.run_due()
    assert backup.ok
    assert world.channels["telegram"].posted[-1][1].backup_requested


async def test_release_reopens_and_realerts(world: World):
    service = world.service
    assert service is not None
    person = await world.person()
    case_id = await _open_case(world)
    await service.claim(case_id, DISCORD_MOD)
    await service.run_due()

    result = await service.release(case_id, DISCORD_MOD)
    await service.run_due()

    assert result.ok
    assert await service.claimed_case(person.id) is None
    case = await service.store.case(case_id)
    assert case is not None and case.status == "open" and case.claimed_by is None
    telegram = world.channels["telegram"]
    assert [a.page_count for _, a in telegram.posted] == [0, 1]
    assert world.channels["discord"].closed == [world.channels["discord"].relays[0].ref]
    assert world.messengers["discord"].sent[-1][2].text == relay.RELEASED
    assert (await service.claim(case_id, TELEGRAM_MOD)).ok  # someone else can take it now


async def test_failing_channel_is_retried_with_backoff_and_survives_a_restart(world: World):
    service = world.service
    assert service is not None
    discord = world.channels["discord"]
    discord.fail_next = 100
    case_id = await _open_case(world)

    first = await service.run_due()
    assert first.failed == 1 and len(world.channels["telegram"].posted) == 1
    again = await service.run_due()  # not due yet: backoff
    assert again.failed == 0 and again.waiting == 1
    for seconds in (2, 4, 8):
        world.clock.advance(seconds=seconds)
        assert (await service.run_due()).failed == 1
    summary = (await service.store.list_cases())[0]
    assert summary.delivery.failing == 1 and "discord is down" in (
        summary.delivery.last_error or ""
    )

    service = await world.restart()  # a new process; the old channel object is gone too
    world.channels["discord"] = type(discord)("discord")
    world.clock.advance(seconds=16)
    await service.run_due()

    posted = world.channels["discord"].posted
    assert [a.case_id for _, a in posted] == [case_id]
    assert await service.case_for_ref("discord", posted[0][0]) == case_id
    assert (await service.store.list_cases())[0].delivery.pending == 0


async def test_relayed_lines_keep_their_order_through_an_outage(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.claim(case_id, DISCORD_MOD)
    await service.run_due()
    discord = world.channels["discord"]
    discord.fail_next = 1
    for text in ("one", "two", "three"):
        await service.relay_from_user(case_id, text, None, world.clock())

    await service.run_due()
    assert discord.relayed == []
    world.clock.advance(seconds=2)
    await service.run_due()
    assert [line.text for _, line in discord.relayed] == ["one", "two", "three"]


async def test_unreachable_person_is_noted_and_the_moderator_told(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.claim(case_id, DISCORD_MOD)
    await service.run_due()
    world.messengers["discord"].unreachable = True

    await service.reply_from_moderator(case_id, DISCORD_MOD, "are you ok?")
    await service.run_due()  # the refusal queues the note for the moderator ...
    await service.run_due()  # ... which the next pass delivers

    case = await service.store.case(case_id)
    assert case is not None and case.note == relay.UNREACHABLE_NOTE
    discord = world.channels["discord"]
    assert discord.relayed[-1][1].text == relay.UNREACHABLE
    assert discord.updated[-1][1].note == relay.UNREACHABLE_NOTE


async def test_the_outbox_task_delivers_without_being_asked(world: World):
    service = world.service
    assert service is not None
    await service.start()
    await _open_case(world)
    for _ in range(200):
        if world.channels["discord"].posted:
            break
        await asyncio.sleep(0.01)
    await service.stop()
    assert len(world.channels["discord"].posted) == 1


async def test_alerts_wait_for_a_channel_that_is_not_connected(world: World):
    service = world.service
    assert service is not None
    telegram = world.channels.pop("telegram")
    world.settings.telegram.moderator_chat_id = -100  # configured, adapter not started yet
    await _open_case(world)
    report = await service.run_due()
    assert report.delivered == 1 and report.waiting == 1 and report.failed == 0

    world.channels["telegram"] = telegram  # the adapter registers later
    await service.run_due()
    assert len(telegram.posted) == 1


async def test_a_relayed_message_at_a_higher_level_raises_the_claimed_case(world: World):
    service = world.service
    assert service is not None
    case_id = await _open_case(world)
    await service.claim(case_id, DISCORD_MOD)
    await service.run_due()

    await service.relay_from_user(case_id, "I have them here", RiskLevel.IMMINENT, world.clock())
    await service.run_due()

    case = await service.store.case(case_id)
    assert case is not None and case.level == RiskLevel.IMMINENT and case.status == "claimed"
    assert world.channels["telegram"].updated[-1][1].level is RiskLevel.IMMINENT
    assert world.channels["discord"].relayed[-1][1].level is RiskLevel.IMMINENT
