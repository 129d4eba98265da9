"""Pure Discord rendering: splitting at the 2,000-character limit, alert embeds, relay lines.

Nothing here talks to the network, so every rule is unit-tested without a client.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import discord

from bot.events import Reply
from bot.ports import AlertView, CaseStatus, OwnerNotice, RelayLine
from bot.safety.levels import RiskLevel
from bot.splitting import split_message as split_at_boundaries

MESSAGE_LIMIT = 2000  # Discord's limit on a message's content
EMBED_FIELD_LIMIT = 1024


LEVEL_COLOURS: dict[RiskLevel, int] = {
    RiskLevel.NONE: 0x95A5A6,
    RiskLevel.DISTRESS: 0x3498DB,
    RiskLevel.PASSIVE: 0xF1C40F,
    RiskLevel.ACTIVE: 0xE67E22,
    RiskLevel.IMMINENT: 0xE74C3C,
}
LEVEL_NAMES: dict[RiskLevel, str] = {
    RiskLevel.NONE: "no risk",
    RiskLevel.DISTRESS: "distress",
    RiskLevel.PASSIVE: "passive ideation",
    RiskLevel.ACTIVE: "active ideation / self-harm",
    RiskLevel.IMMINENT: "IMMINENT risk",
}
RESOLVED_COLOUR = 0x2ECC71


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Chunks of at most `limit` characters, cut at paragraph, line, sentence or word ends."""
    return split_at_boundaries(text, limit)


def reply_chunks(reply: Reply, limit: int = MESSAGE_LIMIT) -> list[str]:
    """The message texts for one reply to a member; a moderator's words are marked as human."""
    # A moderator's words arrive already marked as a human's by the escalation service.
    chunks = split_message(reply.text, limit)
    if not chunks and (reply.attachment is not None or reply.confirm):
        chunks = [""]
    return chunks


def chunk_iter(chunks: list[str]) -> Iterator[tuple[str, bool]]:
    """Each chunk with whether it is the last one (where files and buttons go)."""
    for index, chunk in enumerate(chunks):
        yield chunk, index == len(chunks) - 1


def _trim(text: str, limit: int = EMBED_FIELD_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _timestamp(at: datetime | None) -> str:
    if at is None:
        return "—"
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return f"<t:{int(at.timestamp())}:f> (<t:{int(at.timestamp())}:R>)"


def alert_embed(alert: AlertView) -> discord.Embed:
    """The moderator alert: the minimum to act on, never the conversation itself."""
    page = f" (re-page {alert.page_count})" if alert.page_count else ""
    title = f"{alert.level.label} · {LEVEL_NAMES[alert.level]} · case #{alert.case_id}{page}"
    colour = RESOLVED_COLOUR if alert.status is CaseStatus.RESOLVED else LEVEL_COLOURS[alert.level]
    embed = discord.Embed(title=title, colour=colour, timestamp=alert.updated_at or alert.opened_at)
    member = alert.user_handle or "(no handle)"
    embed.add_field(name="Member", value=_trim(f"{member} · {alert.user_platform}"), inline=True)
    embed.add_field(name="Trigger", value=_trim(f"`{alert.trigger}`"), inline=True)
    embed.add_field(name="Country", value=alert.country or "unknown", inline=True)
    embed.add_field(name="Opened", value=_timestamp(alert.opened_at), inline=True)
    embed.add_field(
        name="Crisis lines sent", value="yes" if alert.resources_sent else "no", inline=True
    )
    embed.add_field(name="Status", value=status_text(alert), inline=False)
    if alert.backup_requested and alert.status is not CaseStatus.RESOLVED:
        embed.add_field(name="Backup", value="requested: another moderator is needed", inline=False)
    if alert.note:
        embed.add_field(name="Note", value=_trim(alert.note), inline=False)
    embed.set_footer(text="The conversation is shown only to the moderator who claims.")
    return embed


def status_text(alert: AlertView) -> str:
    if alert.status is CaseStatus.OPEN:
        return "open: waiting for a moderator to claim"
    if alert.status is CaseStatus.CLAIMED:
        return f"claimed by {alert.claimed_by or 'a moderator'}"
    by = f" (claimed by {alert.claimed_by})" if alert.claimed_by else ""
    return f"resolved{by}"


def relay_header(alert: AlertView) -> str:
    member = alert.user_handle or alert.user_id
    return (
        f"**Case #{alert.case_id}** · {alert.level.label} · {member} on {alert.user_platform}\n"
        "Messages you write here are relayed to the member as a moderator's words. "
        "Start a line with `//` to keep it as an internal note. Press **Resolve** on the alert "
        "when the case is done."
    )


def relay_line_text(line: RelayLine) -> str:
    who = {"user": "Member", "haven": "Haven", "moderator": "Moderator"}.get(line.role, line.role)
    level = f" · {line.level.label}" if line.level is not None and line.role == "user" else ""
    quoted = "\n".join(f"> {part}" if part else ">" for part in line.text.splitlines() or [""])
    return f"**{who}**{level}\n{quoted}"


def excerpt_text(lines: list[RelayLine]) -> str:
    if not lines:
        return "_No earlier messages in the excerpt._"
    return "**Excerpt (most recent last)**\n\n" + "\n\n".join(relay_line_text(x) for x in lines)


def waited_text(minutes: int) -> str:
    """'15 minutes', '1 hour 5 minutes': how long a case has waited, for people to read."""
    hours, rest = divmod(max(0, minutes), 60)
    parts = [f"{hours} hour{'s' if hours != 1 else ''}"] if hours else []
    if rest or not hours:
        parts.append(f"{rest} minute{'s' if rest != 1 else ''}")
    return " ".join(parts)


def owner_notice_text(notice: OwnerNotice, *, where: str, link: str | None) -> str:
    """What an owner is told about an unclaimed case: enough to act, nothing about the person."""
    pages = notice.page_count + 1
    lines = [
        f"**Haven: case #{notice.case_id} has no moderator yet** "
        f"({notice.level.label} · {LEVEL_NAMES[notice.level]})",
        f"Nobody has claimed it for {waited_text(notice.unclaimed_minutes)}; moderators were "
        f"alerted {pages} time{'s' if pages != 1 else ''} in {where}.",
        f"Alert: {link}"
        if link
        else "The alert has not reached the moderator channel yet: check Haven's log and "
        "`haven cases list`.",
        "Please find a moderator to claim it, or claim it yourself if you are one. Haven has "
        "already sent the person its crisis reply; what they wrote is shown only to the "
        "moderator who claims.",
    ]
    return "\n".join(lines)
