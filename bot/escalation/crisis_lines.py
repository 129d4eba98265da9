"""The curated crisis-line directory: which lines and emergency number to show for a country.

The data lives in `crisis_lines.json` beside this module, one entry per line with its source and
the date it was last checked. A country we do not list gets only its emergency number (where
known) and findahelpline.com: we never show another country's line as if it were local.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

DATA_FILE = Path(__file__).with_name("crisis_lines.json")
FALLBACK_URL = "https://findahelpline.com"


class CrisisDataError(Exception):
    """The crisis-line file is missing or malformed; the message names the entry to fix."""


@dataclass(frozen=True)
class CrisisLine:
    country: str  # ISO 3166-1 alpha-2
    name: str
    phone: str | None
    sms: str | None  # how to reach it by text: "text SHOUT to 85258", "WhatsApp 9151 1767"
    chat_url: str | None
    hours: str
    always_open: bool  # 24/7, only where the source says so
    languages: tuple[str, ...]
    audience: str  # all | youth | veterans ...
    source_url: str
    last_verified: date
    notes: str | None = None


@dataclass(frozen=True)
class Resources:
    """What to show one person: their country's lines and emergency number, or the fallback."""

    country: str | None
    emergency: str | None
    lines: tuple[CrisisLine, ...]
    fallback_url: str = FALLBACK_URL
    country_name: str | None = None  # "the UK", for sentences; None when we do not list it

    @property
    def has_always_open(self) -> bool:
        return any(line.always_open for line in self.lines)


@dataclass(frozen=True)
class _Country:
    name: str
    emergency: str | None
    lines: tuple[CrisisLine, ...]


class CrisisDirectory:
    def __init__(
        self,
        countries: dict[str, _Country],
        emergency_only: dict[str, str],
        fallback_url: str = FALLBACK_URL,
    ) -> None:
        self._countries = countries
        self._emergency_only = emergency_only
        self._fallback_url = fallback_url

    @classmethod
    def load(cls, path: Path | None = None) -> CrisisDirectory:
        """Read the directory (the shipped JSON by default); raise CrisisDataError if malformed."""
        source = path or DATA_FILE
        try:
            raw = json.loads(source.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CrisisDataError(
                f"crisis lines: cannot read {str(source)!r} ({exc}); restore the shipped file"
            ) from None
        countries = {
            code.upper(): _parse_country(code.upper(), entry)
            for code, entry in raw.get("countries", {}).items()
        }
        emergency_only = {
            code.upper(): str(number) for code, number in raw.get("emergency_only", {}).items()
        }
        return cls(countries, emergency_only, str(raw.get("fallback_url", FALLBACK_URL)))

    def knows(self, country: str) -> bool:
        """Whether we list crisis lines for this country (not just its emergency number)."""
        return country.upper() in self._countries

    def countries(self) -> tuple[str, ...]:
        return tuple(sorted(self._countries))

    def all_lines(self) -> tuple[CrisisLine, ...]:
        return tuple(line for entry in self._countries.values() for line in entry.lines)

    def resources_for(self, country: str | None) -> Resources:
        code = country.upper() if country else None
        entry = self._countries.get(code) if code else None
        if entry is None:
            emergency = self._emergency_only.get(code) if code else None
            return Resources(code, emergency, (), self._fallback_url)
        return Resources(code, entry.emergency, entry.lines, self._fallback_url, entry.name)


def _parse_country(code: str, entry: dict[str, Any]) -> _Country:
    try:
        lines = tuple(_parse_line(code, line) for line in entry["lines"])
        return _Country(str(entry["name"]), entry.get("emergency"), lines)
    except (KeyError, TypeError, ValueError) as exc:
        raise CrisisDataError(
            f"crisis lines: entry {code} is malformed ({type(exc).__name__}: {exc}); "
            "fix it in bot/escalation/crisis_lines.json"
        ) from None


def _parse_line(code: str, line: dict[str, Any]) -> CrisisLine:
    if not (line.get("phone") or line.get("sms") or line.get("chat_url")):
        raise ValueError(f"{line.get('name')!r} has no phone, text or chat contact")
    return CrisisLine(
        country=code,
        name=str(line["name"]),
        phone=line.get("phone"),
        sms=line.get("sms"),
        chat_url=line.get("chat_url"),
        hours=str(line.get("hours", "")),
        always_open=bool(line["always_open"]),
        languages=tuple(line.get("languages", ())),
        audience=str(line.get("audience", "all")),
        source_url=str(line["source_url"]),
        last_verified=date.fromisoformat(line["last_verified"]),
        notes=line.get("notes"),
    )
