"""`haven chat` (a terminal conversation) and `haven run` (every configured platform)."""

from __future__ import annotations

import asyncio
import getpass
import logging
import signal
import sys
from pathlib import Path
from typing import Any

import typer

from bot.cli.common import ConfigOption, fail, run, settings_or_exit, setup_logging

log = logging.getLogger("haven")

HOW_TO_POINT = (
    "point Haven at a local model with `haven chat --model DIR` or [model] base in haven.toml "
    "(`haven model tiny DIR` builds a small test model); the safety replies keep working"
)


def chat(
    user: str = typer.Option(None, "--user", "-u", help="Your name in this chat (default: login)."),
    model: Path = typer.Option(None, "--model", help="A local Hugging Face model folder."),
    adapter: Path = typer.Option(None, "--adapter", help="A local PEFT LoRA adapter folder."),
    country: str = typer.Option(None, "--country", help="Two-letter country for crisis lines."),
    config: Path = ConfigOption,
) -> None:
    """Talk to Haven in the terminal; with a pipe, one message per line."""
    overrides: dict[str, Any] = {}
    if model is not None:
        overrides["model"] = {
            "backend": "local",
            "preset": "custom",
            "base": str(model),
            "adapter": str(adapter) if adapter else None,
        }
    elif adapter is not None:
        overrides["model"] = {"adapter": str(adapter)}
    if country is not None:
        if len(country) != 2 or not country.isalpha():
            raise fail(f"--country: bad value {country!r}: use a two-letter code such as GB")
    settings = settings_or_exit(config, **overrides)
    setup_logging(settings, conversation=True)
    name = user or _login()
    run(_chat(settings, name, country))


async def _chat(settings: Any, user: str, country: str | None) -> None:
    from adapters.terminal.chat import run_chat
    from bot.app import build_app

    app = build_app(settings, with_adapters=False)
    try:
        await app.start()
        if app.model_note:
            print(f"haven: model unavailable: {app.model_note}; {HOW_TO_POINT}", file=sys.stderr)
        await run_chat(app, user=user, country=country)
    finally:
        await app.stop()


def run_bot(config: Path = ConfigOption) -> None:
    """Start every configured platform adapter and serve until SIGINT or SIGTERM."""
    settings = settings_or_exit(config)
    setup_logging(settings)
    if not (settings.secret("discord", "token") or settings.secret("telegram", "token")):
        raise fail(
            "no platform configured: set [discord] token (HAVEN_DISCORD__TOKEN) or "
            "[telegram] token (HAVEN_TELEGRAM__TOKEN); `haven chat` works without one"
        )
    run(_serve(settings))


async def _serve(settings: Any) -> None:
    from bot.app import build_app

    app = build_app(settings)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    try:
        await app.start()
        if app.model_note:
            log.warning("model unavailable: %s; %s", app.model_note, HOW_TO_POINT)
        names = ", ".join(a.name for a in app.adapters) or "none"
        log.info("Haven is running (%s); press Ctrl-C to stop", names)
        await stop.wait()
        log.info("stopping")
    finally:
        await app.stop()


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "you"
