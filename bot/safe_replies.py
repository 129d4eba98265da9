"""The core's `SafeReplies` port over the crisis-line directory and the vetted templates."""

from __future__ import annotations

from bot.escalation.crisis_lines import CrisisDirectory
from bot.escalation.templates import crisis_reply, resources_text
from bot.safety.levels import RiskLevel


class DirectorySafeReplies:
    def __init__(self, directory: CrisisDirectory) -> None:
        self._directory = directory

    def crisis_reply(self, level: RiskLevel, country: str | None, variant: int) -> str:
        return crisis_reply(level, self._directory.resources_for(country), variant=variant)

    def resources(self, country: str | None) -> str:
        return resources_text(self._directory.resources_for(country))

    def knows_country(self, code: str) -> bool:
        return self._directory.knows(code)
