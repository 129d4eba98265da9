"""Key rotation: every ciphertext re-encrypted, no row lost, safe to interrupt and re-run."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from storage.crypto import TextCipher, WrongKey, decode_key, generate_key
from storage.keys import verify_key
from storage.models import Base, KeyCheck
from storage.repository import ConversationStore
from storage.rotation import encrypted_columns, rotate_key
from tests.storage.privacy_fixtures import add_person, open_database

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


class Interrupted(Exception):
    """Stands in for Ctrl-C or a power cut between two batches."""


async def _populate(sessions: Any, cipher: TextCipher) -> dict[str, list[str | None]]:
    store = ConversationStore(sessions, cipher)
    await verify_key(sessions, cipher)  # what start-up does: records the key check
    for person in range(3):
        await add_person(
            store,
            sessions,
            platform="discord",
            platform_user_id=f"{person}",
            texts=[f"person {person} says {i}" for i in range(4)],
            now=NOW,
            handle=f"handle-{person}",
        )
    return await _plaintexts(sessions, cipher)


async def _plaintexts(sessions: Any, cipher: TextCipher) -> dict[str, list[str | None]]:
    """Every encrypted value, decrypted, by column, in primary-key order."""
    out: dict[str, list[str | None]] = {}
    async with sessions() as session:
        for table, column in encrypted_columns():
            blobs = await session.scalars(select(column).order_by(table.c.id))
            out[f"{table.name}.{column.name}"] = [cipher.maybe_decrypt(b) for b in blobs]
    return out


async def _row_counts(sessions: Any) -> dict[str, int]:
    async with sessions() as session:
        return {
            name: int(await session.scalar(select(func.count()).select_from(table)))
            for name, table in Base.metadata.tables.items()
            if name != "key_check"
        }


def test_every_encrypted_column_is_rotated() -> None:
    labels = {f"{t.name}.{c.name}" for t, c in encrypted_columns()}
    assert {"messages.text_enc", "users.handle_enc", "cases.claimed_by_name_enc"} <= labels
    declared = {
        f"{t.name}.{c.name}"
        for t in Base.metadata.tables.values()
        for c in t.columns
        if c.name.endswith("_enc") and t.name != "key_check"
    }
    assert declared == labels


async def test_rotation_reencrypts_everything_and_keeps_every_row(tmp_path: Path) -> None:
    old_key, new_key = decode_key(generate_key()), decode_key(generate_key())
    async with open_database(tmp_path / "haven.db") as db:
        before = await _populate(db.sessions, TextCipher(old_key))
        counts = await _row_counts(db.sessions)

        report = await rotate_key(db.sessions, [old_key], new_key, batch_size=3)

        assert report.total == sum(len(v) for v in before.values() if v) - _nulls(before)
        assert report.already_current == 0
        new_only = TextCipher(new_key)
        assert await _plaintexts(db.sessions, new_only) == before
        assert await _row_counts(db.sessions) == counts
        await verify_key(db.sessions, new_only)
        with pytest.raises(WrongKey, match="different key"):
            await verify_key(db.sessions, TextCipher(old_key))
        async with db.sessions() as session:
            assert list(await session.scalars(select(KeyCheck.key_id))) == [new_only.current_key_id]


async def test_an_interrupted_rotation_stays_readable_and_a_rerun_finishes(
    tmp_path: Path,
) -> None:
    old_key, new_key = decode_key(generate_key()), decode_key(generate_key())
    async with open_database(tmp_path / "haven.db") as db:
        before = await _populate(db.sessions, TextCipher(old_key))
        counts = await _row_counts(db.sessions)
        committed: list[int] = []

        def stop_after_two(label: str, rows: int) -> None:
            committed.append(rows)
            if len(committed) == 2:
                raise Interrupted

        with pytest.raises(Interrupted):
            await rotate_key(db.sessions, [old_key], new_key, batch_size=4, on_batch=stop_after_two)

        # Half way: readable with both keys, and start-up with only the old key says why not.
        both = TextCipher(old_key, [new_key])
        assert await _plaintexts(db.sessions, both) == before
        await verify_key(db.sessions, both)
        with pytest.raises(WrongKey, match="rotation was interrupted"):
            await verify_key(db.sessions, TextCipher(old_key))

        report = await rotate_key(db.sessions, [old_key], new_key, batch_size=4)

        assert report.already_current == sum(committed) > 0  # committed batches not redone
        assert await _plaintexts(db.sessions, TextCipher(new_key)) == before
        assert await _row_counts(db.sessions) == counts
        await verify_key(db.sessions, TextCipher(new_key))
        # A third run is a harmless no-op.
        again = await rotate_key(db.sessions, [old_key], new_key)
        assert again.total == 0


async def test_rotating_with_the_wrong_old_key_changes_nothing(tmp_path: Path) -> None:
    real, wrong, new_key = (decode_key(generate_key()) for _ in range(3))
    async with open_database(tmp_path / "haven.db") as db:
        before = await _populate(db.sessions, TextCipher(real))
        with pytest.raises(WrongKey, match="--old-key-file"):
            await rotate_key(db.sessions, [wrong], new_key)
        assert await _plaintexts(db.sessions, TextCipher(real)) == before
        await verify_key(db.sessions, TextCipher(real))


async def test_rotation_accepts_the_running_cipher_as_the_old_key(tmp_path: Path) -> None:
    old_key, new_key = decode_key(generate_key()), decode_key(generate_key())
    async with open_database(tmp_path / "haven.db") as db:
        before = await _populate(db.sessions, TextCipher(old_key))
        await rotate_key(db.sessions, TextCipher(old_key), new_key)
        assert await _plaintexts(db.sessions, TextCipher(new_key)) == before


def _nulls(values: dict[str, list[str | None]]) -> int:
    return sum(v is None for column in values.values() for v in column)
