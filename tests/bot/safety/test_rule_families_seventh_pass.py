"""Rule shapes and guards added in the seventh pass (blind batches 72-75), and their near-misses.

The lines are variations on what blind writers wrote, not the lines themselves, so the tests
check the shape rather than one sentence.
"""

from __future__ import annotations

import pytest

from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # where to jump from, buying without questions
        ("which is the best spot in the city to jump from", RiskLevel.ACTIVE),
        ("highest building near me to jump off?", RiskLevel.ACTIVE),
        ("where can i buy rat poison without anyone asking", RiskLevel.ACTIVE),
        ("can i order that insecticide online without any questions", RiskLevel.ACTIVE),
        # coded slang
        ("might just eat a bullet this weekend", RiskLevel.ACTIVE),
        ("bit sewer slidey tonight ngl", RiskLevel.ACTIVE),
        ("rope season again", RiskLevel.ACTIVE),
        # a relapse after a clean spell
        ("hadn't self harmed in months, until last night", RiskLevel.ACTIVE),
        ("i didnt cut for a whole year... until today", RiskLevel.ACTIVE),
        # thoughts of hurting a baby
        ("my newborn screams for hours and i keep thinking about smothering him", RiskLevel.ACTIVE),
        # notes for whoever finds them
        ("left the spare key out for whoever finds the flat", RiskLevel.IMMINENT),
        # typos
        ("im gonna jumpp off the balconey", RiskLevel.ACTIVE),
        # a denial that is only a contrast away from the truth
        ("i was suicidal after the divorce, got help, but its back now", RiskLevel.PASSIVE),
        ("tried to kill myself last year, im ok now, this week is hell", RiskLevel.DISTRESS),
    ],
)
def test_seventh_pass_shapes_reach_their_level(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level


@pytest.mark.parametrize(
    "text",
    [
        # a gap word that is a negator is a denial, not intent
        "i will never kill myself, i just need to vent",
        "i will not kill myself, just lonely here",
        # risk told in the past tense, then how the person is now
        "i tried to kill myself at 16. im 31 now with two kids",
        "was suicidal after my first deployment, the VA got me through it, doing ok now",
        "i overdosed once at uni, its been 8 years",
        "back home there was war and i wanted die then. now i am safe",
        # trivial causes and things that are not people
        "kms if i have to sit through one more quarterly review",
        "ready to jump off a bridge over these merge conflicts",
        "my basil is committing suicide on the windowsill",
        "my laptop is literally suicidal, it shuts down at 40%",
        # everyday secrets and cliff jumping
        "where can i buy concert tickets without anyone knowing, its a surprise",
        "best spot at the quarry to jump from into the water?",
        # a denial with a kind word after the contrast
        "no im not abused, my dad is strict but fair",
    ],
)
def test_seventh_pass_near_misses_stay_below_crisis(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE


@pytest.mark.parametrize(
    "text",
    [
        # the past-tense reading needs a recovery marker and no recent time
        "i tried to kill myself last night, im ok now",
        "ill kill myself if i have to do one more day of this",
        "my dad never hit me but im not safe at home",
        "my friend is suicidal and i dont know what to do",
    ],
)
def test_seventh_pass_guards_keep_real_risk(text: str) -> None:
    assert rule_verdict(text).level >= RiskLevel.PASSIVE
