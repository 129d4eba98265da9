"""Point discord.py at a Discord-compatible server (`[discord] api_base` / `gateway_url`).

discord.py reads its REST base from the class attribute `discord.http.Route.BASE` (also used by
interaction callbacks and webhooks) and its gateway from `DiscordWebSocket.DEFAULT_GATEWAY`;
neither can be set per client, so these two class attributes are the only process-global state
the adapter touches. `Redirect` sets them while a client runs and puts the old values back.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import Route

DEFAULT_API_BASE = "https://discord.com/api/v10"
DEFAULT_GATEWAY_URL = "wss://gateway.discord.gg"


def normalise_api_base(url: str) -> str:
    return url.rstrip("/")


def gateway_url(url: str) -> yarl.URL:
    """The gateway URL as discord.py wants it (the default has a trailing slash)."""
    parsed = yarl.URL(url)
    return parsed if parsed.path not in ("", "/") else parsed.with_path("/")


@dataclass
class Redirect:
    """Sets Route.BASE and DEFAULT_GATEWAY for one running client; undo() restores them."""

    api_base: str
    gateway: str
    _saved: tuple[str, yarl.URL] | None = field(default=None, init=False)

    def apply(self) -> None:
        if self._saved is None:
            self._saved = (Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY)
        Route.BASE = normalise_api_base(self.api_base)
        DiscordWebSocket.DEFAULT_GATEWAY = gateway_url(self.gateway)

    def undo(self) -> None:
        if self._saved is None:
            return
        Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = self._saved
        self._saved = None
