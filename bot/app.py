"""The composition root: builds every part from settings and wires them together.

Nothing else in Haven constructs long-lived objects; there are no module-level singletons.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from bot.config import ConfigError, Settings
from bot.ports import AdapterHost, PlatformAdapter
from inference.api import GeneratorUnavailable, TextGenerator
from storage.crypto import KeyProblem
from storage.db import create_engine, sessionmaker, upgrade
from storage.keys import load_cipher, verify_key
from storage.message_log import MessageLog
from storage.repository import ConversationStore

log = logging.getLogger(__name__)


def utc_now() -> datetime:
    return datetime.now(UTC)


async def open_storage(
    settings: Settings,
) -> tuple[ConversationStore, async_sessionmaker[Any], AsyncEngine]:
    """Open the database, apply migrations, load (or create) the key and check it fits."""
    engine = create_engine(settings.storage.url)
    await upgrade(engine)
    sessions = sessionmaker(engine)
    configured = settings.privacy.encryption_key
    try:
        # The setting's own value: a key *file* is handled (and rotated) by load_cipher.
        setup = load_cipher(
            configured.get_secret_value() if configured else None,
            settings.privacy.encryption_key_file,
            settings.storage.url,
        )
        if setup.created_file is not None:
            log.warning(
                "created a new encryption key in %s (owner-only); back it up: without it the "
                "stored conversations cannot be read",
                setup.created_file,
            )
        cipher = setup.cipher
        await verify_key(sessions, cipher)
    except KeyProblem:
        await engine.dispose()
        raise
    return ConversationStore(sessions, cipher), sessions, engine


def model_config(settings: Settings) -> Any:
    """Map the [model] settings onto the inference package's own config type.

    A preset supplies base, adapter and quantization unless the operator set them explicitly
    (in the file, the environment or on the command line).
    """
    from inference.config import PRESETS, ModelConfig

    m = settings.model
    values: dict[str, Any] = {
        "backend": m.backend,
        "base": m.base,
        "adapter": m.adapter,
        "quantization": m.quantization,
        "dtype": m.dtype,
        "device": m.device,
        "max_new_tokens": m.max_new_tokens,
        "temperature": m.temperature,
        "top_p": m.top_p,
        "context_tokens": m.context_tokens,
        "chat_template": m.chat_template,
        "url": m.url,
        "model": m.model,
        "api_key": settings.secret("model", "api_key"),
        "queue_size": m.queue_size,
        "max_batch_size": m.max_batch_size,
        "max_wait_ms": m.max_wait_ms,
        "request_timeout_s": m.request_timeout_s,
        "cpu_threads": m.cpu_threads,
        "join_after_tokens": m.join_after_tokens,
    }
    if m.preset != "custom":
        for key, value in PRESETS[m.preset].items():
            if key not in m.model_fields_set:
                values[key] = value
    return ModelConfig(**values)


def build_generator(settings: Settings) -> TextGenerator | None:
    if settings.model.backend == "none":
        return None
    from inference.factory import build_generator as build

    return build(model_config(settings))


def build_adapters(settings: Settings, host: AdapterHost) -> list[PlatformAdapter]:
    """Every platform with a configured token; a new platform is one line here."""
    from adapters.discord import build as build_discord
    from adapters.telegram import build as build_telegram

    built = [build_discord(settings, host), build_telegram(settings, host)]
    return [adapter for adapter in built if adapter is not None]


@dataclass
class HavenApp:
    settings: Settings
    generator: TextGenerator | None = None
    clock: Callable[[], datetime] = utc_now
    with_adapters: bool = True
    model_note: str | None = None  # why the model is unavailable, said once at start
    store: ConversationStore = field(init=False)
    sessions: async_sessionmaker[Any] = field(init=False)
    engine: AsyncEngine = field(init=False)
    message_log: MessageLog = field(init=False)
    assessor: Any = field(init=False)
    core: Any = field(init=False)
    escalation: Any = field(init=False)
    host: AdapterHost = field(init=False)
    adapters: list[PlatformAdapter] = field(default_factory=list, init=False)
    _retention: Any = field(default=None, init=False)
    _started: bool = field(default=False, init=False)

    async def start(self) -> None:
        from bot.core import Core
        from bot.escalation.crisis_lines import CrisisDirectory
        from bot.escalation.service import EscalationService
        from bot.safe_replies import DirectorySafeReplies
        from bot.safety.assessor import CrisisAssessor
        from bot.safety.output_filter import SAFE_REPLACEMENT, check_reply
        from storage.retention import RetentionTask

        settings = self.settings
        self.store, self.sessions, self.engine = await open_storage(settings)
        await self._start_generator()
        host_channels: dict[str, Any] = {}
        host_messengers: dict[str, Any] = {}
        self.escalation = EscalationService(
            sessions=self.sessions,
            cipher=self.store.cipher,
            settings=settings,
            clock=self.clock,
            channels=host_channels,
            messengers=host_messengers,
        )
        self.message_log = MessageLog(self.engine, self.store.cipher)
        await self.message_log.start()
        self.assessor = CrisisAssessor(
            use_classifier=settings.safety.use_classifier,
            # None: load the encoder when its weights are shipped; False: never.
            use_encoder=None if settings.safety.use_encoder else False,
        )
        self.core = Core(
            settings=settings,
            store=self.store,
            message_log=self.message_log,
            assessor=self.assessor,
            safe_replies=DirectorySafeReplies(CrisisDirectory.load()),
            risk_desk=self.escalation,
            generator=self.generator,
            reply_filter=lambda text: check_reply(text).reason,
            safe_replacement=SAFE_REPLACEMENT,
            clock=self.clock,
            assess_in_thread=settings.safety.use_classifier,
        )
        self.host = AdapterHost(self.core, self.escalation, host_messengers, host_channels)
        self._retention = RetentionTask(
            self.sessions,
            clock=self.clock,
            retention_days=settings.storage.retention_days,
            case_retention_days=settings.storage.case_retention_days,
            interval_s=settings.storage.purge_interval_minutes * 60,
        )
        await self.escalation.start()
        await self._retention.start()
        self._started = True
        if self.with_adapters:
            for adapter in build_adapters(settings, self.host):
                await adapter.start()
                self.adapters.append(adapter)
                log.info("%s adapter connected", adapter.name)

    async def _start_generator(self) -> None:
        if self.generator is None:
            try:
                self.generator = build_generator(self.settings)
            except ConfigError:
                raise
            except Exception as exc:  # a broken install must not stop the safety path
                self.model_note = (
                    f"model: cannot build the {self.settings.model.backend} engine ({exc})"
                )
                self.generator = None
        if self.generator is None:
            if self.model_note is None and self.settings.model.backend == "none":
                self.model_note = 'model: backend = "none"; Haven sends safety replies only'
            return
        try:
            await self.generator.start()
        except GeneratorUnavailable as exc:
            self.model_note = str(exc)
            self.generator = None

    async def stop(self) -> None:
        for adapter in reversed(self.adapters):
            try:
                await adapter.stop()
            except Exception:
                log.exception("stopping the %s adapter failed", adapter.name)
        self.adapters.clear()
        if self._started:
            await self._retention.stop()
            await self.escalation.stop()
            await self.message_log.close()
            self._started = False
        if self.generator is not None:
            await self.generator.close()
        if hasattr(self, "engine"):
            await self.engine.dispose()


def build_app(
    settings: Settings,
    *,
    generator: TextGenerator | None = None,
    clock: Callable[[], datetime] | None = None,
    with_adapters: bool = True,
) -> HavenApp:
    return HavenApp(settings, generator, clock or utc_now, with_adapters)
