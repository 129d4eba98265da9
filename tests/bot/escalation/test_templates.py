"""The safe replies: what every crisis reply must carry, and what none may contain."""

from __future__ import annotations

import re

import pytest

from bot.escalation.crisis_lines import CrisisDirectory, Resources
from bot.escalation.templates import crisis_reply, resources_text
from bot.safety.levels import RiskLevel

CRISIS_LEVELS = (RiskLevel.PASSIVE, RiskLevel.ACTIVE, RiskLevel.IMMINENT)
VARIANTS = range(6)


@pytest.fixture(scope="module")
def directory() -> CrisisDirectory:
    return CrisisDirectory.load()


@pytest.mark.parametrize("level", CRISIS_LEVELS)
def test_every_reply_has_the_safe_messaging_essentials(directory, level):
    uk = directory.resources_for("GB")
    for variant in VARIANTS:
        reply = crisis_reply(level, uk, variant=variant)
        assert "116 123" in reply and "85258" in reply  # phone and text
        assert "I'm an AI" in reply
        assert "?" in reply  # a direct question
        assert re.search(r"trust", reply)  # a trusted person, not only a line
        assert len(reply) < 900, "crisis replies stay short"


@pytest.mark.parametrize("level", CRISIS_LEVELS)
def test_no_reply_uses_harmful_phrasing(directory, level):
    for code in ("GB", "US", "IT", None):
        for variant in VARIANTS:
            reply = crisis_reply(level, directory.resources_for(code), variant=variant).lower()
            for phrase in ("commit suicide", "successful", "secret is safe", "promise"):
                assert phrase not in reply


def test_l4_puts_the_emergency_number_first_and_asks_not_to_be_alone(directory):
    us = directory.resources_for("US")
    for variant in VARIANTS:
        reply = crisis_reply(RiskLevel.IMMINENT, us, variant=variant)
        assert reply.index("911") < reply.index("988")
        assert "911" in reply.split("\n\n")[0]
        assert "don't be alone right now" in reply


def test_variants_differ(directory):
    uk = directory.resources_for("GB")
    for level in CRISIS_LEVELS:
        assert len({crisis_reply(level, uk, variant=v) for v in range(3)}) == 3


def test_unknown_country_gets_the_fallback_and_no_other_countrys_line(directory):
    numbers = {line.phone for line in directory.all_lines() if line.phone} | {
        line.sms for line in directory.all_lines() if line.sms
    }
    for level in CRISIS_LEVELS:
        reply = crisis_reply(level, directory.resources_for(None), variant=0)
        assert "findahelpline.com" in reply and "local emergency number" in reply
        assert not [n for n in numbers if n in reply]


def test_a_country_without_a_24_7_line_points_to_the_emergency_number(directory):
    italy = directory.resources_for("IT")
    reply = crisis_reply(RiskLevel.ACTIVE, italy, variant=0)
    assert "not 24/7" in reply and "Outside those hours, call 112" in reply


def test_levels_below_l2_have_no_crisis_template():
    with pytest.raises(ValueError):
        crisis_reply(RiskLevel.DISTRESS, Resources(None, None, ()), variant=0)


def test_resources_text_lists_every_line_with_the_emergency_number(directory):
    text = resources_text(directory.resources_for("AU"))
    for number in ("13 11 14", "0477 13 11 14", "1800 55 1800", "000", "findahelpline.com"):
        assert number in text
    assert "findahelpline.com" in resources_text(directory.resources_for(None))
