"""The assessor merges rules and classifier: rules decide active risk, the classifier adds."""

from __future__ import annotations

import numpy as np

from bot.safety.assessor import CrisisAssessor, decide
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
