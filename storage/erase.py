"""Erasing everything about one person (`/forget`, `haven user forget`), and the table registry.

Every table in `Base.metadata` is classified here as personal (reachable from a user and erased
with them) or content-free (kept); `tests/storage/test_erase.py` fails when a new table is not.
"""

from __future__ import annotations

import asyncio
import enum
import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.models import Base, Case, Message, User

log = logging.getLogger(__name__)


class UserLink(enum.Enum):
    """How rows of a personal table lead back to the person they are about."""

    SELF = "users.id"  # the user row itself
    USER_ID = "user_id -> users.id"
    CASE_ID = "case_id -> cases.id -> users.id"


# Erased with the person. Order matters for the explicit deletes: children before parents.
PERSONAL_TABLES: dict[str, UserLink] = {
    "alerts": UserLink.CASE_ID,
    "moderator_refs": UserLink.CASE_ID,
    "messages": UserLink.USER_ID,
    "cases": UserLink.USER_ID,
    "users": UserLink.SELF,
}

# Kept after an erase, with the reason they hold nothing that identifies or quotes the person.
CONTENT_FREE_TABLES: dict[str, str] = {
    "case_events": "audit trail: case id, action, actor, level; the person appears only as the "
    "random users.audit_token, which is erased with the user row",
    "key_check": "one known plaintext under the current encryption key",
    "processed_events": "platform event ids already handled (dedupe); no user id or text",
}


@dataclass(frozen=True)
class EraseReport:
    found: bool  # False when no such user was stored (an erase is still a success)
    deleted: dict[str, int] = field(default_factory=dict)  # rows removed per table
    checkpointed: bool = False  # the SQLite WAL was checkpointed and truncated

    @property
    def total(self) -> int:
        return sum(self.deleted.values())


def unclassified_tables() -> set[str]:
    """Tables nobody has decided about; must stay empty (checked by a test)."""
    known = PERSONAL_TABLES.keys() | CONTENT_FREE_TABLES.keys()
    return set(Base.metadata.tables) - known


async def erase_user(
    sessions: async_sessionmaker[Any], platform: str, platform_user_id: str
) -> EraseReport:
    """Delete every row about one person in one transaction, then flush the WAL to the file.

    Rows are deleted explicitly per `PERSONAL_TABLES` (so this works with foreign keys off or on
    another database), and the schema's ON DELETE CASCADE backs it up.
    """
    async with sessions.begin() as session:
        user_id = await session.scalar(
            select(User.id).where(
                User.platform == platform, User.platform_user_id == platform_user_id
            )
        )
        if user_id is None:
            return EraseReport(found=False)
        deleted = await _delete_personal_rows(session, [user_id])
    checkpointed = await checkpoint_wal(sessions)
    log.info("erased a user: %d rows", sum(deleted.values()))
    return EraseReport(found=True, deleted=deleted, checkpointed=checkpointed)


async def drop_texts(sessions: async_sessionmaker[Any], user_id: int) -> int:
    """Consent withdrawn: blank the stored text of a person's messages, keeping levels and times."""
    async with sessions.begin() as session:
        result = await session.execute(
            update(Message)
            .where(Message.user_id == user_id, Message.text_enc.is_not(None))
            .values(text_enc=None)
        )
    await checkpoint_wal(sessions)
    return int(result.rowcount or 0)


async def _delete_personal_rows(session: AsyncSession, user_ids: list[int]) -> dict[str, int]:
    deleted: dict[str, int] = {}
    case_ids = select(Case.id).where(Case.user_id.in_(user_ids)).scalar_subquery()
    for name, link in PERSONAL_TABLES.items():
        table = Base.metadata.tables[name]
        if link is UserLink.CASE_ID:
            stmt = delete(table).where(table.c.case_id.in_(case_ids))
        elif link is UserLink.USER_ID:
            stmt = delete(table).where(table.c.user_id.in_(user_ids))
        else:
            stmt = delete(table).where(table.c.id.in_(user_ids))
        result = await session.execute(stmt)
        deleted[name] = int(result.rowcount or 0)  # type: ignore[attr-defined]
    return deleted


async def checkpoint_wal(
    sessions: async_sessionmaker[Any], *, attempts: int = 5, wait_ms: int = 200
) -> bool:
    """Copy the WAL into the database file and truncate it, so erased bytes leave the WAL too.

    A reader holding an old snapshot keeps the checkpoint busy; each try waits at most
    `wait_ms` (not the connection's long busy timeout), so a /forget answers within about 2 s
    even then, and the retention task's next run finishes the job. Returns False on other
    databases (nothing to do) or when readers kept it busy throughout.
    """
    bind = sessions.kw.get("bind")
    engine: AsyncEngine | None = bind if isinstance(bind, AsyncEngine) else None
    if engine is None or engine.dialect.name != "sqlite":
        return False
    async with engine.connect() as conn:
        usual = (await conn.execute(text("PRAGMA busy_timeout"))).scalar_one()
        await conn.execute(text(f"PRAGMA busy_timeout = {int(wait_ms)}"))
        try:
            for attempt in range(attempts):
                row = (await conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))).one()
                if not int(row[0]):
                    return True
                await asyncio.sleep(0.05 * (attempt + 1))
        finally:
            await conn.execute(text(f"PRAGMA busy_timeout = {int(usual)}"))
    log.warning("WAL checkpoint stayed busy; erased data leaves the WAL at the next checkpoint")
    return False
