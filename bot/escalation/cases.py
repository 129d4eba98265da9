"""The case state machine: one transition table and the pure decisions built on it.

A case moves open -> claimed -> resolved; "backup requested" and "released" are side steps.
Every decision here is a plain function over plain data; the service applies the result to the
database (with a compare-and-set on the status, so two moderators cannot both win) and audits it.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from bot.ports import CaseStatus


class CaseAction(enum.StrEnum):
    OPEN = "open"
    RAISE = "raise"  # a new risk message while the case is active
    CLAIM = "claim"
    REQUEST_BACKUP = "request_backup"
    RELEASE = "release"
    RESOLVE = "resolve"
    REPLY = "reply"  # the claiming moderator writes to the person
    REPAGE = "repage"
    OWNER_NOTICE = "owner_notice"  # nobody claimed in time: the owners are told (once)


class Outcome(enum.StrEnum):
    """Audit outcome codes; never message text."""

    OK = "ok"
    NOT_MODERATOR = "refused:not_moderator"
    ALREADY_CLAIMED = "refused:already_claimed"
    NOT_CLAIMER = "refused:not_claimer"
    WRONG_STATE = "refused:wrong_state"
    NO_CASE = "refused:no_case"


# The whole state machine: (from, action) -> to. A pair that is absent is not allowed.
# OPEN has no "from": it creates the case.
TRANSITIONS: dict[tuple[CaseStatus, CaseAction], CaseStatus] = {
    (CaseStatus.OPEN, CaseAction.RAISE): CaseStatus.OPEN,
    (CaseStatus.CLAIMED, CaseAction.RAISE): CaseStatus.CLAIMED,
    (CaseStatus.OPEN, CaseAction.CLAIM): CaseStatus.CLAIMED,
    (CaseStatus.OPEN, CaseAction.REQUEST_BACKUP): CaseStatus.OPEN,
    (CaseStatus.CLAIMED, CaseAction.REQUEST_BACKUP): CaseStatus.CLAIMED,
    (CaseStatus.CLAIMED, CaseAction.RELEASE): CaseStatus.OPEN,
    (CaseStatus.OPEN, CaseAction.RESOLVE): CaseStatus.RESOLVED,
    (CaseStatus.CLAIMED, CaseAction.RESOLVE): CaseStatus.RESOLVED,
    (CaseStatus.CLAIMED, CaseAction.REPLY): CaseStatus.CLAIMED,
    (CaseStatus.OPEN, CaseAction.REPAGE): CaseStatus.OPEN,
    (CaseStatus.OPEN, CaseAction.OWNER_NOTICE): CaseStatus.OPEN,
}

# Actions on a claimed case that only the claiming moderator may take.
CLAIMER_ONLY = frozenset({CaseAction.RELEASE, CaseAction.RESOLVE, CaseAction.REPLY})

ACTIVE = (CaseStatus.OPEN, CaseStatus.CLAIMED)


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    outcome: Outcome
    to: CaseStatus | None = None


def next_status(status: CaseStatus, action: CaseAction) -> CaseStatus | None:
    """Where `action` takes a case in `status`, or None when the table does not allow it."""
    return TRANSITIONS.get((status, action))


def decide(
    status: CaseStatus | None,
    action: CaseAction,
    *,
    actor: str,
    is_moderator: bool,
    claimed_by: str | None,
) -> Decision:
    """Whether `actor` may take `action` on a case in `status` (None: no such case)."""
    if not is_moderator:
        return Decision(False, Outcome.NOT_MODERATOR)
    if status is None:
        return Decision(False, Outcome.NO_CASE)
    to = next_status(status, action)
    if to is None:
        if action is CaseAction.CLAIM and status is CaseStatus.CLAIMED:
            return Decision(False, Outcome.ALREADY_CLAIMED)
        return Decision(False, Outcome.WRONG_STATE)
    if status is CaseStatus.CLAIMED and action in CLAIMER_ONLY and claimed_by != actor:
        return Decision(False, Outcome.NOT_CLAIMER)
    return Decision(True, Outcome.OK, to)


def raised_level(current: int, reported: int) -> int | None:
    """The case's new level when a risk report is higher than what it has, else None."""
    return reported if reported > current else None
