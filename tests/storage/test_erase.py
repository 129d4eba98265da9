"""Erase: every table classified, every row about a person gone, nothing left in the file bytes."""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import func, select, text

from storage.crypto import TextCipher, decode_key, generate_key
from storage.erase import (
    CONTENT_FREE_TABLES,
    PERSONAL_TABLES,
    UserLink,
    drop_texts,
    erase_user,
    unclassified_tables,
)
from storage.models import Base, CaseEvent, Message, User
from storage.repository import ConversationStore
from storage.retention import purge_expired
from tests.storage.privacy_fixtures import add_person, open_database

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_every_table_is_classified_as_personal_or_content_free() -> None:
    assert unclassified_tables() == set(), (
        "new tables must be added to storage.erase.PERSONAL_TABLES (erased with the person) "
        "or CONTENT_FREE_TABLES (kept, with the reason)"
    )
    assert not PERSONAL_TABLES.keys() & CONTENT_FREE_TABLES.keys()
    assert PERSONAL_TABLES.keys() | CONTENT_FREE_TABLES.keys() <= set(Base.metadata.tables)


def test_personal_table_links_follow_the_foreign_keys() -> None:
    expected_target = {UserLink.USER_ID: "users.id", UserLink.CASE_ID: "cases.id"}
    for name, link in PERSONAL_TABLES.items():
        table = Base.metadata.tables[name]
        if link is UserLink.SELF:
            continue
        column = table.c.user_id if link is UserLink.USER_ID else table.c.case_id
        targets = {fk.target_fullname for fk in column.foreign_keys}
        assert targets == {expected_target[link]}, name
        assert all(fk.ondelete == "CASCADE" for fk in column.foreign_keys), name


def test_tables_pointing_at_people_are_personal_and_kept_tables_hold_no_identity() -> None:
    personal = set(PERSONAL_TABLES)
    for table in Base.metadata.tables.values():
        targets = {fk.column.table.name for fk in table.foreign_keys}
        if targets & personal:
            assert table.name in personal, f"{table.name} references a personal table"
    for name in CONTENT_FREE_TABLES:
        columns = set(Base.metadata.tables[name].columns.keys())
        identity = {"user_id", "platform_user_id", "chat_id", "handle_enc", "text_enc"}
        assert not columns & identity, f"{name} keeps {columns & identity}"


async def _count(sessions, model, *where) -> int:  # type: ignore[no-untyped-def]
    async with sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(model).where(*where)))


async def test_erase_removes_every_row_about_the_person_and_nobody_else(tmp_path: Path) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        carol = await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id="5550001",
            texts=["first", "second"],
            now=NOW,
            handle="carol",
        )
        dave = await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id="5550002",
            texts=["hello"],
            now=NOW,
        )

        report = await erase_user(db.sessions, "telegram", "5550001")

        assert report.found
        assert report.deleted == {
            "alerts": 1,
            "moderator_refs": 1,
            "messages": 4,
            "cases": 1,
            "users": 1,
        }
        assert report.checkpointed
        assert await store.find_user("telegram", "5550001") is None
        for name, link in PERSONAL_TABLES.items():
            table = Base.metadata.tables[name]
            async with db.sessions() as session:
                rows = await session.scalar(select(func.count()).select_from(table))
            assert rows == 1 if name == "users" else rows > 0, name  # dave's rows remain
            del link
        assert await _count(db.sessions, Message, Message.user_id == carol.id) == 0
        assert await _count(db.sessions, Message, Message.user_id == dave.id) == 2
        # The audit trail stays, keyed by a token no user row holds any more.
        assert await _count(db.sessions, CaseEvent, CaseEvent.user_token == carol.audit_token) == 2
        assert await _count(db.sessions, User, User.audit_token == carol.audit_token) == 0


async def test_erasing_an_unknown_person_succeeds_and_changes_nothing(tmp_path: Path) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        await add_person(
            store, db.sessions, platform="discord", platform_user_id="42", texts=["hi"], now=NOW
        )
        report = await erase_user(db.sessions, "discord", "43")
        assert not report.found and report.total == 0
        assert await _count(db.sessions, Message) == 2


