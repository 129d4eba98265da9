"""Receives updates by webhook instead of long polling: a small aiohttp server that checks
Telegram's secret-token header and queues each update for the Application.

python-telegram-bot's own webhook server needs tornado; aiohttp is already one of Haven's
dependencies and runs in the shared event loop.
"""

from __future__ import annotations

import hmac
import json
import logging
from urllib.parse import urlsplit

from aiohttp import web
from telegram import Update
from telegram.ext import Application

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class WebhookReceiver:
    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        *,
        url: str,
        listen: str,
        port: int,
        secret: str | None,
    ) -> None:
        self._application = application
        self._url = url
        self._path = urlsplit(url).path or "/"
        self._listen = listen
        self._port = port
        self._secret = secret
        self._runner: web.AppRunner | None = None
        self.bound_port: int | None = None

    async def start(self, allowed_updates: list[str]) -> None:
        app = web.Application(client_max_size=1 << 20)
        app.router.add_post(self._path, self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._listen, self._port)
        await site.start()
        sockets = getattr(site._server, "sockets", None)
        if sockets:  # port 0: learn the real one
            self.bound_port = sockets[0].getsockname()[1]
        await self._application.bot.set_webhook(
            self._url, secret_token=self._secret, allowed_updates=allowed_updates
        )

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def _receive(self, request: web.Request) -> web.Response:
        if self._secret is not None:
            given = request.headers.get(SECRET_HEADER, "")
            if not hmac.compare_digest(given.encode(), self._secret.encode()):
                return web.Response(status=403)
        try:
            data = json.loads(await request.read())
            update = Update.de_json(data, self._application.bot)
        except (ValueError, TypeError, KeyError):
            log.warning("ignored a webhook request that is not a Telegram update")
            return web.Response(status=400)
        # Answer at once: Telegram redelivers when we are slow, and duplicates are dropped later.
        await self._application.update_queue.put(update)
        return web.Response(status=200)
