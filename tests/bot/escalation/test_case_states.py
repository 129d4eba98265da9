"""The case state machine as a table, and the pure decisions and timings built on it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.config import EscalationSettings
from bot.escalation.cases import (
    TRANSITIONS,
    CaseAction,
    Outcome,
    decide,
    next_status,
    raised_level,
)
from bot.escalation.outbox import repage_due, retry_delay
from bot.ports import CaseStatus

OPEN, CLAIMED, RESOLVED = CaseStatus.OPEN, CaseStatus.CLAIMED, CaseStatus.RESOLVED


def test_the_happy_path_is_open_claimed_resolved():
    assert next_status(OPEN, CaseAction.CLAIM) is CLAIMED
    assert next_status(CLAIMED, CaseAction.RESOLVE) is RESOLVED


def test_release_and_backup_are_side_steps():
    assert next_status(CLAIMED, CaseAction.RELEASE) is OPEN
    assert next_status(OPEN, CaseAction.REQUEST_BACKUP) is OPEN
    assert next_status(CLAIMED, CaseAction.REQUEST_BACKUP) is CLAIMED


def test_a_resolved_case_is_final():
    assert not [action for (status, action) in TRANSITIONS if status is RESOLVED]


@pytest.mark.parametrize(
    ("status", "action"),
    [
        (CLAIMED, CaseAction.CLAIM),
        (OPEN, CaseAction.RELEASE),
        (OPEN, CaseAction.REPLY),
        (CLAIMED, CaseAction.REPAGE),
        (RESOLVED, CaseAction.CLAIM),
    ],
)
def test_moves_missing_from_the_table_are_refused(status, action):
    assert next_status(status, action) is None
    decision = decide(status, action, actor="discord:1", is_moderator=True, claimed_by=None)
    assert not decision.allowed


def test_a_second_claim_is_told_it_is_taken():
    decision = decide(
        CLAIMED, CaseAction.CLAIM, actor="telegram:2", is_moderator=True, claimed_by="discord:1"
    )
    assert decision.outcome is Outcome.ALREADY_CLAIMED


def test_non_moderators_are_refused_before_anything_else():
    for status in (None, OPEN, CLAIMED):
        decision = decide(
            status, CaseAction.CLAIM, actor="discord:9", is_moderator=False, claimed_by=None
        )
        assert decision.outcome is Outcome.NOT_MODERATOR


def test_only_the_claimer_resolves_releases_or_replies_on_a_claimed_case():
    for action in (CaseAction.RESOLVE, CaseAction.RELEASE, CaseAction.REPLY):
        other = decide(
            CLAIMED, action, actor="telegram:2", is_moderator=True, claimed_by="discord:1"
        )
        owner = decide(
            CLAIMED, action, actor="discord:1", is_moderator=True, claimed_by="discord:1"
        )
        assert other.outcome is Outcome.NOT_CLAIMER and owner.allowed
    anyone = decide(
        OPEN, CaseAction.RESOLVE, actor="telegram:2", is_moderator=True, claimed_by=None
    )
    assert anyone.allowed and anyone.to is RESOLVED


def test_a_level_only_ever_rises():
    assert raised_level(3, 4) == 4
    assert raised_level(4, 3) is None
    assert raised_level(3, 3) is None


def test_retries_back_off_doubling_up_to_the_cap():
    settings = EscalationSettings(retry_initial_s=2, retry_max_s=60)
    assert [retry_delay(n, settings) for n in range(1, 8)] == [2, 4, 8, 16, 32, 60, 60]


def test_repage_deadlines_follow_the_level_and_the_settings():
    settings = EscalationSettings(l4_repage_minutes=5, l3_repage_minutes=30)
    opened = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    assert not repage_due(4, None, opened, opened + timedelta(minutes=4), settings)
    assert repage_due(4, None, opened, opened + timedelta(minutes=5), settings)
    assert not repage_due(3, None, opened, opened + timedelta(minutes=29), settings)
    assert repage_due(3, None, opened, opened + timedelta(minutes=30), settings)
    paged = opened + timedelta(minutes=10)
    assert not repage_due(4, paged, opened, paged + timedelta(minutes=1), settings)
    fast = EscalationSettings(l4_repage_minutes=1)
    assert repage_due(4, None, opened, opened + timedelta(minutes=1), fast)
