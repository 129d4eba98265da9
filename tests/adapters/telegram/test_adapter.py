"""The Telegram adapter on its own: the real python-telegram-bot Application against the fake
Bot API server, with recording stand-ins for the core and the escalation service."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from adapters.telegram import TelegramAdapter
from bot.events import Incoming, Reply, ReplyKind, Respond, UserKey
from bot.ports import AdapterHost, AlertView, CaseStatus, Command, UserUnreachable
from bot.safety.levels import RiskLevel
from tests.adapters.telegram.conftest import (
    ALICE,
    BOB,
    EVE,
    GROUP_ID,
    MODERATOR_ID,
    SAM,
    telegram_settings,
)
from tests.adapters.telegram.fake_bot_api import FakeBotApi
from tests.adapters.telegram.recording import RecordingConversations, RecordingModeration

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")

FIXTURES = Path(__file__).parents[2] / "fixtures" / "telegram"

Started = tuple[TelegramAdapter, RecordingConversations, RecordingModeration, AdapterHost]


@pytest_asyncio.fixture
async def start_adapter(fake: FakeBotApi) -> AsyncIterator[Callable[..., Any]]:
    running: list[TelegramAdapter] = []

    async def start(
        conversations: RecordingConversations | None = None, **settings: Any
    ) -> Started:
        conversations = conversations or RecordingConversations()
        moderation = RecordingModeration({str(MODERATOR_ID)})
        host = AdapterHost(conversations, moderation)
        adapter = TelegramAdapter(telegram_settings(fake, **settings), fake.token, host)
        await adapter.start()
        running.append(adapter)
        return adapter, conversations, moderation, host

    yield start
    for adapter in running:
        await adapter.stop()


def alert(case_id: int = 7, status: CaseStatus = CaseStatus.OPEN, **extra: Any) -> AlertView:
    return AlertView(
        case_id=case_id,
        level=RiskLevel.ACTIVE,
        trigger="rule:intent",
        user_platform="discord",
        user_id="42",
        user_handle="@river",
        opened_at=datetime(2026, 1, 1, 12, 0, tzinfo=UTC),
        country="GB",
        resources_sent=True,
        status=status,
        **extra,
    )


async def test_startup_registers_and_polls(fake: FakeBotApi, start_adapter: Any) -> None:
    adapter, _, _, host = await start_adapter()
    methods = [c.method for c in fake.calls]
    assert methods[0] == "getMe"
    assert "deleteWebhook" in methods and "getChat" in methods
    assert {c["command"] for c in fake.commands} >= {"start", "help", "forget", "export"}
    assert fake.sent("setMyCommands")[0]["scope"] == {"type": "all_private_chats"}
    assert host.messengers["telegram"] is adapter.messenger
    assert host.moderator_channels["telegram"] is adapter.moderators


async def test_private_text_becomes_incoming_and_is_answered(
    fake: FakeBotApi, start_adapter: Any
) -> None:
    _, conversations, _, _ = await start_adapter()
    sent = await fake.send_text(ALICE, "hello there")
    reply = await fake.wait_for("sendMessage", lambda p: p["chat_id"] == ALICE["id"])
    assert reply["text"] == "echo: hello there"
    assert fake.sent("sendChatAction", chat_id=ALICE["id"], action="typing")
    incoming = conversations.incoming[0]
    assert incoming.user == UserKey("telegram", "111")
    assert incoming.chat_id == "111" and incoming.message_id == str(sent["message_id"])
    assert incoming.handle == "@alice" and incoming.locale == "en"
    assert incoming.sent_at.tzinfo is not None


async def test_typing_repeats_while_the_core_works(fake: FakeBotApi, start_adapter: Any) -> None:
    finished = asyncio.Event()

    async def slow(incoming: Incoming, respond: Respond) -> None:
        await asyncio.sleep(0.35)
        await respond(Reply("done"))
        await asyncio.sleep(0.3)  # e.g. storing the reply: "typing…" must not come back
        finished.set()

    adapter, _, _, _ = await start_adapter(RecordingConversations(slow))
    adapter.chats._typing_every_s = 0.1
    await fake.send_text(ALICE, "hi")
    await fake.wait_for("sendMessage", lambda p: p["text"] == "done")
    await finished.wait()
    methods = [c.method for c in fake.calls if c.params.get("chat_id") == ALICE["id"]]
    assert methods.count("sendChatAction") >= 3
    assert methods[-1] == "sendMessage"


async def test_long_reply_is_split_at_the_limit(fake: FakeBotApi, start_adapter: Any) -> None:
    paragraph = ("I hear you. " * 60).strip()  # ~720 characters
    long_text = "\n\n".join([paragraph] * 13)  # ~9,400 characters

    async def long(incoming: Incoming, respond: Respond) -> None:
        await respond(Reply(long_text))

    await start_adapter(RecordingConversations(long))
    await fake.send_text(ALICE, "tell me more")
    await fake.wait_for("sendMessage", count=3)
    await asyncio.sleep(0.1)
    texts = [p["text"] for p in fake.sent("sendMessage", chat_id=ALICE["id"])]
    assert len(texts) == 3
    assert all(len(t) <= 4096 for t in texts)
    assert "\n\n".join(texts) == long_text


async def test_private_messages_reach_the_core_at_once_and_in_arrival_order(
    fake: FakeBotApi, start_adapter: Any
) -> None:
    # The adapter holds no lane of its own for private chats: the core keeps one person's turns
    # in order with its lanes (tests/bot/test_core.py) and screens for crisis before them, so a
    # crisis message never waits behind the same person's slow model turn.
    release = asyncio.Event()

    async def script(incoming: Incoming, respond: Respond) -> None:
        if incoming.text == "first":
            await release.wait()
        await respond(Reply(f"re: {incoming.text}"))

    conversations = RecordingConversations(script)
    await start_adapter(conversations)
    await fake.send_text(ALICE, "first")
    await fake.send_text(ALICE, "second")
    await fake.send_text(BOB, "other")
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == BOB["id"])
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == ALICE["id"])
    assert [i.text for i in conversations.incoming if i.user.id == "111"] == ["first", "second"]
    release.set()
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == ALICE["id"], count=2)


async def test_other_groups_are_ignored(fake: FakeBotApi, start_adapter: Any) -> None:
    _, conversations, moderation, _ = await start_adapter()
    other = fake.add_group(-100999, "Random group")
    await fake.send_text(ALICE, "hello group", chat=other)
    await fake.send_text(ALICE, "/help", chat=other)
    await fake.send_text(BOB, "ping")  # a private message afterwards, to know we are past them
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == BOB["id"])
    assert [i.user.id for i in conversations.incoming] == ["222"]
    assert not conversations.calls and not moderation.replies
    assert not fake.sent("sendMessage", chat_id=-100999)


async def test_sticker_photo_and_voice_reach_the_core_as_non_text(
    fake: FakeBotApi, start_adapter: Any
) -> None:
    _, conversations, _, _ = await start_adapter()
    for name in ("sticker", "photo", "voice", "photo_with_caption"):
        await fake.send_message_payload(ALICE, **payload(name))
    await fake.wait_for("sendMessage", count=4)
    kinds = [(i.kind.value, i.text) for i in conversations.incoming]
    assert kinds[:3] == [("sticker", ""), ("image", ""), ("voice", "")]
    # Words in a caption are screened like any message.
    assert kinds[3] == ("text", payload("photo_with_caption")["caption"])


def payload(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / f"{name}.json").read_text(encoding="utf-8"))


async def test_commands_and_forget_confirmation(fake: FakeBotApi, start_adapter: Any) -> None:
    _, conversations, _, _ = await start_adapter()
    await fake.send_text(ALICE, "/country gb")
    await fake.wait_for("sendMessage", lambda p: p["text"] == "command country gb")
    await fake.send_text(ALICE, "/forget")
    ask = await fake.wait_for("sendMessage", lambda p: p["text"] == "Sure?")
    buttons = ask["reply_markup"]["inline_keyboard"][0]
    assert [b["callback_data"] for b in buttons] == ["user:forget_confirm", "user:cancel"]
    question = fake.chat_messages(ALICE["id"])[-1]
    await fake.press(question, ALICE, "user:forget_confirm")
    await fake.wait_for("sendMessage", lambda p: p["text"] == "command forget_confirm")
    assert [c.command for c in conversations.calls] == [
        Command.COUNTRY,
        Command.FORGET,
        Command.FORGET_CONFIRM,
    ]
    assert "reply_markup" not in fake.messages[(ALICE["id"], question["message_id"])]
    assert fake.sent("answerCallbackQuery")


async def test_unknown_commands_are_screened_as_text(fake: FakeBotApi, start_adapter: Any) -> None:
    _, conversations, _, _ = await start_adapter()
    await fake.send_text(ALICE, "/whatever I feel awful")
    await fake.wait_for("sendMessage")
    assert conversations.incoming[0].text == "/whatever I feel awful"


async def test_alert_buttons_refuse_non_moderators(fake: FakeBotApi, start_adapter: Any) -> None:
    adapter, _, moderation, _ = await start_adapter()
    ref = await adapter.moderators.post_alert(alert())
    posted = fake.messages[(GROUP_ID, int(ref))]
    labels = [b["text"] for b in posted["reply_markup"]["inline_keyboard"][0]]
    assert labels == ["Claim", "Need backup", "Resolve"]
    assert "river" in posted["text"] and "rule:intent" in posted["text"]

    query = await fake.press(posted, EVE, "case:7:claim")
    answer = await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)
    assert answer["show_alert"] is True and "moderators" in answer["text"]
    assert moderation.actions == []

    query = await fake.press(posted, SAM, "case:7:claim")
    answer = await fake.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == query)
    assert answer["text"] == "claim done"
    assert moderation.actions == [("claim", 7, str(MODERATOR_ID))]


async def test_relay_replies_and_alert_edits(fake: FakeBotApi, start_adapter: Any) -> None:
    adapter, _, moderation, _ = await start_adapter()
    group = adapter.moderators
    ref = await group.post_alert(alert())
    moderation.refs[ref] = 7
    claimed = alert(status=CaseStatus.CLAIMED, claimed_by="@sam_mod")
    await group.update_alert(ref, claimed)
    await group.update_alert(ref, claimed)  # "not modified" from Telegram is fine
    assert "claimed by @sam_mod" in fake.messages[(GROUP_ID, int(ref))]["text"]

    relay_ref = await group.open_relay(claimed, _actor(), [])
    # Sam never opened a private chat with the bot: the excerpt comes to the group instead.
    assert any("conversation so far" in m["text"] for m in fake.chat_messages(GROUP_ID))
    line_ref = await group.relay_to_moderator(
        relay_ref, claimed, _line("I'm still here", RiskLevel.ACTIVE)
    )
    relayed = fake.messages[(GROUP_ID, int(line_ref))]
    assert "I'm still here" in relayed["text"]
    assert relayed["reply_to_message"]["message_id"] == int(relay_ref)

    # Sam answers by replying to the relayed message; a chat among moderators is not relayed.
    await fake.send_text(SAM, "We're here with you.", chat=fake.chats[GROUP_ID], reply_to=relayed)
    await fake.send_text(SAM, "anyone around?", chat=fake.chats[GROUP_ID])
    await fake.send_text(SAM, "// she sounds calmer", chat=fake.chats[GROUP_ID], reply_to=relayed)
    await fake.send_text(BOB, "sync")
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == BOB["id"])
    assert moderation.replies == [(7, str(MODERATOR_ID), "We're here with you.")]

    resolved = alert(
        status=CaseStatus.RESOLVED, claimed_by="@sam_mod", updated_at=claimed.opened_at
    )
    await group.update_alert(ref, resolved)
    await group.close_relay(relay_ref, resolved)
    final = fake.messages[(GROUP_ID, int(ref))]
    assert "resolved" in final["text"] and "reply_markup" not in final


async def test_relay_in_forum_topic(fake: FakeBotApi, start_adapter: Any) -> None:
    fake.chats[GROUP_ID]["is_forum"] = True
    adapter, _, moderation, _ = await start_adapter()
    group = adapter.moderators
    assert group.is_forum
    relay_ref = await group.open_relay(alert(status=CaseStatus.CLAIMED), _actor(), [])
    assert relay_ref.startswith("topic:")
    thread_id = int(relay_ref.removeprefix("topic:"))
    moderation.refs[relay_ref] = 7
    await group.relay_to_moderator(relay_ref, alert(), _line("hello?", None))
    assert fake.sent("sendMessage", chat_id=GROUP_ID, message_thread_id=thread_id)
    await fake.send_text(SAM, "Hi, I'm Sam.", chat=fake.chats[GROUP_ID], thread_id=thread_id)
    await fake.send_text(BOB, "sync")
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == BOB["id"])
    assert moderation.replies == [(7, str(MODERATOR_ID), "Hi, I'm Sam.")]


async def test_flood_control_is_waited_out(fake: FakeBotApi, start_adapter: Any) -> None:
    adapter, _, _, _ = await start_adapter()
    fake.flood("sendMessage", 1, when=lambda p: p["chat_id"] == ALICE["id"])
    fake.flood("sendMessage", 1, when=lambda p: p["chat_id"] == GROUP_ID)
    await fake.send_text(ALICE, "are you there?")
    ref = await adapter.moderators.post_alert(alert())
    reply = await fake.wait_for("sendMessage", lambda p: p["chat_id"] == ALICE["id"])
    assert reply["text"] == "echo: are you there?"
    assert int(ref) in {m["message_id"] for m in fake.chat_messages(GROUP_ID)}
    tries = [c for c in fake.attempts("sendMessage") if c.params["chat_id"] == ALICE["id"]]
    assert [c.status for c in tries] == [429, 200]
    assert tries[1].at - tries[0].at >= 1.0


async def test_blocked_user_is_handled(fake: FakeBotApi, start_adapter: Any) -> None:
    adapter, _, _, _ = await start_adapter()
    fake.chats[ALICE["id"]] = fake.private_chat(ALICE)
    fake.block(ALICE)
    await fake.send_text(ALICE, "bye")
    await fake.send_text(BOB, "hello")
    await fake.wait_for("sendMessage", lambda p: p["chat_id"] == BOB["id"])
    alice_sends = [c for c in fake.attempts("sendMessage") if c.params["chat_id"] == ALICE["id"]]
    assert [c.status for c in alice_sends] == [403]  # tried once, not retried
    with pytest.raises(UserUnreachable):
        await adapter.messenger.send_to_user(
            UserKey("telegram", "111"), "111", Reply("A moderator says hi", ReplyKind.MODERATOR)
        )


def _actor() -> Any:
    from bot.ports import Actor

    return Actor("telegram", str(MODERATOR_ID), "@sam_mod")


def _line(text: str, level: RiskLevel | None) -> Any:
    from bot.ports import RelayLine

    return RelayLine("user", text, datetime(2026, 1, 1, 12, 5, tzinfo=UTC), level)


async def test_webhook_mode_and_redelivery(fake: FakeBotApi, start_adapter: Any) -> None:
    import socket

    import aiohttp

    with socket.socket() as probe:  # a free loopback port for the webhook listener
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/telegram-hook"
    _, conversations, _, _ = await start_adapter(
        webhook_url=url, webhook_listen="127.0.0.1", webhook_port=port, webhook_secret="s3cret"
    )
    hook = fake.sent("setWebhook")[0]
    assert hook["url"] == url and hook["secret_token"] == "s3cret"
    assert not fake.sent("deleteWebhook")  # no polling in webhook mode

    fake.chats[ALICE["id"]] = fake.private_chat(ALICE)
    update = {
        "update_id": 900,
        "message": {"message_id": 1, "date": 1_700_000_000, "chat": fake.private_chat(ALICE),
                    "from": ALICE, "text": "via webhook"},
    }  # fmt: skip
    headers = {"X-Telegram-Bot-Api-Secret-Token": "s3cret"}
    async with aiohttp.ClientSession() as http:
        async with http.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "x"}
        ) as r:
            assert r.status == 403
        for _ in range(2):  # Telegram redelivers when it did not see our answer in time
            async with http.post(url, json=update, headers=headers) as r:
                assert r.status == 200
    await fake.wait_for("sendMessage", to_chat(ALICE))
    await fake.send_text(BOB, "unused")  # nothing polls in webhook mode: it must stay queued
    await asyncio.sleep(0.2)
    assert [i.text for i in conversations.incoming] == ["via webhook"]
    assert len(fake.sent("sendMessage", chat_id=ALICE["id"])) == 1


def to_chat(user: dict[str, Any]) -> Callable[[dict[str, Any]], bool]:
    return lambda params: params["chat_id"] == user["id"]
