"""The conversation core end to end over a real SQLite store, with fakes at its ports."""

from __future__ import annotations

import asyncio
import itertools
import random
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.core import Core
from bot.events import ContentKind, Incoming, ReplyKind, UserKey
from bot.ports import Command, CommandCall
from bot.safety.levels import RiskLevel
from inference.api import GeneratorBusy, GeneratorUnavailable
from storage.repository import ConversationStore
from tests.bot.fakes import (
    FakeSafeReplies,
    KeywordAssessor,
    RecordingDesk,
    Replies,
    ScriptedGenerator,
)

_ids = itertools.count(1)


def incoming(
    text: str,
    user: str = "alice",
    message_id: str | None = None,
    kind: ContentKind = ContentKind.TEXT,
) -> Incoming:
    return Incoming(
        UserKey("terminal", user),
        f"chat-{user}",
        message_id or str(next(_ids)),
        text,
        datetime.now(UTC),
        kind=kind,
        handle=user,
    )


@pytest.fixture
def build(
    make_settings: Callable[..., Any], store: ConversationStore, message_log: Any, clock: Any
) -> Any:
    def make(generator: Any = None, filter_reason: str | None = None, **sections: Any) -> Any:
        desk = RecordingDesk()
        assessor = KeywordAssessor()
        core = Core(
            settings=make_settings(**sections),
            store=store,
            message_log=message_log,
            assessor=assessor,
            safe_replies=FakeSafeReplies(),
            risk_desk=desk,
            generator=generator if generator is not None else ScriptedGenerator(),
            reply_filter=lambda text: filter_reason,
            safe_replacement="[safe replacement]",
            clock=clock,
        )
        return core, desk, assessor

    return make


async def test_first_contact_gets_onboarding_once_then_replies(build, store, message_log):
    core, _, _ = build()
    replies = Replies()
    await core.handle(incoming("hi"), replies)
    await core.handle(incoming("I feel anxious about my exam"), replies)
    kinds = [r.kind for r in replies.items]
    assert kinds == [ReplyKind.ONBOARDING, ReplyKind.ANSWER, ReplyKind.ANSWER]
    assert "AI" in replies.texts[0] and "not a therapist" in replies.texts[0]
    await message_log.flush()
    user = await store.find_user("terminal", "alice")
    history = await store.history(user.id, limit=10)
    assert [m.role for m in history] == ["user", "assistant", "user", "assistant"]
    assert history[2].text == "I feel anxious about my exam"
    assert history[2].level == RiskLevel.DISTRESS


async def test_redelivered_message_is_handled_once(build, store):
    generator = ScriptedGenerator()
    core, _, _ = build(generator)
    first, again = Replies(), Replies()
    await core.handle(incoming("hello", message_id="m-1"), first)
    await core.handle(incoming("hello", message_id="m-1"), again)
    assert again.items == [] and len(generator.requests) == 1


async def test_redelivery_after_restart_is_caught_by_the_database(build, store):
    core, _, _ = build()
    await core.handle(incoming("hello", message_id="m-7"), Replies())
    restarted, _, _ = build()
    again = Replies()
    await restarted.handle(incoming("hello", message_id="m-7"), again)
    assert again.items == []


async def test_a_returning_person_after_restart_keeps_their_record_and_history(
    build, store, message_log
):
    generator = ScriptedGenerator()
    core, _, _ = build(generator)
    await core.handle(incoming("my cat is ill", message_id="m-1"), Replies())
    await message_log.flush()
    restarted, _, _ = build(generator)
    replies = Replies()
    await restarted.handle(incoming("she is at the vet now", message_id="m-2"), replies)
    assert [r.kind for r in replies.items] == [ReplyKind.ANSWER]  # no second onboarding
    await message_log.flush()
    people = await store.find_user("terminal", "alice")
    history = await store.history(people.id, limit=10)
    assert [m.text for m in history if m.role == "user"] == [
        "my cat is ill",
        "she is at the vet now",
    ]
    assert "my cat is ill" in [m.content for m in generator.requests[-1].messages]


