"""Finding the encryption key at start-up, creating one on first run, and checking it fits.

A key rotation in progress leaves the new key in `<key file>.next` and a second `key_check` row;
start-up then reads with both keys and says the rotation should be finished.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import async_sessionmaker

from storage.crypto import KeyProblem, TextCipher, WrongKey, decode_key, generate_key
from storage.models import KeyCheck

KEY_CHECK_TEXT = "haven key check"
PENDING_SUFFIX = ".next"

log = logging.getLogger(__name__)


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


def active_key_file(
    configured: str | None, key_file: Path | None, database_url: str
) -> Path | None:
    """The file the current key lives in; None when it comes from the setting itself."""
    if configured:
        return None
    return key_file or default_key_file(database_url)


def pending_key_file(key_file: Path) -> Path:
    """Where `haven db rotate-key` keeps the new key until every row is re-encrypted."""
    return key_file.with_name(key_file.name + PENDING_SUFFIX)


def read_key_file(path: Path) -> bytes:
    try:
        return decode_key(path.read_text(encoding="ascii"))
    except (OSError, UnicodeDecodeError) as exc:
        raise KeyProblem(
            f"cannot read the key file {str(path)!r} ({exc}); fix its permissions or path"
        ) from None


def write_key_file(path: Path, key: str) -> None:
    """Write (or replace) a key file atomically, owner-only: a crash leaves the old or new key."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as handle:
            handle.write(key.strip() + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)  # the rename itself survives a power cut
    finally:
        os.close(dir_fd)


@dataclass(frozen=True)
class KeySetup:
    cipher: TextCipher
    created_file: Path | None  # this run created the key file: say so once
    pending_rotation: Path | None  # an unfinished `haven db rotate-key` left this new-key file


def load_cipher(configured: str | None, key_file: Path | None, database_url: str) -> KeySetup:
    """The cipher for start-up: the current key, plus the new key of an unfinished rotation.

    Reading with both keys lets Haven run between an interrupted rotation and its re-run; new
    text is still written with the current key, which the re-run then re-encrypts.
    """
    resolved = resolve_key(configured, key_file, database_url)
    path = active_key_file(configured, key_file, database_url)
    pending = pending_key_file(path) if path is not None else None
    if pending is not None and pending.exists():
        log.warning(
            "an unfinished key rotation left %s; run `haven db rotate-key` again to finish it",
            pending,
        )
        return KeySetup(TextCipher(resolved.raw, [read_key_file(pending)]), None, pending)
    return KeySetup(TextCipher(resolved.raw), resolved.created_file, None)


async def verify_key(sessions: async_sessionmaker[Any], cipher: TextCipher) -> None:
    """Fail clearly when the database was written with another key; record the key on first run."""
    async with sessions.begin() as session:
        checks = list(await session.scalars(select(KeyCheck).order_by(KeyCheck.id)))
        if not checks:
            session.add(
                KeyCheck(key_id=cipher.current_key_id, sample_enc=cipher.encrypt(KEY_CHECK_TEXT))
            )
            return
        opened = [opens_check(cipher, check.sample_enc) for check in checks]
        if all(opened):
            return
        if any(opened):  # two check rows: a rotation started and did not finish
            raise WrongKey(
                "privacy.encryption_key: a key rotation was interrupted, so part of the database "
                "is under the new key; run `haven db rotate-key` again (with the same "
                "--new-key-file, if you gave one) to finish it"
            )
        raise WrongKey(
            "privacy.encryption_key: this database was written with a different key; "
            "set the key it was created with (HAVEN_PRIVACY__ENCRYPTION_KEY or the key file)"
        )


def opens_check(cipher: TextCipher, sample: bytes) -> bool:
    try:
        return cipher.decrypt(sample) == KEY_CHECK_TEXT
    except WrongKey:
        return False
