"""How Haven's words and alerts look on Telegram: message splitting, alert text, keyboards and
the compact callback data the buttons carry. Pure functions over plain data, no network.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.ports import AlertView, CaseStatus, OwnerNotice, RelayLine
from bot.splitting import split_message, utf16_units

# Telegram's limit for one message's text, counted in UTF-16 code units (like its entities).
MESSAGE_LIMIT = 4096
# answerCallbackQuery shows at most 200 characters.
CALLBACK_ANSWER_LIMIT = 200


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Pieces of at most `limit` UTF-16 units, broken at the most natural place that fits."""
    return split_message(text, limit, utf16_units)


# ---- buttons --------------------------------------------------------------------------------

CASE_ACTIONS = ("claim", "backup", "resolve", "release")
_CASE_DATA = re.compile(r"^case:(\d{1,18}):(claim|backup|resolve|release)$")
USER_PREFIX = "user:"
CANCEL_CHOICE = "cancel"

_CHOICE_LABELS = {
    "forget_confirm": "Yes, erase everything",
    "consent yes": "Yes, keep it",
    "consent no": "No, keep no text",
    CANCEL_CHOICE: "No, keep it",
}
CANCELLED_TEXT = "Okay, nothing was changed."


@dataclass(frozen=True, slots=True)
class CaseButton:
    case_id: int
    action: str


def case_data(case_id: int, action: str) -> str:
    if action not in CASE_ACTIONS:
        raise ValueError(f"unknown case action {action!r}")
    return f"case:{case_id}:{action}"


def parse_case_data(data: str | None) -> CaseButton | None:
    match = _CASE_DATA.match(data or "")
    return CaseButton(int(match[1]), match[2]) if match else None


def confirm_keyboard(choices: Sequence[str]) -> InlineKeyboardMarkup:
    """The core's confirmation choices as buttons, plus a way to say no."""
    buttons = [
        InlineKeyboardButton(
            _CHOICE_LABELS.get(c, c.replace("_", " ")), callback_data=USER_PREFIX + c
        )
        for c in choices
        if len((USER_PREFIX + c).encode()) <= 64  # Telegram refuses longer callback data
    ]
    if CANCEL_CHOICE not in choices:
        buttons.append(
            InlineKeyboardButton(
                _CHOICE_LABELS[CANCEL_CHOICE], callback_data=USER_PREFIX + "cancel"
            )
        )
    return InlineKeyboardMarkup([buttons])


def alert_keyboard(alert: AlertView) -> InlineKeyboardMarkup | None:
    if alert.status is CaseStatus.RESOLVED:
        return None
    row = [
        InlineKeyboardButton("Claim", callback_data=case_data(alert.case_id, "claim")),
        InlineKeyboardButton("Need backup", callback_data=case_data(alert.case_id, "backup")),
        InlineKeyboardButton("Resolve", callback_data=case_data(alert.case_id, "resolve")),
    ]
    rows = [row]
    if alert.status is CaseStatus.CLAIMED:
        rows.append(
            [InlineKeyboardButton("Release", callback_data=case_data(alert.case_id, "release"))]
        )
    return InlineKeyboardMarkup(rows)


# ---- text -----------------------------------------------------------------------------------


def _when(at: datetime | None) -> str:
    return at.strftime("%Y-%m-%d %H:%M UTC") if at is not None else "unknown time"


