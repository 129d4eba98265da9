"""The conversation keeps the highest level of its window; context escalates method questions."""

from __future__ import annotations

from bot.safety.assessor import CrisisAssessor
from bot.safety.conversation import conversation_level
from bot.safety.levels import RiskLevel


def test_window_keeps_the_highest_level() -> None:
    assert conversation_level(RiskLevel.NONE, [RiskLevel.ACTIVE, RiskLevel.DISTRESS]) == 3
    assert conversation_level(RiskLevel.IMMINENT, [RiskLevel.NONE]) == RiskLevel.IMMINENT
    assert conversation_level(RiskLevel.DISTRESS, []) == RiskLevel.DISTRESS


def test_never_mind_does_not_reset_risk(assessor: CrisisAssessor) -> None:
    result = assessor.assess("never mind, forget i said anything", ["i want to kill myself"])
    assert result.level == RiskLevel.ACTIVE
    assert "context:window" in result.reasons


def test_distress_then_method_question_is_active(assessor: CrisisAssessor) -> None:
    alone = assessor.assess("how tall is the tallest bridge in town")
    assert alone.level < RiskLevel.PASSIVE
    result = assessor.assess(
        "how tall is the tallest bridge in town", ["i lost my job", "i can't cope"]
    )
    assert result.level >= RiskLevel.ACTIVE
    assert result.reasons[0] == "context:distress_then_method"


def test_ideation_then_means_is_imminent(assessor: CrisisAssessor) -> None:
    result = assessor.assess("i have the pills right here", ["i want to die"])
    assert result.level == RiskLevel.IMMINENT
    assert result.reasons[0] == "context:ideation_then_plan"


def test_neutral_context_changes_nothing(assessor: CrisisAssessor) -> None:
    result = assessor.assess("what time does the cinema open", ["what's a good movie", "thanks!"])
    assert result.level < RiskLevel.PASSIVE
    assert not any(r.startswith("context:") and r != "context:window" for r in result.reasons)
