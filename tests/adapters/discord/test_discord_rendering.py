"""Pure rendering rules: splitting at Discord's limit, the alert embed and its buttons."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from adapters.discord.members import confirm_view
from adapters.discord.moderators import alert_view
from adapters.discord.rendering import (
    MESSAGE_LIMIT,
    alert_embed,
    owner_notice_text,
    relay_line_text,
    reply_chunks,
    split_message,
    waited_text,
)
from bot.events import Attachment, Reply, ReplyKind
from bot.ports import AlertView, CaseStatus, Command, OwnerNotice, RelayLine
from bot.safety.levels import RiskLevel

OPENED = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def make_alert(**changes: object) -> AlertView:
    values: dict[str, object] = {
        "case_id": 7,
        "level": RiskLevel.IMMINENT,
        "trigger": "rule:plan",
        "user_platform": "telegram",
        "user_id": "555",
        "user_handle": "@river",
        "opened_at": OPENED,
        "country": "GB",
        "resources_sent": True,
        "status": CaseStatus.OPEN,
    }
    values.update(changes)
    return AlertView(**values)  # type: ignore[arg-type]


def test_short_text_is_one_message() -> None:
    assert split_message("hello there") == ["hello there"]


def test_long_text_splits_at_line_boundaries_within_the_limit() -> None:
    lines = [f"line {i} " + "x" * 90 for i in range(60)]  # ~6,000 characters
    parts = split_message("\n".join(lines))
    assert len(parts) > 1 and all(len(p) <= MESSAGE_LIMIT for p in parts)
    assert "\n".join(parts) == "\n".join(lines)  # nothing lost, cut only between lines


def test_long_text_without_newlines_splits_after_a_sentence() -> None:
    text = " ".join(["This is one calm sentence that ends here."] * 120)
    parts = split_message(text)
    assert all(len(p) <= MESSAGE_LIMIT and p.endswith(".") for p in parts)
    assert " ".join(parts) == text


def test_an_unbroken_run_is_cut_hard_at_the_limit() -> None:
    parts = split_message("a" * 4500)
    assert [len(p) for p in parts] == [2000, 2000, 500]


def test_an_attachment_only_reply_still_makes_one_message() -> None:
    reply = Reply("", ReplyKind.NOTICE, attachment=Attachment("me.json", b"{}"))
    assert reply_chunks(reply) == [""]


def test_alert_embed_shows_the_minimum_and_who_claimed() -> None:
    embed = alert_embed(make_alert(status=CaseStatus.CLAIMED, claimed_by="Sam", note="DMs closed"))
    fields = {f.name: f.value for f in embed.fields}
    assert embed.title is not None and embed.title.startswith("L4") and "#7" in embed.title
    assert fields["Member"] == "@river · telegram"
    assert fields["Trigger"] == "`rule:plan`"
    assert fields["Status"] == "claimed by Sam"
    assert fields["Note"] == "DMs closed"
    assert fields["Crisis lines sent"] == "yes"


def test_alert_buttons_follow_the_case_state() -> None:
    def ids(view: object) -> list[str]:
        return [item.custom_id for item in view.children]  # type: ignore[attr-defined]

    open_view = alert_view(make_alert())
    assert ids(open_view) == ["haven:case:7:claim", "haven:case:7:backup", "haven:case:7:resolve"]
    claimed = alert_view(make_alert(status=CaseStatus.CLAIMED, claimed_by="Sam"))
    assert claimed is not None
    assert ids(claimed)[-2:] == ["haven:case:7:release", "haven:case:7:resolve"]
    assert claimed.children[0].item.disabled  # type: ignore[attr-defined]
    assert alert_view(make_alert(status=CaseStatus.RESOLVED)) is None
    assert open_view is not None and all(
        not item.is_dispatchable() or item.is_persistent() for item in open_view.children
    )


def test_confirm_choices_become_command_buttons_with_cancel() -> None:
    view = confirm_view((Command.FORGET_CONFIRM.value,))
    assert view is not None
    assert [item.custom_id for item in view.children] == [  # type: ignore[attr-defined]
        "haven:cmd:forget_confirm",
        "haven:cmd:cancel",
    ]
    assert confirm_view(()) is None


def test_relay_line_quotes_the_member_with_level() -> None:
    line = RelayLine("user", "first\nsecond", OPENED, RiskLevel.ACTIVE)
    assert relay_line_text(line) == "**Member** · L3\n> first\n> second"


def test_waited_text_reads_like_a_person_would_say_it():
    assert [waited_text(m) for m in (1, 15, 60, 61, 135)] == [
        "1 minute",
        "15 minutes",
        "1 hour",
        "1 hour 1 minute",
        "2 hours 15 minutes",
    ]


def test_owner_notice_says_what_to_do_and_links_the_alert_when_it_can():
    notice = OwnerNotice(7, RiskLevel.IMMINENT, OPENED, timedelta(minutes=16), 2, "123")
    text = owner_notice_text(notice, where="<#42>", link="https://discord.com/channels/1/42/123")
    assert "case #7" in text and "L4" in text and "16 minutes" in text
    assert "alerted 3 times in <#42>" in text
    assert "https://discord.com/channels/1/42/123" in text
    unsent = owner_notice_text(notice, where="<#42>", link=None)
    assert "has not reached the moderator channel" in unsent
