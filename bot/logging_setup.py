"""Logging to stderr with every configured secret (tokens, keys) redacted from every record.

Libraries log secrets without meaning to: python-telegram-bot puts the bot token in its URLs and
httpx logs each request URL. Redaction happens twice: when a record is made (so any handler,
even one added later, sees clean text) and in a filter on the root handlers (defence in depth).
"""

from __future__ import annotations

import logging
import sys
import urllib.parse
from collections.abc import Callable, Iterable
from typing import Any, TextIO

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 6  # shorter values would blank ordinary words; real secrets are far longer
HANDLER_NAME = "haven"
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Chatty transport loggers that echo request URLs (and so tokens) at INFO: WARNING unless DEBUG.
QUIET_LOGGERS = ("httpx", "httpcore", "discord.http", "telegram.request", "alembic")
# Loggers that echo SQL parameters (platform ids, ciphertext): WARNING even at DEBUG.
SILENT_LOGGERS = ("aiosqlite", "sqlalchemy.engine")


class Redactor:
    """Replaces each secret, and its URL-encoded forms, in text."""

    def __init__(self, secrets: Iterable[str]) -> None:
        variants: set[str] = set()
        for secret in secrets:
            if secret and len(secret) >= MIN_SECRET_CHARS:
                variants |= {
                    secret,
                    urllib.parse.quote(secret, safe=""),
                    urllib.parse.quote_plus(secret, safe=""),
                    urllib.parse.quote(secret),
                }
        # Longest first, so a secret containing another is replaced whole.
        self._secrets = sorted(variants, key=len, reverse=True)

    def __bool__(self) -> bool:
        return bool(self._secrets)

    def __call__(self, text: str) -> str:
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, REDACTED)
        return text

    def clean(self, record: logging.LogRecord) -> None:
        """Rewrite a record in place: its message merged with args, exception and stack text."""
        if not self._secrets or getattr(record, "_haven_redacted", False):
            return
        try:
            message = record.getMessage()
        except Exception:  # bad format args: logging would print them raw in its error report
            message = f"{record.msg} {record.args!r}"
        record.msg = self(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self(record.exc_text)
        if record.stack_info:
            record.stack_info = self(record.stack_info)
        record._haven_redacted = True


class RedactingFilter(logging.Filter):
    """A handler filter that redacts records instead of dropping them."""

    def __init__(self, redactor: Redactor) -> None:
        super().__init__()
        self.redactor = redactor

    def filter(self, record: logging.LogRecord) -> bool:
        self.redactor.clean(record)
        return True


class _RedactingFactory:
    """Wraps the log record factory so records are clean from the moment they exist."""

    def __init__(self, inner: Callable[..., logging.LogRecord], redactor: Redactor) -> None:
        self.inner = inner
        self.redactor = redactor

    def __call__(self, *args: Any, **kwargs: Any) -> logging.LogRecord:
        record = self.inner(*args, **kwargs)
        self.redactor.clean(record)
        return record


def configure_logging(level: str, secrets: Iterable[str], *, stream: TextIO | None = None) -> None:
    """Set up the root logger (stderr by default) at `level`, redacting `secrets` everywhere.

    Calling it again replaces Haven's handler and secrets instead of stacking them.
    """
    redactor = Redactor(secrets)
    root = logging.getLogger()
    for handler in list(root.handlers):
        if handler.name == HANDLER_NAME:
            root.removeHandler(handler)
            handler.close()
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.name = HANDLER_NAME
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for each in root.handlers:
        for old in [f for f in each.filters if isinstance(f, RedactingFilter)]:
            each.removeFilter(old)
        each.addFilter(RedactingFilter(redactor))
    factory = logging.getLogRecordFactory()
    inner = factory.inner if isinstance(factory, _RedactingFactory) else factory
    logging.setLogRecordFactory(_RedactingFactory(inner, redactor))
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.NOTSET if level == "DEBUG" else logging.WARNING)
    for name in SILENT_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
