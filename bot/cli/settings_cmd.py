"""`haven config check`: see exactly what Haven will run with, secrets masked."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bot.cli.common import ConfigOption, settings_or_exit
from bot.config import config_path, masked

config_app = typer.Typer(help="Inspect the settings.", no_args_is_help=True)


@config_app.command("check")
def check(config: Path = ConfigOption) -> None:
    """Print the effective settings, secrets masked; exit 2 with one line if any is bad."""
    settings = settings_or_exit(config)
    source = config_path(config)
    typer.echo(f"# settings from {source or 'built-in defaults'} and HAVEN_* variables")
    typer.echo(json.dumps(masked(settings), indent=2, default=str))
