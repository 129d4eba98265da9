"""Haven's one settings object: a TOML file overlaid by `HAVEN_*` environment variables.

Order: `--config FILE`, else `$HAVEN_CONFIG`, else `./haven.toml` if present, else defaults; then
`HAVEN_SECTION__KEY` variables win. Secrets are `SecretStr` (masked in every print and log) and
may also come from a file (`token_file`, `encryption_key_file`). A bad value raises `ConfigError`
whose message is one line naming the key, the bad value and the fix.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

ENV_PREFIX = "HAVEN_"


class ConfigError(Exception):
    """A setting is missing or wrong; the message says which key and how to fix it."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class ModelSettings(Section):
    """The language model. `backend = "none"` runs Haven with safety replies only."""

    backend: Literal["local", "openai", "none"] = "local"
    preset: Literal["llama-3.2-3b-mental-health", "llama-2-7b-qlora", "custom"] = (
        "llama-3.2-3b-mental-health"
    )
    base: str = "meta-llama/Llama-3.2-3B-Instruct"
    adapter: str | None = "nada013/mental-health-chatbot"
    quantization: Literal["none", "8bit", "4bit"] = "none"
    dtype: Literal["auto", "float32", "bfloat16", "float16"] = "auto"
    device: str = "auto"
    max_new_tokens: int = Field(256, ge=1, le=4096)
    temperature: float = Field(0.7, ge=0.0, le=2.0)
    top_p: float = Field(0.9, gt=0.0, le=1.0)
    context_tokens: int = Field(2048, ge=128)
    chat_template: str | None = None
    url: str | None = None
    model: str | None = None
    api_key: SecretStr | None = None
    queue_size: int = Field(64, ge=1)
    max_batch_size: int = Field(16, ge=1)
    max_wait_ms: int = Field(20, ge=0)
    request_timeout_s: float = Field(60.0, gt=0)
    cpu_threads: int = Field(0, ge=0)  # torch threads on CPU; 0 keeps torch's default
    join_after_tokens: int = Field(32, ge=0)  # a running batch lets waiting requests join

    @field_validator("adapter", "chat_template", "url", "model", mode="before")
    @classmethod
    def _empty_is_none(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("device")
    @classmethod
    def _device(cls, value: str) -> str:
        if not re.fullmatch(r"auto|cpu|cuda(:\d+)?|mps", value):
            raise ValueError("use auto, cpu, cuda or cuda:N")
        return value


class StorageSettings(Section):
    url: str = "sqlite+aiosqlite:///haven.db"
    retention_days: int = Field(30, ge=1)
    case_retention_days: int = Field(90, ge=1)
    purge_interval_minutes: int = Field(60, ge=1)

    @field_validator("url")
    @classmethod
    def _async_url(cls, value: str) -> str:
        if "://" not in value or "+" not in value.split("://", 1)[0]:
            raise ValueError(
                "use an async SQLAlchemy URL such as sqlite+aiosqlite:///haven.db "
                "or postgresql+asyncpg://user@host/db"
            )
        return value


class SafetySettings(Section):
    default_country: str | None = None
    use_classifier: bool = True
    use_encoder: bool = True  # the fine-tuned MiniLM encoder (torch); off: the n-gram head alone

    @field_validator("default_country")
    @classmethod
    def _country(cls, value: str | None) -> str | None:
        if value is None or value == "":
            return None
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise ValueError("use a two-letter ISO 3166 country code such as GB or US")
        return value.upper()


class ConversationSettings(Section):
    """Limits on what reaches the model and how often."""

    max_message_chars: int = Field(4000, ge=100)
    history_messages: int = Field(20, ge=0)  # the window sent to the model and the safety check
    risk_window_hours: int = Field(24, ge=1)  # the conversation keeps its highest level this long
    flood_messages: int = Field(8, ge=1)  # at most this many messages ...
    flood_window_s: float = Field(30.0, gt=0)  # ... in this many seconds per person
    reply_deadline_s: float = Field(60.0, gt=0)
    reminder_every_minutes: int = Field(180, ge=1)  # repeat "I am an AI" in long sessions
    store_timeout_s: float = Field(2.0, gt=0)  # a stalled disk never delays a crisis reply


class EscalationSettings(Section):
    l4_repage_minutes: float = Field(5, gt=0)
    l3_repage_minutes: float = Field(30, gt=0)
    # An unclaimed case's owners are told once after this long (safety.md requirement 15). L4
    # always has a notice; 0 turns the L3 notice off.
    owner_notice_minutes: float = Field(15, gt=0)
    l3_owner_notice_minutes: float = Field(60, ge=0)
    retry_initial_s: float = Field(2, gt=0)
    retry_max_s: float = Field(300, gt=0)
    outbox_poll_s: float = Field(1.0, gt=0)


class PrivacySettings(Section):
    encryption_key: SecretStr | None = None
    encryption_key_file: Path | None = None


class DiscordSettings(Section):
    token: SecretStr | None = None
    token_file: Path | None = None
    moderator_channel_id: int | None = None
    moderator_role_ids: list[int] = Field(default_factory=list)
    moderator_user_ids: list[int] = Field(default_factory=list)
    owner_user_ids: list[int] = Field(default_factory=list)  # DMed when a case stays unclaimed
    api_base: str = "https://discord.com/api/v10"
    gateway_url: str = "wss://gateway.discord.gg"

    @field_validator("owner_user_ids")
    @classmethod
    def _owner_ids(cls, value: list[int]) -> list[int]:
        if any(uid <= 0 for uid in value):
            raise ValueError(
                "use Discord user ids (positive numbers: Developer Mode, then Copy User ID)"
            )
        return value


class TelegramSettings(Section):
    token: SecretStr | None = None
    token_file: Path | None = None
    moderator_chat_id: int | None = None
    moderator_user_ids: list[int] = Field(default_factory=list)
    owner_chat_ids: list[int] = Field(default_factory=list)  # told when a case stays unclaimed
    base_url: str = "https://api.telegram.org/bot"
    base_file_url: str = "https://api.telegram.org/file/bot"
    poll_timeout_s: int = Field(30, ge=0)
    webhook_url: str | None = None  # set to receive updates by webhook instead of long polling
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = Field(8443, ge=1, le=65535)
    webhook_secret: SecretStr | None = None

    @field_validator("owner_chat_ids")
    @classmethod
    def _owner_chats(cls, value: list[int]) -> list[int]:
        if any(chat_id == 0 for chat_id in value):
            raise ValueError(
                "use each owner's numeric Telegram user id (their private chat with the bot), "
                "e.g. owner_chat_ids = [123456789]"
            )
        return value


class LoggingSettings(Section):
    level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    model: ModelSettings = Field(default_factory=lambda: ModelSettings())
    storage: StorageSettings = Field(default_factory=lambda: StorageSettings())
    safety: SafetySettings = Field(default_factory=lambda: SafetySettings())
    conversation: ConversationSettings = Field(default_factory=lambda: ConversationSettings())
    escalation: EscalationSettings = Field(default_factory=lambda: EscalationSettings())
    privacy: PrivacySettings = Field(default_factory=lambda: PrivacySettings())
    discord: DiscordSettings = Field(default_factory=lambda: DiscordSettings())
    telegram: TelegramSettings = Field(default_factory=lambda: TelegramSettings())
    logging: LoggingSettings = Field(default_factory=lambda: LoggingSettings())

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        toml_file = init_settings.init_kwargs.pop("_toml_file", None)  # type: ignore[attr-defined]
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if toml_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=toml_file))
        return tuple(sources)

    def secret(self, section: str, key: str) -> str | None:
        """A secret's value from the setting itself or from its `<key>_file`."""
        part = getattr(self, section)
        value: SecretStr | None = getattr(part, key)
        if value is not None and value.get_secret_value():
            return value.get_secret_value()
        path: Path | None = getattr(part, f"{key}_file", None)
        if path is None:
            return None
        try:
            return path.read_text(encoding="utf-8").strip() or None
        except OSError as exc:
            raise ConfigError(
                f"{section}.{key}_file: cannot read {str(path)!r} ({exc.strerror}); "
                f"point it at a readable file or set HAVEN_{section.upper()}__{key.upper()}"
            ) from None


