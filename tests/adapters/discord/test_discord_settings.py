"""[discord] settings: no token means no adapter; anything else wrong is one clear line."""

from __future__ import annotations

from typing import Any

import discord.gateway
import discord.http
import pytest

from adapters.discord import build
from adapters.discord.endpoints import Redirect
from bot.config import ConfigError
from bot.ports import AdapterHost


def host() -> AdapterHost:
    return AdapterHost(conversations=object(), moderation=object())  # type: ignore[arg-type]


def test_no_token_means_no_discord_adapter(make_settings: Any) -> None:
    assert build(make_settings(), host()) is None


@pytest.mark.parametrize(
    ("section", "key"),
    [
        ({}, "discord.moderator_channel_id:"),
        ({"moderator_channel_id": 1}, "discord.moderator_role_ids:"),
        (
            {"moderator_channel_id": 1, "moderator_role_ids": [2], "api_base": "discord.com"},
            "discord.api_base:",
        ),
        (
            {"moderator_channel_id": 1, "moderator_user_ids": [3], "gateway_url": "https://x"},
            "discord.gateway_url:",
        ),
    ],
)
def test_a_missing_or_wrong_setting_is_one_line_naming_the_key(
    make_settings: Any, section: dict[str, Any], key: str
) -> None:
    settings = make_settings(discord={"token": "t", **section})
    with pytest.raises(ConfigError) as raised:
        build(settings, host())
    assert str(raised.value).startswith(key) and "\n" not in str(raised.value)


def test_token_from_the_environment_builds_and_registers_the_adapter(
    make_settings: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HAVEN_DISCORD__TOKEN", "Bot secret-token")
    the_host = host()
    adapter = build(
        make_settings(discord={"moderator_channel_id": 1, "moderator_role_ids": [2]}), the_host
    )
    assert adapter is not None and adapter.name == "discord"
    assert the_host.messengers["discord"] is adapter.members
    assert the_host.moderator_channels["discord"] is adapter.moderators


def test_redirect_sets_and_restores_the_two_process_globals() -> None:
    before = (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY)
    redirect = Redirect("http://127.0.0.1:9/api/v10/", "ws://127.0.0.1:9/gw")
    redirect.apply()
    try:
        assert discord.http.Route.BASE == "http://127.0.0.1:9/api/v10"
        assert str(discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == "ws://127.0.0.1:9/gw"
        assert discord.http.Route("GET", "/users/@me").url.startswith("http://127.0.0.1:9/")
    finally:
        redirect.undo()
    assert (discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY) == before