async def test_deleting_a_user_row_cascades_to_messages_cases_alerts_and_refs(
    tmp_path: Path,
) -> None:
    """The schema's ON DELETE CASCADE really fires (foreign_keys=ON on every connection)."""
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        user = await add_person(
            store, db.sessions, platform="discord", platform_user_id="77", texts=["a"], now=NOW
        )
        async with db.sessions.begin() as session:
            assert (await session.execute(text("PRAGMA foreign_keys"))).scalar() == 1
            await session.execute(text("DELETE FROM users WHERE id = :id"), {"id": user.id})
        for name in PERSONAL_TABLES:
            async with db.sessions() as session:
                table = Base.metadata.tables[name]
                assert await session.scalar(select(func.count()).select_from(table)) == 0, name


async def test_erased_person_leaves_neither_id_nor_text_in_the_database_or_wal_bytes(
    tmp_path: Path,
) -> None:
    platform_id = "8675309123457"
    handle = "bluejay_handle_x"
    # A cipher that stores text readable, so the scan can prove text bytes are removed too,
    # not merely hidden by encryption.
    cipher = _PlainCipher()
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        secrets_said = [f"my secret phrase is bluebird-{i:03d}" for i in range(60)]
        for other in range(5):
            await add_person(
                store,
                db.sessions,
                platform="telegram",
                platform_user_id=f"100{other}",
                texts=[f"unrelated chatter {other}-{i}" for i in range(20)],
                now=NOW,
            )
        await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id=platform_id,
            texts=secrets_said,
            now=NOW,
            handle=handle,
        )
        before = db.file_bytes()
        assert platform_id.encode() in before and b"bluebird-059" in before  # the scan works

        await erase_user(db.sessions, "telegram", platform_id)

        after = db.file_bytes()
        for needle in [platform_id, handle, "bluebird", *secrets_said]:
            assert needle.encode() not in after, needle
        assert b"unrelated chatter 4-19" in after  # others' data is untouched


async def test_a_reader_blocking_the_checkpoint_delays_erase_briefly_and_purge_finishes_it(
    tmp_path: Path,
) -> None:
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, _PlainCipher())
        await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id="424242424242",
            texts=["my secret phrase is bluebird"],
            now=NOW,
        )
        reader = sqlite3.connect(db.path, isolation_level=None)
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM messages").fetchall()  # holds an old snapshot
        started = time.perf_counter()

        report = await erase_user(db.sessions, "telegram", "424242424242")

        assert not report.checkpointed
        assert time.perf_counter() - started < 5  # not the 10 s busy timeout per try
        reader.execute("COMMIT")
        reader.close()
        purged = await purge_expired(
            db.sessions, now=NOW, retention_days=30, case_retention_days=90
        )
        assert purged.total == 0 and purged.checkpointed
        after = db.file_bytes()
        assert b"bluebird" not in after and b"424242424242" not in after


class _PlainCipher(TextCipher):
    """Writes the text in the clear after the header (test only), so bytes can be scanned."""

    def __init__(self) -> None:
        super().__init__(decode_key(generate_key()))

    def encrypt(self, text: str) -> bytes:
        return b"plain:" + text.encode()

    def decrypt(self, blob: bytes) -> str:
        return blob.removeprefix(b"plain:").decode()


async def test_withdrawing_consent_blanks_stored_text_but_keeps_levels(tmp_path: Path) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        user = await add_person(
            store,
            db.sessions,
            platform="discord",
            platform_user_id="9",
            texts=["x", "y"],
            now=NOW,
            with_case=False,
        )
        blanked = await drop_texts(db.sessions, user.id)
        assert blanked == 4
        history = await store.history(user.id, limit=10)
        assert [m.text for m in history] == [None] * 4
        assert [m.level for m in history if m.role == "user"] == [1, 1]
