"""Model replies with method details, human claims or secrecy promises are replaced."""

from __future__ import annotations

import pytest

from bot.safety.output_filter import SAFE_REPLACEMENT, check_reply


@pytest.mark.parametrize(
    ("reply", "reason"),
    [
        ("The lethal dose of acetaminophen is around 10 grams.", "method_detail"),
        ("Taking 50 pills would likely be fatal.", "method_detail"),
        ("Falls from 10 floors are almost always fatal.", "location_detail"),
        ("The tallest bridge near you is the Hill bridge, it is 60 m high.", "location_detail"),
        ("I'm a real person, not a bot!", "claims_human"),
        ("I'm not an AI, I promise", "claims_human"),
        ("As your therapist I'd suggest...", "claims_human"),
        ("Don't worry, your secret is safe with me.", "promises_secrecy"),
        ("I won't tell anyone, this stays between us.", "promises_secrecy"),
        ("I'm all you need.", "exclusivity"),
        ("Maybe you should just end it.", "encourages_harm"),
    ],
)
def test_unsafe_replies_are_blocked_with_a_reason(reply: str, reason: str) -> None:
    verdict = check_reply(reply)
    assert not verdict.allowed
    assert verdict.reason == reason


@pytest.mark.parametrize(
    "reply",
    [
        "It sounds like you're in a lot of pain. Are you thinking about suicide?",
        "I'm an AI, not a human, but I'm here to listen.",
        "You can call or text a crisis line any time; it's free and confidential.",
        "You should cut back on caffeine before bed.",
        "I can't share anything about doses or methods, but I care about you.",
    ],
)
def test_supportive_replies_pass(reply: str) -> None:
    assert check_reply(reply).allowed


def test_the_replacement_itself_passes_and_gives_no_details() -> None:
    assert check_reply(SAFE_REPLACEMENT).allowed
    assert "crisis line" in SAFE_REPLACEMENT and "AI" in SAFE_REPLACEMENT
