"""Export: everything stored about one person, decrypted, in the documented shape."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from storage.crypto import TextCipher, decode_key, generate_key
from storage.erase import PERSONAL_TABLES, UserLink
from storage.export import EXPORT_FORMAT, EXPORT_VERSION, export_user
from storage.repository import ConversationStore
from tests.storage.privacy_fixtures import add_person, open_database

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


async def test_export_holds_the_persons_decrypted_messages_cases_and_audit(
    tmp_path: Path,
) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id="31337",
            texts=["my secret phrase is bluebird"],
            now=NOW,
            handle="carol",
        )
        await add_person(
            store,
            db.sessions,
            platform="telegram",
            platform_user_id="31338",
            texts=["someone else's words"],
            now=NOW,
        )

        data = await export_user(db.sessions, cipher, "telegram", "31337", now=NOW)

    assert data["format"] == EXPORT_FORMAT and data["version"] == EXPORT_VERSION
    assert data["exported_at"] == NOW.isoformat()
    assert data["user"]["platform_user_id"] == "31337"
    assert data["user"]["handle"] == "carol"  # decrypted, `_enc` dropped from the name
    assert [(m["role"], m["text"]) for m in data["messages"]] == [
        ("user", "my secret phrase is bluebird"),
        ("assistant", "reply to my secret phrase is bluebird"),
    ]
    assert data["messages"][0]["level"] == 1
    assert len(data["cases"]) == 1 and data["cases"][0]["level"] == 3
    assert len(data["alerts"]) == 1 and len(data["moderator_refs"]) == 1
    assert [(e["action"], e["by"]) for e in data["audit_events"]] == [
        ("open", "system"),
        ("claim", "moderator"),
    ]
    dumped = json.dumps(data)  # plain JSON types only
    assert "someone else's words" not in dumped
    # The moderator's identity is their personal data, not the person's.
    assert "999000111" not in dumped and "Moderator Mo" not in dumped
    assert not any(key.endswith("_enc") for key in data["user"])


async def test_export_lists_every_personal_table(tmp_path: Path) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        data = await export_user(db.sessions, cipher, "discord", "1", now=NOW)
    sections = {name for name, link in PERSONAL_TABLES.items() if link is not UserLink.SELF}
    assert sections <= data.keys()
    assert data["user"] is None
    assert all(data[name] == [] for name in sections)


async def test_export_of_a_person_without_consent_has_no_text(tmp_path: Path) -> None:
    cipher = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        store = ConversationStore(db.sessions, cipher)
        user = await store.get_or_create_user("discord", "5", now=NOW)
        await store.update_user(user.id, consent=False)
        user = await store.user_by_id(user.id)
        assert user is not None
        await store.record_incoming(
            user, chat_id="c", platform_message_id="m1", text="not kept", created_at=NOW
        )
        data = await export_user(db.sessions, cipher, "discord", "5", now=NOW)
    assert data["user"]["consent"] is False
    assert [m["text"] for m in data["messages"]] == [None]
