"""Finding the encryption key at start-up, creating one on first run, and checking it fits."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.crypto import KeyProblem, TextCipher, WrongKey, decode_key, generate_key
from storage.models import KeyCheck

KEY_CHECK_TEXT = "haven key check"


@dataclass(frozen=True)
class ResolvedKey:
    raw: bytes
    created_file: Path | None  # set when this run created a new key file (say so once)


def default_key_file(database_url: str) -> Path:
    """`haven.db` gets `haven.db.key` beside it; non-file databases use ./haven.key."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).with_name(Path(url.database).name + ".key")
    return Path("haven.key")


def resolve_key(configured: str | None, key_file: Path | None, database_url: str) -> ResolvedKey:
    if configured:
        return ResolvedKey(decode_key(configured), None)
    path = key_file or default_key_file(database_url)
    if path.exists():
        try:
            return ResolvedKey(decode_key(path.read_text(encoding="ascii")), None)
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyProblem(
                f"privacy.encryption_key_file: cannot read {str(path)!r} ({exc}); "
                "fix its permissions or point the setting at the right file"
            ) from None
    if key_file is not None:
        raise KeyProblem(
            f"privacy.encryption_key_file: {str(key_file)!r} does not exist; "
            "create it with `haven keygen > FILE` or remove the setting"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    key = generate_key()
    # Owner-only from the first byte: create with 0600 instead of chmod after writing.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(key + "\n")
    return ResolvedKey(decode_key(key), path)


async def verify_key(sessions: async_sessionmaker[Any], cipher: TextCipher) -> None:
    """Fail clearly when the database was written with another key; record the key on first run."""
    async with sessions.begin() as session:
        check = await session.scalar(select(KeyCheck).limit(1))
        if check is None:
            session.add(
                KeyCheck(key_id=cipher.current_key_id, sample_enc=cipher.encrypt(KEY_CHECK_TEXT))
            )
            return
        try:
            ok = cipher.decrypt(check.sample_enc) == KEY_CHECK_TEXT
        except WrongKey:
            ok = False
        if not ok:
            raise WrongKey(
                "privacy.encryption_key: this database was written with a different key; "
                "set the key it was created with (HAVEN_PRIVACY__ENCRYPTION_KEY or the key file)"
            )
