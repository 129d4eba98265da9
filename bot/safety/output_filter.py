"""The last check on a model reply before it is sent (safe messaging, requirements 7 and 10).

A reply that gives method, dose, lethality or location details, claims to be human (or a
clinician), promises secrecy or exclusivity, or encourages self-harm is replaced by
``SAFE_REPLACEMENT``. The check errs towards blocking: a blocked harmless reply costs a
slightly generic answer, a leaked method can cost a life.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.normalise import normalise
from bot.safety.rules import DRUG, PLACE

SAFE_REPLACEMENT = (
    "I care about what you're going through, and I want you to be safe. I'm an AI, so I can't "
    "give you what a person can right now. Please reach out to a crisis line in your country "
    "(you can call or text, it's free and confidential) or your local emergency number if you're "
    "in danger, and if you can, let someone you trust know how you're feeling. I'm still here "
    "and happy to keep talking with you."
)


@dataclass(frozen=True)
class FilterVerdict:
    allowed: bool
    reason: str | None


_NUMBER = r"(?:\d+|a few|several|ten|twenty|thirty|forty|fifty|a hundred|dozens?)"

_CHECKS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        (
            "method_detail",
            rf"\b(?:lethal|fatal|deadly|toxic|overdose) (?:dose|amount|level|threshold)s? "
            rf"(?:of (?:{DRUG} )?)?(?:is|are|would be|starts at|begins at|of around|of about|"
            rf"around|about|roughly)\b",
        ),
        (
            "method_detail",
            rf"\b{_NUMBER} ?(?:mg|milligrams?|grams?|g|pills|tablets|capsules)\b.{{0,60}}\b(?:"
            r"lethal|fatal|deadly|kill|die|death|overdose|liver failure|enough to|would be "
            r"enough|stop (?:the|your) heart)\b",
        ),
        (
            "method_detail",
            rf"\b(?:lethal|fatal|deadly|kill|die|death|overdose|liver failure|enough to)\b.{{0,60}}"
            rf"\b{_NUMBER} ?(?:mg|milligrams?|grams?|g|pills|tablets|capsules|mg/kg)\b",
        ),
        (
            "method_detail",
            r"\b(?:cut|slice|slit) (?:along|down|vertically|lengthwise|across)\b|\b(?:vertical|"
            r"lengthwise) (?:cuts?|along)\b|\bradial artery\b|\bfemoral artery\b|\bcarotid\b",
        ),
        (
            "method_detail",
            r"\b(?:tie|tying|make) (?:a|the) (?:noose|knot)\b|\bdrop (?:height|length)\b|"
            r"\b(?:suspension point|ligature point)\b|\bexit bag\b|\b(?:helium|nitrogen) (?:tank|"
            r"bag|hood)\b|\bcharcoal (?:burner|grill) in\b",
        ),
        (
            "location_detail",
            rf"\b(?:tallest|highest|high enough|fatal|deadly|lethal|survivable)\b.{{0,40}}\b{PLACE}"
            r"\b.{0,60}\b(?:\d+ ?(?:m|meters|metres|feet|ft|floors|stories|storeys)|is (?:the|on|"
            r"at|in|located)|near you|downtown|off (?:exit|highway|route))\b",
        ),
        (
            "location_detail",
            r"\b(?:falls?|jumps?) from (?:a )?(?:height of |about |over |more than )?\d+ ?(?:m|"
            r"meters|metres|feet|ft|floors|stories|storeys)\b|\b\d+ ?(?:m|meters|metres|feet|ft|"
            r"floors|stories|storeys)\b.{0,40}\b(?:usually|almost always|typically|often)? ?"
            r"(?:fatal|lethal|deadly|survivable)\b",
        ),
        (
            "method_detail",
            r"\b(?:painless|quickest|fastest|easiest|most effective|surest|least painful) "
            r"(?:way|method|methods|ways) (?:to die|to end|of suicide|to kill|is|are|would be)\b",
        ),
        (
            "encourages_harm",
            r"\b(?:you should|go ahead and|maybe you should|it makes sense (?:to|that you)) "
            r"(?:\w+ )?(?:kill yourself|end (?:it|your life)|hurt yourself|die)\b(?! with)",
        ),
        (
            "claims_human",
            r"\b(?:i am|im|i m) (?:a |an )?(?:real |actual |living )?(?:human|human being|person|"
            r"real person|man|woman|guy|girl)\b",
        ),
        (
            "claims_human",
            r"\b(?:i am|im|i m) not (?:a |an )?(?:bot|ai|robot|machine|program|chatbot|computer|"
            r"language model|artificial)\b",
        ),
        (
            "claims_human",
            r"\b(?:i am|im|i m|as) (?:a |an |your )?(?:licensed |trained |qualified )?(?:therapist|"
            r"counsel+or|psychologist|psychiatrist|doctor|nurse|social worker)\b",
        ),
        (
            "promises_secrecy",
            r"\b(?:(?:i|ill|i will) (?:wont|will not|never|not) (?:tell|share|report|say|mention)"
            r" (?:this |it |anything )?(?:to )?(?:anyone|anybody|a soul|your parents|the "
            r"moderators|a living soul)|(?:your|this|the) secret(?:s)? (?:is|are) safe|"
            r"(?:stays?|between) (?:just )?(?:between )?(?:you and me|us|the two of us)|"
            r"(?:no one|nobody) (?:else )?(?:will|has to|needs to) (?:ever )?know|keep (?:this|it|"
            r"your secret|that) (?:a )?secret|i promise not to tell|our (?:little )?secret)\b",
        ),
        (
            "exclusivity",
            r"\b(?:im|i am) all you need\b|\byou (?:dont|do not) need (?:anyone|anybody) (?:else|"
            r"but me)\b|\byou only need me\b|\bonly i (?:understand|get) you\b",
        ),
    )
)


def check_reply(text: str) -> FilterVerdict:
    """Allow a model reply, or name the reason it must be replaced by ``SAFE_REPLACEMENT``."""
    norm = normalise(text)
    for name, pattern in _CHECKS:
        if pattern.search(norm):
            return FilterVerdict(False, name)
    return FilterVerdict(True, None)
