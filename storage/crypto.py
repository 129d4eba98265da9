"""Authenticated encryption of text at rest (AES-256-GCM) with key ids for rotation.

A ciphertext is `b"h1" + key_id (8 bytes) + nonce (12) + AES-GCM(text)`. The key ring holds the
current key and any older ones still needed while `haven db rotate-key` runs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Iterable

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"h1"
KEY_ID_BYTES = 8
NONCE_BYTES = 12


class KeyProblem(Exception):
    """The encryption key is missing, malformed or not the one the data was written with."""


class WrongKey(KeyProblem):
    pass


def generate_key() -> str:
    """A new random 256-bit key, URL-safe base64 (what `haven keygen` prints)."""
    return base64.urlsafe_b64encode(os.urandom(32)).decode("ascii")


def decode_key(text: str) -> bytes:
    try:
        raw = base64.urlsafe_b64decode(text.strip().encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raw = b""
    if len(raw) != 32:
        raise KeyProblem(
            "privacy.encryption_key: not a valid key (expected 32 bytes in URL-safe base64); "
            "create one with `haven keygen`"
        )
    return raw


def key_id(raw: bytes) -> bytes:
    return hashlib.sha256(b"haven-key-id" + raw).digest()[:KEY_ID_BYTES]


class TextCipher:
    """Encrypts with the current key; decrypts with whichever key in the ring wrote the data."""

    def __init__(self, current: bytes, older: Iterable[bytes] = ()) -> None:
        self._current_id = key_id(current)
        self._current = AESGCM(current)
        self._ring = {key_id(k): AESGCM(k) for k in (*older, current)}

    @property
    def current_key_id(self) -> str:
        return self._current_id.hex()

    def encrypt(self, text: str) -> bytes:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._current.encrypt(nonce, text.encode("utf-8"), MAGIC)
        return MAGIC + self._current_id + nonce + sealed

    def decrypt(self, blob: bytes) -> str:
        if not blob.startswith(MAGIC):
            raise WrongKey("stored text is not in Haven's encrypted format")
        kid = blob[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES]
        aead = self._ring.get(kid)
        if aead is None:
            raise WrongKey(
                "privacy.encryption_key: the database was written with a different key; "
                "set the key it was created with (or its key file)"
            )
        start = len(MAGIC) + KEY_ID_BYTES
        try:
            plain = aead.decrypt(
                blob[start : start + NONCE_BYTES], blob[start + NONCE_BYTES :], MAGIC
            )
        except InvalidTag:
            raise WrongKey("stored text failed authentication: the database was altered") from None
        return plain.decode("utf-8")

    def written_with_current(self, blob: bytes) -> bool:
        return blob[len(MAGIC) : len(MAGIC) + KEY_ID_BYTES] == self._current_id

    def maybe_encrypt(self, text: str | None) -> bytes | None:
        return None if text is None else self.encrypt(text)

    def maybe_decrypt(self, blob: bytes | None) -> str | None:
        return None if blob is None else self.decrypt(blob)
