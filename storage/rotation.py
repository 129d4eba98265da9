"""Re-encrypting every stored ciphertext under a new key, in batches, safe to interrupt and re-run.

The steps, each durable before the next: (1) check the old keys open the database; (2) record
the new key in `key_check` (a second row marks a rotation in progress); (3) re-encrypt every
`*_enc` column batch by batch, each batch its own transaction, skipping values already under the
new key; (4) check nothing is left under an old key, then drop the old `key_check` rows. A run
stopped anywhere leaves every value readable with old + new keys, and a re-run finishes the job.
Keeping the new key safe before step 2 is the caller's part (see bot/cli/data.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, LargeBinary, Table, bindparam, delete, func, select, update
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.crypto import TextCipher, WrongKey
from storage.keys import KEY_CHECK_TEXT
from storage.models import Base, KeyCheck

MAX_PASSES = 3  # rows written by a still-running Haven during a pass are caught by the next


@dataclass(frozen=True)
class RotationReport:
    new_key_id: str
    reencrypted: dict[str, int] = field(default_factory=dict)  # "table.column" -> rows
    already_current: int = 0  # values a previous, interrupted run had re-encrypted
    passes: int = 0

    @property
    def total(self) -> int:
        return sum(self.reencrypted.values())


class RotationIncomplete(Exception):
    """Values under an old key remained after several passes (Haven is still writing)."""


def encrypted_columns() -> list[tuple[Table, Column[Any]]]:
    """Every ciphertext column in the schema (binary and named `*_enc`), key_check aside."""
    found = []
    for table in Base.metadata.sorted_tables:
        if table.name == KeyCheck.__tablename__:
            continue
        for column in table.columns:
            if column.name.endswith("_enc") and isinstance(column.type, LargeBinary):
                found.append((table, column))
    return found


OnBatch = Callable[[str, int], None]


async def rotate_key(
    sessions: async_sessionmaker[Any],
    old: TextCipher | Iterable[bytes],
    new_key: bytes,
    *,
    batch_size: int = 500,
    on_batch: OnBatch | None = None,
) -> RotationReport:
    """Re-encrypt everything under `new_key`; `old` opens what is stored now.

    `on_batch(label, rows)` is called after each committed batch (progress, or a test's
    interruption). Raises WrongKey when some stored value opens with none of the keys.
    """
    new = TextCipher(new_key)
    reader = _Reader(new, old if isinstance(old, TextCipher) else _ring(list(old)))
    await _start(sessions, reader, new)
    counts: dict[str, int] = {}
    already = 0
    passes = 0
    for passes in range(1, MAX_PASSES + 1):
        for table, column in encrypted_columns():
            label = f"{table.name}.{column.name}"
            done, skipped = await _reseal_column(
                sessions, table, column, reader, new, batch_size, on_batch, label
            )
            counts[label] = counts.get(label, 0) + done
            if passes == 1:
                already += skipped
        if await _left_under_old_keys(sessions, new) == 0:
            break
    else:
        raise RotationIncomplete(
            "some values were still written with the old key after several passes; stop Haven "
            "and run `haven db rotate-key` again"
        )
    await _finish(sessions, new)
    return RotationReport(new.current_key_id, counts, already, passes)


class _Reader:
    """Opens values under the new key or any old one."""

    def __init__(self, new: TextCipher, old: TextCipher) -> None:
        self._new = new
        self._old = old

    def decrypt(self, blob: bytes) -> str:
        if self._new.written_with_current(blob):
            return self._new.decrypt(blob)
        return self._old.decrypt(blob)


def _opens(reader: _Reader, sample: bytes) -> bool:
    try:
        return reader.decrypt(sample) == KEY_CHECK_TEXT
    except WrongKey:
        return False


def _ring(keys: Sequence[bytes]) -> TextCipher:
    if not keys:
        raise WrongKey("key rotation needs the current key to read the stored data")
    return TextCipher(keys[0], keys[1:])


async def _start(sessions: async_sessionmaker[Any], reader: _Reader, new: TextCipher) -> None:
    """Check the keys open the database and record the new key (marking a rotation underway)."""
    async with sessions.begin() as session:
        checks = list(await session.scalars(select(KeyCheck)))
        for check in checks:
            if not _opens(reader, check.sample_enc):
                raise WrongKey(
                    "key rotation: the database was written with a key that is not the current "
                    f"one (key id {check.key_id}); configure the key it was written with, or "
                    "pass the previous key with --old-key-file"
                )
        if not any(check.key_id == new.current_key_id for check in checks):
            session.add(KeyCheck(key_id=new.current_key_id, sample_enc=new.encrypt(KEY_CHECK_TEXT)))


async def _reseal_column(
    sessions: async_sessionmaker[Any],
    table: Table,
    column: Column[Any],
    reader: _Reader,
    new: TextCipher,
    batch_size: int,
    on_batch: OnBatch | None,
    label: str,
) -> tuple[int, int]:
    """Re-encrypt one column by primary-key pages; returns (re-encrypted, already current)."""
    done = skipped = 0
    last_id = 0
    key = table.c.id
    while True:
        async with sessions.begin() as session:
            rows = (
                await session.execute(
                    select(key, column)
                    .where(key > last_id, column.is_not(None))
                    .order_by(key)
                    .limit(batch_size)
                )
            ).all()
            if not rows:
                return done, skipped
            last_id = rows[-1][0]
            stale = [(row_id, blob) for row_id, blob in rows if not new.written_with_current(blob)]
            skipped += len(rows) - len(stale)
            if stale:
                # AES-GCM over a batch is CPU work: off the event loop.
                params = await asyncio.to_thread(_reseal, stale, reader, new)
                # Matching the old value too: a row changed meanwhile is left for the next pass.
                await session.execute(
                    update(table)
                    .where(key == bindparam("row_id"), column == bindparam("old_value"))
                    .values({column.name: bindparam("new_value")}),
                    params,
                )
        done += len(stale)
        if on_batch is not None:
            on_batch(label, len(stale))


def _reseal(
    rows: list[tuple[int, bytes]], reader: _Reader, new: TextCipher
) -> list[dict[str, Any]]:
    return [
        {"row_id": row_id, "old_value": blob, "new_value": new.encrypt(reader.decrypt(blob))}
        for row_id, blob in rows
    ]


async def _left_under_old_keys(sessions: async_sessionmaker[Any], new: TextCipher) -> int:
    """Values not yet under the new key (read back, so it is checked, not assumed)."""
    left = 0
    async with sessions() as session:
        for table, column in encrypted_columns():
            prefix_ok = func.substr(column, 3, 8) == bytes.fromhex(new.current_key_id)
            left += int(
                await session.scalar(
                    select(func.count()).where(column.is_not(None), ~prefix_ok).select_from(table)
                )
                or 0
            )
    return left


async def _finish(sessions: async_sessionmaker[Any], new: TextCipher) -> None:
    async with sessions.begin() as session:
        await session.execute(delete(KeyCheck).where(KeyCheck.key_id != new.current_key_id))
