"""The root of the `haven` command: registers each area's commands.

Area modules import heavy libraries (torch, discord.py) inside their commands, so `haven --help`
stays fast.
"""

from __future__ import annotations

import typer

from bot.bench_core import bench_core
from bot.cli import cases, chat, crisis, data, model, settings_cmd

app = typer.Typer(
    name="haven",
    help="Haven: a self-hosted mental-health support bot for Discord and Telegram communities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # help texts name settings like [model] base literally
)
bench_app = typer.Typer(
    help="Benchmarks that print figures (add --json for machine output).", no_args_is_help=True
)

app.command("run")(chat.run_bot)
app.command("chat")(chat.chat)
app.command("keygen")(data.keygen)
app.add_typer(settings_cmd.config_app, name="config")
app.add_typer(data.db_app, name="db")
app.add_typer(data.user_app, name="user")
app.add_typer(cases.app, name="cases", help="Moderation cases and their alerts.")
app.add_typer(crisis.app, name="crisis", help="Score or evaluate crisis detection offline.")
app.add_typer(model.app, name="model", help="Build a tiny local model or check the configured one.")
app.add_typer(bench_app, name="bench")
bench_app.command("core", help="Messages per second through the core vs a bare SQLite loop.")(
    bench_core
)
bench_app.command("crisis", help="Crisis assessment latency and throughput.")(crisis.bench_crisis)
bench_app.command("inference", help="Worker vs sequential generate throughput.")(
    model.bench_inference
)


def main() -> None:
    app()
