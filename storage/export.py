"""Everything stored about one person, decrypted and JSON-ready (`/export`, `haven user export`).

The shape is documented in docs/export-format.md; bump `EXPORT_VERSION` when it changes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from storage.crypto import TextCipher
from storage.erase import PERSONAL_TABLES, UserLink
from storage.models import Base, Case, CaseEvent

EXPORT_FORMAT = "haven-user-export"
EXPORT_VERSION = 1

# Columns about other people or internal plumbing, left out of a person's export:
# the moderator who handled a case is someone else's personal data (the export says a moderator
# claimed it, not who), and delivery internals say nothing about the person.
OMITTED_COLUMNS: dict[str, frozenset[str]] = {
    "users": frozenset({"id"}),
    "cases": frozenset({"user_id", "claimed_by", "claimed_by_name_enc", "relay_ref", "note"}),
    "messages": frozenset({"user_id"}),
    "alerts": frozenset({"ref", "last_error"}),
    "moderator_refs": frozenset({"ref"}),
}


async def export_user(
    sessions: async_sessionmaker[Any],
    cipher: TextCipher,
    platform: str,
    platform_user_id: str,
    *,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The person's data; `"user": null` and empty lists when nothing is stored about them.

    Besides `user` and `audit_events`, there is one list per personal table (named as the
    table), so a table added to `PERSONAL_TABLES` is exported without touching this module.
    """
    data: dict[str, Any] = {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "exported_at": (now or datetime.now(UTC)).isoformat(),
        "platform": platform,
        "platform_user_id": platform_user_id,
        "user": None,
    }
    # Parents before children (the registry lists them in delete order).
    sections = [n for n, link in reversed(PERSONAL_TABLES.items()) if link is not UserLink.SELF]
    for name in sections:
        data[name] = []
    data["audit_events"] = []
    users = Base.metadata.tables["users"]
    async with sessions() as session:
        found = (
            await session.execute(
                select(users).where(
                    users.c.platform == platform, users.c.platform_user_id == platform_user_id
                )
            )
        ).one_or_none()
        if found is None:
            return data
        user = dict(found._mapping)
        data["user"] = _row(users, user, cipher)
        for name in sections:
            data[name] = await _rows_of(session, name, PERSONAL_TABLES[name], user["id"], cipher)
        data["audit_events"] = await _audit_events(session, user["audit_token"])
    return data


async def _rows_of(
    session: AsyncSession, name: str, link: UserLink, user_id: int, cipher: TextCipher
) -> list[dict[str, Any]]:
    table = Base.metadata.tables[name]
    if link is UserLink.CASE_ID:
        cases = select(Case.id).where(Case.user_id == user_id).scalar_subquery()
        query = select(table).where(table.c.case_id.in_(cases))
    else:
        query = select(table).where(table.c.user_id == user_id)
    result = await session.execute(query.order_by(table.c.id))
    return [_row(table, dict(row._mapping), cipher) for row in result]


async def _audit_events(session: AsyncSession, token: str) -> list[dict[str, Any]]:
    """Audit rows about the person (linked by their audit token), without moderator identities."""
    rows = await session.scalars(
        select(CaseEvent).where(CaseEvent.user_token == token).order_by(CaseEvent.id)
    )
    return [
        {
            "case_id": e.case_id,
            "at": _jsonable(e.at),
            "by": "system" if e.actor == "system" else "moderator",
            "action": e.action,
            "outcome": e.outcome,
            "level": e.level,
        }
        for e in rows
    ]


def _row(table: Table, values: dict[str, Any], cipher: TextCipher) -> dict[str, Any]:
    """Column values by name; `x_enc` columns decrypted and named `x`."""
    omitted = OMITTED_COLUMNS.get(table.name, frozenset())
    out: dict[str, Any] = {}
    for column in table.columns:
        if column.name in omitted:
            continue
        value = values.get(column.name)
        if column.name.endswith("_enc"):
            out[column.name.removesuffix("_enc")] = cipher.maybe_decrypt(value)
        else:
            out[column.name] = _jsonable(value)
    return out


def _jsonable(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime) else value
