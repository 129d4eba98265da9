"""The broader rule families catch fresh phrasings of the weak kinds, and leave near-misses alone.

Weak kinds on independently written messages were bare imminent lines, vague preparation,
method questions without a lethality word and indirect ideation; each family below is written
as a shape (a question about whether a means would work, a time with "it will all be over"),
so these phrasings are examples of the shape, not the only sentences it knows.
"""

from __future__ import annotations

import pytest

from bot.safety.assessor import CrisisAssessor
from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel
from bot.safety.normalise import normalise

ACTIVE_OR_MORE = [
    # bare imminent lines (the whole message)
    "this is it",
    "tonight's the night",
    "no more waiting. tonight",
    "ok. im going now. thank you for trying",
    "in two hours it'll be over",
    "i wont see monday",
    "final answer: tonight",
    # vague preparation and finality
    "cancelled my subscriptions and paid everyone back, tying up loose ends",
    "sent my brother all my passwords, he'll need them soon",
    "ive been putting my pills aside for weeks now",
    "the rope's up. i just wanted to tell someone",
    "tell my little sister i was proud of her",
    "picked the clothes i want to be buried in",
    "wrote down which friend gets which of my plants",
    "if she doesnt answer by midnight then thats my answer",
    # method questions without a lethality word
    "would my dads shotgun work if ive never fired one",
    "how much insulin puts someone in a coma",
    "how deep do you have to go on your wrist",
    "how cold does the lake have to be before you cant swim back",
    "whats quicker, the tracks or the river",
    "is a plastic bag enough",
    "which train lines near me dont have barriers on the platform",
    "hey quick q how many mg of zolpidem is too much",
    "found out the pharmacy doesnt ask questions if you buy 2 boxes at a time",
    # acts and danger
    "already drank half the bottle of vodka with the oxys, everything is spinning",
    "the stool is under it",
    "my roommate locked herself in the bathroom and said she has a razor",
    "i have fantasies about driving my car into the crowd at the market",
    # other languages and shorthand
    "ya no aguanto mas, me quiero matar",
    "Ich bringe mich um, ich halte das nicht mehr aus",
    "s/h'd again",
]

PASSIVE_OR_MORE = [
    "i cant see any version of the future that has me in it",
    "im not gonna make it to 30 and honestly thats fine",
    "sometimes when im driving i think about just not turning the wheel",
    "my little brother deserves a better sister than me",
    "whats even the point of tomorrow, its gonna be the same as today",
    "i feel like a weight dragging everyone i love down",
]

NEAR_MISSES = [
    "tonights the night! first date in 2 years",
    "this is it, final lap!",
    "in an hour itll all be over, my driving test i mean",
    "bought a rope for my dog's toy",
    "bought a gun safe today, finally",
    "bought blades for my razor, why are they so expensive",
    "gave my old books away to the library sale",
    "put my meds aside for the trip so i dont forget them",
    "loose ends at work before my leave, so much to hand over",
    "sorted out my will after the baby was born, seemed sensible",
    "my dad has a gun license for clay shooting",
    "which bridge is the tallest in the world, we're doing a quiz",
    "how high is the highest bungee jump in new zealand",
    "is there a painless way to remove a splinter",
    "can you overdose on vitamin c, i take loads in winter",
    "im at the station, the next one doesnt stop here so ill be 20 min late",
    "already on the bridge, be there in 5",
    "this is my last day before holiday!!",
    "i wrote letters to my grandparents, they love getting post",
    "the sea is calling, booked a week in cornwall",
    "im gonna strangle my brother he ate my leftovers",
    "if i see one more spreadsheet im walking into the sea",
    "took my passport to the post office for renewal",
    "sorted out who gets which room when we move",
]


@pytest.mark.parametrize("text", ACTIVE_OR_MORE)
def test_fresh_phrasings_of_active_risk_reach_l3_by_the_rules_alone(text: str) -> None:
    assert rule_verdict(text).level >= RiskLevel.ACTIVE, rule_verdict(text).reasons


@pytest.mark.parametrize("text", PASSIVE_OR_MORE)
def test_indirect_ideation_reaches_l2_by_the_rules_alone(text: str) -> None:
    assert rule_verdict(text).level >= RiskLevel.PASSIVE


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_everyday_near_misses_stay_below_l2(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE, rule_verdict(text).reasons


def test_a_clock_time_is_not_an_age_in_a_past_story() -> None:
    verdict = rule_verdict("the train comes through at 11:40. im going to do it then")
    assert "guard:historical" not in verdict.reasons


def test_days_without_eating_are_not_history() -> None:
    verdict = rule_verdict("I haven't eaten in 4 days on purpose, I want to punish myself")
    assert verdict.level >= RiskLevel.ACTIVE


def test_a_past_abuse_story_told_as_recovered_is_distress_not_crisis() -> None:
    text = "i was abused by my stepfather as a kid, ive done a lot of therapy and im doing well now"
    assert rule_verdict(text).level == RiskLevel.DISTRESS
    assert rule_verdict("i was abused by my stepfather as a kid").level == RiskLevel.PASSIVE


def test_figurative_spans_also_silence_plan_signals() -> None:
    verdict = rule_verdict("if i have to hear that song one more time i'll jump off a bridge lol")
    assert verdict.level < RiskLevel.PASSIVE


def test_slash_shorthand_and_run_together_contractions_are_normalised() -> None:
    assert normalise("s/h'd again") == "self harmed again"
    assert normalise("tonights the night") == "tonight is the night"


def test_a_plan_then_the_means_in_the_next_message_is_imminent(
    rules_only: CrisisAssessor,
) -> None:
    result = rules_only.assess("the pills are under my mattress", ["i have a plan"])
    assert result.level == RiskLevel.IMMINENT
    assert "context:plan_and_means" in result.reasons
