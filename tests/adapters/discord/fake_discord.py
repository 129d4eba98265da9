"""A small fake Discord (REST v10 + JSON gateway) on 127.0.0.1 for end-to-end adapter tests.

The real discord.py client talks to it over real HTTP and a real websocket: login, HELLO →
heartbeat → IDENTIFY → READY → GUILD_CREATE, DMs, slash commands and button interactions,
messages, typing, private threads, interaction callbacks and follow-up webhooks. It answers the
way Discord does where discord.py depends on it (exact `application/json` content type, `Via`
on 429s, URL-token auth for interaction callbacks). Every REST call is recorded; a route the
fake does not know answers 404 and is kept in `.unknown` so tests can assert none was hit.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

DISCORD_EPOCH_MS = 1420070400000
ALL_PERMISSIONS = str((1 << 50) - 1)
TOKEN = "fake-token"


def snowflakes() -> Iterator[str]:
    ms = int(time.time() * 1000) - DISCORD_EPOCH_MS
    for increment in itertools.count(1):
        yield str((ms << 22) | increment)


def iso_now() -> str:
    return dt.datetime.now(dt.UTC).isoformat()


def json_response(
    obj: Any, status: int = 200, headers: dict[str, str] | None = None
) -> web.Response:
    # discord.py parses a body only when Content-Type is exactly "application/json".
    response = web.Response(
        body=json.dumps(obj).encode(), status=status, headers={"Content-Type": "application/json"}
    )
    response.headers.update(headers or {})
    return response


@dataclass
class RestCall:
    method: str
    path: str
    body: Any
    query: dict[str, str]
    at: float = field(default_factory=time.monotonic)


@dataclass
class Failure:
    """An injected error for the next `times` calls matching method and path."""

    method: str
    path: str
    status: int
    body: dict[str, Any]
    headers: dict[str, str]
    times: int = 1


class FakeDiscord:
    """One fake Discord with one guild; build the world, start(), then drive events."""

    def __init__(self) -> None:
        self._ids = snowflakes()
        self.app_id = self.new_id()
        self.bot_user = self._user_obj(self.app_id, "haven", bot=True)
        self.calls: list[RestCall] = []
        self.unknown: list[RestCall] = []
        self.failures: list[Failure] = []
        self.messages: dict[str, dict[str, Any]] = {}
        self.channels: dict[str, dict[str, Any]] = {}  # guild channels and threads by id
        self.dm_channels: dict[str, dict[str, Any]] = {}  # by recipient user id
        self.closed_dms: set[str] = set()  # user ids whose DMs refuse the bot (403, 50007)
        self.interactions: dict[str, dict[str, Any]] = {}
        self.commands: list[dict[str, Any]] = []
        self.thread_members: dict[str, set[str]] = {}
        self.identify: dict[str, Any] | None = None
        self.heartbeats = 0
        self.connections = 0
        self._ws: web.WebSocketResponse | None = None
        self._seq = 0
        self._calls_changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0
        # the guild
        self.guild_id = self.new_id()
        self.moderator_role = {**self._role(self.new_id(), "Moderator"), "position": 1}
        self.roles = [self._role(self.guild_id, "@everyone"), self.moderator_role]
        self.members: dict[str, dict[str, Any]] = {}
        self._add_member(self.bot_user)
        self.guild_owner_id = self.app_id  # a test may hand the guild to a member
        self.moderator_channel = self._add_text_channel("moderators")
        self.general_channel = self._add_text_channel("general")

    # ------------------------------------------------------------------ world building
    def new_id(self) -> str:
        return next(self._ids)

    @staticmethod
    def _user_obj(user_id: str, name: str, *, bot: bool = False) -> dict[str, Any]:
        user = {
            "id": user_id,
            "username": name,
            "discriminator": "0",
            "global_name": name.title(),
            "avatar": None,
            "public_flags": 0,
        }
        if bot:
            user["bot"] = True
        return user

    def _role(self, role_id: str, name: str) -> dict[str, Any]:
        return {
            "id": role_id,
            "name": name,
            "permissions": ALL_PERMISSIONS if name != "@everyone" else "1024",
            "position": 0,
            "color": 0,
            "hoist": False,
            "managed": False,
            "mentionable": True,
            "flags": 0,
        }

    def user(self, name: str) -> dict[str, Any]:
        """Someone outside the guild who can DM the bot."""
        return self._user_obj(self.new_id(), name)

    def member(self, name: str, *, moderator: bool = False) -> dict[str, Any]:
        """A guild member; moderators carry the moderator role."""
        user = self._user_obj(self.new_id(), name)
        self._add_member(user, roles=[self.moderator_role["id"]] if moderator else [])
        return user

    def _add_member(self, user: dict[str, Any], roles: list[str] | None = None) -> None:
        self.members[user["id"]] = {
            "user": user,
            "roles": roles or [],
            "joined_at": iso_now(),
            "deaf": False,
            "mute": False,
            "flags": 0,
            "nick": None,
            "pending": False,
        }

    def _add_text_channel(self, name: str) -> dict[str, Any]:
        channel = {
            "id": self.new_id(),
            "type": 0,
            "guild_id": self.guild_id,
            "name": name,
            "position": len(self.channels),
            "permission_overwrites": [],
            "nsfw": False,
            "topic": None,
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "parent_id": None,
            "default_auto_archive_duration": 1440,
        }
        self.channels[channel["id"]] = channel
        return channel

    def threads(self) -> list[dict[str, Any]]:
        return [c for c in self.channels.values() if c["type"] in (11, 12)]

    def guild_payload(self) -> dict[str, Any]:
        return {
            "id": self.guild_id,
            "name": "Community",
            "icon": None,
            "owner_id": self.guild_owner_id,
            "roles": self.roles,
            "emojis": [],
            "stickers": [],
            "features": [],
            "channels": [c for c in self.channels.values() if c["type"] not in (11, 12)],
            "threads": [t for t in self.threads() if not t["thread_metadata"]["archived"]],
            "members": [self.members[self.app_id]],
            "member_count": len(self.members),
            "large": False,
            "unavailable": False,
            "joined_at": iso_now(),
            "voice_states": [],
            "presences": [],
            "stage_instances": [],
            "guild_scheduled_events": [],
            "verification_level": 0,
            "default_message_notifications": 0,
            "explicit_content_filter": 0,
            "mfa_level": 0,
            "system_channel_flags": 0,
            "premium_tier": 0,
            "preferred_locale": "en-US",
            "nsfw_level": 0,
            "afk_timeout": 300,
        }

    def dm_channel_for(self, user: dict[str, Any]) -> dict[str, Any]:
        if user["id"] not in self.dm_channels:
            self.dm_channels[user["id"]] = {
                "id": self.new_id(),
                "type": 1,
                "recipients": [user],
                "last_message_id": None,
            }
        return self.dm_channels[user["id"]]

    def fail(
        self,
        method: str,
        path: str,
        status: int,
        body: dict[str, Any],
        headers: dict[str, str] | None = None,
        times: int = 1,
    ) -> None:
        self.failures.append(Failure(method, path, status, body, headers or {}, times))

    def rate_limit_next(self, method: str, path: str, retry_after: float = 0.2) -> None:
        self.fail(
            method,
            path,
            429,
            {"message": "You are being rate limited.", "retry_after": retry_after, "global": False},
            # discord.py treats a 429 without "Via" as a Cloudflare ban and does not retry
            {
                "Retry-After": str(retry_after),
                "X-RateLimit-Scope": "user",
                "X-RateLimit-Limit": "5",
                "X-RateLimit-Remaining": "0",
                "X-RateLimit-Reset-After": str(retry_after),
                "X-RateLimit-Bucket": "fake-bucket",
                "Via": "1.1 google",
            },
        )

    # ------------------------------------------------------------------ lifecycle
    async def start(self) -> FakeDiscord:
        app = web.Application()
        app.router.add_get("/gateway-ws", self._gateway)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        if self._ws is not None and not self._ws.closed:
            await self._ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def api_base(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway-ws"

    # ------------------------------------------------------------------ events to the bot
    async def dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None and not self._ws.closed, "the bot is not connected"
        self._seq += 1
        await self._ws.send_str(json.dumps({"op": 0, "t": event, "s": self._seq, "d": data}))

    def _message(
        self, channel_id: str, author: dict[str, Any], content: str, **extra: Any
    ) -> dict[str, Any]:
        message = {
            "id": self.new_id(),
            "channel_id": channel_id,
            "author": author,
            "content": content,
            "timestamp": iso_now(),
            "edited_timestamp": None,
            "tts": False,
            "mention_everyone": False,
            "mentions": [],
            "mention_roles": [],
            "attachments": [],
            "embeds": [],
            "pinned": False,
            "type": 0,
            "flags": 0,
            "components": [],
            **extra,
        }
        channel = self.channels.get(channel_id)
        if channel is not None:
            message["guild_id"] = self.guild_id
        self.messages[message["id"]] = message
        return message

    async def user_dms(
        self, author: dict[str, Any], content: str, *, image: str | None = None
    ) -> dict[str, Any]:
        """`author` writes to the bot in a DM (MESSAGE_CREATE without guild_id)."""
        channel = self.dm_channel_for(author)
        extra: dict[str, Any] = {}
        if image is not None:
            url = f"http://127.0.0.1:{self.port}/cdn/{image}"
            extra["attachments"] = [
                {
                    "id": self.new_id(),
                    "filename": image,
                    "size": 10,
                    "url": url,
                    "proxy_url": url,
                    "content_type": "image/png",
                    "width": 1,
                    "height": 1,
                }
            ]
        message = self._message(channel["id"], author, content, **extra)
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    async def member_says(
        self, author: dict[str, Any], content: str, channel: dict[str, Any]
    ) -> dict[str, Any]:
        """A guild member posts in a channel or thread (MESSAGE_CREATE with guild_id + member)."""
        member = {k: v for k, v in self.members[author["id"]].items() if k != "user"}
        message = self._message(channel["id"], author, content, member=member)
        await self.dispatch("MESSAGE_CREATE", message)
        return message

    def _interaction(self, user: dict[str, Any], channel: dict[str, Any], **data: Any) -> dict:
        interaction: dict[str, Any] = {
            "id": self.new_id(),
            "application_id": self.app_id,
            "token": "itoken-" + self.new_id(),
            "version": 1,
            "channel_id": channel["id"],
            "channel": channel,
            "app_permissions": ALL_PERMISSIONS,
            "locale": "en-GB",
            "entitlements": [],
            "attachment_size_limit": 10 << 20,
            **data,
        }
        if channel.get("guild_id"):
            interaction.update(
                guild_id=self.guild_id,
                guild={"id": self.guild_id, "locale": "en-US", "features": []},
                guild_locale="en-US",
                member={**self.members[user["id"]], "permissions": ALL_PERMISSIONS},
                authorizing_integration_owners={"0": self.guild_id},
                context=0,
            )
        else:
            interaction.update(user=user, authorizing_integration_owners={"0": "0"}, context=1)
        self.interactions[interaction["id"]] = interaction
        return interaction

    async def click(
        self, user: dict[str, Any], message: dict[str, Any], custom_id: str
    ) -> dict[str, Any]:
        """`user` presses a button on a bot message: INTERACTION_CREATE type 3."""
        channel = self.channels.get(message["channel_id"]) or next(
            c for c in self.dm_channels.values() if c["id"] == message["channel_id"]
        )
        interaction = self._interaction(
            user,
            channel,
            type=3,
            message=self.messages[message["id"]],
            data={"custom_id": custom_id, "component_type": 2},
        )
        await self.dispatch("INTERACTION_CREATE", interaction)
        return interaction

    async def slash(self, user: dict[str, Any], name: str, **options: str) -> dict[str, Any]:
        """`user` runs a slash command in their DM with the bot: INTERACTION_CREATE type 2."""
        for _ in range(250):  # the bot registers its commands in the background after READY
            if self.commands:
                break
            await asyncio.sleep(0.02)
        command = next((c for c in self.commands if c["name"] == name), None)
        assert command is not None, f"/{name} was never registered with PUT .../commands"
        interaction = self._interaction(
            user,
            self.dm_channel_for(user),
            type=2,
            data={
                "id": command["id"],
                "name": name,
                "type": 1,
                "options": [{"name": k, "type": 3, "value": v} for k, v in options.items()],
            },
        )
        await self.dispatch("INTERACTION_CREATE", interaction)
        return interaction

    # ------------------------------------------------------------------ observing
    async def wait_for(
        self,
        method: str,
        path: Callable[[str], bool] | str,
        body: Callable[[Any], bool] = lambda _: True,
        within: float = 5.0,
    ) -> RestCall:
        """The first recorded call that matches, waiting for it if need be."""
        matches_path = path if callable(path) else (lambda p: p == path)

        def find() -> RestCall | None:
            for call in self.calls:
                if call.method == method and matches_path(call.path) and body(call.body):
                    return call
            return None

        async with self._calls_changed:
            return await asyncio.wait_for(self._calls_changed.wait_for(find), within)

    def sent_to(self, channel_id: str) -> list[dict[str, Any]]:
        """Messages the bot created in a channel, oldest first."""
        return [
            m
            for m in self.messages.values()
            if m["channel_id"] == channel_id and m["author"]["id"] == self.app_id
        ]

    def posts(self, path: str) -> list[RestCall]:
        return [c for c in self.calls if c.method == "POST" and c.path == path]

    # ------------------------------------------------------------------ gateway
    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
        self.connections += 1
        # discord.py asks for zlib-stream; plain TEXT frames are accepted (only bytes inflate).
        await ws.send_str(json.dumps({"op": 10, "d": {"heartbeat_interval": 41250}}))
        async for frame in ws:
            if frame.type != WSMsgType.TEXT:
                continue
            payload = json.loads(frame.data)
            op = payload.get("op")
            if op == 1:
                self.heartbeats += 1
                await ws.send_str(json.dumps({"op": 11}))
            elif op == 2:
                self.identify = payload["d"]
                if payload["d"].get("token") != TOKEN:
                    await ws.close(code=4004, message=b"Authentication failed.")
                    break
                await self.dispatch(
                    "READY",
                    {
                        "v": 10,
                        "user": self.bot_user,
                        "session_id": "session-" + self.new_id(),
                        "resume_gateway_url": self.gateway_url,
                        "guilds": [{"id": self.guild_id, "unavailable": True}],
                        "application": {"id": self.app_id, "flags": 0},
                        "private_channels": [],
                        "relationships": [],
                        "presences": [],
                        "geo_ordered_rtc_regions": [],
                    },
                )
                await self.dispatch("GUILD_CREATE", self.guild_payload())
            elif op == 6:
                await self.dispatch("RESUMED", {})
        return ws

    # ------------------------------------------------------------------ REST
    async def _body(self, request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type == "application/json":
            return await request.json()
        if request.content_type.startswith("multipart/"):
            form = await request.post()
            body = json.loads(str(form.get("payload_json", "{}")))
            body["_files"] = {
                f.filename: f.file.read() for f in form.values() if isinstance(f, web.FileField)
            }
            return body
        return await request.text()

    async def _rest(self, request: web.Request) -> web.StreamResponse:
        path = "/" + request.match_info["path"]
        body = await self._body(request)
        call = RestCall(request.method, path, body, dict(request.query))
        async with self._calls_changed:
            self.calls.append(call)
            self._calls_changed.notify_all()
        by_url_token = path.startswith(("/interactions/", "/webhooks/"))
        if not by_url_token and request.headers.get("Authorization") != f"Bot {TOKEN}":
            return json_response({"message": "401: Unauthorized", "code": 0}, 401)
        for failure in self.failures:
            if failure.method == request.method and failure.path == path and failure.times > 0:
                failure.times -= 1
                return json_response(failure.body, failure.status, failure.headers)
        try:
            response = await self._route(request.method, path, body or {})
        except KeyError as exc:
            return json_response({"message": f"Unknown {exc}", "code": 10003}, 404)
        if response is None:
            self.unknown.append(call)
            return json_response({"message": "404: Not Found", "code": 0}, 404)
        return response

    async def _route(self, method: str, path: str, body: Any) -> web.StreamResponse | None:
        parts = path.strip("/").split("/")
        if method == "GET" and path == "/users/@me":
            return json_response(self.bot_user)
        if method == "GET" and path == "/oauth2/applications/@me":
            return json_response(
                {
                    "id": self.app_id,
                    "name": "Haven",
                    "icon": None,
                    "description": "",
                    "bot_public": False,
                    "bot_require_code_grant": False,
                    "verify_key": "0" * 64,
                    "flags": 0,
                    "owner": self._user_obj(self.new_id(), "owner"),
                    "team": None,
                    "summary": "",
                }
            )
        if method == "GET" and path in ("/gateway", "/gateway/bot"):
            return json_response({"url": self.gateway_url, "shards": 1})
        if method == "POST" and path == "/users/@me/channels":
            uid = str(body["recipient_id"])
            member = self.members.get(uid)
            user = member["user"] if member else self._user_obj(uid, "someone")
            return json_response(self.dm_channel_for(user))
        if parts[0] == "applications" and parts[-1] == "commands" and method == "PUT":
            self.commands = [
                {**c, "id": self.new_id(), "application_id": self.app_id, "version": "1"}
                for c in body
            ]
            return json_response(self.commands)
        if parts[0] == "channels":
            return await self._channel_route(method, parts[1:], body)
        if parts[0] == "interactions" and parts[-1] == "callback" and method == "POST":
            return await self._interaction_callback(parts[1], body)
        if parts[0] == "webhooks" and len(parts) >= 3:
            return await self._webhook(method, parts[2], parts[3:], body)
        return None

    def _channel(self, channel_id: str) -> dict[str, Any]:
        if channel_id in self.channels:
            return self.channels[channel_id]
        for dm in self.dm_channels.values():
            if dm["id"] == channel_id:
                return dm
        raise KeyError("Channel")

    async def _channel_route(
        self, method: str, parts: list[str], body: Any
    ) -> web.StreamResponse | None:
        channel_id, rest = parts[0], parts[1:]
        channel = self._channel(channel_id)
        if method == "GET" and not rest:
            return json_response(channel)
        if method == "PATCH" and not rest and channel["type"] in (11, 12):
            metadata = channel["thread_metadata"]
            for key in ("archived", "locked", "auto_archive_duration", "invitable"):
                if key in body:
                    metadata[key] = body[key]
            if "name" in body:
                channel["name"] = body["name"]
            await self.dispatch("THREAD_UPDATE", channel)
            return json_response(channel)
        if method == "POST" and rest == ["typing"]:
            return web.Response(status=204)
        if method == "POST" and rest == ["messages"]:
            return await self._bot_message(channel, body)
        if method == "PATCH" and len(rest) == 2 and rest[0] == "messages":
            message = self.messages[rest[1]]
            for key in ("content", "embeds", "components"):
                if key in body:
                    message[key] = body[key]
            message["edited_timestamp"] = iso_now()
            return json_response(message)
        if method == "POST" and rest == ["threads"]:
            return await self._create_thread(channel, body)
        if method == "PUT" and len(rest) == 2 and rest[0] == "thread-members":
            self.thread_members.setdefault(channel_id, set()).add(rest[1])
            return web.Response(status=204)
        return None

    async def _bot_message(self, channel: dict[str, Any], body: dict[str, Any]) -> web.Response:
        if channel["type"] == 1:
            recipient = channel["recipients"][0]["id"]
            if recipient in self.closed_dms:
                return json_response(
                    {"message": "Cannot send messages to this user", "code": 50007}, 403
                )
        if channel["type"] in (11, 12) and channel["thread_metadata"]["locked"]:
            return json_response({"message": "Thread is locked", "code": 50083}, 400)
        if not (body.get("content") or body.get("embeds") or body.get("_files")):
            return json_response({"message": "Cannot send an empty message", "code": 50006}, 400)
        if len(body.get("content") or "") > 2000:
            return json_response(
                {"message": "Invalid Form Body", "code": 50035, "errors": {"content": {}}}, 400
            )
        message = self._message(
            channel["id"],
            self.bot_user,
            body.get("content") or "",
            embeds=body.get("embeds") or [],
            components=body.get("components") or [],
            attachments=[
                {
                    "id": self.new_id(),
                    "filename": name,
                    "size": len(data),
                    "url": "",
                    "proxy_url": "",
                }
                for name, data in (body.get("_files") or {}).items()
            ],
        )
        if channel["type"] in (11, 12):
            channel["thread_metadata"]["archived"] = False  # a new message unarchives
        if self._ws is not None and not self._ws.closed:
            await self.dispatch("MESSAGE_CREATE", message)  # Discord echoes the bot's own
        return json_response(message)

    def _attachments(self, body: dict[str, Any]) -> list[dict[str, Any]]:
        files = body.get("_files") or {}
        return [
            {"id": self.new_id(), "filename": name, "size": len(data), "url": "", "proxy_url": ""}
            for name, data in files.items()
        ]

    async def _create_thread(self, parent: dict[str, Any], body: dict[str, Any]) -> web.Response:
        thread = {
            "id": self.new_id(),
            "type": body.get("type", 12),
            "guild_id": self.guild_id,
            "parent_id": parent["id"],
            "owner_id": self.app_id,
            "name": body["name"],
            "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0,
            "member_count": 1,
            "flags": 0,
            "thread_metadata": {
                "archived": False,
                "auto_archive_duration": body.get("auto_archive_duration", 1440),
                "archive_timestamp": iso_now(),
                "locked": False,
                "invitable": body.get("invitable", True),
                "create_timestamp": iso_now(),
            },
        }
        self.channels[thread["id"]] = thread
        self.thread_members[thread["id"]] = {self.app_id}
        await self.dispatch("THREAD_CREATE", {**thread, "newly_created": True})
        return json_response(thread, 201)

    async def _interaction_callback(
        self, interaction_id: str, body: dict[str, Any]
    ) -> web.Response:
        interaction = self.interactions[interaction_id]
        kind, data = body["type"], body.get("data") or {}
        interaction["responded"] = kind
        result: dict[str, Any] = {
            "interaction": {
                "id": interaction_id,
                "type": interaction["type"],
                "response_message_loading": kind == 5,
                "response_message_ephemeral": bool(data.get("flags", 0) & 64),
            }
        }
        if kind == 7:  # UPDATE_MESSAGE: the clicked message changes in place
            message = self.messages[interaction["message"]["id"]]
            for key in ("content", "embeds", "components"):
                if key in data:
                    message[key] = data[key]
            result["interaction"]["response_message_id"] = message["id"]
            result["resource"] = {"type": 7, "message": message}
        elif kind in (4, 5):  # a new message (5: a "thinking…" placeholder)
            message = self._message(
                interaction["channel_id"],
                self.bot_user,
                data.get("content", ""),
                embeds=data.get("embeds") or [],
                components=data.get("components") or [],
                flags=data.get("flags", 0) | (128 if kind == 5 else 0),
                interaction_metadata={
                    "id": interaction_id,
                    "type": interaction["type"],
                    "user": interaction.get("user") or interaction["member"]["user"],
                    "authorizing_integration_owners": interaction["authorizing_integration_owners"],
                },
            )
            interaction["original_id"] = message["id"]
            result["interaction"]["response_message_id"] = message["id"]
            result["resource"] = {"type": kind, "message": message}
        elif kind == 6:
            result["resource"] = {"type": 6}
        return json_response(result)

    async def _webhook(
        self, method: str, token: str, rest: list[str], body: Any
    ) -> web.Response | None:
        interaction = next(i for i in self.interactions.values() if i["token"] == token)
        if method == "POST" and not rest:  # a follow-up message
            original = interaction.get("original_id")
            if interaction.get("responded") == 5 and original and not interaction.get("edited"):
                # The first follow-up after a "thinking" defer replaces the placeholder.
                interaction["edited"] = True
                message = self.messages[original]
                message.update(content=body.get("content") or "", flags=body.get("flags", 0))
                message["embeds"] = body.get("embeds") or []
                message["components"] = body.get("components") or []
                message["attachments"] = self._attachments(body)
                return json_response(message)
            message = self._message(
                interaction["channel_id"],
                self.bot_user,
                body.get("content") or "",
                embeds=body.get("embeds") or [],
                components=body.get("components") or [],
                flags=body.get("flags", 0),
            )
            return json_response(message)
        if rest[:2] == ["messages", "@original"] and method == "PATCH":
            message = self.messages[interaction["original_id"]]
            for key in ("content", "embeds", "components"):
                if key in body:
                    message[key] = body[key]
            return json_response(message)
        if rest[:2] == ["messages", "@original"] and method == "DELETE":
            self.messages.pop(interaction["original_id"], None)
            return web.Response(status=204)
        return None
