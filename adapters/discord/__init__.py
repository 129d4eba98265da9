"""Discord adapter: members DM the bot; moderators get alerts with buttons and case threads."""

from adapters.discord.adapter import DiscordAdapter, build, check_settings

__all__ = ["DiscordAdapter", "build", "check_settings"]
