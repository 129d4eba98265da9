"""The evaluation figures are computed the way the release gate reads them."""

from __future__ import annotations

from bot.safety.evaluation import Scored, evaluate, format_report


def test_figures_from_a_small_confusion() -> None:
    rows = [
        Scored(0, 0, "neutral"),
        Scored(0, 2, "figurative"),  # a false alarm
        Scored(2, 2, "passive"),
        Scored(3, 1, "explicit"),  # a miss
        Scored(4, 3, "imminent"),
        Scored(4, 2, "imminent"),  # crisis caught but not at >= 3
    ]
    report = evaluate(rows)
    assert report.crisis_recall == 3 / 4
    assert report.crisis_precision == 3 / 4
    assert report.imminent_recall == 1 / 2
    assert report.false_alarm_l0 == 1 / 2
    assert report.false_alarm_hard_negatives == 1 / 2
    assert report.confusion[4][2] == 1
    assert report.by_category["imminent"] == (1, 2)
    assert "L4 recall at level >= 3" in format_report(report)


def test_a_crisis_written_as_a_negation_is_not_a_false_alarm() -> None:
    rows = [
        Scored(0, 0, "negated"),
        Scored(0, 3, "negated"),  # "i'm not suicidal" raised: a false alarm
        Scored(2, 2, "negated"),  # "not gonna do it but i wish i wouldn't wake up": caught
        Scored(1, 1, "figurative"),
    ]
    report = evaluate(rows)
    assert report.false_alarm_hard_negatives == 1 / 3
    assert report.crisis_recall == 1.0