def config_path(explicit: Path | None) -> Path | None:
    """Which TOML file to read: --config, else $HAVEN_CONFIG, else ./haven.toml if present."""
    if explicit is not None:
        return explicit
    from_env = os.environ.get("HAVEN_CONFIG")
    if from_env:
        return Path(from_env)
    local = Path("haven.toml")
    return local if local.is_file() else None


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Read the settings; raise ConfigError with one clear line on any bad value."""
    toml_file = config_path(path)
    if toml_file is not None and not toml_file.is_file():
        raise ConfigError(
            f"config: file {str(toml_file)!r} does not exist; pass --config with an existing "
            "file or copy haven.example.toml to haven.toml"
        )
    try:
        return Settings(_toml_file=toml_file, **overrides)  # type: ignore[call-arg]
    except ValidationError as exc:
        raise ConfigError(_one_line(exc)) from None
    except ValueError as exc:  # a TOML syntax error
        raise ConfigError(f"config: {toml_file} is not valid TOML ({exc}); fix the file") from None


def _one_line(exc: ValidationError) -> str:
    error = exc.errors()[0]
    key = ".".join(str(part) for part in error["loc"])
    env_name = ENV_PREFIX + "__".join(str(part).upper() for part in error["loc"])
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"{key}: unknown setting; remove it or check the spelling against haven.example.toml"
    shown = "<secret>" if _is_secret(key) else repr(error.get("input"))
    reason = str(error["msg"]).removeprefix("Value error, ")
    return f"{key}: bad value {shown}: {reason} (set it in the config file or {env_name})"


def _is_secret(key: str) -> bool:
    return any(word in key for word in ("token", "key", "secret", "password"))


def masked(settings: Settings) -> dict[str, Any]:
    """The effective settings with every secret masked, for `haven config check`."""
    data = settings.model_dump(mode="python")
    for section, values in data.items():
        for key, value in values.items():
            part = getattr(settings, section)
            if isinstance(getattr(part, key), SecretStr):
                values[key] = "********" if value is not None else None
            elif isinstance(value, Path):
                values[key] = str(value)
        data[section] = values
    return data
