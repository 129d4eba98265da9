"""Shared CLI plumbing: load settings, turn operator errors into one line, run async code."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import typer

from bot.config import ConfigError, Settings, load_settings

T = TypeVar("T")

ConfigOption = typer.Option(
    None, "--config", "-c", help="TOML settings file (else $HAVEN_CONFIG, else ./haven.toml)."
)


def fail(message: str) -> typer.Exit:
    typer.echo(f"haven: {message}", err=True)
    return typer.Exit(code=2)


def settings_or_exit(config: Path | None, **overrides: Any) -> Settings:
    try:
        return load_settings(config, **overrides)
    except ConfigError as exc:
        raise fail(str(exc)) from None


def setup_logging(settings: Settings, *, conversation: bool = False) -> None:
    """Log to stderr with every configured secret redacted (bot.logging_setup).

    In a terminal conversation only warnings show (unless DEBUG is asked for), so log lines do
    not interleave with the chat.
    """
    from bot.logging_setup import configure_logging

    secrets = [
        settings.secret(section, key)
        for section, key in (
            ("discord", "token"),
            ("telegram", "token"),
            ("telegram", "webhook_secret"),
            ("model", "api_key"),
            ("privacy", "encryption_key"),
        )
    ]
    level = settings.logging.level
    if conversation and level == "INFO":
        level = "WARNING"
    configure_logging(level, [s for s in secrets if s])


def run(coro: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine; operator errors (bad settings, keys, storage) become one line."""
    from storage.crypto import KeyProblem
    from storage.db import StorageError

    try:
        return asyncio.run(coro)
    except (ConfigError, KeyProblem, StorageError) as exc:
        logging.getLogger("haven").debug("operator error", exc_info=True)
        raise fail(str(exc)) from None
