"""`haven config check` and `haven db upgrade`: see what Haven will run with, prepare the DB."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from bot.cli.common import ConfigOption, run, settings_or_exit
from bot.config import config_path, masked

config_app = typer.Typer(help="Inspect the settings.", no_args_is_help=True)


@config_app.command("check")
def check(config: Path = ConfigOption) -> None:
    """Print the effective settings, secrets masked; exit 2 with one line if any is bad."""
    settings = settings_or_exit(config)
    source = config_path(config)
    typer.echo(f"# settings from {source or 'built-in defaults'} and HAVEN_* variables")
    typer.echo(json.dumps(masked(settings), indent=2, default=str))


def upgrade(config: Path = ConfigOption) -> None:
    """Apply database migrations (Haven also does this at every start)."""
    settings = settings_or_exit(config)

    async def _upgrade() -> str | None:
        from storage.db import create_engine, current_revision
        from storage.db import upgrade as apply

        engine = create_engine(settings.storage.url)
        try:
            await apply(engine)
            return await current_revision(engine)
        finally:
            await engine.dispose()

    typer.echo(f"database at revision {run(_upgrade())}")