async def test_one_users_messages_stay_in_order_while_users_run_in_parallel(build):
    class RandomDelay(ScriptedGenerator):
        async def stream(self, request):  # type: ignore[override]
            self.requests.append(request)
            await asyncio.sleep(random.uniform(0.0, 0.02))
            yield "ok " + request.messages[-1].content

    generator = RandomDelay()
    core, _, _ = build(generator, conversation={"flood_messages": 100})
    per_user: dict[str, Replies] = {u: Replies() for u in ("a", "b", "c", "d")}
    sends = [
        core.handle(incoming(f"{u}-{n}", user=u), per_user[u]) for n in range(8) for u in per_user
    ]
    loop = asyncio.get_running_loop()
    started = loop.time()
    await asyncio.gather(*sends)
    elapsed = loop.time() - started
    for user, replies in per_user.items():
        answers = [
            t
            for t, r in zip(replies.texts, replies.items, strict=True)
            if r.kind is ReplyKind.ANSWER
        ]
        assert answers == [f"ok {user}-{n}" for n in range(8)]
    assert elapsed < 8 * 4 * 0.02  # users overlapped: less than fully serial worst case
    assert core.active_lanes == 0  # idle lanes are dropped


async def test_crisis_message_gets_template_and_case_and_never_reaches_the_model(build, store):
    generator = ScriptedGenerator()
    core, desk, _ = build(generator, safety={"default_country": "GB"})
    replies = Replies()
    await core.handle(incoming("I want to kill myself"), replies)
    crisis = [r for r in replies.items if r.kind is ReplyKind.CRISIS]
    assert len(crisis) == 1 and "lines for GB" in crisis[0].text
    assert replies.items[0].kind is ReplyKind.CRISIS  # before onboarding or anything slow
    assert generator.requests == []
    assert len(desk.reports) == 1 and desk.reports[0][1].level is RiskLevel.ACTIVE


async def test_passive_ideation_gets_model_reply_with_resources_and_crisis_prompt(build):
    generator = ScriptedGenerator()
    core, desk, _ = build(generator)
    replies = Replies()
    await core.handle(incoming("sometimes I wish I was dead"), replies)
    answer = replies.items[-1]
    assert answer.kind is ReplyKind.ANSWER and "[resources for unknown]" in answer.text
    assert "suicide" in generator.requests[0].messages[0].content
    assert desk.reports == []


async def test_conversation_keeps_its_highest_level(build):
    generator = ScriptedGenerator()
    core, _, _ = build(generator)
    await core.handle(incoming("I wish I was dead"), Replies())
    later = Replies()
    await core.handle(incoming("never mind, it's fine"), later)
    assert "[resources for unknown]" in later.items[-1].text
    assert later.items[-1].level is RiskLevel.PASSIVE


async def test_assessor_sees_earlier_messages_as_context(build):
    core, _, assessor = build()
    await core.handle(incoming("first thing"), Replies())
    await core.handle(incoming("second thing"), Replies())
    text, context = assessor.calls[-1]
    assert text == "second thing" and context == ("first thing",)


async def test_claimed_case_relays_to_moderator_and_model_stays_out(build, store):
    generator = ScriptedGenerator()
    core, desk, _ = build(generator)
    await core.handle(incoming("hello"), Replies())
    user = await store.find_user("terminal", "alice")
    desk.claimed[user.id] = 42
    replies = Replies()
    await core.handle(incoming("are you there?"), replies)
    assert desk.relayed == [(42, "are you there?")]
    assert len(generator.requests) == 1 and replies.items == []
    urgent = Replies()
    await core.handle(incoming("I have them and I'm taking them tonight"), urgent)
    assert [r.kind for r in urgent.items] == [ReplyKind.CRISIS]


