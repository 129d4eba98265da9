"""Owner notices on Telegram: the real app and python-telegram-bot against the fake Bot API, with
a clock the test moves. Owner chats are told once after the deadline; with no owner reachable,
the notice goes to the moderator group under the alert, mentioning the group's creator."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio

from bot.app import HavenApp, build_app
from bot.testing import EchoGenerator
from tests.adapters.telegram.conftest import ALICE, GROUP_ID, SAM
from tests.adapters.telegram.fake_bot_api import FakeBotApi
from tests.adapters.telegram.test_haven_on_telegram import CRISIS, _case, alert_in_group
from tests.conftest import Clock

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

OWNER = FakeBotApi.person(777, "Olivia", "olivia_owner")
QUIET_S = 0.4  # several outbox passes (every 0.05 s): long enough to see nothing happen


@pytest_asyncio.fixture
async def clock() -> Clock:
    return Clock(datetime.now(UTC))


@pytest_asyncio.fixture
async def start_haven(
    fake: FakeBotApi, make_settings: Callable[..., Any], clock: Clock
) -> AsyncIterator[Callable[..., Any]]:
    apps: list[HavenApp] = []

    async def start(**telegram: Any) -> HavenApp:
        settings = make_settings(fake, **telegram)
        app = build_app(settings, generator=EchoGenerator(), clock=clock)
        await app.start()
        apps.append(app)
        return app

    yield start
    for app in apps:
        await app.stop()


def owner_texts(fake: FakeBotApi) -> list[str]:
    return [p["text"] for p in fake.sent("sendMessage", chat_id=OWNER["id"])]


async def test_the_owner_is_told_once_after_the_deadline_with_a_link(
    fake: FakeBotApi, start_haven: Any, clock: Clock
) -> None:
    fake.chats[OWNER["id"]] = fake.private_chat(OWNER)  # the owner has started the bot
    await start_haven(owner_chat_ids=[OWNER["id"]])
    await fake.send_text(ALICE, CRISIS)
    posted = await alert_in_group(fake)

    clock.advance(minutes=59)  # an L3: the owners hear after an hour
    await asyncio.sleep(QUIET_S)
    assert owner_texts(fake) == []

    clock.advance(minutes=1)
    sent = await fake.wait_for("sendMessage", lambda p: p["chat_id"] == OWNER["id"])
    text = sent["text"]
    assert f"case #{_case(posted)}" in text and "L3" in text and "1 hour" in text
    alert_ids = {m["message_id"] for m in fake.chat_messages(GROUP_ID)}
    links = {f"https://t.me/c/{str(GROUP_ID)[4:]}/{i}" for i in alert_ids}
    assert any(link in text for link in links)  # a link to the alert in the group
    assert "“Moderators”" in text  # which group
    assert CRISIS not in text and "alice" not in text.lower()  # nothing about the person

    clock.advance(hours=3)
    await asyncio.sleep(QUIET_S)
    assert len(owner_texts(fake)) == 1  # once per case


async def test_a_claimed_case_tells_no_owner(
    fake: FakeBotApi, start_haven: Any, clock: Clock
) -> None:
    fake.chats[OWNER["id"]] = fake.private_chat(OWNER)
    await start_haven(owner_chat_ids=[OWNER["id"]])
    await fake.send_text(ALICE, CRISIS)
    posted = await alert_in_group(fake)
    query = await fake.press(posted, SAM, f"case:{_case(posted)}:claim")
    await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)

    clock.advance(hours=2)
    await asyncio.sleep(QUIET_S)
    assert owner_texts(fake) == []


async def test_a_failing_owner_chat_is_retried_and_told_once_after_a_restart(
    fake: FakeBotApi, start_haven: Any, clock: Clock
) -> None:
    fake.chats[OWNER["id"]] = fake.private_chat(OWNER)
    to_owner: Callable[[dict[str, Any]], bool] = lambda p: p["chat_id"] == OWNER["id"]  # noqa: E731
    fake.fail("sendMessage", 500, "Internal Server Error", times=1000, when=to_owner)
    app = await start_haven(owner_chat_ids=[OWNER["id"]])
    await fake.send_text(ALICE, CRISIS)
    await alert_in_group(fake)

    def tries() -> int:
        return sum(1 for c in fake.attempts("sendMessage") if to_owner(c.params))

    # Generous waits (up to 10 s each): on a loaded CI machine the outbox's retry can take
    # longer than 2 s of wall time to come round; the loops end as soon as it does.
    clock.advance(hours=1)
    for _ in range(500):
        if tries():
            break
        await asyncio.sleep(0.02)
    # The fake server counts the first try before the outbox has recorded its failure and set
    # the backoff from the clock, so one jump could land before the backoff is set: keep moving
    # the clock past it until the retry comes.
    for _ in range(500):
        if tries() >= 2:
            break
        clock.advance(seconds=1)
        await asyncio.sleep(0.02)
    assert tries() >= 2 and owner_texts(fake) == []

    await app.stop()  # the pending notice is in the outbox, not in this process
    fake._faults.clear()
    await start_haven(owner_chat_ids=[OWNER["id"]])
    clock.advance(minutes=5)
    await fake.wait_for("sendMessage", to_owner)
    await asyncio.sleep(QUIET_S)
    assert len(owner_texts(fake)) == 1


@pytest.mark.parametrize("owners", [[], [OWNER["id"]]], ids=["none-configured", "unreachable"])
async def test_without_a_reachable_owner_the_group_creator_is_mentioned_under_the_alert(
    fake: FakeBotApi, start_haven: Any, clock: Clock, owners: list[int]
) -> None:
    fake.add_group(GROUP_ID, creator=OWNER)  # OWNER has never started the bot: not reachable
    await start_haven(owner_chat_ids=owners)
    await fake.send_text(ALICE, CRISIS)
    posted = await alert_in_group(fake)

    clock.advance(hours=1)
    notice = await fake.wait_for(
        "sendMessage", lambda p: p["chat_id"] == GROUP_ID and "has no moderator" in p["text"]
    )
    assert notice["text"].startswith("@olivia_owner ")
    assert "telegram.owner_chat_ids" in notice["text"]
    assert notice["reply_parameters"]["message_id"] in {
        m["message_id"] for m in fake.chat_messages(GROUP_ID)
    }
    assert f"case #{_case(posted)}" in notice["text"]
    assert owner_texts(fake) == []
