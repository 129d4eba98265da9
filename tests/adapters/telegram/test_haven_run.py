"""`haven run` as an operator starts it, a separate process with a config file whose
[telegram] base_url points at the fake Bot API: it serves private chats and alerts there."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from tests.adapters.telegram.conftest import ALICE, GROUP_ID, MODERATOR_ID, TOKEN
from tests.adapters.telegram.fake_bot_api import FakeBotApi

HAVEN = "from bot.cli.main import main; main()"


async def test_haven_run_serves_telegram(fake: FakeBotApi, tmp_path: Path) -> None:
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

[telegram]
base_url = "{fake.base_url}"
base_file_url = "{fake.base_file_url}"
moderator_chat_id = {GROUP_ID}
moderator_user_ids = [{MODERATOR_ID}]
poll_timeout_s = 5
""",
        encoding="utf-8",
    )
    env = {**os.environ, "HAVEN_TELEGRAM__TOKEN": TOKEN, "NO_PROXY": "127.0.0.1,localhost"}
    env.pop("HAVEN_CONFIG", None)
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        HAVEN,
        "run",
        "--config",
        str(config),
        env=env,
        cwd=tmp_path,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        await connected(fake, process)
        await fake.send_text(ALICE, "hello, is anyone there?")
        first = await fake.wait_for("sendMessage", lambda p: p["chat_id"] == ALICE["id"])
        assert "AI" in first["text"]  # first contact: onboarding
        await fake.send_text(ALICE, "I want to kill myself")
        await fake.wait_for(
            "sendMessage", lambda p: p["chat_id"] == ALICE["id"] and "116 123" in p["text"]
        )
        await fake.wait_for("sendMessage", lambda p: p["chat_id"] == GROUP_ID, within=10)
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode(errors="replace")
    assert process.returncode == 0, log[-2000:]
    assert TOKEN not in log  # the token is in every request URL; it must never reach the log


async def connected(fake: FakeBotApi, process: asyncio.subprocess.Process) -> None:
    """Wait until Haven polls the fake, or fail at once with its log if it exits first."""
    polling = asyncio.ensure_future(fake.wait_for("deleteWebhook", within=60))
    exited = asyncio.ensure_future(process.wait())
    done, _ = await asyncio.wait({polling, exited}, return_when=asyncio.FIRST_COMPLETED)
    if polling not in done:
        polling.cancel()
        assert process.stderr is not None
        log = (await process.stderr.read()).decode(errors="replace")
        raise AssertionError(f"haven run exited with {process.returncode}:\n{log[-2000:]}")
    exited.cancel()
    polling.result()
