"""`haven db ...`, `haven user ...` and `haven keygen`: the data lifecycle from the command line.

Key rotation, for the operator: the new key is written to disk (`<key file>.next`, or the file
given with --new-key-file) before any row changes, so a run stopped anywhere can be re-run with
the same command; the key file is replaced only after every row is re-encrypted.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import typer

from bot.cli.common import ConfigOption, fail, run, settings_or_exit, setup_logging
from bot.config import Settings

db_app = typer.Typer(
    help="Database upkeep: migrations, the retention purge, encryption key rotation.",
    no_args_is_help=True,
)
user_app = typer.Typer(
    help="One person's data: export everything stored about them, or erase it.",
    no_args_is_help=True,
)

WHO_HELP = "PLATFORM:USER_ID, e.g. telegram:123456789, discord:80351110224678912, terminal:carol"


def keygen() -> None:
    """Print a new random encryption key (for [privacy] encryption_key or a key file)."""
    from storage.crypto import generate_key

    typer.echo(generate_key())


@db_app.command("upgrade")
def upgrade(config: Path = ConfigOption) -> None:
    """Create the database or apply new migrations (Haven also does this at start-up)."""
    settings = _settings(config)

    async def go() -> str | None:
        from storage.db import create_engine, current_revision
        from storage.db import upgrade as migrate

        engine = create_engine(settings.storage.url)
        try:
            await migrate(engine)
            return await current_revision(engine)
        finally:
            await engine.dispose()

    typer.echo(f"database is at revision {run(go())}")


@db_app.command("purge")
def purge(config: Path = ConfigOption) -> None:
    """Delete what has outlived [storage] retention_days and case_retention_days, now."""
    settings = _settings(config)
    _require_database(settings)

    async def go() -> Any:
        from storage.retention import purge_expired

        _store, sessions, engine = await _open_storage(settings)
        try:
            return await purge_expired(
                sessions,
                now=datetime.now(UTC),
                retention_days=settings.storage.retention_days,
                case_retention_days=settings.storage.case_retention_days,
            )
        finally:
            await engine.dispose()

    report = run(go())
    typer.echo(
        f"purged {report.messages} messages older than {settings.storage.retention_days} days, "
        f"{report.cases} resolved cases ({report.alerts} alerts) older than "
        f"{settings.storage.case_retention_days} days, {report.processed_events} dedupe markers, "
        f"{report.users} people silent for {settings.storage.retention_days} days"
    )


@db_app.command("rotate-key")
def rotate_key(
    new_key_file: Path = typer.Option(
        None,
        "--new-key-file",
        help="Read the new key from this file (created with a fresh key if missing). Needed "
        "when the current key is set in [privacy] encryption_key rather than a key file.",
    ),
    old_key_file: list[Path] = typer.Option(
        [],
        "--old-key-file",
        help="A previous key the database may still hold data under (repeatable).",
    ),
    batch_size: int = typer.Option(500, min=1, help="Rows re-encrypted per transaction."),
    config: Path = ConfigOption,
) -> None:
    """Re-encrypt everything under a new key. Stop Haven first; safe to interrupt and re-run."""
    settings = _settings(config)
    _require_database(settings)
    plan = _rotation_plan(settings, new_key_file, old_key_file)
    report = run(_rotate(settings, plan, batch_size))
    if plan.key_file is not None:
        from storage.keys import write_key_file

        write_key_file(plan.key_file, plan.new_key_text)
        if plan.pending is not None:
            plan.pending.unlink(missing_ok=True)
        where = f"the key file {plan.key_file} now holds the new key"
    else:
        where = (
            f"now set [privacy] encryption_key (HAVEN_PRIVACY__ENCRYPTION_KEY) to the key in "
            f"{new_key_file} before starting Haven"
        )
    typer.echo(
        f"re-encrypted {report.total} values under key id {report.new_key_id} "
        f"({report.already_current} were already done by an earlier run); {where}"
    )


class _Plan:
    def __init__(
        self,
        old_keys: list[bytes],
        new_key_text: str,
        key_file: Path | None,
        pending: Path | None,
    ) -> None:
        self.old_keys = old_keys
        self.new_key_text = new_key_text
        self.key_file = key_file  # replaced at the end; None when the key is a setting
        self.pending = pending  # `<key file>.next`, removed at the end


def _rotation_plan(settings: Settings, new_key_file: Path | None, old: list[Path]) -> _Plan:
    """Work out the old and new keys, and make the new one durable before any row changes."""
    from storage.crypto import KeyProblem, decode_key
    from storage.keys import default_key_file, pending_key_file, read_key_file, write_key_file

    try:
        older = [read_key_file(path) for path in old]
        setting = settings.privacy.encryption_key
        if setting is not None and setting.get_secret_value():
            if new_key_file is None:
                raise fail(
                    "rotate-key: the current key is set in [privacy] encryption_key, so give the "
                    "new one with --new-key-file FILE (created for you if it does not exist)"
                )
            current = decode_key(setting.get_secret_value())
            new_text = _read_or_create(new_key_file)
            return _Plan([current, *older], new_text, None, None)
        key_file = settings.privacy.encryption_key_file or default_key_file(settings.storage.url)
        if not key_file.exists():
            raise fail(f"rotate-key: no key file at {key_file}; nothing is encrypted yet")
        current = read_key_file(key_file)
        pending = pending_key_file(key_file)
        if new_key_file is not None:
            new_text = _read_or_create(new_key_file)
            if pending.exists() and read_key_file(pending) != decode_key(new_text):
                raise fail(
                    f"rotate-key: an unfinished rotation to another key is pending in {pending}; "
                    "finish it first by running `haven db rotate-key` without --new-key-file"
                )
        else:
            new_text = _read_or_create(pending)
        if not pending.exists():
            write_key_file(pending, new_text)
        return _Plan([current, *older], new_text, key_file, pending)
    except KeyProblem as exc:
        raise fail(str(exc)) from None


def _read_or_create(path: Path) -> str:
    """The key text in `path`, or a new key written there (owner-only) first."""
    from storage.crypto import decode_key, generate_key
    from storage.keys import write_key_file

    if path.exists():
        text = path.read_text(encoding="ascii").strip()
        decode_key(text)  # a malformed file fails here, before anything changes
        return text
    text = generate_key()
    write_key_file(path, text)
    return text


async def _rotate(settings: Settings, plan: _Plan, batch_size: int) -> Any:
    from storage.crypto import decode_key
    from storage.db import create_engine, sessionmaker
    from storage.db import upgrade as migrate
    from storage.rotation import rotate_key as rotate

    # Not open_storage: its key check refuses a half-rotated database, which is what we fix.
    engine = create_engine(settings.storage.url)
    try:
        await migrate(engine)
        return await rotate(
            sessionmaker(engine),
            plan.old_keys,
            decode_key(plan.new_key_text),
            batch_size=batch_size,
        )
    finally:
        await engine.dispose()


@user_app.command("forget")
def forget(
    who: str = typer.Argument(..., help=WHO_HELP),
    yes: bool = typer.Option(False, "--yes", "-y", help="Do not ask for confirmation."),
    config: Path = ConfigOption,
) -> None:
    """Erase every row about one person: messages, user record, risk levels, cases, alerts."""
    platform, user_id = _parse_who(who)
    settings = _settings(config)
    _require_database(settings)
    if not yes:
        typer.confirm(f"Erase everything stored about {who}? This cannot be undone", abort=True)

    async def go() -> Any:
        from storage.erase import erase_user

        _store, sessions, engine = await _open_storage(settings)
        try:
            return await erase_user(sessions, platform, user_id)
        finally:
            await engine.dispose()

    report = run(go())
    if not report.found:
        typer.echo(f"nothing is stored about {who}")
        return
    parts = ", ".join(f"{n} {table}" for table, n in report.deleted.items() if n)
    typer.echo(f"erased {who}: {parts}")


@user_app.command("export")
def export(
    who: str = typer.Argument(..., help=WHO_HELP),
    out: Path = typer.Option(
        None, "--out", "-o", help="Write the JSON here (owner-only) instead of to stdout."
    ),
    config: Path = ConfigOption,
) -> None:
    """Print everything stored about one person, decrypted, as JSON (docs/export-format.md)."""
    platform, user_id = _parse_who(who)
    settings = _settings(config)
    _require_database(settings)

    async def go() -> dict[str, Any]:
        from storage.export import export_user

        store, sessions, engine = await _open_storage(settings)
        try:
            return await export_user(sessions, store.cipher, platform, user_id)
        finally:
            await engine.dispose()

    data = run(go())
    text = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
        return
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    found = "nothing is stored" if data["user"] is None else f"{len(data['messages'])} messages"
    typer.echo(f"wrote {out} ({found})", err=True)


def _parse_who(who: str) -> tuple[str, str]:
    platform, sep, user_id = who.partition(":")
    if not sep or not platform or not user_id:
        raise fail(f"bad person {who!r}: use {WHO_HELP}")
    return platform.strip().lower(), user_id.strip()


def _settings(config: Path | None) -> Settings:
    settings = settings_or_exit(config)
    setup_logging(settings)
    return settings


def _require_database(settings: Settings) -> None:
    """Data commands never create an empty database (or a key) by accident."""
    from sqlalchemy.engine import make_url

    url = make_url(settings.storage.url)
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    if not Path(url.database).exists():
        raise fail(f"storage.url: no database at {url.database}; nothing is stored yet")


async def _open_storage(settings: Settings) -> Any:
    from bot.app import open_storage

    return await open_storage(settings)
