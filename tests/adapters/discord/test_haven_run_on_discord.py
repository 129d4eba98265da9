"""`haven run` as a separate process, configured by a [discord] section pointing at a fake
Discord on 127.0.0.1: it connects, serves a DM, stops cleanly on SIGTERM, and a wrong token is one
clear line on stderr."""

from __future__ import annotations

import asyncio
import signal
import sys
from pathlib import Path

import pytest

from tests.adapters.discord.conftest import eventually
from tests.adapters.discord.fake_discord import TOKEN, FakeDiscord

START_UP_S = 60.0  # a cold interpreter importing the app; CI has 2 slow cores


def write_config(tmp_path: Path, fake: FakeDiscord, token: str) -> Path:
    config = tmp_path / "haven.toml"
    config.write_text(
        f"""
[model]
backend = "none"

[storage]
url = "sqlite+aiosqlite:///{tmp_path / "haven.db"}"

[safety]
use_classifier = false
default_country = "GB"

[discord]
token = "{token}"
moderator_channel_id = {fake.moderator_channel["id"]}
moderator_role_ids = [{fake.moderator_role["id"]}]
api_base = "{fake.api_base}"
gateway_url = "{fake.gateway_url}"
""",
        encoding="utf-8",
    )
    return config


async def haven_run(config: Path) -> asyncio.subprocess.Process:
    env = {k: v for k, v in __import__("os").environ.items() if not k.startswith("HAVEN_")}
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        "from bot.cli.main import main; main()",
        "run",
        "--config",
        str(config),
        cwd=config.parent,
        env=env,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )


@pytest.mark.slow
async def test_haven_run_connects_serves_a_dm_and_stops_on_sigterm(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    process = await haven_run(write_config(tmp_path, fake, TOKEN))
    try:
        await eventually(
            lambda: fake.identify is not None or process.returncode is not None, within=START_UP_S
        )
        if process.returncode is not None:
            _, stderr = await process.communicate()
            raise AssertionError(f"haven run exited early: {stderr.decode()[-2000:]}")
        member = fake.user("robin")
        dm = fake.dm_channel_for(member)
        await eventually(lambda: fake.commands, within=10)  # registered once ready
        await fake.user_dms(member, "hello from the other process")
        await eventually(lambda: len(fake.sent_to(dm["id"])) >= 2, within=20)
        assert any("AI" in m["content"] for m in fake.sent_to(dm["id"]))
        process.send_signal(signal.SIGTERM)
        await asyncio.wait_for(process.wait(), 20)
        assert process.returncode == 0
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


@pytest.mark.slow
async def test_haven_run_with_a_wrong_token_says_so_in_one_line(
    tmp_path: Path, fake: FakeDiscord
) -> None:
    process = await haven_run(write_config(tmp_path, fake, "wrong-token"))
    _, stderr = await asyncio.wait_for(process.communicate(), START_UP_S)
    assert process.returncode == 2, stderr.decode()[-2000:]
    errors = [line for line in stderr.decode().splitlines() if line.startswith("haven:")]
    assert len(errors) == 1 and errors[0].startswith("haven: discord.token:")
