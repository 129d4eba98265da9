"""Keys: created once with owner-only permissions, a wrong key is one clear error, never garbage."""

from __future__ import annotations

import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest

from storage.crypto import KeyProblem, TextCipher, WrongKey, decode_key, generate_key
from storage.keys import (
    default_key_file,
    load_cipher,
    pending_key_file,
    read_key_file,
    resolve_key,
    verify_key,
    write_key_file,
)
from storage.repository import ConversationStore
from tests.storage.privacy_fixtures import open_database

NOW = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)


def test_first_run_creates_an_owner_only_key_file_once(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'haven.db'}"
    first = resolve_key(None, None, url)
    assert first.created_file == tmp_path / "haven.db.key"
    assert stat.S_IMODE(first.created_file.stat().st_mode) == 0o600
    second = resolve_key(None, None, url)
    assert second.created_file is None  # said once, on the run that created it
    assert second.raw == first.raw


def test_a_configured_key_wins_and_creates_no_file(tmp_path: Path) -> None:
    key = generate_key()
    url = f"sqlite+aiosqlite:///{tmp_path / 'haven.db'}"
    resolved = resolve_key(key, None, url)
    assert resolved.raw == decode_key(key) and resolved.created_file is None
    assert not default_key_file(url).exists()


def test_a_missing_or_malformed_key_says_how_to_fix_it(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'haven.db'}"
    with pytest.raises(KeyProblem, match="does not exist"):
        resolve_key(None, tmp_path / "nope.key", url)
    with pytest.raises(KeyProblem, match="haven keygen"):
        resolve_key("not-a-key", None, url)


async def test_the_wrong_key_is_one_clear_error_not_garbage(tmp_path: Path) -> None:
    right = TextCipher(decode_key(generate_key()))
    wrong = TextCipher(decode_key(generate_key()))
    async with open_database(tmp_path / "haven.db") as db:
        await verify_key(db.sessions, right)
        store = ConversationStore(db.sessions, right)
        user = await store.get_or_create_user("terminal", "carol", now=NOW)
        await store.record_incoming(
            user, chat_id="c", platform_message_id="1", text="bluebird", created_at=NOW
        )
        with pytest.raises(WrongKey, match="different key"):
            await verify_key(db.sessions, wrong)
        with pytest.raises(WrongKey):
            await ConversationStore(db.sessions, wrong).history(user.id, limit=5)
        assert [m.text for m in await store.history(user.id, limit=5)] == ["bluebird"]


def test_tampered_ciphertext_fails_authentication() -> None:
    cipher = TextCipher(decode_key(generate_key()))
    blob = bytearray(cipher.encrypt("bluebird"))
    blob[-1] ^= 1
    with pytest.raises(WrongKey, match="altered"):
        cipher.decrypt(bytes(blob))


def test_key_files_are_replaced_atomically_and_stay_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "haven.db.key"
    first, second = generate_key(), generate_key()
    write_key_file(path, first)
    write_key_file(path, second)
    assert read_key_file(path) == decode_key(second)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["haven.db.key"]  # no temp files left


def test_start_up_reads_with_the_pending_key_of_an_unfinished_rotation(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'haven.db'}"
    current = resolve_key(None, None, url)
    new_key = generate_key()
    assert load_cipher(None, None, url).pending_rotation is None
    pending = pending_key_file(default_key_file(url))
    write_key_file(pending, new_key)

    setup = load_cipher(None, None, url)

    assert setup.pending_rotation == pending
    under_new = TextCipher(decode_key(new_key)).encrypt("written by the rotation")
    assert setup.cipher.decrypt(under_new) == "written by the rotation"
    # New text is still written with the current key until the rotation finishes.
    assert TextCipher(current.raw).decrypt(setup.cipher.encrypt("x")) == "x"
