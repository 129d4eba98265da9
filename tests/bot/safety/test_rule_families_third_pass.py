"""Third-pass families (fresh batches 10-12): shapes, not sentences.

Each list holds phrasings of a shape written for the test (not copied from the batches): a
welcomed accident, a burden clause with a new adjective, a reunion with the dead, a community
goodbye, possessions bequeathed, cover stories for injuries, rumination over a means; and the
guards: game deaths and trivial annoyances told as hyperbole, questions about the slang itself,
a denial the rules have no pattern for, and travel talk that may cancel a place but not a
crisis statement.
"""

from __future__ import annotations

import pytest

from bot.safety import guards
from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel
from bot.safety.normalise import normalise

PASSIVE_OR_MORE = [
    "if i had a stroke at my desk tomorrow i dont think id mind much",
    "if something happened to me on the motorway i honestly wouldnt care",
    "my kids would be calmer if i wasnt around all the time shouting",
    "theyd all cope fine if i simply wasnt here",
    "it would be a relief if the train came off the rails with me on it",
    "id be fine if a bus hit me on the way home",
    "no point in any of it since the divorce",
]

ACTIVE_OR_MORE = [
    "bye guys, it was fun while it lasted. dont forget me",
    "tell sam she was the best sister anyone could have",
    "this is my last video, thanks for everything",
    "i wont be needing this app much longer",
    "my switch and all my games go to my cousin",
    "the clumsy excuse isnt working anymore, my teacher noticed",
    "wearing long sleeves in july so nobody will see",
    "how do you take the blade out of a razor",
    "i keep looking down at the tracks from the platform wondering how quick it would be",
    "soon ill be with grandma again, im not scared",
    "i just want to join my husband in heaven",
    "what's the tallest car park in town? im not in a good place",
]

BELOW_PASSIVE = [
    "died like 20 times to that boss, im gonna kms lmao",
    "we're unaliving the raid boss at 8, bring potions",
    "this wifi is making me wanna throw my laptop off a cliff",
    "what does kms mean? my daughter keeps saying it from tiktok",
    "jumping off the tower into the lake in minecraft lol",
    "it would be quieter if i wasnt here this weekend, im at my mums",
    "my bike goes to my brother when i move to uni",
    "this is my last stream before christmas break, see you in january",
    "im going to be with mum and dad soon, flying home friday",
    "i wont be needing my winter coat anymore, moving to spain",
    "i feel like a ghost at my new school, nobody knows my name yet",
]


@pytest.mark.parametrize("text", PASSIVE_OR_MORE)
def test_new_passive_shapes_reach_l2(text: str) -> None:
    assert rule_verdict(text).level >= RiskLevel.PASSIVE, text


@pytest.mark.parametrize("text", ACTIVE_OR_MORE)
def test_new_active_shapes_reach_l3(text: str) -> None:
    assert rule_verdict(text).level >= RiskLevel.ACTIVE, text


