"""The assessor merges rules and classifier: rules decide active risk, the classifier adds."""

from __future__ import annotations

import numpy as np

from bot.safety.assessor import CrisisAssessor, cap_short, corroborate, decide
from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel


def _probs(*p: float) -> np.ndarray:
    return np.array(p, dtype=np.float32)


def test_rules_decide_active_risk_and_the_classifier_reason_follows() -> None:
    decision = decide(rule_verdict("I already took 30 pills"), _probs(0.9, 0.1, 0, 0, 0), 0.8, 0.8)
    assert decision.level == RiskLevel.IMMINENT
    assert decision.reasons[0] == "rule:act_under_way"
    assert decision.reasons[-1].startswith("clf:")


def test_a_confident_classifier_raises_what_the_rules_missed() -> None:
    decision = decide(rule_verdict("nothing matters"), _probs(0.0, 0.05, 0.9, 0.05, 0), 0.8, 0.8)
    assert decision.level == RiskLevel.PASSIVE
    assert decision.reasons[0] == "clf:0.95"


def test_the_classifier_cannot_overrule_a_guard_unless_nearly_certain() -> None:
    guarded = rule_verdict("I'm not suicidal, just tired")
    assert decide(guarded, _probs(0.1, 0, 0.85, 0.05, 0), 0.8, 0.8).level < RiskLevel.PASSIVE
    assert decide(guarded, _probs(0.0, 0, 0.5, 0.5, 0), 0.8, 0.8).level == RiskLevel.PASSIVE


def test_assess_returns_an_assessment_with_reasons(assessor: CrisisAssessor) -> None:
    result = assessor.assess("I have the pills and I'm taking them tonight")
    assert result.level == RiskLevel.IMMINENT
    assert result.trigger == "rule:plan_timing"
    assert 0.0 < result.score <= 1.0


def test_rules_only_assessor_needs_no_model(rules_only: CrisisAssessor) -> None:
    assert not rules_only.uses_classifier
    assert rules_only.assess("i want to kms").level == RiskLevel.ACTIVE
    assert rules_only.assess_rules("hello there").level == RiskLevel.NONE


def test_the_classifier_alone_lifts_to_l3_only_above_the_lift_threshold() -> None:
    verdict = rule_verdict("bought some stuff today")
    probs = _probs(0.02, 0.02, 0.05, 0.87, 0.04)  # P(L>=3) = 0.91
    assert decide(verdict, probs, 0.8, 0.8, 0.92).level == RiskLevel.PASSIVE
    assert decide(verdict, probs, 0.8, 0.8, 0.9).level == RiskLevel.ACTIVE
    # heads trained before the lift existed never lift
    assert decide(verdict, probs, 0.8, 0.8).level == RiskLevel.PASSIVE


def test_the_lift_never_overrules_a_guard() -> None:
    guarded = rule_verdict("I'm not suicidal, just tired")
    assert decide(guarded, _probs(0.0, 0.0, 0.01, 0.95, 0.04), 0.8, 0.8, 0.9).level <= (
        RiskLevel.PASSIVE
    )


def test_a_stricter_guard_override_keeps_a_guarded_message_down() -> None:
    guarded = rule_verdict("I'm not suicidal, just tired")
    probs = _probs(0.0, 0.0, 0.5, 0.49, 0.01)  # P(L>=2) = 1.0
    assert decide(guarded, probs, 0.8, 0.8, guard_override=0.97).level == RiskLevel.PASSIVE
    probs = _probs(0.01, 0.0, 0.5, 0.48, 0.01)  # P(L>=2) = 0.99
    assert decide(guarded, probs, 0.8, 0.8, guard_override=0.995).level < RiskLevel.PASSIVE


def test_an_encoder_raise_with_no_rule_signal_needs_the_head_to_corroborate() -> None:
    verdict = rule_verdict("who plans these things")
    assert not verdict.names
    encoder = _probs(0.02, 0.03, 0.02, 0.9, 0.03)  # P(L>=3) = 0.93: a lift on its own
    lifted = decide(verdict, encoder, 0.85, 0.6, 0.8)
    assert lifted.level == RiskLevel.ACTIVE
    # the head barely sees anything: no crisis level (the encoder's distress reading stays)
    kept = corroborate(verdict, lifted, _probs(0.93, 0.04, 0.02, 0.005, 0.005), encoder)
    assert kept.level == RiskLevel.DISTRESS and "clf:uncorroborated" in kept.reasons
    # the head sees a passive crisis but not active risk: a check-in, no alert
    assert corroborate(verdict, lifted, _probs(0.5, 0.1, 0.37, 0.03, 0.0), encoder).level == (
        RiskLevel.PASSIVE
    )
    # the head agrees: the lift stands
    assert corroborate(verdict, lifted, _probs(0.3, 0.1, 0.2, 0.3, 0.1), encoder) is lifted


def test_corroboration_never_touches_what_the_rules_saw() -> None:
    verdict = rule_verdict("bought the stuff today")
    encoder = _probs(0.0, 0.0, 0.05, 0.9, 0.05)
    decision = decide(verdict, encoder, 0.85, 0.6, 0.8)
    assert verdict.names and decision.level >= RiskLevel.ACTIVE
    assert corroborate(verdict, decision, _probs(1, 0, 0, 0, 0), encoder) is decision


# Single everyday words and two-word replies, none of them in train.jsonl: both classifiers once
# scored lines like these at P(L>=3) 0.9-1.0 ("short = crisis"); none may reach a crisis level.
EVERYDAY_WORDS = [
    "binary",
    "keyboard",
    "lamp",
    "seven",
    "maybe",
    "sunday",
    "purple",
    "carrot",
    "stapler",
    "thursday",
    "bicycle",
    "volleyball",
    "calendar",
    "see you",
    "sure thing",
    "sounds good",
]


def test_single_everyday_words_stay_below_l2(assessor: CrisisAssessor) -> None:
    raised = {w: assessor.assess(w).level for w in EVERYDAY_WORDS}
    assert all(level < RiskLevel.PASSIVE for level in raised.values()), raised


def test_terse_crisis_lines_are_rule_vocabulary_and_not_capped(assessor: CrisisAssessor) -> None:
    for text in ("kms", "end it", "cut again", "wanna disappear", "tonights the night"):
        assert assessor.assess(text).level >= RiskLevel.PASSIVE, text


def test_a_short_line_with_no_rule_signal_is_raised_no_higher_than_distress() -> None:
    verdict = rule_verdict("window")
    raised = decide(verdict, _probs(0.0, 0.0, 0.05, 0.9, 0.05), 0.85, 0.6, 0.8)
    assert raised.level == RiskLevel.ACTIVE
    capped = cap_short(verdict, raised, "window")
    assert capped.level == RiskLevel.DISTRESS and "clf:too_short" in capped.reasons
    longer = "who plans these three things"
    assert cap_short(rule_verdict(longer), raised, longer) is raised
