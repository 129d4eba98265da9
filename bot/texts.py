"""Everything Haven itself says outside model replies and crisis templates, in one place."""

from __future__ import annotations

from bot.events import ContentKind


def onboarding(retention_days: int, keeps_text: bool = True) -> str:
    if keeps_text:
        storing = (
            f"• I keep our conversation encrypted for {retention_days} days so I can follow "
            "it, then it is deleted. If you'd rather I keep no text at all, send /consent no "
            "(you can change your mind with /consent yes).\n"
        )
    else:
        storing = (
            "• You chose that I keep no text of our conversation, only the minimum for safety "
            "(when we talked and how worried I was). /consent yes changes this.\n"
        )
    return (
        "Hi, I'm Haven. Before we talk, a few honest things:\n"
        "• I'm an AI, not a person, not a therapist and not an emergency service.\n"
        f"{storing}"
        "• Moderators of this community see a short alert only if you seem to be in danger.\n"
        "• You can see everything I keep with /export and erase it all with /forget.\n"
        "• If you're in danger right now, please call your local emergency number. "
        "/resources shows crisis lines for your country (set it with /country, e.g. /country GB)."
    )


REMINDER = "(A reminder: I'm an AI, not a person or a therapist. /resources has human help.)"

HELP = (
    "I'm Haven, an AI you can talk to when things are hard. Just write to me.\n"
    "/resources – crisis lines for your country\n"
    "/country XX – set your country (two letters, e.g. GB, US, DE)\n"
    "/export – everything I keep about you, as a file\n"
    "/forget – erase everything I keep about you\n"
    "/consent yes|no – whether I may keep the text of our conversation\n"
    "/help – this message"
)

EMPTY = "I didn't catch any words there. Whenever you're ready, just write to me."


def not_text(kind: ContentKind) -> str:
    thing = {
        ContentKind.STICKER: "stickers",
        ContentKind.IMAGE: "pictures",
        ContentKind.VOICE: "voice messages",
        ContentKind.FILE: "files",
    }.get(kind, "that kind of message")
    return f"Thank you for sharing that. I can't read {thing} yet; could you tell me in words?"


def too_long(limit: int) -> str:
    return (
        f"That's a long message, more than I can take in at once ({limit} characters). "
        "Could you tell me the most important part in a shorter message?"
    )


FLOOD = (
    "You're sending messages faster than I can answer well. I'm still here; "
    "give me a moment and send your next message in a little while."
)
BUSY = (
    "I'm getting a lot of messages right now and can't answer this one properly. "
    "Please try again in a minute. If you need someone now, /resources lists people you can "
    "talk to."
)
SLOW = (
    "Sorry, I'm taking too long to answer right now. Please try again in a moment. "
    "If you need someone now, /resources lists people you can talk to."
)
UNAVAILABLE = (
    "My conversation model isn't available at the moment, so I can't chat properly right now. "
    "I still watch for safety, and /resources lists people you can talk to any time."
)

RELAYED_TO_MODERATOR = "A moderator from the community is with you; they'll see this and answer."

CONSENT_YES = (
    "Thanks. I'll keep the text of our conversation, encrypted, so I can follow it. "
    "/forget erases it whenever you like."
)
CONSENT_NO = (
    "Understood. From now on I won't keep the text of what we say, and I've removed what I had. "
    "I'll still be here, and I still watch for safety. /consent yes changes this."
)
CONSENT_USAGE = "Send /consent yes to let me keep our conversation's text, or /consent no."

FORGET_ASK = (
    "This erases everything I keep about you: our conversation, your settings and any safety "
    "notes. It can't be undone. Are you sure?"
)
FORGET_DONE = "Done. I've erased everything I kept about you. If you write again, we start fresh."
FORGET_CANCELLED = "Okay, nothing was erased."

EXPORT_READY = "Here is everything I keep about you, as a JSON file."


def country_set(code: str, known: bool) -> str:
    if known:
        return f"Got it, I'll show crisis lines for {code}."
    return (
        f"I've set your country to {code}, but I don't have a checked crisis line there yet; "
        "I'll show your emergency number where I know it and findahelpline.com."
    )


COUNTRY_USAGE = "Send your country as two letters, for example /country GB or /country US."
