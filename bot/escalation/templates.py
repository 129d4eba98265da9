"""The vetted safe replies for L2, L3 and L4 and the crisis-line text blocks they carry.

Written to the safe-messaging rules (research/safety.md requirements 7-11): short, warm and plain;
an honest "I'm an AI"; a direct question about suicide or safety; the person's local lines by
phone and by text; a nudge toward both a crisis line and someone they trust. L4 puts the
emergency number first and asks the person not to stay alone. Never any method detail.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.escalation.crisis_lines import CrisisLine, Resources
from bot.safety.levels import RiskLevel

# How many lines a crisis reply shows: enough for a phone and a text option, short enough to read.
MAX_REPLY_LINES = 3

_L2_OPENERS = (
    "It sounds like things feel really heavy right now, and I'm glad you said something.",
    "That sounds like a lot to carry. Thank you for telling me.",
    "I'm sorry it feels this hard right now. I'm glad you're talking about it.",
)
_L2_QUESTIONS = (
    "Sometimes when people feel this way they think about suicide. "
    "Are you having thoughts of ending your life?",
    "Can I ask you directly: are you thinking about suicide?",
    "I want to check, because it matters: are you having thoughts of killing yourself?",
)
_L3_OPENERS = (
    "I'm really glad you told me, and I'm taking what you said seriously.",
    "Thank you for telling me. That took courage, and you deserve support right now.",
    "I hear you, and I'm glad you reached out instead of keeping this to yourself.",
)
_L3_QUESTIONS = (
    "Are you safe right now?",
    "Can I ask: are you thinking about ending your life today?",
    "Are you somewhere safe at the moment?",
)
_L4_OPENERS = (
    "Your safety matters most right now.",
    "I'm worried about your safety and I want you to get help now.",
    "What you're telling me sounds urgent, and I want you to be safe.",
)
_AI_NOTE = (
    "I'm an AI, not a person or a therapist, so please also talk to a human who can help.",
    "I'm an AI, not a human counsellor, and you deserve a real person with you in this.",
    "I'm an AI and can't be there in person, but people at these lines can talk with you now.",
)
_TRUSTED = (
    "Please also let someone you trust know how you're feeling: a friend, family member or "
    "anyone you feel safe with. Lines are confidential, and texting is fine if calling feels "
    "like too much.",
    "It can help to reach out to someone you trust as well, even with a short message. "
    "Crisis lines are confidential, and you can text if talking feels too hard.",
    "Is there someone you trust you could contact too? A friend or family member being with "
    "you can make a real difference. You can text a line instead of calling if that's easier.",
)
_L4_NOT_ALONE = (
    "Please don't be alone right now. Go to someone you trust nearby or ask them to come to "
    "you, and move away from anything you could use to hurt yourself.",
    "Please don't be alone right now: get to another person, or call someone you trust to be "
    "with you, and put distance between yourself and anything you could hurt yourself with.",
)
_CLOSERS = (
    "I'm here, and I'll keep talking with you.",
    "I'm still here with you.",
    "You don't have to go through this alone.",
)


def crisis_reply(level: RiskLevel, resources: Resources, *, variant: int) -> str:
    """The vetted reply for an L2, L3 or L4 message; `variant` picks the wording."""
    if level < RiskLevel.PASSIVE:
        raise ValueError(f"crisis replies are for L2-L4, not {level.label}")
    pick = _picker(variant)
    # At L4 the emergency number already leads the reply; do not repeat it under the lines.
    block = _lines_block(resources, emergency_line=level != RiskLevel.IMMINENT)
    if level == RiskLevel.PASSIVE:
        parts = [
            f"{pick(_L2_OPENERS)} {pick(_L2_QUESTIONS)}",
            _with_intro(resources, "If you want to talk to someone, you can reach:", block),
            pick(_TRUSTED),
            pick(_AI_NOTE),
        ]
    elif level == RiskLevel.ACTIVE:
        parts = [
            f"{pick(_L3_OPENERS)} {pick(_L3_QUESTIONS)}",
            _with_intro(resources, "You can talk to someone right now:", block),
            pick(_TRUSTED),
            f"{pick(_AI_NOTE)} {pick(_CLOSERS)}",
        ]
    else:
        parts = [
            f"{pick(_L4_OPENERS)} {_emergency_now(resources)}",
            pick(_L4_NOT_ALONE),
            _with_intro(resources, "You can also talk to someone right now:", block),
            f"Are you safe right now? {pick(_AI_NOTE)} {pick(_CLOSERS)}",
        ]
    return "\n\n".join(part for part in parts if part)


def resources_text(resources: Resources) -> str:
    """Every listed line with its hours, the emergency number and the fallback (for /resources)."""
    if not resources.lines:
        return _unknown_country(resources)
    rows = [f"Crisis lines in {resources.country_name}:"]
    rows += [_line_text(line) for line in resources.lines]
    if resources.emergency:
        rows.append(f"In an emergency, call {resources.emergency}.")
    if not resources.has_always_open:
        rows.append(_no_24_7(resources))
    rows.append(f"More lines: {resources.fallback_url}")
    return "\n".join(rows)


def _picker(variant: int) -> Callable[[tuple[str, ...]], str]:
    def pick(options: tuple[str, ...]) -> str:
        return options[variant % len(options)]

    return pick


def _with_intro(resources: Resources, intro: str, block: str) -> str:
    return f"{intro}\n{block}" if resources.lines else block


def _lines_block(resources: Resources, *, emergency_line: bool) -> str:
    if not resources.lines:
        return _unknown_country(resources)
    rows = [_line_text(line) for line in _reply_lines(resources.lines)]
    if not resources.has_always_open:
        rows.append(_no_24_7(resources))
    elif resources.emergency and emergency_line:
        rows.append(f"In an emergency, call {resources.emergency}.")
    return "\n".join(rows)


def _reply_lines(lines: tuple[CrisisLine, ...]) -> list[CrisisLine]:
    """The first listed line, plus lines that add a text option or a 24/7 option it lacks."""
    chosen = [lines[0]]
    for line in lines[1:]:
        if len(chosen) >= MAX_REPLY_LINES:
            break
        adds_text = line.sms and not any(c.sms for c in chosen)
        adds_24_7 = line.always_open and not any(c.always_open for c in chosen)
        if adds_text or adds_24_7:
            chosen.append(line)
    return chosen


def _line_text(line: CrisisLine) -> str:
    ways = []
    if line.phone:
        ways.append(f"call {line.phone}")
    if line.sms:
        ways.append(f"text {line.sms}" if line.sms[0].isdigit() else line.sms)
    if line.chat_url:
        ways.append(f"chat at {line.chat_url}")
    hours = "24/7" if line.always_open else line.hours
    suffix = f" ({hours})" if hours else ""
    return f"• {line.name}: {' or '.join(ways)}{suffix}"


def _no_24_7(resources: Resources) -> str:
    if resources.emergency:
        return f"Outside those hours, call {resources.emergency} or see {resources.fallback_url}."
    return f"Outside those hours, see {resources.fallback_url} or call your local emergency number."


def _unknown_country(resources: Resources) -> str:
    emergency = (
        f"call {resources.emergency}" if resources.emergency else "call your local emergency number"
    )
    return (
        f"I don't know your country's crisis line yet. {resources.fallback_url} lists free, "
        f"confidential lines for every country. If you're in danger right now, {emergency}. "
        "You can tell me your country with /country and its two-letter code."
    )


def _emergency_now(resources: Resources) -> str:
    if resources.emergency:
        return f"If you might act on these thoughts, please call {resources.emergency} now."
    return "If you might act on these thoughts, please call your local emergency number now."