async def test_long_message_gets_a_note_but_is_still_screened(build):
    generator = ScriptedGenerator()
    core, desk, _ = build(generator, conversation={"max_message_chars": 200})
    replies = Replies()
    await core.handle(incoming("x" * 500), replies)
    assert "long message" in replies.items[-1].text and generator.requests == []
    await core.handle(incoming("y " * 300 + " I want to kill myself"), replies)
    assert len(desk.reports) == 1


@pytest.mark.parametrize("kind", [ContentKind.STICKER, ContentKind.VOICE, ContentKind.IMAGE])
async def test_non_text_gets_a_friendly_answer(build, kind):
    core, _, _ = build()
    replies = Replies()
    await core.handle(incoming("", kind=kind), replies)
    assert "in words" in replies.texts[-1]


@pytest.mark.parametrize("text", ["", "   ", "\x00\x01\x02", "\u200b"])
async def test_empty_or_binary_input_is_answered_without_error(build, text):
    core, _, _ = build()
    replies = Replies()
    await core.handle(incoming(text), replies)
    assert replies.items and all("Traceback" not in t for t in replies.texts)


async def test_flood_limit_answers_with_a_note_and_spares_the_model(build):
    generator = ScriptedGenerator()
    core, _, _ = build(generator, conversation={"flood_messages": 3, "flood_window_s": 60})
    replies = Replies()
    for n in range(5):
        await core.handle(incoming(f"msg {n}"), replies)
    assert len(generator.requests) == 3
    assert replies.texts[-1].startswith("You're sending messages faster")


async def test_flooded_crisis_message_still_gets_the_crisis_reply(build):
    core, desk, _ = build(conversation={"flood_messages": 1, "flood_window_s": 60})
    await core.handle(incoming("hi"), Replies())
    replies = Replies()
    await core.handle(incoming("I want to kill myself"), replies)
    assert replies.items[0].kind is ReplyKind.CRISIS and len(desk.reports) == 1


@pytest.mark.parametrize(
    ("error", "phrase"),
    [
        (GeneratorBusy("full"), "a lot of messages"),
        (GeneratorUnavailable("gone"), "isn't available"),
    ],
)
async def test_model_failures_give_an_honest_reply(build, error, phrase):
    core, _, _ = build(ScriptedGenerator(error=error))
    replies = Replies()
    await core.handle(incoming("hello"), replies)
    assert phrase in replies.texts[-1]


async def test_slow_model_times_out_with_an_honest_reply(build):
    core, _, _ = build(ScriptedGenerator(delay_s=5), conversation={"reply_deadline_s": 0.1})
    replies = Replies()
    loop = asyncio.get_running_loop()
    started = loop.time()
    await core.handle(incoming("hello"), replies)
    assert "taking too long" in replies.texts[-1]
    assert loop.time() - started < 5.5


async def test_output_filter_replaces_an_unsafe_model_reply(build):
    core, _, _ = build(filter_reason="dose")
    replies = Replies()
    await core.handle(incoming("hello"), replies)
    assert replies.texts[-1] == "[safe replacement]"


async def test_crisis_reply_does_not_wait_for_a_stalled_disk(build, message_log, monkeypatch):
    core, _, _ = build(conversation={"store_timeout_s": 0.2})
    await core.handle(incoming("hello"), Replies())  # user now cached

    async def stall(*args: Any, **kwargs: Any) -> None:
        await asyncio.sleep(30)

    monkeypatch.setattr(message_log, "append_incoming", stall)
    sent_at: list[float] = []
    loop = asyncio.get_running_loop()

    async def respond(reply: Any) -> None:
        sent_at.append(loop.time())

    started = loop.time()
    await core.handle(incoming("I want to kill myself"), respond)
    assert sent_at and sent_at[0] - started < 0.05


