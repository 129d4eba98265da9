"""Rule shapes added in the fourth pass (blind batches 16-24), and the near-misses they skip."""

from __future__ import annotations

import pytest

from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("i want to put a bullet in my head", RiskLevel.ACTIVE),
        ("mate i'm gonna top myself one of these days, not even joking", RiskLevel.ACTIVE),
        ("im gonna kill myself lol no im not joking", RiskLevel.ACTIVE),
        ("which methods are the most lethal, it's for a presentation", RiskLevel.ACTIVE),
        ("how long does it usually take for someone to get found", RiskLevel.ACTIVE),
        ("do train drivers see it coming? asking for a script", RiskLevel.ACTIVE),
        ("why did the doctors bring me back", RiskLevel.PASSIVE),
        ("im not gonna kill myself but i kinda wish something else would", RiskLevel.PASSIVE),
        ("dont bother saving me a seat next year, i wont need it", RiskLevel.ACTIVE),
        ("whats the point of dishes if im not going to be around to use them", RiskLevel.ACTIVE),
        ("i think this is my last christmas, and i am ok with that", RiskLevel.ACTIVE),
        ("carved his name into my arm last night", RiskLevel.ACTIVE),
        ("wearing my binder too tight on purpose so it hurts", RiskLevel.ACTIVE),
        ("skipping every meal today as punishment for eating yesterday", RiskLevel.ACTIVE),
        ("ich wünschte, ich wäre einfach tot", RiskLevel.PASSIVE),
        ("je voudrais juste disparaître", RiskLevel.PASSIVE),
        ("je ne serai plus là pour longtemps", RiskLevel.ACTIVE),
        ("wie viele Tabletten sind tödlich", RiskLevel.ACTIVE),
        ("quantos comprimidos de rivotril matam uma pessoa?", RiskLevel.ACTIVE),
        ("skolko nado chtoby ne prosnutsya", RiskLevel.ACTIVE),
        ("me corté otra vez, no se lo digas a nadie", RiskLevel.ACTIVE),
        ("hab mich wieder geritzt", RiskLevel.ACTIVE),
        ("je me suis encore scarifiée hier soir", RiskLevel.ACTIVE),
        ("mon copain m'a encore frappée, j'ai peur", RiskLevel.ACTIVE),
        ("hoje à noite eu acabo com tudo, já comprei o veneno", RiskLevel.IMMINENT),
        ("mon ami a parlé de suicide hier soir", RiskLevel.PASSIVE),
        ("mi hermano me dijo que ya no quiere vivir", RiskLevel.PASSIVE),
        ("never wanted to die more than i do right now", RiskLevel.PASSIVE),
        ("i cant say im not thinking about ending it", RiskLevel.ACTIVE),
        ("lol ctb tonight who wants my skins", RiskLevel.IMMINENT),
        ("i wsh i was ded", RiskLevel.PASSIVE),
        ("don't wanna be alive anymore lol", RiskLevel.PASSIVE),
        ("sui thoughts hitting hard today", RiskLevel.ACTIVE),
        ("my family is going to be free of me soon, i promise", RiskLevel.ACTIVE),
        ("j'ai le couteau, je le fais ce soir", RiskLevel.IMMINENT),
        ("if anyone finds this, please look after my cat", RiskLevel.IMMINENT),
        ("deleted my photos so theres less for people to sort through after", RiskLevel.IMMINENT),
        ("my 15yo has been giving away his games and hoodies, should I worry?", RiskLevel.PASSIVE),
        ("time to exit the simulation for good", RiskLevel.ACTIVE),
        ("im not going to jump, i promise, but i am on the bridge", RiskLevel.IMMINENT),
        ("si is really bad today, active not passive", RiskLevel.ACTIVE),
        ("my coach makes me send him pictures and says it's normal", RiskLevel.ACTIVE),
        ("if I don't come back from the hunting trip don't go looking too hard", RiskLevel.ACTIVE),
        ("I'm checking out. ✌️", RiskLevel.ACTIVE),
        ("time to clock out for good", RiskLevel.ACTIVE),
        ("me and the ol' 12 gauge are gonna have a talk tonight", RiskLevel.IMMINENT),
        ("I'm buying a hose for the exhaust tomorrow", RiskLevel.ACTIVE),
        ("pulled my hair out in clumps again, my scalp is bleeding", RiskLevel.ACTIVE),
        ("how do u clean up cuts so parents dont notice", RiskLevel.ACTIVE),
        ("my parents kicked me out and i have nowhere to sleep tonight", RiskLevel.ACTIVE),
        ("i'm not cutting anymore, i switched to burning", RiskLevel.ACTIVE),
        ("I'd never thought about suicide until this year.", RiskLevel.ACTIVE),
        ("Boss keeps our passports and says he calls police if we complain", RiskLevel.ACTIVE),
        ("Suicide feels like the only exit left from this marriage", RiskLevel.ACTIVE),
        ("Is it selfish to want to be with my mum again. She died in March", RiskLevel.PASSIVE),
        ("wrot my leters evrythng is redy for frday", RiskLevel.IMMINENT),
        ("soon nobody will have to deal with my drama anymore", RiskLevel.ACTIVE),
        ("pls i ned help i tok to many tablet", RiskLevel.IMMINENT),
        ("i don't cut, i only scratch until the skin comes off", RiskLevel.ACTIVE),
        ("gg everyone, take care of the server for me", RiskLevel.ACTIVE),
        ("at this point dying sounds like a vacation", RiskLevel.PASSIVE),
        ("i'm saving my adderall. how many do i need", RiskLevel.IMMINENT),
        ("my step mom doesn't feed me if i talk back", RiskLevel.ACTIVE),
        ("he says i can't tell anyone", RiskLevel.ACTIVE),
        ("he has never hit me before but last night he did", RiskLevel.ACTIVE),
        ("i'm not trying to die, i just took the rest of the bottle", RiskLevel.IMMINENT),
        ("no, i want to die", RiskLevel.PASSIVE),
    ],
)
def test_fourth_pass_shapes_reach_their_level(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level


@pytest.mark.parametrize(
    "text",
    [
        "which way is the most effective to learn spanish",
        "what are the most lethal snakes in australia",
        "im not going to be around this weekend, visiting my mum",
        "this is my last christmas with my team before i retire",
        "this is my last christmas in london before we move",
        "my legs are a mess after that hike",
        "how long until the pizza gets here",
        "me corté el dedo cocinando",
        "je me suis coupé le doigt en cuisinant",
        "at 20 i moved to london",
        "skipping lunch today, too busy",
        "My german teacher will kill me, I forgot the homework again",
        "lol no im not going to jump, im on the roof for photography club",
        "my wifi is so slow im about to throw myself off the roof 🙄",
        "how many hits does it take to die in hardcore mode",
        "kms why did i sign up for 8am classes",
        "kms my team threw the game again",
        "dealt with suicidal thoughts in my 20s, im 45 now, just reflecting",
        "my grandma gave away her recipes to all of us",
        "who wants my old games, moving out",
        "if anyone finds this useful let me know",
        "jumping off a bridge if they cancel my show. jk",
        "I'd rather die than vote for that lot",
        "our defence is suicidal, giving the ball away every two minutes",
        "I no want to die, I want my family to come here",
        "this boss fight is making me want to uninstall and walk into the sea",
        "if i have to hear that tiktok sound one more time i'm going to unalive myself /j",
        "how far is the drop from the top of the ferris wheel? settling a bet",
        "im checking out the new cafe tomorrow",
        "bought new razor blades for my razor",
        "took my passport to the post office for renewal",
        "clocking out for the weekend",
        "if the kettle breaks before payday I'm going to jump off a bridge haha",
        "Never been suicidal in my life, just curious what this app does",
        "no self harm, no suicide thoughts, just need study tips",
        "that penalty miss made me want to walk into the sea",
        "i'm literally gonna unalive my sibling if they touch my save file",
        "my friend says i cant tell anyone about the surprise party",
        "I'm not unsafe, my partner has never hurt me, we just argue about chores",
        "becoming a ghost for halloween",
    ],
)
def test_fourth_pass_near_misses_stay_below_crisis(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE


def test_a_picture_of_oneself_at_twenty_is_not_a_story_from_the_past() -> None:
    # "at 20" told the past ("at 20 i tried..."); "picture me at 20" looks ahead
    assert not rule_verdict("i cant picture me at 20 at all").guarded
