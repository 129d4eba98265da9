"""Telegram edge: private chats with people and the moderator group, via python-telegram-bot."""

from adapters.telegram.adapter import TelegramAdapter, build

__all__ = ["TelegramAdapter", "build"]
