"""`haven chat` end to end: the real CLI, core, storage, crisis path and a tiny local model."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli.main import app
from inference.tiny import make_tiny_llama

os.environ.setdefault("HF_HUB_OFFLINE", "1")


@pytest.fixture(scope="module")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_llama(tmp_path_factory.mktemp("chat-model"))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in list(os.environ):
        if name.startswith("HAVEN_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HAVEN_MODEL__MAX_NEW_TOKENS", "8")
    return tmp_path


def chat(*args: str, stdin: str) -> str:
    result = CliRunner().invoke(app, ["chat", *args], input=stdin)
    assert result.exit_code == 0, result.output
    return result.output


def test_piped_chat_onboards_once_answers_each_line_and_stores_everything(workdir, model_dir):
    output = chat(
        "--user", "alice", "--model", str(model_dir), stdin="hi\nI feel anxious about my exam\n"
    )
    assert output.count("I'm an AI, not a person") == 1
    assert output.count("haven> ") == 3  # onboarding + one reply per line
    rows = (
        sqlite3.connect(workdir / "haven.db")
        .execute("SELECT role, text_enc IS NOT NULL FROM messages ORDER BY id")
        .fetchall()
    )
    assert rows == [("user", 1), ("assistant", 1), ("user", 1), ("assistant", 1)]
    assert b"anxious" not in (workdir / "haven.db").read_bytes()  # encrypted at rest


def test_crisis_line_gets_local_lines_and_opens_a_case(workdir):
    output = chat("--user", "bob", "--country", "GB", stdin="I want to kill myself\n")
    assert "116 123" in output
    listed = CliRunner().invoke(app, ["cases", "list", "--json"])
    assert listed.exit_code == 0, listed.output
    cases = json.loads(listed.output)
    assert len(cases) == 1
    case = cases[0]
    assert case["status"] == "open" and case["level"] in ("L3", "L4")
    assert case["user"] == "bob" and case["country"] == "GB"


def test_without_a_model_chat_says_why_once_and_keeps_the_safety_path(workdir):
    result = CliRunner().invoke(
        app,
        ["chat", "--user", "cy", "--model", str(workdir / "no-such-model")],
        input="hello\nI have the pills and I'm taking them tonight\n",
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("model unavailable") == 1
    assert "--model DIR" in result.output
    assert "don't be alone" in result.output or "emergency" in result.output.lower()


def test_a_bad_setting_is_one_line_and_exit_code_2(workdir, monkeypatch):
    monkeypatch.setenv("HAVEN_STORAGE__RETENTION_DAYS", "soon")
    result = CliRunner().invoke(app, ["chat"], input="hi\n")
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        "haven: storage.retention_days: bad value 'soon': Input should be a valid integer, "
        "unable to parse string as an integer (set it in the config file or "
        "HAVEN_STORAGE__RETENTION_DAYS)"
    ]


def test_commands_work_in_the_terminal(workdir):
    output = chat("--user", "dee", stdin="/country DE\n/resources\n/help\n")
    assert "Got it, I'll show crisis lines for DE" in output
    assert "/forget" in output  # the help text
