"""Haven end to end on Telegram: the real app (core, escalation, storage) started the way
`haven run` starts it, with the real python-telegram-bot Application against the fake Bot API."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from typing import Any

import pytest
import pytest_asyncio

from adapters.telegram import TelegramAdapter
from bot.app import HavenApp, build_app
from bot.events import Incoming, Reply, ReplyKind, UserKey
from bot.testing import EchoGenerator
from tests.adapters.telegram.conftest import ALICE, BOB, EVE, GROUP_ID, SAM
from tests.adapters.telegram.fake_bot_api import FakeBotApi

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

CRISIS = "I want to kill myself"


@pytest_asyncio.fixture
async def start_haven(
    fake: FakeBotApi, make_settings: Callable[..., Any]
) -> AsyncIterator[Callable[..., Any]]:
    apps: list[HavenApp] = []

    async def start(reply: str | None = None, **telegram: Any) -> HavenApp:
        app = build_app(make_settings(fake, **telegram), generator=EchoGenerator(reply))
        await app.start()
        apps.append(app)
        return app

    yield start
    for app in apps:
        await app.stop()


def to(user: dict[str, Any]) -> Callable[[dict[str, Any]], bool]:
    return lambda params: params["chat_id"] == user["id"]


def texts_to(fake: FakeBotApi, user: dict[str, Any]) -> list[str]:
    return [p["text"] for p in fake.sent("sendMessage", chat_id=user["id"])]


async def alert_in_group(fake: FakeBotApi) -> dict[str, Any]:
    await fake.wait_for("sendMessage", lambda p: "reply_markup" in p and p["chat_id"] == GROUP_ID)
    return next(m for m in fake.chat_messages(GROUP_ID) if "reply_markup" in m)


async def test_haven_starts_telegram_in_its_loop(fake: FakeBotApi, start_haven: Any) -> None:
    app = await start_haven()
    [adapter] = [a for a in app.adapters if a.name == "telegram"]
    assert isinstance(adapter, TelegramAdapter)
    assert app.host.messengers["telegram"] is adapter.messenger
    assert app.host.moderator_channels["telegram"] is adapter.moderators
    assert [c.method for c in fake.calls][:1] == ["getMe"]
    assert fake.sent("deleteWebhook")  # long polling, the default


async def test_start_onboards(fake: FakeBotApi, start_haven: Any) -> None:
    await start_haven()
    await fake.send_text(ALICE, "/start")
    text = (await fake.wait_for("sendMessage", to(ALICE)))["text"]
    assert "AI" in text and "not a therapist" in text
    assert "/forget" in text and "/consent" in text and "/export" in text


async def test_private_message_answered_with_typing(fake: FakeBotApi, start_haven: Any) -> None:
    await start_haven()
    await fake.send_text(ALICE, "/start")
    await fake.wait_for("sendMessage", to(ALICE))
    await fake.send_text(ALICE, "I had a rough day at work")
    answer = await fake.wait_for("sendMessage", lambda p: to(ALICE)(p) and "rough day" in p["text"])
    assert answer["text"].startswith("Thank you for telling me")
    typing = [
        i
        for i, c in enumerate(fake.calls)
        if c.method == "sendChatAction" and c.params == {"chat_id": ALICE["id"], "action": "typing"}
    ]
    sent = next(i for i, c in enumerate(fake.calls) if c.params is answer)
    assert typing and typing[0] < sent


async def test_long_reply_split(fake: FakeBotApi, start_haven: Any) -> None:
    sentence = "You are not alone in this, and it makes sense to feel tired. "
    await start_haven(reply=sentence * 150)  # ~9,000 characters
    await fake.send_text(ALICE, "/start")
    await fake.wait_for("sendMessage", to(ALICE))
    await fake.send_text(ALICE, "can you say more")
    await fake.wait_for("sendMessage", to(ALICE), count=4)
    pieces = texts_to(fake, ALICE)[1:]
    assert len(pieces) == 3 and all(len(p) <= 4096 for p in pieces)
    assert " ".join(pieces).split() == (sentence * 150).split()


async def test_crisis_reply_at_once_and_alert_with_buttons(
    fake: FakeBotApi, start_haven: Any
) -> None:
    await start_haven()
    await fake.send_text(ALICE, CRISIS)
    first = await fake.wait_for("sendMessage", to(ALICE))
    assert "116 123" in first["text"]  # Samaritans: the GB line comes first, before anything
    posted = await alert_in_group(fake)
    buttons = [b["text"] for b in posted["reply_markup"]["inline_keyboard"][0]]
    assert buttons == ["Claim", "Need backup", "Resolve"]
    assert "@alice" in posted["text"] and "L3" in posted["text"]
    assert CRISIS not in posted["text"]  # the alert never carries what the person wrote


async def test_claim_relays_both_ways_then_resolve_resumes(
    fake: FakeBotApi, start_haven: Any
) -> None:
    await start_haven()
    fake.chats[SAM["id"]] = fake.private_chat(SAM)  # Sam has talked to the bot before
    await fake.send_text(ALICE, CRISIS)
    posted = await alert_in_group(fake)
    alert_id = posted["message_id"]

    # A member of the group who is not a moderator cannot claim.
    query = await fake.press(posted, EVE, f"case:{_case(posted)}:claim")
    refused = await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)
    assert refused["show_alert"] is True and "moderator" in refused["text"].lower()

    query = await fake.press(posted, SAM, f"case:{_case(posted)}:claim")
    await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)
    await fake.wait_for("editMessageText", lambda p: p["message_id"] == alert_id)
    assert "claimed by @sam_mod" in fake.messages[(GROUP_ID, alert_id)]["text"]
    excerpt = await fake.wait_for("sendMessage", to(SAM))  # privately, to Sam only
    assert CRISIS in excerpt["text"]
    joined = await fake.wait_for("sendMessage", lambda p: to(ALICE)(p) and "moderator" in p["text"])
    assert "human" in joined["text"]

    # The person's words reach the group; the model stays out.
    await fake.send_text(ALICE, "thank you for coming")
    await fake.wait_for(
        "sendMessage", lambda p: p["chat_id"] == GROUP_ID and "thank you for coming" in p["text"]
    )
    relayed = next(
        m for m in fake.chat_messages(GROUP_ID) if "thank you for coming" in m.get("text", "")
    )
    assert not any("You said" in t for t in texts_to(fake, ALICE))

    # Sam replies to the relayed message: it goes to the person, marked as from a human.
    await fake.send_text(
        SAM, "I'm here. Are you safe?", chat=fake.chats[GROUP_ID], reply_to=relayed
    )
    words = await fake.wait_for(
        "sendMessage", lambda p: to(ALICE)(p) and "I'm here. Are you safe?" in p["text"]
    )
    assert "human moderator" in words["text"]
    # A reply to the alert itself reaches the person too.
    await fake.send_text(SAM, "Still with you.", chat=fake.chats[GROUP_ID], reply_to=posted)
    await fake.wait_for("sendMessage", lambda p: to(ALICE)(p) and "Still with you." in p["text"])

    # Resolve: the alert shows it and loses its buttons, the person is told, the bot resumes.
    query = await fake.press(
        fake.messages[(GROUP_ID, alert_id)], SAM, f"case:{_case(posted)}:resolve"
    )
    await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)
    await fake.wait_for("sendMessage", lambda p: to(ALICE)(p) and "finished" in p["text"])
    await fake.wait_for(
        "editMessageText", lambda p: p["message_id"] == alert_id and "resolved" in p["text"]
    )
    assert "reply_markup" not in fake.messages[(GROUP_ID, alert_id)]
    # Haven answers again itself (what it says depends on the conversation's risk level).
    before = len(texts_to(fake, ALICE))
    await fake.send_text(ALICE, "ok, back to talking")
    await fake.wait_for("sendMessage", to(ALICE), count=before + 1)
    assert not any("ok, back to talking" in m.get("text", "") for m in fake.chat_messages(GROUP_ID))


async def test_redelivered_update_is_handled_once(fake: FakeBotApi, start_haven: Any) -> None:
    app = await start_haven()
    await fake.send_text(ALICE, "/start")
    await fake.wait_for("sendMessage", to(ALICE))
    await fake.send_text(ALICE, "something on my mind")
    await fake.wait_for("sendMessage", lambda p: to(ALICE)(p) and "You said" in p["text"])
    handled = [u for u in fake.delivered if u["message"].get("text") == "something on my mind"]
    await app.stop()
    # Haven went down before Telegram saw the confirmation: the message comes again, to a new
    # process that has no memory of it, only the database.
    await fake.replay_unconfirmed(handled)
    before = len(texts_to(fake, ALICE))
    await start_haven()
    await fake.send_text(BOB, "hello")  # a marker: once Bob is answered, the replay is done
    await fake.wait_for("sendMessage", to(BOB), within=10)
    await asyncio.sleep(0.2)
    assert len(texts_to(fake, ALICE)) == before


async def test_flood_control_honoured(fake: FakeBotApi, start_haven: Any) -> None:
    await start_haven()
    fake.flood("sendMessage", 1, when=to(ALICE))
    fake.flood("sendMessage", 1, when=lambda p: p["chat_id"] == GROUP_ID)
    await fake.send_text(ALICE, CRISIS)
    reply = await fake.wait_for("sendMessage", to(ALICE), within=10)
    assert "116 123" in reply["text"]
    await alert_in_group(fake)
    statuses = [
        c.status for c in fake.attempts("sendMessage") if c.params["chat_id"] == ALICE["id"]
    ]
    assert statuses[:2] == [429, 200]


async def test_blocked_user_handled(fake: FakeBotApi, start_haven: Any) -> None:
    await start_haven()
    fake.chats[ALICE["id"]] = fake.private_chat(ALICE)
    fake.block(ALICE)
    await fake.send_text(ALICE, CRISIS)
    # The crisis reply cannot be delivered, but the moderators still hear about it ...
    await alert_in_group(fake)
    assert [c.status for c in fake.attempts("sendMessage") if c.params["chat_id"] == ALICE["id"]]
    assert not fake.sent("sendMessage", chat_id=ALICE["id"])
    # ... and Haven goes on serving everyone else.
    await fake.send_text(BOB, "/help")
    await fake.wait_for("sendMessage", to(BOB))


def _case(alert: dict[str, Any]) -> int:
    data = alert["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    return int(data.split(":")[1])


class DiscordStandIn:
    """Where Haven's words to a Discord member go when no Discord adapter runs in this test."""

    platform = "discord"

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.arrived = asyncio.Event()

    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        self.sent.append(reply.text)
        self.arrived.set()


