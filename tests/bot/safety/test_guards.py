"""Guards lower figurative, joking, negated and past-tense uses, but never erase strong signals."""

from __future__ import annotations

import pytest

from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel


@pytest.mark.parametrize(
    "text",
    [
        "this exam is killing me",
        "I'm dying to see the new spiderman movie",
        "how do I kill a process in linux",
        "my mom is going to kill me when she sees my grades lol",
        "overdosed on coffee today, my hands are shaking",
        "we did suicide sprints at practice",
        "i nearly killed myself tripping on the stairs",
        "that outfit is to die for",
        "shoot me a text when you get home",
        "how do i kill the creeper in minecraft",
        "kms this commute is 2 hours",
        "kms this group project is a nightmare, anyway can u help me with the slides",
        "gonna shoot my shot with her tomorrow wish me luck",
        "lost my best friend to suicide five years ago today",
        "the book I mentioned is about suicide, it's for my book club",
        "i'd rather die than sit through another team meeting",
        "bro i'd jump off a bridge for those tickets",
        "going to throw myself into the sun if this lag continues",
        "this thesis is going to take my life",
        "if he leaves the milk out one more time i'll murder him",
        "Filled in the tax return. Shoot me now.",
        "my back's killing me after the move",
        "if they kill off my favourite character i'm jumping off a bridge",
        "gonna off myself if this meeting goes one more minute",
        "if i hear that advert one more time on the radio i'll drive into the sea",
        "this patch nerfed my main, i'm going to kms",
        "i'll kill myself if he picks that champion again",
        "going to sleep forever (until noon)",
        "brb gonna unalive myself over this spreadsheet",
        "do bridge barriers reduce suicides?",
    ],
)
def test_figurative_use_is_not_a_crisis(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE


@pytest.mark.parametrize(
    "text",
    [
        "I'm not suicidal, just really tired",
        "i would never kill myself, i just need to vent",
        "I don't want to die, I just want things to be different",
        "im not going to hurt myself, don't worry",
        "no thoughts of hurting myself, just stressed",
        "I never said I wanted to die",
        "killing myself? no, never",
        "i have zero thoughts of killing myself, just stressed about money",
        "I'm not self harming, the scratches are from my cat",
        "i dont self harm, my friend asked me and i said no",
        "there's no way i'd ever hurt myself",
        "no, i'm not having thoughts of killing myself, my nurse asks every week",
        "not that i'd ever hurt myself, i just get tired",
    ],
)
def test_negated_statements_are_not_a_crisis(text: str) -> None:
    verdict = rule_verdict(text)
    assert verdict.level < RiskLevel.PASSIVE
    assert "guard:negation" in verdict.reasons


def test_negation_does_not_erase_a_strong_signal_elsewhere() -> None:
    verdict = rule_verdict("I'm not suicidal but I already took 30 pills")
    assert verdict.level == RiskLevel.IMMINENT


def test_negation_must_govern_the_phrase_itself() -> None:
    assert rule_verdict("I'm not okay. I want to kill myself").level == RiskLevel.ACTIVE
    assert rule_verdict("i dont know why but i want to die").level >= RiskLevel.PASSIVE


def test_joking_lowers_weak_slang_but_keeps_strong_statements_at_crisis_level() -> None:
    weak = rule_verdict("kms lol this homework")
    assert weak.level == RiskLevel.DISTRESS and "guard:joking" in weak.reasons
    strong = rule_verdict("i want to kill myself lol")
    assert strong.level == RiskLevel.PASSIVE  # a check-in, not an alert, and not erased


def test_joking_marker_does_not_lower_when_distress_is_present() -> None:
    assert rule_verdict("im so depressed lol i want to kms").level == RiskLevel.ACTIVE


def test_past_story_is_distress_not_crisis() -> None:
    verdict = rule_verdict("I was suicidal years ago but I'm doing much better now")
    assert verdict.level == RiskLevel.DISTRESS
    assert "guard:historical" in verdict.reasons


def test_past_story_with_a_present_relapse_stays_a_crisis() -> None:
    assert rule_verdict("I used to cut in high school and I cut again tonight").level >= 3


def test_suicidal_thoughts_told_as_last_winter_are_history() -> None:
    verdict = rule_verdict("i had suicidal thoughts last winter but the meds really helped")
    assert verdict.level == RiskLevel.DISTRESS
    assert "guard:historical" in verdict.reasons
