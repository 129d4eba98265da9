"""Group commit for the conversation's hot path: many writes, one transaction.

SQLite allows one writer at a time and each commit has a fixed cost, so the log keeps one
connection and a queue. Whoever is waiting when the writer comes round shares the next
transaction: with one person a commit holds their message and the previous reply; with two
hundred people a commit holds dozens. A person's message is durable before `append_incoming`
returns; replies and risk levels are queued (`queue_reply`, `queue_level`) and committed with
the next message or within `lazy_delay_s`, and `flush()`/`close()` commit whatever is queued.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.crypto import TextCipher
from storage.models import Message, User
from storage.repository import UserRecord, insert_once

log = logging.getLogger(__name__)


@dataclass
class _Write:
    statement: Any
    params: dict[str, Any]
    returns_id: bool = False
    urgent: bool = False  # someone is waiting on it: commit now, taking lazy writes along
    done: asyncio.Future[int | None] | None = field(default=None)


def _steps(batch: list[_Write]) -> list[tuple[Any, Any, bool]]:
    """The statements for one commit: lazy writes in bulk (executemany), then each message.

    Replies and levels first: every one of them belongs to a message committed earlier, so a
    person's history keeps its order. Messages go one by one, each returning its id (or none,
    for a redelivery). `_results` puts the ids back in the batch's order.
    """
    lazy: dict[tuple[int, tuple[str, ...]], tuple[Any, list[dict[str, Any]]]] = {}
    for write in batch:
        if not write.returns_id:
            key = (id(write.statement), tuple(sorted(write.params)))
            lazy.setdefault(key, (write.statement, []))[1].append(write.params)
    steps: list[tuple[Any, Any, bool]] = [(stmt, rows, False) for stmt, rows in lazy.values()]
    steps += [(w.statement, w.params, True) for w in batch if w.returns_id]
    return steps


def _results(batch: list[_Write], ids: list[int | None]) -> list[int | None]:
    returned = iter(ids)
    return [next(returned) if write.returns_id else None for write in batch]


class _AsyncCommitter:
    """Any async backend: one connection, statements awaited one by one, then a commit."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._connection: AsyncConnection | None = None

    async def open(self) -> None:
        self._connection = await self._engine.connect()

    async def commit(self, batch: list[_Write]) -> list[int | None]:
        assert self._connection is not None
        conn = self._connection
        results: list[int | None] = []
        try:
            for statement, params, returns_id in _steps(batch):
                outcome = await conn.execute(statement, params)
                if returns_id:
                    results.append(outcome.scalar_one_or_none())
            await conn.commit()
        except BaseException:
            await conn.rollback()
            raise
        return results

    async def close(self) -> None:
        if self._connection is not None:
            await self._connection.close()


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A statement compiled once to DB-API text, with each parameter's bind processor."""

    sql: str
    names: tuple[str, ...]
    processors: tuple[Callable[[Any], Any] | None, ...]

    def row(self, params: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(
            params[name] if process is None else process(params[name])
            for name, process in zip(self.names, self.processors, strict=True)
        )


class _ThreadCommitter:
    """SQLite: the whole batch and its commit run in one hop to a dedicated writer thread.

    Awaiting each statement through the async driver costs a thread round trip per statement;
    SQLite has one writer anyway, so a single thread that owns the connection writes a batch
    several times faster, and the event loop waits on one future per batch. The log's few
    statements are compiled once by SQLAlchemy (text, parameter order, type conversion) and
    then run on the raw `sqlite3` cursor: per row that is a tenth of the cost of a Core
    execute, and the writer thread shares the interpreter lock with the event loop.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        from sqlalchemy import create_engine, event
        from sqlalchemy.pool import StaticPool

        from storage.db import sqlite_pragmas

        url = engine.url.set(drivername="sqlite")
        self._sync_engine = create_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False, "timeout": 30}
        )
        event.listen(self._sync_engine, "connect", sqlite_pragmas)
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="haven-sqlite-writer")
        self._connection: Any = None  # the pool's DB-API connection (sqlite3)
        self._prepared: dict[tuple[int, tuple[str, ...]], _Prepared] = {}

    async def open(self) -> None:
        loop = asyncio.get_running_loop()
        self._connection = await loop.run_in_executor(
            self._executor, self._sync_engine.raw_connection
        )

    async def commit(self, batch: list[_Write]) -> list[int | None]:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._commit, batch)

    def _prepare(self, statement: Any, keys: tuple[str, ...]) -> _Prepared:
        cache_key = (id(statement), keys)
        prepared = self._prepared.get(cache_key)
        if prepared is None:
            dialect = self._sync_engine.dialect
            compiled = statement.compile(dialect=dialect, column_keys=list(keys))
            names = tuple(compiled.positiontup or ())
            prepared = _Prepared(
                compiled.string,
                names,
                tuple(compiled.binds[name].type.bind_processor(dialect) for name in names),
            )
            self._prepared[cache_key] = prepared
        return prepared

    def _commit(self, batch: list[_Write]) -> list[int | None]:
        conn = self._connection
        assert conn is not None
        results: list[int | None] = []
        cursor = conn.cursor()
        try:
            for statement, params, returns_id in _steps(batch):
                if returns_id:
                    prepared = self._prepare(statement, tuple(sorted(params)))
                    cursor.execute(prepared.sql, prepared.row(params))
                    row = cursor.fetchone()
                    results.append(None if row is None else row[0])
                else:
                    prepared = self._prepare(statement, tuple(sorted(params[0])))
                    cursor.executemany(prepared.sql, [prepared.row(p) for p in params])
            conn.commit()
        except BaseException as exc:
            conn.rollback()
            dbapi = self._sync_engine.dialect.loaded_dbapi
            if isinstance(exc, dbapi.Error):  # the same error types as through SQLAlchemy
                raise DBAPIError.instance(None, None, exc, dbapi.Error) from exc
            raise
        finally:
            cursor.close()
        return results

    async def close(self) -> None:
        loop = asyncio.get_running_loop()
        if self._connection is not None:
            await loop.run_in_executor(self._executor, self._connection.close)
        await loop.run_in_executor(self._executor, self._sync_engine.dispose)
        self._executor.shutdown(wait=True)


class MessageLog:
    def __init__(
        self,
        engine: AsyncEngine,
        cipher: TextCipher,
        max_batch: int = 256,
        lazy_delay_s: float = 0.05,
    ) -> None:
        self._engine = engine
        self._lazy_delay_s = lazy_delay_s
        self._urgent = asyncio.Event()
        self._cipher = cipher
        self._max_batch = max_batch
        self._queue: asyncio.Queue[_Write] = asyncio.Queue()
        self._writer: asyncio.Task[None] | None = None
        self._commits = 0
        dialect = engine.dialect.name
        self._insert_once = insert_once(Message, dialect)  # raises for other backends
        self._committer: _AsyncCommitter | _ThreadCommitter = (
            _ThreadCommitter(engine) if dialect == "sqlite" else _AsyncCommitter(engine)
        )
        self._insert = insert(Message)
        self._insert_user = insert_once(User, dialect)
        self._update_user = update(User).where(User.id == _bind("user_row"))
        self._set_level = update(Message).where(Message.id == _bind("message_id"))

    @property
    def commits(self) -> int:
        """Transactions committed so far (each holds every write that was waiting)."""
        return self._commits

    async def start(self) -> None:
        if self._writer is None:
            await self._committer.open()
            self._writer = asyncio.create_task(self._write_forever(), name="haven-message-log")

    async def flush(self) -> None:
        """Wait until everything queued so far is committed (or has failed)."""
        if self._writer is not None:
            self._urgent.set()
            await self._queue.join()

    async def close(self) -> None:
        """Commit everything queued, then stop."""
        if self._writer is None:
            return
        await self.flush()
        self._writer.cancel()
        try:
            await self._writer
        except asyncio.CancelledError:
            pass
        self._writer = None
        await self._committer.close()

    def append_incoming(
        self,
        user: UserRecord,
        *,
        chat_id: str,
        platform_message_id: str,
        text: str,
        created_at: datetime,
    ) -> asyncio.Future[int | None]:
        """Store a person's message durably: the future gives its id once committed, or None
        when this platform message was stored before."""
        params = {
            "user_id": user.id,
            "platform": user.platform,
            "chat_id": chat_id,
            "platform_message_id": platform_message_id,
            "role": "user",
            "text_enc": self._cipher.encrypt(text) if user.consent is not False else None,
            "level": None,
            "reply_kind": None,
            "created_at": created_at,
        }
        return self._enqueue(_Write(self._insert_once, params, returns_id=True, urgent=True))

    def queue_reply(
        self,
        user: UserRecord,
        *,
        chat_id: str,
        role: str,
        text: str,
        created_at: datetime,
        level: int | None,
        reply_kind: str | None,
    ) -> asyncio.Future[int | None]:
        params = {
            "user_id": user.id,
            "platform": user.platform,
            "chat_id": chat_id,
            "platform_message_id": None,
            "role": role,
            "text_enc": self._cipher.encrypt(text) if user.consent is not False else None,
            "level": level,
            "reply_kind": reply_kind,
            "created_at": created_at,
        }
        return self._enqueue(_Write(self._insert, params))

    async def create_user(
        self,
        platform: str,
        platform_user_id: str,
        *,
        handle: str | None,
        chat_id: str | None,
        now: datetime,
    ) -> UserRecord | None:
        """Insert a person's row unless it exists (through the one writer: no lock contention).

        Returns the new person's record, or None when they existed already.
        """
        params = {
            "platform": platform,
            "platform_user_id": platform_user_id,
            "handle_enc": self._cipher.maybe_encrypt(handle),
            "chat_id": chat_id,
            "created_at": now,
            "last_seen_at": now,
            "audit_token": (audit_token := secrets.token_hex(16)),
        }
        new_id = await self._enqueue(
            _Write(self._insert_user, params, returns_id=True, urgent=True)
        )
        if new_id is None:
            return None
        return UserRecord(
            id=new_id,
            platform=platform,
            platform_user_id=platform_user_id,
            handle=handle,
            chat_id=chat_id,
            country=None,
            consent=None,
            onboarded_at=None,
            reminded_at=None,
            audit_token=audit_token,
        )

    def queue_user_update(self, user_id: int, **values: Any) -> asyncio.Future[int | None]:
        """Lazily set columns of a person's row: chat_id, handle, last_seen_at, onboarded_at..."""
        allowed = {"chat_id", "handle", "last_seen_at", "onboarded_at", "reminded_at"}
        if not values or not values.keys() <= allowed:
            raise ValueError(f"cannot queue an update of {sorted(values)}")
        if "handle" in values:
            values["handle_enc"] = self._cipher.maybe_encrypt(values.pop("handle"))
        return self._enqueue(_Write(self._update_user, {"user_row": user_id, **values}))

    def queue_level(self, message_id: int, level: int) -> asyncio.Future[int | None]:
        return self._enqueue(_Write(self._set_level, {"message_id": message_id, "level": level}))

    def _enqueue(self, write: _Write) -> asyncio.Future[int | None]:
        if self._writer is None:
            raise RuntimeError("MessageLog.start() was not awaited")
        write.done = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(write)
        if write.urgent:
            self._urgent.set()
        return write.done

    async def _write_forever(self) -> None:
        while True:
            batch = [await self._queue.get()]
            if not batch[0].urgent and not self._urgent.is_set():
                # Replies and levels can wait a moment for the next person's message, so
                # both share one commit; nobody waits on them, and flush() cuts the wait.
                try:
                    async with asyncio.timeout(self._lazy_delay_s):
                        await self._urgent.wait()
                except TimeoutError:
                    pass
            self._urgent.clear()
            while len(batch) < self._max_batch and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                results = await self._committer.commit(batch)
            except Exception as exc:
                log.error("storing %d messages failed (%s)", len(batch), type(exc).__name__)
                for write in batch:
                    if write.done is not None and not write.done.done():
                        write.done.set_exception(exc)
            else:
                self._commits += 1
                for write, result in zip(batch, _results(batch, results), strict=True):
                    if write.done is not None and not write.done.done():
                        write.done.set_result(result)
            finally:
                for _ in batch:
                    self._queue.task_done()


def _bind(name: str) -> Any:
    from sqlalchemy import bindparam

    return bindparam(name)
