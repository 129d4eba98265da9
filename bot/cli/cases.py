"""`haven cases list` and `haven cases show ID`: moderation cases for operators.

Shows case state, the audit trail and alert delivery health; never what anyone wrote (the
conversation is only for the moderator who claims the case).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import typer

from bot.cli.common import ConfigOption, fail, run, settings_or_exit
from bot.config import Settings

app = typer.Typer(help="Moderation cases and their alerts.", no_args_is_help=True)


@app.command("list")
def list_cases(
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
    include_resolved: bool = typer.Option(False, "--all", help="Include resolved cases."),
    config: Path = ConfigOption,
) -> None:
    """Open and claimed cases (all with --all), with level, owner and alert delivery health."""
    settings = settings_or_exit(config)
    rows = run(_list(settings, include_resolved)) if _database_exists(settings) else []
    if as_json:
        typer.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        typer.echo("no cases" if include_resolved else "no open or claimed cases")
        return
    typer.echo(
        f"{'ID':>5}  {'STATUS':<9}{'LEVEL':<6}{'USER':<28}{'OPENED (UTC)':<18}"
        f"{'CLAIMED BY':<16}{'PAGES':<6}DELIVERY"
    )
    for row in rows:
        user = f"{row['platform']}:{row['user']}"
        typer.echo(
            f"{row['id']:>5}  {row['status']:<9}{row['level']:<6}{user[:27]:<28}"
            f"{row['opened_at'][:16].replace('T', ' '):<18}{(row['claimed_by'] or '-')[:15]:<16}"
            f"{row['page_count']:<6}{_delivery_text(row['delivery'])}"
        )


@app.command("show")
def show_case(
    case_id: int = typer.Argument(..., help="The case number from `haven cases list`."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of text."),
    config: Path = ConfigOption,
) -> None:
    """One case: its state, the audit trail (who did what, when) and every alert delivery."""
    settings = settings_or_exit(config)
    detail = run(_show(settings, case_id)) if _database_exists(settings) else None
    if detail is None:
        raise fail(f"no case #{case_id}; `haven cases list --all` shows every case")
    if as_json:
        typer.echo(json.dumps(detail, indent=2))
        return
    case = detail["case"]
    typer.echo(f"case #{case['id']}: {case['status']} {case['level']} ({case['trigger']})")
    for key in (
        "platform",
        "user",
        "handle",
        "country",
        "resources_sent",
        "claimed_by",
        "backup_requested",
        "page_count",
        "note",
        "opened_at",
        "claimed_at",
        "resolved_at",
        "last_paged_at",
    ):
        typer.echo(f"  {key}: {case[key] if case[key] is not None else '-'}")
    typer.echo("audit trail:")
    for event in detail["events"]:
        typer.echo(
            f"  {event['at']}  {event['actor']:<24} {event['action']:<16} {event['outcome']}"
        )
    typer.echo("deliveries:")
    for item in detail["deliveries"]:
        error = f"  last error: {item['last_error']}" if item["last_error"] else ""
        typer.echo(
            f"  #{item['id']:<5} {item['channel']:<16} {item['kind']:<12} {item['status']:<14}"
            f"attempts {item['attempts']}{error}"
        )


def _database_exists(settings: Settings) -> bool:
    """Listing never creates an empty database (or a key) by accident."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.storage.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return True
    return Path(url.database).exists()


async def _list(settings: Settings, include_resolved: bool) -> list[dict[str, Any]]:
    from bot.app import open_storage
    from storage.cases import CaseStore

    conversations, sessions, engine = await open_storage(settings)
    try:
        store = CaseStore(sessions, conversations.cipher)
        return [_summary_json(s) for s in await store.list_cases(include_resolved=include_resolved)]
    finally:
        await engine.dispose()


async def _show(settings: Settings, case_id: int) -> dict[str, Any] | None:
    from bot.app import open_storage
    from storage.cases import CaseStore

    conversations, sessions, engine = await open_storage(settings)
    try:
        store = CaseStore(sessions, conversations.cipher)
        summaries = {s.case.id: s for s in await store.list_cases(include_resolved=True)}
        summary = summaries.get(case_id)
        if summary is None:
            return None
        return {
            "case": _summary_json(summary),
            "events": [
                {
                    "at": _iso(e.at),
                    "actor": e.actor,
                    "action": e.action,
                    "outcome": e.outcome,
                    "level": None if e.level is None else f"L{e.level}",
                }
                for e in await store.events(case_id)
            ],
            "deliveries": [
                {
                    "id": item.id,
                    "channel": item.channel,
                    "kind": item.kind,
                    "status": item.status,
                    "attempts": item.attempts,
                    "last_error": item.last_error,
                    "created_at": _iso(item.created_at),
                    "delivered_at": _iso(item.delivered_at),
                    "next_attempt_at": _iso(item.next_attempt_at),
                }
                for item in await store.items_for(case_id)
            ],
        }
    finally:
        await engine.dispose()


def _summary_json(summary: Any) -> dict[str, Any]:
    case, user, delivery = summary.case, summary.user, summary.delivery
    return {
        "id": case.id,
        "status": case.status,
        "level": f"L{case.level}",
        "trigger": case.trigger,
        "platform": user.platform,
        "user": user.platform_user_id,
        "handle": user.handle,
        "country": case.country,
        "resources_sent": case.resources_sent,
        "claimed_by": case.claimed_by_name,
        "backup_requested": case.backup_requested,
        "page_count": case.page_count,
        "note": case.note,
        "opened_at": _iso(case.opened_at),
        "claimed_at": _iso(case.claimed_at),
        "resolved_at": _iso(case.resolved_at),
        "last_paged_at": _iso(case.last_paged_at),
        "delivery": {
            "pending": delivery.pending,
            "failing": delivery.failing,
            "undeliverable": delivery.undeliverable,
            "delivered": delivery.delivered,
            "last_error": delivery.last_error,
        },
    }


def _delivery_text(delivery: dict[str, Any]) -> str:
    if delivery["failing"]:
        return f"FAILING x{delivery['failing']}: {delivery['last_error']}"
    if delivery["pending"]:
        return f"{delivery['pending']} pending"
    if delivery["undeliverable"]:
        return f"{delivery['undeliverable']} undeliverable"
    if not delivery["delivered"]:
        return "no moderator channel configured"
    return "ok"


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
