"""The conversation's risk policy: the highest level in the recent window wins.

A later "never mind", "jk" or "I'm fine" does not reset risk (safety requirement 4); only a
moderator resolving the case or the window moving on does.
"""

from __future__ import annotations

from collections.abc import Sequence

from bot.safety.levels import RiskLevel


def conversation_level(current: RiskLevel, recent: Sequence[RiskLevel]) -> RiskLevel:
    """The level the conversation is at now: the maximum of this message and the window."""
    return max((current, *recent), key=int)
