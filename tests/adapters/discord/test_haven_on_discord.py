"""Haven on Discord end to end: the real discord.py client, started by the real Haven app the way
`haven run` starts it, against a fake Discord (REST + gateway) on 127.0.0.1."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from bot import texts
from bot.escalation import relay
from bot.events import ContentKind, Incoming, Reply, ReplyKind, UserKey
from bot.ports import Command
from bot.testing import EchoGenerator
from tests.adapters.discord.conftest import World, eventually
from tests.adapters.discord.fake_discord import FakeDiscord

CRISIS = "I want to kill myself"
INTENT_GUILDS, INTENT_GUILD_MESSAGES, INTENT_DMS, INTENT_CONTENT = 1, 1 << 9, 1 << 12, 1 << 15
INTENT_MEMBERS, INTENT_PRESENCES = 1 << 1, 1 << 8


def contents(fake: FakeDiscord, channel_id: str) -> list[str]:
    return [m["content"] for m in fake.sent_to(channel_id)]


def buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for row in message["components"] for c in row["components"]]


async def crisis_alert(world: World) -> dict[str, Any]:
    """The member sends a crisis DM; returns the alert message in the moderator channel."""
    fake = world.fake
    await fake.user_dms(world.member, CRISIS)
    channel = fake.moderator_channel["id"]
    return await eventually(lambda: next(iter(fake.sent_to(channel)), None))


def case_of(alert: dict[str, Any]) -> str:
    """The case id from an alert embed's title ("L3 · ... · case #12")."""
    return alert["embeds"][0]["title"].split("#")[1].split()[0]


async def claim(world: World, alert: dict[str, Any]) -> dict[str, Any]:
    """The moderator presses Claim; returns the private thread Haven opened."""
    fake = world.fake
    case_id = case_of(alert)
    await fake.click(world.moderator, alert, f"haven:case:{case_id}:claim")
    return await eventually(lambda: next(iter(fake.threads()), None))


async def test_login_and_gateway_handshake(world: World) -> None:
    fake = world.fake
    assert fake.identify is not None and fake.identify["token"] == "fake-token"
    intents = fake.identify["intents"]
    assert intents & INTENT_DMS and intents & INTENT_GUILDS and intents & INTENT_CONTENT
    assert not intents & (INTENT_MEMBERS | INTENT_PRESENCES)  # no privileged member data
    assert fake.heartbeats >= 1
    first = [(c.method, c.path) for c in fake.calls[:2]]
    assert first == [("GET", "/users/@me"), ("GET", "/oauth2/applications/@me")]
    registered = await eventually(lambda: fake.commands)
    assert {c["name"] for c in registered} == {"help", "resources", "country", "forget", "export"}
    assert all(c["contexts"] == [1] for c in registered)  # usable in DMs with the bot
    assert [a.name for a in world.app.adapters] == ["discord"]


async def test_dm_is_answered_with_typing_and_a_reply(world: World) -> None:
    fake = world.fake
    await fake.user_dms(world.member, "I had a rough day at work")
    answer = await fake.wait_for(
        "POST", world.dm_messages_path, lambda b: "You said: I had a rough day" in b["content"]
    )
    typing = await fake.wait_for("POST", f"/channels/{world.dm['id']}/typing")
    assert typing.at <= answer.at
    # onboarding first, then the answer; the bot's own echoed messages are not answered
    await asyncio.sleep(0.2)
    sent = contents(fake, world.dm["id"])
    assert len(sent) == 2 and "AI" in sent[0]
    assert not fake.unknown


async def test_an_image_without_text_gets_a_gentle_text_only_note(world: World) -> None:
    fake = world.fake
    await fake.user_dms(world.member, "", image="photo.png")
    await eventually(lambda: len(fake.sent_to(world.dm["id"])) == 2)
    assert contents(fake, world.dm["id"])[1] == texts.not_text(ContentKind.IMAGE)
    assert world.generator.requests == []


