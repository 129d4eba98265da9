"""`haven bench core`: the core's own cost per message against a bare aiosqlite loop.

The core runs with SQLite on disk, the zero-cost EchoGenerator and the rules-only assessor (the
learned classifier is measured by `haven bench crisis`). The bare loop does what the core must do
at the least for one message: insert it, read the history window, insert the reply.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiosqlite
import typer

from bot.events import Incoming, Reply, UserKey


@dataclass
class Figures:
    users: int
    messages: int
    seconds: float
    messages_per_s: float
    p50_ms: float
    p99_ms: float


def _figures(users: int, latencies: list[float], seconds: float) -> Figures:
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    return Figures(
        users,
        len(latencies),
        round(seconds, 3),
        round(len(latencies) / seconds, 1),
        round(statistics.median(ordered) * 1000, 3),
        round(p99 * 1000, 3),
    )


async def _drive(users: int, per_user: int, send: Any) -> Figures:
    latencies: list[float] = []

    async def one_user(n: int) -> None:
        for i in range(per_user):
            started = time.perf_counter()
            await send(n, i)
            latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one_user(n) for n in range(users)))
    return _figures(users, latencies, time.perf_counter() - started)


async def bench_core_once(folder: Path, users: int, per_user: int) -> Figures:
    from bot.app import build_app
    from bot.config import load_settings
    from bot.testing import EchoGenerator

    settings = load_settings(
        None,
        storage={"url": f"sqlite+aiosqlite:///{folder}/core.db"},
        safety={"use_classifier": False},
        model={"backend": "none"},
        privacy={"encryption_key_file": None},
        conversation={"flood_messages": 10_000},
    )
    app = build_app(settings, generator=EchoGenerator(), with_adapters=False)
    await app.start()
    sink: list[Reply] = []

    async def respond(reply: Reply) -> None:
        sink.append(reply)

    async def send(n: int, i: int) -> None:
        await app.core.handle(
            Incoming(
                UserKey("bench", f"u{n}"),
                f"c{n}",
                f"{i}",
                f"message {i} about my day",
                datetime.now(UTC),
            ),
            respond,
        )

    try:
        await send(-1, 0)  # warm up imports and caches
        return await _drive(users, per_user, send)
    finally:
        await app.stop()


_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY, user_id TEXT, chat_id TEXT, platform_message_id TEXT, role TEXT,
  text_enc BLOB, created_at TEXT, UNIQUE (chat_id, platform_message_id));
CREATE INDEX IF NOT EXISTS ix_user_time ON messages (user_id, created_at);
"""


async def bench_bare_once(folder: Path, users: int, per_user: int) -> Figures:
    db = await aiosqlite.connect(folder / "bare.db")
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
        await db.execute(f"PRAGMA {pragma}")
    await db.executescript(_SCHEMA)
    lock = asyncio.Lock()  # one connection: writes take turns, as SQLite requires anyway

    async def send(n: int, i: int) -> None:
        now = datetime.now(UTC).isoformat()
        async with lock:
            await db.execute(
                "INSERT OR IGNORE INTO messages (user_id, chat_id, platform_message_id, role,"
                " text_enc, created_at) VALUES (?, ?, ?, 'user', ?, ?)",
                (f"u{n}", f"c{n}", f"{i}", f"message {i} about my day".encode(), now),
            )
            await db.commit()
        rows = await (
            await db.execute(
                "SELECT role, text_enc FROM messages WHERE user_id = ? ORDER BY created_at DESC"
                " LIMIT 20",
                (f"u{n}",),
            )
        ).fetchall()
        async with lock:
            await db.execute(
                "INSERT INTO messages (user_id, chat_id, role, text_enc, created_at)"
                " VALUES (?, ?, 'assistant', ?, ?)",
                (f"u{n}", f"c{n}", b"reply" * len(list(rows)), now),
            )
            await db.commit()

    try:
        return await _drive(users, per_user, send)
    finally:
        await db.close()


async def run_core_bench(messages: int = 4000) -> dict[str, Any]:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="haven-bench-") as tmp:
        for users in (1, 200):
            per_user = max(1, messages // users)
            for name, bench in (("core", bench_core_once), ("bare", bench_bare_once)):
                folder = Path(tmp) / f"{name}-{users}"
                folder.mkdir()
                results[f"{name}_{users}_users"] = asdict(await bench(folder, users, per_user))
    bare_1 = results["bare_1_users"]["messages_per_s"]
    results["ratio_core_1_to_bare_1"] = round(results["core_1_users"]["messages_per_s"] / bare_1, 2)
    results["ratio_core_200_to_bare_1"] = round(
        results["core_200_users"]["messages_per_s"] / bare_1, 2
    )
    results["targets"] = {"ratio_core_1_to_bare_1": ">= 0.5", "ratio_core_200_to_bare_1": ">= 1.0"}
    return results


def bench_core(
    messages: int = typer.Option(4000, help="Messages per run (split across the users)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Messages per second and p50/p99 latency: the core vs a bare aiosqlite loop."""
    import json

    results = asyncio.run(run_core_bench(messages))
    if as_json:
        typer.echo(json.dumps(results, indent=2))
        return
    for key, value in results.items():
        typer.echo(f"{key}: {value}")
