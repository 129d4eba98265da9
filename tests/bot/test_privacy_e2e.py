"""The privacy issue's acceptance run: `haven chat`, then export, forget, rotate, consent, logs.

Drives the real commands through typer's CliRunner on a temporary SQLite file with the model
backend set to "none" (safety replies only), so it needs no model and makes no network call.
"""

from __future__ import annotations

import json
import logging
import socket
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import data
from bot.cli.chat import chat
from bot.logging_setup import QUIET_LOGGERS, SILENT_LOGGERS
from storage.crypto import decode_key, generate_key
from storage.keys import pending_key_file, read_key_file

TOKEN = "7012345678:AAH-e2e_T0k3n_never_logged"


def haven_cli() -> typer.Typer:
    """The commands under test, registered as bot/cli/main.py registers them."""
    app = typer.Typer(pretty_exceptions_enable=False)
    app.command("chat")(chat)
    app.command("keygen")(data.keygen)
    app.add_typer(data.db_app, name="db")
    app.add_typer(data.user_app, name="user")
    return app


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, logging.getLogRecordFactory())
    levels = {name: logging.getLogger(name).level for name in (*QUIET_LOGGERS, *SILENT_LOGGERS)}
    yield
    for handler in list(root.handlers):
        if handler not in saved[0]:
            root.removeHandler(handler)
    for handler in root.handlers:
        handler.filters.clear()
    root.setLevel(saved[1])
    logging.setLogRecordFactory(saved[2])
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.fixture(autouse=True)
def chat_reads_the_runners_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_chat binds sys.stdin/stdout as defaults at import; each CliRunner call swaps them."""
    import adapters.terminal.chat as terminal

    original = terminal.run_chat

    async def run_chat(app: Any, **kwargs: Any) -> int:
        kwargs.setdefault("stream", sys.stdin)
        kwargs.setdefault("out", sys.stdout)
        return await original(app, **kwargs)

    monkeypatch.setattr(terminal, "run_chat", run_chat)


@pytest.fixture
def no_outbound(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Records (and refuses) any connection that is not to this machine."""
    attempts: list[Any] = []
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: Any) -> Any:
        host = address[0] if isinstance(address, tuple) else ""
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in ("127.0.0.1", "::1"):
            attempts.append(address)
            raise OSError("outbound connection refused by the test")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


class Haven:
    def __init__(self, tmp_path: Path, env: dict[str, str]) -> None:
        self.db = tmp_path / "haven.db"
        self.config = tmp_path / "haven.toml"
        self.config.write_text(
            f'[storage]\nurl = "sqlite+aiosqlite:///{self.db}"\n\n[model]\nbackend = "none"\n'
        )
        self.env = {"HAVEN_LOGGING__LEVEL": "DEBUG", "HAVEN_TELEGRAM__TOKEN": TOKEN, **env}
        self.app = haven_cli()
        self.logs = ""

    def __call__(self, *args: str, input: str | None = None) -> Any:
        result = CliRunner().invoke(
            self.app, [*args, "--config", str(self.config)], input=input, env=self.env
        )
        self.logs += result.stderr
        assert result.exit_code == 0, result.output
        return result

    def file_bytes(self) -> bytes:
        wal = self.db.with_name(self.db.name + "-wal")
        return self.db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    def export(self, who: str) -> dict[str, Any]:
        return json.loads(self("user", "export", who).stdout)


def test_chat_export_forget_with_a_configured_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_outbound: list[Any]
) -> None:
    key = generate_key()
    for name in list(__import__("os").environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)
    haven = Haven(tmp_path, {"HAVEN_PRIVACY__ENCRYPTION_KEY": key})

    chatted = haven("chat", "--user", "carol", input="my secret phrase is bluebird\n")

    assert chatted.stdout.strip()  # Haven answered
    stored = haven.file_bytes()
    assert b"carol" in stored  # the scan sees plaintext columns ...
    assert b"bluebird" not in stored  # ... and the message is only ciphertext
    assert not (tmp_path / "haven.db.key").exists()  # the configured key, no key file

    exported = haven.export("terminal:carol")
    assert exported["user"]["platform_user_id"] == "carol"
    assert "my secret phrase is bluebird" in [m["text"] for m in exported["messages"]]

    forgot = haven("user", "forget", "terminal:carol", "--yes")
    assert "erased terminal:carol" in forgot.stdout
    after = haven.file_bytes()
    assert b"bluebird" not in after and b"carol" not in after
    assert haven.export("terminal:carol")["user"] is None

    for secret in (TOKEN, key):
        assert secret not in haven.logs
    assert no_outbound == []


