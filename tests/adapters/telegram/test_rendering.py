"""Splitting at Telegram's limit, alert text and button data: pure functions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from adapters.telegram.rendering import (
    alert_keyboard,
    alert_link,
    alert_text,
    case_data,
    confirm_keyboard,
    owner_notice_text,
    parse_case_data,
    split_text,
    utf16_len,
)
from bot.ports import AlertView, CaseStatus, OwnerNotice
from bot.safety.levels import RiskLevel


def test_short_text_is_one_piece() -> None:
    assert split_text("  hello  ") == ["hello"]
    assert split_text("   ") == []


def test_split_prefers_paragraphs_then_sentences() -> None:
    text = "a" * 30 + "\n\n" + "b" * 30
    assert split_text(text, 40) == ["a" * 30, "b" * 30]
    text = "One sentence here. Another one follows. " * 3
    pieces = split_text(text, 45)
    assert all(p.endswith(".") for p in pieces)
    assert " ".join(pieces) == text.strip()


def test_unbroken_run_is_cut_hard_without_losing_characters() -> None:
    text = "x" * 10_000
    pieces = split_text(text)
    assert [len(p) for p in pieces] == [4096, 4096, 1808]


def test_limit_counts_utf16_units_and_never_halves_an_emoji() -> None:
    text = "😊" * 3000  # 6,000 UTF-16 units
    pieces = split_text(text)
    assert all(utf16_len(p) <= 4096 for p in pieces)
    assert "".join(pieces) == text


@pytest.mark.parametrize("bad", ["case:1:delete", "case:x:claim", "user:forget", "", None])
def test_foreign_button_data_is_rejected(bad: str | None) -> None:
    assert parse_case_data(bad) is None


def test_case_button_round_trip_and_size() -> None:
    data = case_data(123456789012, "resolve")
    assert len(data.encode()) <= 64
    button = parse_case_data(data)
    assert button is not None and (button.case_id, button.action) == (123456789012, "resolve")


def test_confirm_keyboard_adds_a_way_out() -> None:
    rows = confirm_keyboard(("forget_confirm",)).inline_keyboard
    assert [b.callback_data for b in rows[0]] == ["user:forget_confirm", "user:cancel"]


def _alert(status: CaseStatus, **extra: object) -> AlertView:
    return AlertView(
        case_id=3,
        level=RiskLevel.IMMINENT,
        trigger="rule:plan",
        user_platform="telegram",
        user_id="111",
        user_handle="@alice",
        opened_at=datetime(2026, 1, 1, 9, 30, tzinfo=UTC),
        country=None,
        resources_sent=True,
        status=status,
        **extra,  # type: ignore[arg-type]
    )


def test_alert_text_by_status() -> None:
    open_text = alert_text(_alert(CaseStatus.OPEN))
    assert open_text.startswith("🚨 URGENT · L4 · case #3")
    assert "@alice" in open_text and "rule:plan" in open_text and "waiting" in open_text
    claimed = alert_text(_alert(CaseStatus.CLAIMED, claimed_by="@sam", backup_requested=True))
    assert "claimed by @sam" in claimed and "Backup requested" in claimed
    resolved = _alert(CaseStatus.RESOLVED, updated_at=datetime(2026, 1, 1, 10, 0, tzinfo=UTC))
    assert "resolved 2026-01-01 10:00 UTC" in alert_text(resolved)
    assert alert_keyboard(resolved) is None
    claimed_keys = alert_keyboard(_alert(CaseStatus.CLAIMED))
    assert claimed_keys is not None and len(claimed_keys.inline_keyboard) == 2  # + Release


def test_owner_notice_links_the_alert_in_a_supergroup_only():
    assert alert_link(-1001234567890, "88") == "https://t.me/c/1234567890/88"
    assert alert_link(-4567, "88") is None  # a basic group has no message links
    assert alert_link(-1001234567890, None) is None
    opened = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    notice = OwnerNotice(12, RiskLevel.IMMINENT, opened, timedelta(minutes=75), 0, None)
    text = owner_notice_text(notice, where="the moderator group", link=None)
    assert "case #12 (L4)" in text and "1 hour 15 minutes" in text and "alerted 1 time " in text
    assert "has not reached the moderator group" in text
