"""`haven cases list` and `haven cases show` against a real database file."""

from __future__ import annotations

import asyncio
import json
from typing import Any

from typer.testing import CliRunner

from bot.app import open_storage
from bot.cli.cases import app
from bot.escalation.service import EscalationService
from bot.safety.levels import Assessment, RiskLevel

runner = CliRunner()


async def _one_case(settings: Any, clock: Any) -> int:
    conversations, sessions, engine = await open_storage(settings)
    try:
        bob = await conversations.get_or_create_user("terminal", "bob", now=clock(), handle="bob")
        service = EscalationService(
            sessions=sessions,
            cipher=conversations.cipher,
            settings=settings,
            clock=clock,
            channels={},
            messengers={},
        )
        return await service.report_risk(
            user_id=bob.id,
            assessment=Assessment(RiskLevel.IMMINENT, 0.9, ("rule:means",)),
            resources_sent=True,
            country="GB",
        )
    finally:
        await engine.dispose()


def test_list_json_shows_the_open_case_without_message_text(make_settings, clock, tmp_path):
    settings = make_settings()
    (tmp_path / "haven.toml").write_text(
        f'[storage]\nurl = "{settings.storage.url}"\n[model]\nbackend = "none"\n'
    )
    case_id = asyncio.run(_one_case(settings, clock))

    listed = runner.invoke(app, ["list", "--json", "--config", str(tmp_path / "haven.toml")])
    shown = runner.invoke(app, ["show", str(case_id), "--config", str(tmp_path / "haven.toml")])

    assert listed.exit_code == 0, listed.output
    [row] = json.loads(listed.output)
    assert (row["id"], row["status"], row["level"], row["user"]) == (case_id, "open", "L4", "bob")
    assert row["trigger"] == "rule:means" and row["country"] == "GB"
    assert shown.exit_code == 0, shown.output
    assert "open" in shown.output and "system" in shown.output
    missing = runner.invoke(app, ["show", "999", "--config", str(tmp_path / "haven.toml")])
    assert missing.exit_code == 2


def test_list_on_a_missing_database_creates_nothing(make_settings, tmp_path):
    make_settings()
    (tmp_path / "haven.toml").write_text(
        f'[storage]\nurl = "sqlite+aiosqlite:///{tmp_path / "none.db"}"\n'
    )
    result = runner.invoke(app, ["list", "--json", "--config", str(tmp_path / "haven.toml")])
    assert result.exit_code == 0 and json.loads(result.output) == []
    assert not (tmp_path / "none.db").exists()
