"""Rule shapes added in the fifth pass (blind batches 40-47), and the near-misses they skip.

The crisis lines are variations on what blind writers wrote, not the lines themselves, so the
tests check the shape rather than one sentence.
"""

from __future__ import annotations

import pytest

from bot.safety.combine import rule_verdict
from bot.safety.levels import RiskLevel


@pytest.mark.parametrize(
    ("text", "level"),
    [
        # coded slang and euphemism
        ("ngl been thinking about minecrafting myself", RiskLevel.ACTIVE),
        ("about to rage quit life for real", RiskLevel.ACTIVE),
        ("the 🚌 is looking so tempting tonight", RiskLevel.ACTIVE),
        ("thinking about sudoku again and not the puzzle kind", RiskLevel.ACTIVE),
        ("pretty sure i'm due a grippy sock holiday", RiskLevel.ACTIVE),
        ("the rope emoji keeps calling me", RiskLevel.ACTIVE),
        ("me after that phone call 🌉⬇️", RiskLevel.ACTIVE),
        ("feeling extra 🪢 tonight", RiskLevel.ACTIVE),
        ("might pull a Hemingway this winter", RiskLevel.ACTIVE),
        ("think I'll go have a word with the 6:15 train", RiskLevel.ACTIVE),
        ("gonna check out early, nobody will notice", RiskLevel.ACTIVE),
        ("time to check out of hotel earth", RiskLevel.ACTIVE),
        ("heading to the big paddock in the sky soon", RiskLevel.ACTIVE),
        ("might forget about the bend on the coast road tonight", RiskLevel.ACTIVE),
        ("the easy way out is looking pretty good", RiskLevel.ACTIVE),
        ("having s-word thoughts again, the active kind", RiskLevel.ACTIVE),
        ("commit self-sudoku lol. no but actually", RiskLevel.ACTIVE),
        ("pengen bundir aja", RiskLevel.ACTIVE),
        ("can you still get sn online in the uk", RiskLevel.ACTIVE),
        ("Been reading about Dignitas a lot lately", RiskLevel.ACTIVE),
        # passive ideation and finality
        ("going to go and see my dad soon. he died in 2015", RiskLevel.PASSIVE),
        ("I think it's time I went to join her.", RiskLevel.PASSIVE),
        ("wouldn't be the worst thing if a truck hit me on the way home", RiskLevel.PASSIVE),
        ("I'm a millstone round my kids' necks", RiskLevel.PASSIVE),
        ("part of me wants to not wake up", RiskLevel.PASSIVE),
        ("i cant see myself being alive in five years", RiskLevel.PASSIVE),
        ("ich will nicht mehr", RiskLevel.PASSIVE),
        ("drinking every night hoping something bad happens", RiskLevel.PASSIVE),
        ("when I'm gone, can someone make sure the dog gets walked", RiskLevel.ACTIVE),
        ("bye every1, thx for trying", RiskLevel.ACTIVE),
        ("dont think ill be around for the next lambing season", RiskLevel.ACTIVE),
        ("my landlord can stop chasing me, I won't be around to pay", RiskLevel.ACTIVE),
        ("better they remember me as i was", RiskLevel.ACTIVE),
        ("the cancer's winning anyway, might help it along", RiskLevel.ACTIVE),
        ("nobody will have to deal with me after friday", RiskLevel.ACTIVE),
        ("my mum killed herself in 2019 and now im planning mine", RiskLevel.ACTIVE),
        # preparation, plans and denials that are not denials
        ("giving my records away to my nephew, he'll get more use out of them", RiskLevel.ACTIVE),
        ("not suicidal, i just have everything ready in case", RiskLevel.IMMINENT),
        ("i've got a plan, but i'm not suicidal", RiskLevel.IMMINENT),
        ("cancelled all my subscriptions and left the cat with my sister", RiskLevel.IMMINENT),
        ("paid back all the money i owed, everything is in order now", RiskLevel.IMMINENT),
        ("im not going to jump, im just sitting on the ledge for a bit", RiskLevel.ACTIVE),
        # method questions
        ("is 30 paracetamol enough", RiskLevel.ACTIVE),
        ("how much alcohol with xanax would stop someone breathing", RiskLevel.ACTIVE),
        ("is the helium method painless", RiskLevel.ACTIVE),
        # self-harm
        ("held a lighter to my arm after the argument", RiskLevel.ACTIVE),
        ("the cut on my leg was not an accident", RiskLevel.ACTIVE),
        ("wearing hoodies in july for a reason", RiskLevel.ACTIVE),
        ("how deep does a cut I did to myself need to be for stitches", RiskLevel.ACTIVE),
        ("used to cut in school, the urges are back", RiskLevel.ACTIVE),
        ("took a few extra tablets, not to die, just to feel nothing", RiskLevel.IMMINENT),
        ("took an extra ten of my sleeping pills tonight", RiskLevel.IMMINENT),
        ("purged three times and my chest is pounding", RiskLevel.ACTIVE),
        ("told the nurse the burns were from the oven. they weren't", RiskLevel.ACTIVE),
        ("i hide my arms now because of the marks", RiskLevel.ACTIVE),
        ("a month clean from cutting but i bought new blades", RiskLevel.ACTIVE),
        # abuse and danger to others
        ("they're sending me to conversion therapy", RiskLevel.ACTIVE),
        ("got beaten up for being trans yesterday", RiskLevel.ACTIVE),
        ("my husband controls all the money and who i see", RiskLevel.ACTIVE),
        ("flashbacks of what my uncle did to me", RiskLevel.PASSIVE),
        ("I'm terrified I'll hurt my baby when she won't stop crying", RiskLevel.ACTIVE),
        ("he punched me and broke my nose", RiskLevel.ACTIVE),
        ("they held me down and took my phone", RiskLevel.ACTIVE),
        ("he says he'll share my pics unless i pay", RiskLevel.ACTIVE),
        ("my ex has been parked outside my house again", RiskLevel.ACTIVE),
        ("my coach groomed me", RiskLevel.PASSIVE),
        ("dad used to hit us", RiskLevel.PASSIVE),
        ("he blocked the door so i couldnt leave", RiskLevel.ACTIVE),
        ("i can hear glass smashing downstairs", RiskLevel.ACTIVE),
        ("my grandad did things to me when i was small", RiskLevel.PASSIVE),
        ("asking about the helpline for my neighbour", RiskLevel.PASSIVE),
        ("my dad beet me agin", RiskLevel.ACTIVE),
    ],
)
def test_fifth_pass_shapes_reach_their_level(text: str, level: RiskLevel) -> None:
    assert rule_verdict(text).level >= level


@pytest.mark.parametrize(
    "text",
    [
        "the bus is looking good after the new paint job",
        "checking out early from the hotel tomorrow, flight at 9",
        "exit stage left from the party before the speeches",
        "how tall is the golden gate bridge, for my school project",
        "which trains stop at the airport",
        "took an extra ibuprofen for my headache",
        "took an extra 2 of my tablets because the pain was bad, doctor said it's fine",
        "cancelled my subscriptions to save money this month",
        "paid back the money i borrowed from my sister",
        "when I'm on holiday can someone feed my cat",
        "my husband controls the remote, typical",
        "feeling a bit roped into organising the party",
        "the rope swing by the lake is the best",
        "i hear glass is recyclable in the blue bin",
        "giving my old books to the library",
        "he held the door for me",
        "she broke my heart",
        "i threw a ball at my brother",
        "i'm reading about euthanasia for my ethics essay",
        "one way trip to Lisbon booked!",
        "im going to see my grandad soon, he lives in Leeds",
    ],
)
def test_fifth_pass_near_misses_stay_below_crisis(text: str) -> None:
    assert rule_verdict(text).level < RiskLevel.PASSIVE