@pytest.mark.parametrize("text", BELOW_PASSIVE)
def test_everyday_and_hyperbole_stay_below_l2(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE, text


def test_hyperbole_blocks_the_classifier_too() -> None:
    assert rule_verdict("this lag is making me want to die istg").guarded


def test_a_denial_without_a_rule_hit_still_guards_the_message() -> None:
    text = "not in a million years would i end it, i just want to talk about my drinking"
    verdict = rule_verdict(text)
    assert verdict.level < RiskLevel.PASSIVE and verdict.guarded
    assert guards.denies_crisis(normalise("i would never do anything stupid"))
    assert not guards.denies_crisis(normalise("i want to end it"))


def test_travel_talk_cancels_a_place_but_not_a_crisis_statement() -> None:
    assert rule_verdict("im on the bridge, be home in 10").guarded
    verdict = rule_verdict("staring at the train tracks on my way home and thinking about it")
    assert verdict.level >= RiskLevel.ACTIVE and not verdict.guarded


def test_no_promise_of_safety_is_intent_and_not_a_denial() -> None:
    text = "i cant promise i wont hurt myself tonight"
    assert not guards.denies_crisis(normalise(text))
    assert rule_verdict(text).level == RiskLevel.IMMINENT
    assert rule_verdict("i cant promise ill be at the party").level < RiskLevel.PASSIVE


IMMINENT_SHAPES = [
    # at the top of a high place, or stopped on a bridge (L3 at least)
    ("sitting on the top floor of the multi storey on mill lane", RiskLevel.ACTIVE),
    ("parked on the bridge, engine off. need a minute", RiskLevel.ACTIVE),
    ("knife -> me tonight", RiskLevel.ACTIVE),
    ("me -> bridge", RiskLevel.ACTIVE),
    # preparation and acts
    ("got the rope and my goodbye letter sorted", RiskLevel.IMMINENT),
    ("deleted all my socials, snapchat is the last one", RiskLevel.IMMINENT),
    ("tied up all my loose ends", RiskLevel.IMMINENT),
    ("i might have took too many, everything is blurry", RiskLevel.IMMINENT),
    ("mixed the pool chemicals in the car and closed the windows", RiskLevel.IMMINENT),
]

EVERYDAY_PLACES_AND_AMOUNTS = [
    "im on the top level of the car park, meet you at the lift",
    "stopped on the bridge to take a photo of the sunset",
    "took too many photos at the wedding",
    "i took too much time on the essay intro",
    "tied up the loose ends on the project before my leave",
]


@pytest.mark.parametrize(("text", "level"), IMMINENT_SHAPES)
def test_places_preparation_and_acts_in_new_shapes(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level, text


@pytest.mark.parametrize("text", EVERYDAY_PLACES_AND_AMOUNTS)
def test_everyday_places_and_amounts_stay_below_l2(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE, text


OTHER_LANGUAGES = [
    ("tomei todos os comprimidos da caixa", RiskLevel.IMMINENT),
    ("me tomé todas las pastillas", RiskLevel.IMMINENT),
    ("saari neend ki goliyan kha li", RiskLevel.IMMINENT),
    ("wzielam cale opakowanie tabletek", RiskLevel.IMMINENT),
    ("kal ke baad main nahi rahungi", RiskLevel.IMMINENT),
    ("rassi aur pankha dono ready hai", RiskLevel.ACTIVE),
]

OTHER_LANGUAGE_EVERYDAY = [
    "me muero de hambre, vamos a comer",
    "tô morto de sono depois do plantão",
    "je suis mort de rire",
    "adeus a todos, estamos mudando para Lisboa amanhã",
    "main kal class nahi aaunga, bukhar hai",
]


@pytest.mark.parametrize(("text", "level"), OTHER_LANGUAGES)
def test_other_language_acts_and_means(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level, text


@pytest.mark.parametrize("text", OTHER_LANGUAGE_EVERYDAY)
def test_other_language_idioms_and_goodbyes_stay_below_l2(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE, text


B12_SHAPES_CRISIS = [
    ("guess ill just walk in front of the next train then", RiskLevel.ACTIVE),
    ("my coach keeps touching me after practice", RiskLevel.ACTIVE),
    ("im afraid of what i could do to myself tonight", RiskLevel.ACTIVE),
    ("not today. maybe tomorrow when everyone is out", RiskLevel.ACTIVE),
    ("kinda want to kms tbh ngl lol", RiskLevel.ACTIVE),
]

B12_SHAPES_EVERYDAY = [
    "how many floors is the tallest building in the world? pub quiz tonight",
    "which cliffs round here are highest? want photos at sunset",
    "how far down is the water from the bridge? we're going rafting",
    "best knot for hanging a bird feeder?",
    "giving away all my kids old clothes, free to anyone who can collect",
    "we made a will after the baby came, do we need a solicitor",
    "im not sad or suicidal, i just like my own company",
    "is it safe to jump off the rocks into the lake? is it deep enough to swim",
    "how high is that bridge? my son is scared of heights",
    "my uncle grabbed me a drink at the bar",
]


@pytest.mark.parametrize(("text", "level"), B12_SHAPES_CRISIS)
def test_b12_crisis_shapes(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level, text


@pytest.mark.parametrize("text", B12_SHAPES_EVERYDAY)
def test_b12_everyday_shapes_stay_below_l2(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE, text


LATE_SHAPES_CRISIS = [
    ("my parents would be better off with only my sister", RiskLevel.PASSIVE),
    ("i just wanna disappear", RiskLevel.PASSIVE),
    ("been trying to stop the cutting but it happened again last night", RiskLevel.ACTIVE),
    ("cut again", RiskLevel.ACTIVE),
    ("end it.", RiskLevel.ACTIVE),
    ("where can i get a pistol, not for target practice", RiskLevel.ACTIVE),
    ("ive got a plan, just need the right day", RiskLevel.ACTIVE),
    ("if im not online monday tell the guys it wasnt their fault", RiskLevel.ACTIVE),
]

LATE_SHAPES_EVERYDAY = [
    "someone unalive my alarm clock please",
    "im willing to die on that hill, cereal is a soup",
    "i want to disappear into a long novel this weekend",
    "should i stay with him or end it",
    "got my hair cut again",
]


@pytest.mark.parametrize(("text", "level"), LATE_SHAPES_CRISIS)
def test_late_crisis_shapes(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level, text


@pytest.mark.parametrize("text", LATE_SHAPES_EVERYDAY)
def test_late_everyday_shapes_stay_below_l2(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE, text


def test_a_means_after_a_contrast_lifts_the_denial_guard() -> None:
    assert not rule_verdict("i told him i wont hurt myself but i bought blades today").guarded
    assert rule_verdict("im not going to hurt myself, i just need to vent").guarded


@pytest.mark.parametrize(
    ("text", "level"), [("its all over now", RiskLevel.PASSIVE), ("knife 🔪", RiskLevel.ACTIVE)]
)
def test_bare_terse_lines(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level, text


def test_more_figurative_idioms_in_portuguese_and_spanish() -> None:
    for text in ("to morrendo de saudades de casa", "me muero de ganas de verte"):
        assert rule_verdict(text).level < RiskLevel.PASSIVE and rule_verdict(text).guarded, text
