"""Split a long reply into platform-sized messages at paragraph, line, sentence or word ends.

Platforms count differently (Discord: characters; Telegram: UTF-16 code units), so the caller
passes how one character counts.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def utf16_units(char: str) -> int:
    """Telegram's measure: characters outside the Basic Multilingual Plane count twice."""
    return 2 if ord(char) > 0xFFFF else 1


def split_message(
    text: str, limit: int, char_size: Callable[[str], int] = lambda _: 1
) -> list[str]:
    """Pieces of at most `limit` units, preferring the most natural break that fits."""
    if limit < 2:
        raise ValueError("limit must be at least 2")
    text = text.strip()
    pieces: list[str] = []
    while _fitting_prefix(text, limit, char_size) < len(text):
        cut = _best_cut(text, limit, char_size)
        head, text = text[:cut].rstrip(), text[cut:].lstrip()
        if head:
            pieces.append(head)
    if text:
        pieces.append(text)
    return pieces


def _fitting_prefix(text: str, limit: int, char_size: Callable[[str], int]) -> int:
    """How many characters of `text` fit in `limit` units (never splits a character)."""
    units = 0
    for index, char in enumerate(text):
        units += char_size(char)
        if units > limit:
            return index
    return len(text)


def _best_cut(text: str, limit: int, char_size: Callable[[str], int]) -> int:
    fits = _fitting_prefix(text, limit, char_size)
    window = text[: fits + 1]  # one more, so a break right after the limit still counts
    floor = fits // 3  # never cut so early that we make many tiny messages
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator)
        if at > floor:
            return at
    ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= fits]
    if ends and ends[-1] > floor:
        return ends[-1]
    at = window.rfind(" ")
    if at > floor:
        return at
    return max(fits, 1)  # one unbroken run: cut hard