def alert_text(alert: AlertView) -> str:
    """The minimum an alert may show (no message text): see DESIGN.md, escalation."""
    urgent = alert.level >= 4
    head = "🚨 URGENT" if urgent else "⚠️ Alert"
    title = f"{head} · {alert.level.label} · case #{alert.case_id}"
    if alert.page_count:
        title += f" · reminder {alert.page_count}"
    who = alert.user_handle or "(no handle)"
    lines = [
        title,
        f"Person: {who} on {alert.user_platform} (id {alert.user_id})",
        f"Trigger: {alert.trigger}",
        f"Opened: {_when(alert.opened_at)}",
        f"Country: {alert.country or 'unknown'} · crisis lines sent: "
        + ("yes" if alert.resources_sent else "no"),
    ]
    if alert.status is CaseStatus.OPEN:
        lines.append("Status: open, waiting for a moderator to claim")
    elif alert.status is CaseStatus.CLAIMED:
        lines.append(f"Status: claimed by {alert.claimed_by or 'a moderator'}")
    else:
        by = f" (claimed by {alert.claimed_by})" if alert.claimed_by else ""
        lines.append(f"Status: ✅ resolved {_when(alert.updated_at)}{by}")
    if alert.backup_requested and alert.status is not CaseStatus.RESOLVED:
        lines.append("🆘 Backup requested: another moderator is needed")
    if alert.note:
        lines.append(f"Note: {alert.note}")
    if alert.status is CaseStatus.CLAIMED:
        lines.append("Reply to this alert or to a relayed message to write to the person.")
    return "\n".join(lines)


def relay_header(alert: AlertView, moderator_name: str, *, in_topic: bool) -> str:
    where = "in this topic" if in_topic else "to this message or to any message of this case"
    return (
        f"Case #{alert.case_id} ({alert.level.label}) claimed by {moderator_name}. "
        f"Reply {where} to write to the person; their messages will appear here. "
        "Start a reply with // to keep it among moderators. "
        "The bot stays quiet until the case is resolved."
    )


def excerpt_text(alert: AlertView, lines: Sequence[RelayLine]) -> str:
    out = [f"Case #{alert.case_id} ({alert.level.label}): the conversation so far"]
    for line in lines:
        out.append(f"[{line.at.strftime('%H:%M')}] {_speaker(line)}: {line.text}")
    if not lines:
        out.append("(no stored messages: the person may have declined to have text kept)")
    return "\n".join(out)


def relay_line_text(alert: AlertView, line: RelayLine) -> str:
    level = f" · {line.level.label}" if line.level is not None else ""
    return f"Case #{alert.case_id}{level} · {_speaker(line)}:\n{line.text}"


def relay_closed_text(alert: AlertView) -> str:
    return f"Case #{alert.case_id} is resolved; the relay is closed and the bot has resumed."


def _speaker(line: RelayLine) -> str:
    return {"user": "person", "haven": "Haven", "moderator": "moderator"}.get(line.role, line.role)


def waited_text(minutes: int) -> str:
    """'15 minutes', '1 hour 5 minutes': how long a case has waited, for people to read."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def alert_link(chat_id: int, alert_ref: str | None) -> str | None:
    """A t.me link to the alert; only supergroups (ids -100...) have message links."""
    chat = str(chat_id)
    if alert_ref is None or not alert_ref.isdigit() or not chat.startswith("-100"):
        return None
    return f"https://t.me/c/{chat.removeprefix('-100')}/{alert_ref}"


def owner_notice_text(notice: OwnerNotice, *, where: str, link: str | None) -> str:
    """What an owner is told about an unclaimed case: enough to act, nothing about the person."""
    pages = notice.page_count + 1
    urgent = "🚨 " if notice.level >= 4 else "⚠️ "
    lines = [
        f"{urgent}Haven: case #{notice.case_id} ({notice.level.label}) has no moderator yet",
        f"Nobody has claimed it for {waited_text(notice.unclaimed_minutes)}; moderators were "
        f"alerted {pages} time{'s' if pages != 1 else ''} in {where}.",
        f"Alert: {link}"
        if link
        else "The alert has not reached the moderator group yet: check Haven's log and "
        "run haven cases list.",
        "Please find a moderator to claim it, or claim it yourself if you are one. Haven has "
        "already sent the person its crisis reply; what they wrote is shown only to the "
        "moderator who claims.",
    ]
    return "\n".join(lines)


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
