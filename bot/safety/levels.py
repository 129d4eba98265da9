"""Risk levels after the C-SSRS screener (see shared/DESIGN.md) and the assessment value."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class RiskLevel(enum.IntEnum):
    NONE = 0  # small talk, figurative language
    DISTRESS = 1  # sadness, anxiety, grief, loneliness
    PASSIVE = 2  # passive ideation: "I wish I was dead"
    ACTIVE = 3  # active ideation, self-harm, method seeking, abuse or danger
    IMMINENT = 4  # plan + means + time, preparation, an act under way

    @property
    def label(self) -> str:
        return f"L{int(self)}"

    @property
    def is_crisis(self) -> bool:
        """L3 and L4 get the vetted template and a moderator alert; the model never answers."""
        return self >= RiskLevel.ACTIVE


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the safety layer concluded about one message in its conversation."""

    level: RiskLevel
    score: float  # 0..1, how strongly the evidence points at the level
    reasons: tuple[str, ...] = ()  # rule names ("rule:means") and classifier output ("clf:0.93")

    @property
    def trigger(self) -> str:
        """The strongest reason, for alerts: `rule:means`, `clf:0.93`."""
        return self.reasons[0] if self.reasons else "none"
