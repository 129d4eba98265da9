"""Start-up checks: no token means no adapter; a wrong [telegram] setting is one clear line."""

from __future__ import annotations

from typing import Any

import pytest

from adapters.telegram import build
from bot.config import ConfigError, Settings
from bot.ports import AdapterHost
from tests.adapters.telegram.conftest import GROUP_ID, TOKEN, telegram_settings
from tests.adapters.telegram.fake_bot_api import FakeBotApi
from tests.adapters.telegram.recording import RecordingConversations, RecordingModeration


def _host() -> AdapterHost:
    return AdapterHost(RecordingConversations(), RecordingModeration(set()))


def _settings(**telegram: Any) -> Settings:
    base: dict[str, Any] = {"token": TOKEN, "moderator_chat_id": GROUP_ID,
                            "moderator_user_ids": [501]}  # fmt: skip
    base.update(telegram)
    return Settings(telegram={k: v for k, v in base.items() if v is not None})


def test_no_token_no_adapter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HAVEN_TELEGRAM__TOKEN", raising=False)
    host = _host()
    assert build(Settings(), host) is None
    assert host.messengers == {}


def test_token_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HAVEN_TELEGRAM__TOKEN", TOKEN)
    host = _host()
    adapter = build(Settings(), host)
    assert adapter is not None and "telegram" in host.messengers


@pytest.mark.parametrize(
    ("telegram", "names"),
    [
        ({"token": "not-a-token"}, "telegram.token"),
        ({"moderator_chat_id": 12345}, "telegram.moderator_chat_id"),
        ({"moderator_user_ids": []}, "telegram.moderator_user_ids"),
        ({"moderator_chat_id": None}, "telegram.moderator_chat_id"),
        ({"base_url": "https://api.telegram.org/"}, "telegram.base_url"),
        ({"base_url": "api.telegram.org/bot"}, "telegram.base_url"),
        ({"webhook_url": "example.org/hook"}, "telegram.webhook_url"),
        ({"webhook_url": "https://example.org/h", "webhook_secret": "no spaces"}, "webhook_secret"),
        ({"token": None}, "telegram.token"),
        ({"owner_chat_ids": [GROUP_ID]}, "telegram.owner_chat_ids"),
        (
            {"moderator_chat_id": None, "moderator_user_ids": [], "owner_chat_ids": [777]},
            "telegram.owner_chat_ids",
        ),
    ],
)
def test_wrong_setting_is_one_clear_line(
    telegram: dict[str, Any], names: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HAVEN_TELEGRAM__TOKEN", raising=False)
    with pytest.raises(ConfigError) as caught:
        build(_settings(**telegram), _host())
    message = str(caught.value)
    assert names in message and "\n" not in message
    assert "TEST-TOKEN" not in message  # never echo a secret


async def test_rejected_token_is_one_clear_line(fake: FakeBotApi) -> None:
    from adapters.telegram import TelegramAdapter

    adapter = TelegramAdapter(telegram_settings(fake), "999:WRONG", _host())
    with pytest.raises(ConfigError, match=r"^telegram\.token: .*rejected"):
        await adapter.start()
    await adapter.stop()  # safe after a failed start


async def test_unknown_moderator_group_is_one_clear_line_but_people_are_served(
    fake: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    from adapters.telegram import TelegramAdapter

    adapter = TelegramAdapter(telegram_settings(fake, moderator_chat_id=-100555), TOKEN, _host())
    await adapter.start()
    try:
        [line] = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
        assert line.startswith("telegram.moderator_chat_id: ") and "-100555" in line
        assert adapter.application.running  # crisis replies never depend on the group
    finally:
        await adapter.stop()


async def test_unreachable_server_is_one_clear_line() -> None:
    from adapters.telegram import TelegramAdapter

    settings = Settings(telegram={"token": TOKEN, "base_url": "http://127.0.0.1:9/bot"})
    adapter = TelegramAdapter(settings.telegram, TOKEN, _host())
    with pytest.raises(ConfigError, match=r"^telegram\.base_url: cannot reach"):
        await adapter.start()
