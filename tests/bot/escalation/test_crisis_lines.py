"""The crisis-line directory: coverage, freshness, and never another country's line as local."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from bot.escalation.crisis_lines import DATA_FILE, CrisisDataError, CrisisDirectory

MAX_AGE_DAYS = 183


@pytest.fixture(scope="module")
def directory() -> CrisisDirectory:
    return CrisisDirectory.load()


def test_at_least_thirty_countries_each_with_lines_and_sources(directory: CrisisDirectory):
    countries = directory.countries()
    assert len(countries) >= 30
    for code in countries:
        resources = directory.resources_for(code)
        assert resources.lines, code
        for line in resources.lines:
            assert line.country == code and len(code) == 2
            assert line.phone or line.sms or line.chat_url, line.name
            assert line.source_url.startswith("http"), line.name
            assert line.languages, line.name


def test_no_entry_has_gone_unverified_for_more_than_six_months(directory: CrisisDirectory):
    stale = [
        f"{line.country} {line.name} (last verified {line.last_verified})"
        for line in directory.all_lines()
        if (date.today() - line.last_verified).days > MAX_AGE_DAYS
    ]
    assert not stale, "re-check these against the provider's live site: " + "; ".join(stale)


def test_every_entry_names_its_country_emergency_number_or_says_why_not():
    raw = json.loads(DATA_FILE.read_text(encoding="utf-8"))
    for code, entry in raw["countries"].items():
        assert entry["emergency"] or entry.get("notes"), code


def test_the_uk_has_samaritans_and_shout(directory: CrisisDirectory):
    uk = directory.resources_for("gb")
    assert uk.country == "GB" and uk.emergency == "999 or 112"
    assert [(line.name, line.phone, line.sms) for line in uk.lines] == [
        ("Samaritans", "116 123", None),
        ("Shout", None, "text SHOUT to 85258"),
    ]


def test_recent_number_changes_are_in(directory: CrisisDirectory):
    assert directory.resources_for("US").lines[0].phone == "988"
    assert directory.resources_for("KR").lines[0].phone == "109"  # not the old 1393
    assert directory.resources_for("FR").lines[0].phone == "3114"
    assert directory.resources_for("ES").lines[0].phone == "024"


def test_an_unlisted_country_gets_only_its_emergency_number_and_the_fallback(
    directory: CrisisDirectory,
):
    portugal = directory.resources_for("PT")
    assert (portugal.lines, portugal.emergency) == ((), "112")
    assert portugal.fallback_url == "https://findahelpline.com"
    assert not directory.knows("PT")
    nowhere = directory.resources_for("ZZ")
    assert (nowhere.lines, nowhere.emergency, nowhere.country) == ((), None, "ZZ")
    unknown = directory.resources_for(None)
    assert (unknown.lines, unknown.emergency) == ((), None)


def test_a_malformed_file_fails_with_the_entry_named(tmp_path: Path):
    bad = tmp_path / "lines.json"
    bad.write_text(json.dumps({"countries": {"XX": {"name": "X", "lines": [{"name": "n"}]}}}))
    with pytest.raises(CrisisDataError, match="XX"):
        CrisisDirectory.load(bad)