async def test_commands_country_consent_and_forget(build, store, message_log):
    core, _, _ = build()
    key = UserKey("terminal", "alice")
    replies = Replies()
    await core.handle(incoming("hello"), replies)
    await core.command(CommandCall(key, "chat-alice", Command.COUNTRY, "gb"), replies)
    assert (await store.find_user("terminal", "alice")).country == "GB"
    assert "[resources for GB]" in replies.texts[-1]
    await core.command(CommandCall(key, "chat-alice", Command.COUNTRY, "Britain"), replies)
    assert "two letters" in replies.texts[-1]
    await core.command(CommandCall(key, "chat-alice", Command.CONSENT, "no"), replies)
    user = await store.find_user("terminal", "alice")
    assert user.consent is False
    assert all(m.text is None for m in await store.history(user.id, limit=10))
    await core.handle(incoming("not kept"), replies)
    await message_log.flush()
    assert all(m.text is None for m in await store.history(user.id, limit=10))
    await core.command(CommandCall(key, "chat-alice", Command.FORGET), replies)
    assert replies.items[-1].confirm == (Command.FORGET_CONFIRM.value,)


async def test_crisis_reply_does_not_wait_behind_the_same_persons_slow_model_turn(build):
    core, desk, _ = build(ScriptedGenerator(delay_s=2))
    await core.handle(incoming("hi"), Replies())  # onboarding done
    slow, urgent = Replies(), Replies()
    loop = asyncio.get_running_loop()
    started = loop.time()
    first = asyncio.create_task(core.handle(incoming("tell me something"), slow))
    await asyncio.sleep(0.05)  # the first message is now waiting on the model
    crisis_at: list[float] = []

    async def respond(reply: Any) -> None:
        crisis_at.append(loop.time())
        await urgent(reply)

    second = asyncio.create_task(core.handle(incoming("I want to kill myself"), respond))
    await asyncio.sleep(0.2)
    assert urgent.items and urgent.items[0].kind is ReplyKind.CRISIS
    assert crisis_at[0] - started < 0.5
    await asyncio.gather(first, second)
    assert len(desk.reports) == 1  # the case opens once the lane frees


async def test_a_store_failure_still_gets_an_answer(build, message_log, monkeypatch):
    core, _, _ = build()
    await core.handle(incoming("hi"), Replies())

    async def broken(*args: Any, **kwargs: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(message_log, "append_incoming", broken)
    replies = Replies()
    await core.handle(incoming("are you there?"), replies)
    assert replies.items and replies.items[-1].kind is ReplyKind.ANSWER


async def test_a_person_erased_by_the_operator_can_write_again(build, store, message_log):
    core, _, _ = build()
    await core.handle(incoming("hello"), Replies())
    await message_log.flush()
    await store.erase_user("terminal", "alice")  # as `haven user forget` does, behind the core
    replies = Replies()
    await core.handle(incoming("back again"), replies)
    await message_log.flush()
    user = await store.find_user("terminal", "alice")
    assert user is not None
    assert [m.text for m in await store.history(user.id, limit=5) if m.role == "user"] == [
        "back again"
    ]


async def test_onboarding_after_declining_consent_says_no_text_is_kept(build):
    core, _, _ = build()
    key = UserKey("terminal", "alice")
    replies = Replies()
    await core.command(CommandCall(key, "chat-alice", Command.CONSENT, "no"), replies)
    await core.command(CommandCall(key, "chat-alice", Command.START), replies)
    assert "keep no text" in replies.texts[-1]
    assert "encrypted for 30 days" not in replies.texts[-1]


async def test_a_stale_claim_falls_back_to_the_model(build, store):
    generator = ScriptedGenerator()
    core, desk, _ = build(generator)
    await core.handle(incoming("hello"), Replies())
    user = await store.find_user("terminal", "alice")
    desk.claimed[user.id] = 7
    desk.stale.add(7)
    replies = Replies()
    await core.handle(incoming("anyone?"), replies)
    assert replies.items[-1].kind is ReplyKind.ANSWER and desk.relayed == []
