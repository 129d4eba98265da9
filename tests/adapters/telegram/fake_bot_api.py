"""A fake Telegram Bot API server on 127.0.0.1 (aiohttp) that speaks the real protocol:
`POST /bot<token>/<method>` with form-encoded (or multipart, or JSON) parameters, answers in the
`{"ok": ..., "result" | "error_code", "description", "parameters"}` envelope, long-polls
`getUpdates` and keeps each update until a later `offset` confirms it, as Telegram does.

Tests act as Telegram's users: `send_text`, `send_update`, `press`; and observe what the bot
did: `wait_for`, `sent`, `messages`. Faults: `fail`, `flood` (429 + retry_after), `block`.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# What a real Bot API server does with parameters: every non-string value arrives JSON-encoded.
_JSON_FIELDS = {
    "reply_markup", "entities", "caption_entities", "allowed_updates", "commands", "scope",
    "reply_parameters", "link_preview_options", "media", "show_alert", "cache_time",
    "chat_id", "message_id", "timeout", "offset", "limit", "drop_pending_updates",
    "message_thread_id", "reply_to_message_id", "allow_sending_without_reply",
    "disable_notification", "protect_content", "user_id", "icon_color",
}  # fmt: skip
MESSAGE_LIMIT = 4096
CALLBACK_DATA_LIMIT = 64


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class ApiError(Exception):
    def __init__(self, code: int, description: str, parameters: dict[str, Any] | None = None):
        super().__init__(description)
        self.code, self.description, self.parameters = code, description, parameters


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    status: int = 200
    at: float = field(default_factory=time.monotonic)


@dataclass
class _Fault:
    code: int
    description: str
    parameters: dict[str, Any] | None
    times: int
    when: Callable[[dict[str, Any]], bool]


class FakeBotApi:
    def __init__(
        self, token: str = "123456:TEST-TOKEN", bot_id: int = 123456, username: str = "haven_bot"
    ) -> None:
        self.token = token
        self.bot_user = {
            "id": bot_id, "is_bot": True, "first_name": "Haven", "username": username,
            "can_join_groups": True, "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }  # fmt: skip
        self.calls: list[Call] = []
        self.chats: dict[int, dict[str, Any]] = {}  # chats the bot can write to
        self.creators: dict[int, dict[str, Any]] = {}  # group id -> the person who created it
        self.blocked: set[int] = set()  # users who blocked the bot
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.commands: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] = {}
        self.delivered: list[dict[str, Any]] = []  # every update handed out, in order
        self._faults: dict[str, list[_Fault]] = {}
        self._pending: list[dict[str, Any]] = []
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._query_ids = itertools.count(1)
        self._updates = asyncio.Condition()
        self._calls = asyncio.Condition()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self.port = 0

    # ---- lifecycle -------------------------------------------------------------------------

    async def start(self) -> FakeBotApi:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        return self

    async def stop(self) -> None:
        async with self._updates:
            self._closing = True  # release long polls so the server can close
            self._updates.notify_all()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    # ---- the world: people and groups -------------------------------------------------------

    @staticmethod
    def person(user_id: int, first_name: str, username: str | None = None) -> dict[str, Any]:
        user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": first_name}
        if username:
            user["username"] = username
        user["language_code"] = "en"
        return user

    def private_chat(self, user: dict[str, Any]) -> dict[str, Any]:
        chat = {"id": user["id"], "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            chat["username"] = user["username"]
        return chat

    def add_group(
        self,
        chat_id: int,
        title: str = "Moderators",
        *,
        forum: bool = False,
        creator: dict[str, Any] | None = None,
    ) -> dict:
        chat = {"id": chat_id, "type": "supergroup", "title": title}
        if forum:
            chat["is_forum"] = True
        self.chats[chat_id] = chat
        if creator is not None:
            self.creators[chat_id] = creator
        return chat

    def block(self, user: dict[str, Any]) -> None:
        self.blocked.add(user["id"])

    # ---- acting as Telegram's users ---------------------------------------------------------

    async def send_update(self, payload: dict[str, Any]) -> dict[str, Any]:
        update = {"update_id": next(self._update_ids), **payload}
        async with self._updates:
            self._pending.append(update)
            self._updates.notify_all()
        return update

    def _new_message(self, chat: dict[str, Any], sender: dict[str, Any], **fields: Any) -> dict:
        message = {
            "message_id": next(self._ids_for(chat["id"])),
            "from": sender,
            "chat": chat,
            "date": int(time.time()),
            **fields,
        }
        self.messages[(chat["id"], message["message_id"])] = message
        return message

    async def send_text(
        self,
        user: dict[str, Any],
        text: str,
        *,
        chat: dict[str, Any] | None = None,
        reply_to: dict[str, Any] | None = None,
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A person writes `text`: in their private chat with the bot, or in `chat`."""
        chat = chat or self.private_chat(user)
        if chat["type"] == "private":
            self.chats.setdefault(chat["id"], chat)  # writing to a bot opens the chat
        fields: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            # Telegram marks commands with an entity; CommandHandler relies on it.
            fields["entities"] = [
                {"type": "bot_command", "offset": 0, "length": len(text.split()[0])}
            ]
        if reply_to is not None:
            fields["reply_to_message"] = _shallow(reply_to)
        if thread_id is not None:
            fields["message_thread_id"] = thread_id
            fields["is_topic_message"] = True
            if reply_to is None:  # in a topic every message replies to the topic's first one
                opener = self.messages.get((chat["id"], thread_id))
                if opener is not None:
                    fields["reply_to_message"] = _shallow(opener)
        message = self._new_message(chat, user, **fields)
        await self.send_update({"message": message})
        return message

    async def send_message_payload(self, user: dict[str, Any], **fields: Any) -> dict:
        """A private message with arbitrary content (a sticker, a photo, a voice note)."""
        chat = self.private_chat(user)
        self.chats.setdefault(chat["id"], chat)
        message = self._new_message(chat, user, **fields)
        await self.send_update({"message": message})
        return message

    async def press(self, message: dict[str, Any], user: dict[str, Any], data: str) -> str:
        """`user` presses the inline button with `data` under `message`."""
        query_id = str(next(self._query_ids))
        current = self.messages.get((message["chat"]["id"], message["message_id"]), message)
        await self.send_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user,
                    "message": current,
                    "chat_instance": str(abs(hash(message["chat"]["id"]))),
                    "data": data,
                }
            }
        )
        return query_id

    async def replay_unconfirmed(self, updates: list[dict[str, Any]]) -> None:
        """As if the bot crashed before confirming `updates`: Telegram hands them out again."""
        async with self._updates:
            self._pending = [*updates, *self._pending]
            self._updates.notify_all()

    # ---- faults -----------------------------------------------------------------------------

    def fail(
        self,
        method: str,
        code: int,
        description: str,
        parameters: dict[str, Any] | None = None,
        *,
        times: int = 1,
        when: Callable[[dict[str, Any]], bool] = lambda params: True,
    ) -> None:
        self._faults.setdefault(method, []).append(
            _Fault(code, description, parameters, times, when)
        )

    def flood(self, method: str, retry_after: int, **kwargs: Any) -> None:
        self.fail(
            method,
            429,
            f"Too Many Requests: retry after {retry_after}",
            {"retry_after": retry_after},
            **kwargs,
        )

    # ---- observing the bot ------------------------------------------------------------------

    def sent(self, method: str, **match: Any) -> list[dict[str, Any]]:
        """Successful calls of `method` whose params include `match`."""
        return [
            c.params
            for c in self.calls
            if c.method == method
            and c.status == 200
            and all(c.params.get(k) == v for k, v in match.items())
        ]

    def attempts(self, method: str) -> list[Call]:
        return [c for c in self.calls if c.method == method]

    async def wait_for(
        self,
        method: str,
        pred: Callable[[dict[str, Any]], bool] = lambda params: True,
        *,
        within: float = 5.0,
        count: int = 1,
    ) -> dict[str, Any]:
        """The `count`-th successful call of `method` matching `pred`."""

        def found() -> list[Call]:
            return [
                c for c in self.calls if c.method == method and c.status == 200 and pred(c.params)
            ]

        async with self._calls:
            await asyncio.wait_for(self._calls.wait_for(lambda: len(found()) >= count), within)
            return found()[count - 1].params

    def chat_messages(self, chat_id: int, *, from_bot: bool = True) -> list[dict[str, Any]]:
        return [
            m
            for (cid, _), m in sorted(self.messages.items())
            if cid == chat_id and m["from"].get("is_bot", False) == from_bot
        ]

    # ---- HTTP -------------------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        params: dict[str, Any] = dict(request.query)
        if request.content_type == "application/json":
            params.update(await request.json())
        elif request.can_read_body:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, web.FileField):
                    params[key] = {"filename": value.filename, "content": value.file.read()}
                else:
                    params[key] = value
        for key in list(params):
            if key in _JSON_FIELDS and isinstance(params[key], str):
                try:
                    params[key] = json.loads(params[key])
                except ValueError:
                    pass
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return _error(ApiError(401, "Unauthorized"))
        method = request.match_info["method"]
        params = await self._params(request)
        call = Call(method, params)
        try:
            self._injected_fault(method, params)
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            result = await handler(params)
            response = web.json_response({"ok": True, "result": result})
        except ApiError as exc:
            call.status = exc.code
            response = _error(exc)
        if method != "getUpdates" or call.status != 200:
            async with self._calls:
                self.calls.append(call)
                self._calls.notify_all()
        return response

    def _injected_fault(self, method: str, params: dict[str, Any]) -> None:
        for fault in self._faults.get(method, []):
            if fault.times > 0 and fault.when(params):
                fault.times -= 1
                raise ApiError(fault.code, fault.description, fault.parameters)

    # ---- Bot API methods --------------------------------------------------------------------

    async def _m_getMe(self, p: dict[str, Any]) -> dict[str, Any]:
        return self.bot_user

    async def _m_logOut(self, p: dict[str, Any]) -> bool:
        return True

    async def _m_deleteWebhook(self, p: dict[str, Any]) -> bool:
        self.webhook = {}
        if p.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _m_setWebhook(self, p: dict[str, Any]) -> bool:
        if not str(p.get("url", "")).startswith(("https://", "http://")):
            raise ApiError(400, "Bad Request: bad webhook: An HTTPS URL must be provided")
        self.webhook = p
        return True

    async def _m_getWebhookInfo(self, p: dict[str, Any]) -> dict[str, Any]:
        return {"url": self.webhook.get("url", ""), "has_custom_certificate": False,
                "pending_update_count": len(self._pending)}  # fmt: skip

    async def _m_getUpdates(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        if self.webhook.get("url"):
            raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(p.get("offset") or 0)
        timeout = float(p.get("timeout") or 0)
        limit = int(p.get("limit") or 100)
        async with self._updates:
            if offset:  # an offset confirms every update below it: they are gone for good
                self._pending = [u for u in self._pending if u["update_id"] >= offset]
            if not self._pending and timeout > 0 and not self._closing:
                try:
                    await asyncio.wait_for(
                        self._updates.wait_for(lambda: bool(self._pending) or self._closing),
                        timeout,
                    )
                except TimeoutError:
                    pass
            batch = self._pending[:limit]
            self.delivered.extend(u for u in batch if u not in self.delivered)
            return batch

    async def _m_setMyCommands(self, p: dict[str, Any]) -> bool:
        self.commands = p.get("commands", [])
        return True

    async def _m_deleteMyCommands(self, p: dict[str, Any]) -> bool:
        self.commands = []
        return True

    async def _m_getChat(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self.chats.get(int(p["chat_id"]))
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        return {**chat, "accent_color_id": 0, "max_reaction_count": 11}

    async def _m_getChatAdministrators(self, p: dict[str, Any]) -> list[dict[str, Any]]:
        chat_id = int(p["chat_id"])
        if chat_id not in self.chats:
            raise ApiError(400, "Bad Request: chat not found")
        creator = self.creators.get(chat_id)
        return (
            []
            if creator is None
            else [{"status": "creator", "user": creator, "is_anonymous": False}]
        )

    def _writable(self, chat_id: int) -> dict[str, Any]:
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        chat = self.chats.get(chat_id)
        if chat is None:  # the person never started a chat with the bot
            raise ApiError(400, "Bad Request: chat not found")
        return chat

    def _ids_for(self, chat_id: int) -> itertools.count[int]:
        return self._message_ids.setdefault(chat_id, itertools.count(1))

    def _check_markup(self, p: dict[str, Any]) -> dict[str, Any] | None:
        markup = p.get("reply_markup")
        if not markup or "inline_keyboard" not in markup:
            return None
        for row in markup["inline_keyboard"]:
            for button in row:
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode()) <= CALLBACK_DATA_LIMIT:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
        return markup

    def _reply_target(self, chat_id: int, p: dict[str, Any]) -> dict[str, Any] | None:
        parameters = p.get("reply_parameters") or {}
        target_id = parameters.get("message_id") or p.get("reply_to_message_id")
        if not target_id:
            return None
        target = self.messages.get((chat_id, int(target_id)))
        allow = parameters.get("allow_sending_without_reply") or p.get(
            "allow_sending_without_reply"
        )
        if target is None and not allow:
            raise ApiError(400, "Bad Request: message to be replied not found")
        return target

    def _post(self, chat_id: int, p: dict[str, Any], **fields: Any) -> dict[str, Any]:
        chat = self._writable(chat_id)
        markup = self._check_markup(p)
        if markup is not None:
            fields["reply_markup"] = markup
        target = self._reply_target(chat_id, p)
        thread_id = p.get("message_thread_id")
        if thread_id:
            if not chat.get("is_forum"):
                raise ApiError(400, "Bad Request: message thread not found")
            fields["message_thread_id"] = int(thread_id)
            fields["is_topic_message"] = True
            target = target or self.messages.get((chat_id, int(thread_id)))
        if target is not None:
            fields["reply_to_message"] = _shallow(target)
        return self._new_message(chat, self.bot_user, **fields)

    async def _m_sendMessage(self, p: dict[str, Any]) -> dict[str, Any]:
        text = str(p.get("text", ""))
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if utf16_len(text) > MESSAGE_LIMIT:
            raise ApiError(400, "Bad Request: message is too long")
        return self._post(int(p["chat_id"]), p, text=text)

    async def _m_sendDocument(self, p: dict[str, Any]) -> dict[str, Any]:
        document = p.get("document")
        if not isinstance(document, dict):
            raise ApiError(400, "Bad Request: there is no document in the request")
        info = {
            "file_id": f"doc{len(self.messages)}",
            "file_unique_id": "u",
            "file_name": document["filename"],
            "file_size": len(document["content"]),
        }
        return self._post(int(p["chat_id"]), p, document=info)

    async def _m_sendChatAction(self, p: dict[str, Any]) -> bool:
        self._writable(int(p["chat_id"]))
        return True

    async def _m_answerCallbackQuery(self, p: dict[str, Any]) -> bool:
        if len(str(p.get("text", ""))) > 200:
            raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
        return True

    def _editable(self, p: dict[str, Any]) -> dict[str, Any]:
        key = (int(p["chat_id"]), int(p["message_id"]))
        message = self.messages.get(key)
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if not message["from"].get("is_bot"):
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    async def _m_editMessageText(self, p: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(p)
        markup = self._check_markup(p)
        if message.get("text") == p["text"] and message.get("reply_markup") == markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message content and reply "
                "markup are exactly the same as a current content and reply markup of the message",
            )
        edited = {k: v for k, v in message.items() if k != "reply_markup"}
        edited.update(text=p["text"], edit_date=int(time.time()))
        if markup is not None:
            edited["reply_markup"] = markup
        self.messages[(message["chat"]["id"], message["message_id"])] = edited
        return edited

    async def _m_editMessageReplyMarkup(self, p: dict[str, Any]) -> dict[str, Any]:
        message = self._editable(p)
        markup = self._check_markup(p)
        edited = {k: v for k, v in message.items() if k != "reply_markup"}
        if markup is not None:
            edited["reply_markup"] = markup
        self.messages[(message["chat"]["id"], message["message_id"])] = edited
        return edited

    async def _m_createForumTopic(self, p: dict[str, Any]) -> dict[str, Any]:
        chat = self._writable(int(p["chat_id"]))
        if not chat.get("is_forum"):
            raise ApiError(400, "Bad Request: the chat is not a forum")
        name = str(p.get("name", ""))
        if not 1 <= len(name) <= 128:
            raise ApiError(400, "Bad Request: TOPIC_TITLE_EMPTY")
        opener = self._new_message(
            chat, self.bot_user, forum_topic_created={"name": name, "icon_color": 7322096}
        )
        opener["message_thread_id"] = opener["message_id"]
        return {"message_thread_id": opener["message_id"], "name": name, "icon_color": 7322096}

    async def _m_closeForumTopic(self, p: dict[str, Any]) -> bool:
        self._writable(int(p["chat_id"]))
        return True

    async def _m_deleteMessage(self, p: dict[str, Any]) -> bool:
        if self.messages.pop((int(p["chat_id"]), int(p["message_id"])), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True


def _shallow(message: dict[str, Any]) -> dict[str, Any]:
    """Telegram nests only one level of reply_to_message."""
    return {k: v for k, v in message.items() if k != "reply_to_message"}


def _error(exc: ApiError) -> web.Response:
    body: dict[str, Any] = {"ok": False, "error_code": exc.code, "description": exc.description}
    if exc.parameters:
        body["parameters"] = exc.parameters
    return web.json_response(body, status=exc.code)