def test_forget_asks_for_confirmation_without_yes(tmp_path: Path) -> None:
    haven = Haven(tmp_path, {"HAVEN_PRIVACY__ENCRYPTION_KEY": generate_key()})
    haven("chat", "--user", "carol", input="hello there\n")
    declined = CliRunner().invoke(
        haven.app,
        ["user", "forget", "terminal:carol", "--config", str(haven.config)],
        input="n\n",
        env=haven.env,
    )
    assert declined.exit_code != 0
    assert haven.export("terminal:carol")["user"] is not None
    haven("user", "forget", "terminal:carol", input="y\n")
    assert haven.export("terminal:carol")["user"] is None


def test_declined_consent_keeps_no_text_but_crisis_replies_still_come(tmp_path: Path) -> None:
    haven = Haven(tmp_path, {"HAVEN_PRIVACY__ENCRYPTION_KEY": generate_key()})
    said = haven(
        "chat",
        "--user",
        "dave",
        input="/consent no\nmy secret phrase is bluebird\nI want to kill myself tonight\n",
    )
    exported = haven.export("terminal:dave")
    assert exported["user"]["consent"] is False
    assert exported["messages"], "levels and times are kept"
    assert all(m["text"] is None for m in exported["messages"])
    assert max(m["level"] or 0 for m in exported["messages"]) >= 3  # detection still ran
    assert "bluebird" not in json.dumps(exported)
    assert "findahelpline.com" in said.stdout  # the crisis reply with resources still came

    haven("chat", "--user", "dave", input="/consent yes\nmy secret phrase is robin\n")
    texts = [m["text"] for m in haven.export("terminal:dave")["messages"]]
    assert "my secret phrase is robin" in texts


def test_rotate_key_with_a_key_file_keeps_every_message(tmp_path: Path) -> None:
    haven = Haven(tmp_path, {})
    haven("chat", "--user", "erin", input="my secret phrase is bluebird\n")
    key_file = tmp_path / "haven.db.key"
    old = read_key_file(key_file)

    rotated = haven("db", "rotate-key")

    assert "re-encrypted" in rotated.stdout
    assert read_key_file(key_file) != old
    assert not pending_key_file(key_file).exists()
    texts = [m["text"] for m in haven.export("terminal:erin")["messages"]]
    assert "my secret phrase is bluebird" in texts
    assert old.hex() not in haven.logs


def test_a_rerun_rotation_finishes_with_the_key_an_interrupted_run_left(tmp_path: Path) -> None:
    haven = Haven(tmp_path, {})
    haven("chat", "--user", "erin", input="hello\n")
    key_file = tmp_path / "haven.db.key"
    left_behind = generate_key()
    pending_key_file(key_file).write_text(left_behind + "\n")  # as a stopped run leaves it

    haven("db", "rotate-key")

    assert read_key_file(key_file) == decode_key(left_behind)
    assert haven.export("terminal:erin")["messages"]


def test_rotate_key_with_a_configured_key_needs_a_new_key_file(tmp_path: Path) -> None:
    key = generate_key()
    haven = Haven(tmp_path, {"HAVEN_PRIVACY__ENCRYPTION_KEY": key})
    haven("chat", "--user", "erin", input="my secret phrase is bluebird\n")
    refused = CliRunner().invoke(
        haven.app, ["db", "rotate-key", "--config", str(haven.config)], env=haven.env
    )
    assert refused.exit_code == 2 and "--new-key-file" in refused.stderr
    new_file = tmp_path / "new.key"

    done = haven("db", "rotate-key", "--new-key-file", str(new_file))

    assert "HAVEN_PRIVACY__ENCRYPTION_KEY" in done.stdout
    haven.env["HAVEN_PRIVACY__ENCRYPTION_KEY"] = new_file.read_text().strip()
    texts = [m["text"] for m in haven.export("terminal:erin")["messages"]]
    assert "my secret phrase is bluebird" in texts
    haven.env["HAVEN_PRIVACY__ENCRYPTION_KEY"] = key
    stale = CliRunner().invoke(
        haven.app,
        ["user", "export", "terminal:erin", "--config", str(haven.config)],
        env=haven.env,
    )
    assert stale.exit_code == 2 and "different key" in stale.stderr


def test_keygen_upgrade_and_purge_commands(tmp_path: Path) -> None:
    haven = Haven(tmp_path, {})
    printed = CliRunner().invoke(haven.app, ["keygen"]).stdout.strip()
    assert len(decode_key(printed)) == 32
    assert "database is at revision" in haven("db", "upgrade").stdout
    haven("chat", "--user", "erin", input="hello\n")
    assert "purged 0 messages" in haven("db", "purge").stdout


def test_data_commands_never_create_a_database(tmp_path: Path) -> None:
    haven = Haven(tmp_path, {})
    result = CliRunner().invoke(
        haven.app, ["user", "export", "terminal:x", "--config", str(haven.config)], env=haven.env
    )
    assert result.exit_code == 2 and "no database" in result.stderr
    assert not haven.db.exists() and not (tmp_path / "haven.db.key").exists()
