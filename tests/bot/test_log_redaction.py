"""No secret reaches a log line: records from our code and from real libraries are scanned."""

from __future__ import annotations

import io
import logging
import urllib.parse
from collections.abc import Iterator

import httpx
import pytest
from aiohttp import web

from bot.logging_setup import QUIET_LOGGERS, REDACTED, SILENT_LOGGERS, configure_logging
from storage.crypto import generate_key

TOKEN = "7012345678:AAH-f4k3_T0k3n-for/tests+only="
KEY = generate_key()
SECRETS = [TOKEN, KEY]


@pytest.fixture
def captured() -> Iterator[io.StringIO]:
    """Haven's logging into a buffer; the global logging state is restored afterwards."""
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, logging.getLogRecordFactory())
    levels = {
        name: logging.getLogger(name).level
        for name in (*QUIET_LOGGERS, *SILENT_LOGGERS, "telegram")
    }
    buffer = io.StringIO()
    configure_logging("DEBUG", SECRETS, stream=buffer)
    yield buffer
    for handler in list(root.handlers):
        if handler not in saved[0]:
            root.removeHandler(handler)
    for handler in root.handlers:
        for f in list(handler.filters):
            handler.removeFilter(f)
    root.setLevel(saved[1])
    logging.setLogRecordFactory(saved[2])
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)


def assert_clean(text: str) -> None:
    for secret in SECRETS:
        for form in (secret, urllib.parse.quote(secret, safe=""), urllib.parse.quote(secret)):
            assert form not in text, f"a secret leaked: {form!r}"


def test_secrets_in_messages_args_exceptions_and_stacks_are_redacted(
    captured: io.StringIO,
) -> None:
    log = logging.getLogger("haven.test")
    log.info("token is %s and key is %r", TOKEN, KEY)
    log.warning(f"inline {TOKEN}")
    log.info("in a dict: %s", {"headers": {"Authorization": f"Bot {TOKEN}"}})
    log.info("quoted: %s", urllib.parse.quote(TOKEN, safe=""))
    try:
        raise RuntimeError(f"connect failed for https://api.telegram.org/bot{TOKEN}/getMe")
    except RuntimeError:
        log.exception("request failed")
    log.info("with stack %s", KEY, stack_info=True)
    text = captured.getvalue()
    assert_clean(text)
    assert text.count(REDACTED) >= 7
    assert "request failed" in text and "RuntimeError: connect failed" in text


def test_broken_format_arguments_do_not_spill_secrets(
    captured: io.StringIO, capsys: pytest.CaptureFixture[str]
) -> None:
    logging.getLogger("haven.test").info("two %s %s but one given", TOKEN)
    assert_clean(captured.getvalue() + capsys.readouterr().err)
    assert "but one given" in captured.getvalue()


def test_handlers_added_later_see_redacted_records(captured: io.StringIO) -> None:
    late = io.StringIO()
    handler = logging.StreamHandler(late)
    logging.getLogger("discord.client").addHandler(handler)
    try:
        logging.getLogger("discord.client").warning("login with %s", TOKEN)
    finally:
        logging.getLogger("discord.client").removeHandler(handler)
    assert "login with" in late.getvalue()
    assert_clean(late.getvalue() + captured.getvalue())


def test_library_loggers_are_redacted(captured: io.StringIO) -> None:
    for name in ("discord.http", "discord.gateway", "telegram.ext.Updater", "httpcore", "aiohttp"):
        logging.getLogger(name).warning("%s saw https://x/bot%s/getUpdates", name, TOKEN)
    text = captured.getvalue()
    assert_clean(text)
    assert text.count("getUpdates") == 5


def test_httpx_request_lines_carry_no_token(captured: io.StringIO) -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"ok": True}))
    with httpx.Client(transport=transport) as client:
        client.post(f"https://api.telegram.org/bot{TOKEN}/getMe")
    text = captured.getvalue()
    assert "HTTP Request: POST https://api.telegram.org/bot" in text  # it was logged
    assert_clean(text)


async def test_python_telegram_bot_against_a_local_server_logs_no_token(
    captured: io.StringIO,
) -> None:
    """The real library talks to a loopback Bot API; its own logs and httpx's are scanned."""
    from telegram import Bot
    from telegram.error import InvalidToken

    async def api(request: web.Request) -> web.Response:
        if request.path.rsplit("/", 1)[-1] == "getMe":
            user = {"id": 7012345678, "is_bot": True, "first_name": "Haven", "username": "hv_bot"}
            return web.json_response({"ok": True, "result": user})
        failure = {"ok": False, "error_code": 401, "description": "Unauthorized"}
        return web.json_response(failure, status=401)

    app = web.Application()
    app.router.add_post("/{path:.*}", api)  # the token itself holds a "/"
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{port}/bot")
        async with bot:
            me = await bot.get_me()
            assert me.username == "hv_bot"
            with pytest.raises(InvalidToken):
                await bot.send_message(chat_id=1, text="hello")
    finally:
        await runner.cleanup()
    text = captured.getvalue()
    assert "getMe" in text  # the library did log its calls
    assert_clean(text)


def test_transport_loggers_default_to_warning_and_sql_parameters_stay_quiet() -> None:
    root = logging.getLogger()
    saved = (list(root.handlers), root.level, logging.getLogRecordFactory())
    levels = {name: logging.getLogger(name).level for name in (*QUIET_LOGGERS, *SILENT_LOGGERS)}
    try:
        configure_logging("INFO", SECRETS, stream=io.StringIO())
        configure_logging("INFO", SECRETS, stream=io.StringIO())  # again: no stacking
        assert all(logging.getLogger(n).level == logging.WARNING for n in QUIET_LOGGERS)
        assert [h.name for h in root.handlers].count("haven") == 1
        configure_logging("DEBUG", SECRETS, stream=io.StringIO())
        assert logging.getLogger("httpx").level == logging.NOTSET  # DEBUG shows transports ...
        assert all(logging.getLogger(n).level == logging.WARNING for n in SILENT_LOGGERS)
    finally:
        for handler in list(root.handlers):
            if handler not in saved[0]:
                root.removeHandler(handler)
        for handler in root.handlers:
            for f in list(handler.filters):
                handler.removeFilter(f)
        root.setLevel(saved[1])
        logging.setLogRecordFactory(saved[2])
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