async def test_reply_over_2000_characters_is_split_on_boundaries(world: World) -> None:
    sentence = "You are not alone in feeling this way, and it makes sense to feel tired."
    long_reply = " ".join([sentence] * 70)  # about 5,000 characters
    world.generator._reply = long_reply
    fake = world.fake
    await fake.user_dms(world.member, "tell me something kind")
    await eventually(lambda: len(fake.sent_to(world.dm["id"])) >= 4)
    parts = contents(fake, world.dm["id"])[1:]  # after onboarding
    assert len(parts) == 3
    assert all(len(p) <= 2000 for p in parts)
    assert all(p.endswith(".") for p in parts)  # cut after a sentence, never mid-word
    assert " ".join(parts) == long_reply.strip()


async def test_crisis_dm_gets_crisis_lines_at_once_and_an_alert_with_buttons(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    first = fake.sent_to(world.dm["id"])[0]
    assert "116 123" in first["content"]  # Samaritans, GB (the configured default country)
    assert len(alert["embeds"]) == 1
    embed = alert["embeds"][0]
    assert embed["title"].startswith("L3")
    fields = {f["name"]: f["value"] for f in embed["fields"]}
    assert "@alex" in fields["Member"] and "open" in fields["Status"]
    assert CRISIS not in str(alert)  # the conversation is shown only to the claimer
    ids = [b["custom_id"] for b in buttons(alert)]
    assert [i.rsplit(":", 1)[1] for i in ids] == ["claim", "backup", "resolve"]
    assert all(i.startswith("haven:case:") for i in ids)
    assert f"<@&{fake.moderator_role['id']}>" in alert["content"]  # moderators are pinged


async def test_claim_opens_a_private_thread_and_relays_both_ways(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    thread = await claim(world, alert)
    assert thread["type"] == 12 and thread["parent_id"] == fake.moderator_channel["id"]
    await eventually(lambda: world.moderator["id"] in fake.thread_members.get(thread["id"], ()))
    # the claimer sees the excerpt, the alert shows who claimed, the member is told
    await eventually(lambda: any(CRISIS in c for c in contents(fake, thread["id"])))
    await eventually(lambda: "claimed by Sam" in str(fake.messages[alert["id"]]["embeds"]))
    await eventually(lambda: relay.JOINED in contents(fake, world.dm["id"]))
    ephemeral = [
        m for m in fake.messages.values() if m["flags"] & 64 and "You have case" in m["content"]
    ]
    assert ephemeral, "the claimer got no private confirmation"

    await fake.user_dms(world.member, "are you a real person?")
    await eventually(
        lambda: any("are you a real person?" in c for c in contents(fake, thread["id"]))
    )
    await fake.member_says(world.moderator, "Yes, I'm Sam. I'm here with you.", thread)
    await eventually(
        lambda: any(
            "human moderator" in c and "I'm here with you" in c
            for c in contents(fake, world.dm["id"])
        )
    )
    await fake.member_says(world.moderator, "// note: checking in with the team", thread)
    await asyncio.sleep(0.3)
    assert not any("checking in" in c for c in contents(fake, world.dm["id"]))
    assert world.generator.requests == []  # the model never saw any of this


async def test_claim_by_a_non_moderator_is_refused(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    case_id = case_of(alert)
    interaction = await fake.click(world.bystander, alert, f"haven:case:{case_id}:claim")
    reply = await eventually(
        lambda: next(
            (
                m
                for m in fake.messages.values()
                if m.get("interaction_metadata", {}).get("id") == interaction["id"] and m["content"]
            ),
            None,
        )
    )
    assert reply["flags"] & 64  # only the presser sees the refusal
    assert "moderator" in reply["content"].lower()
    await asyncio.sleep(0.3)
    assert fake.threads() == []
    assert "open" in str(fake.messages[alert["id"]]["embeds"])


async def test_resolve_closes_the_thread_and_the_case(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    thread = await claim(world, alert)
    await eventually(lambda: relay.JOINED in contents(fake, world.dm["id"]))
    case_id = case_of(alert)
    await fake.click(world.moderator, alert, f"haven:case:{case_id}:resolve")
    await eventually(lambda: thread["thread_metadata"]["locked"])
    assert thread["thread_metadata"]["archived"]
    await eventually(lambda: fake.messages[alert["id"]]["components"] == [])
    assert "resolved" in str(fake.messages[alert["id"]]["embeds"])
    await eventually(lambda: relay.RESUMED in contents(fake, world.dm["id"]))
    # the member talks with Haven again: answered in the DM, nothing goes to the closed thread
    before = len(fake.sent_to(world.dm["id"]))
    await fake.user_dms(world.member, "thank you for listening")
    await eventually(lambda: len(fake.sent_to(world.dm["id"])) > before)
    assert not any("thank you for listening" in c for c in contents(fake, thread["id"]))


async def test_release_closes_the_thread_and_reopens_the_alert(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    thread = await claim(world, alert)
    await eventually(lambda: any(CRISIS in c for c in contents(fake, thread["id"])))
    assert "haven:case:1:release" in [b["custom_id"] for b in buttons(fake.messages[alert["id"]])]
    await fake.click(world.moderator, alert, f"haven:case:{case_of(alert)}:release")
    await eventually(lambda: thread["thread_metadata"]["locked"])
    assert "released" in contents(fake, thread["id"])[-1]
    await eventually(lambda: relay.RELEASED in contents(fake, world.dm["id"]))
    claim_button = await eventually(
        lambda: next(
            (
                b
                for b in buttons(fake.messages[alert["id"]])
                if b["custom_id"].endswith(":claim") and not b.get("disabled")
            ),
            None,
        )
    )
    assert claim_button["label"] == "Claim"


async def test_a_button_pressed_after_a_restart_still_works(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    case_id = int(case_of(alert))
    # Restart only once the outbox has recorded the alert (else it is posted again, by design).
    store = world.app.escalation.store
    for _ in range(100):
        if alert["id"] in await store.delivered_alert_refs(case_id, "discord"):
            break
        await asyncio.sleep(0.02)
    await world.restart()  # a new process: new client, new views, same database
    assert fake.connections == 2
    thread = await claim(world, alert)
    await eventually(lambda: any(CRISIS in c for c in contents(fake, thread["id"])))
    await eventually(lambda: "claimed by Sam" in str(fake.messages[alert["id"]]["embeds"]))
    alerts = [m for m in fake.sent_to(fake.moderator_channel["id"]) if m["embeds"]]
    assert [m["id"] for m in alerts] == [alert["id"]]  # the old alert, not a new one


async def test_a_429_is_retried_and_the_reply_arrives(world: World) -> None:
    fake = world.fake
    fake.rate_limit_next("POST", world.dm_messages_path, retry_after=0.3)
    await fake.user_dms(world.member, "hello")
    await eventually(lambda: len(fake.sent_to(world.dm["id"])) == 2)
    posts = fake.posts(world.dm_messages_path)
    assert len(posts) == 3  # the refused attempt, its retry, and the answer
    assert posts[1].at - posts[0].at >= 0.3
    assert posts[0].body == posts[1].body


async def test_a_reply_that_fails_for_good_is_queued_and_delivered(world: World) -> None:
    fake = world.fake
    # 503 is not one discord.py retries by itself: the adapter must keep the reply
    fake.fail("POST", world.dm_messages_path, 503, {"message": "unavailable", "code": 0}, times=2)
    await fake.user_dms(world.member, "is anyone there")
    await eventually(lambda: len(fake.sent_to(world.dm["id"])) == 2)
    sent = contents(fake, world.dm["id"])
    assert "AI" in sent[0] and "You said: is anyone there" in sent[1]  # order kept


async def test_a_closed_dm_is_noted_on_the_case_and_moderators_are_told(world: World) -> None:
    fake = world.fake
    alert = await crisis_alert(world)
    thread = await claim(world, alert)
    await eventually(lambda: relay.JOINED in contents(fake, world.dm["id"]))
    await eventually(lambda: any(CRISIS in c for c in contents(fake, thread["id"])))
    fake.closed_dms.add(world.member["id"])
    await fake.member_says(world.moderator, "Are you still there?", thread)
    await eventually(lambda: any(relay.UNREACHABLE in c for c in contents(fake, thread["id"])))
    await eventually(lambda: "cannot be reached" in str(fake.messages[alert["id"]]["embeds"]))
    refused = [c for c in fake.posts(world.dm_messages_path) if "Are you still" in str(c.body)]
    assert refused  # the 403 really happened


async def test_slash_commands_in_dms(world: World) -> None:
    fake = world.fake
    await fake.slash(world.member, "help")
    await eventually(lambda: any("/resources" in c for c in contents(fake, world.dm["id"])))
    await fake.slash(world.member, "country", code="US")
    await fake.slash(world.member, "resources")
    await eventually(lambda: any("988" in c for c in contents(fake, world.dm["id"])))
    await fake.slash(world.member, "export")
    export = await eventually(
        lambda: next((m for m in fake.sent_to(world.dm["id"]) if m["attachments"]), None)
    )
    assert export["attachments"][0]["filename"].endswith(".json")


async def test_forget_asks_with_a_button_and_erases_on_confirm(world: World) -> None:
    fake = world.fake
    await fake.user_dms(world.member, "hello")
    await eventually(lambda: len(fake.sent_to(world.dm["id"])) == 2)
    await fake.slash(world.member, "forget")
    ask = await eventually(
        lambda: next((m for m in fake.sent_to(world.dm["id"]) if m["components"]), None)
    )
    ids = [b["custom_id"] for b in buttons(ask)]
    assert ids == [f"haven:cmd:{Command.FORGET_CONFIRM.value}", "haven:cmd:cancel"]
    await fake.click(world.member, ask, ids[0])
    await eventually(lambda: any("erased everything" in c for c in contents(fake, world.dm["id"])))
    assert fake.messages[ask["id"]]["components"] == []  # a second press is impossible


async def test_wrong_token_stops_start_up_with_one_clear_line(
    fake: FakeDiscord, discord_settings: Any
) -> None:
    from bot.app import build_app
    from bot.config import ConfigError

    app = build_app(discord_settings(token="not-the-token"), generator=EchoGenerator())
    with pytest.raises(ConfigError) as raised:
        await app.start()
    await app.stop()
    message = str(raised.value)
    assert message.startswith("discord.token:") and "\n" not in message


class RecordingMessenger:
    """Stands in for the Telegram adapter: records what Haven sends to Telegram users."""

    platform = "telegram"

    def __init__(self) -> None:
        self.sent: list[tuple[UserKey, str, Reply]] = []

    async def send_to_user(self, user: UserKey, chat_id: str, reply: Reply) -> None:
        self.sent.append((user, chat_id, reply))


async def test_a_telegram_users_case_is_taken_on_discord(world: World) -> None:
    fake = world.fake
    telegram = RecordingMessenger()
    world.app.host.add_messenger(telegram)
    replies: list[Reply] = []

    async def respond(reply: Reply) -> None:
        replies.append(reply)

    river = UserKey("telegram", "4242")
    await world.app.core.handle(
        Incoming(river, "4242", "m1", CRISIS, datetime.now(UTC), handle="@river"), respond
    )
    assert replies and replies[0].kind is ReplyKind.CRISIS
    channel = fake.moderator_channel["id"]
    alert = await eventually(lambda: next(iter(fake.sent_to(channel)), None))
    assert "@river · telegram" in str(alert["embeds"])
    thread = await claim(world, alert)
    await eventually(lambda: any(CRISIS in c for c in contents(fake, thread["id"])))
    await fake.member_says(world.moderator, "Hi River, I'm Sam from the community.", thread)
    sent = await eventually(
        lambda: [r for u, _, r in telegram.sent if u == river and "I'm Sam" in r.text]
    )
    assert sent[0].kind is ReplyKind.MODERATOR