async def test_discord_members_case_is_taken_here(fake: FakeBotApi, start_haven: Any) -> None:
    app = await start_haven()
    discord = DiscordStandIn()
    app.host.add_messenger(discord)
    said: list[Reply] = []

    async def respond(reply: Reply) -> None:
        said.append(reply)

    river = UserKey("discord", "42")
    incoming = Incoming(river, "dm-42", "m1", CRISIS, datetime.now(UTC), handle="river")
    await app.core.handle(incoming, respond)
    assert said and said[0].kind is ReplyKind.CRISIS

    posted = await alert_in_group(fake)
    assert "discord" in posted["text"] and "river" in posted["text"]
    await fake.press(posted, SAM, f"case:{_case(posted)}:claim")
    header = await fake.wait_for(
        "sendMessage", lambda p: p["chat_id"] == GROUP_ID and "claimed by" in p["text"]
    )
    relay = next(m for m in fake.chat_messages(GROUP_ID) if m.get("text") == header["text"])
    await fake.send_text(SAM, "Hi River, I'm Sam.", chat=fake.chats[GROUP_ID], reply_to=relay)
    async with asyncio.timeout(5):
        while not any("Hi River, I'm Sam." in text for text in discord.sent):
            discord.arrived.clear()
            await discord.arrived.wait()
    assert any("human moderator" in text for text in discord.sent)
