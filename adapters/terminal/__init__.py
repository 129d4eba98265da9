"""The terminal edge: `haven chat` talks to the same core as Discord and Telegram."""
