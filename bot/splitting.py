"""Split a long reply into platform-sized messages at paragraph, line, sentence or word ends."""

from __future__ import annotations

import re

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def split_message(text: str, limit: int) -> list[str]:
    """Pieces of at most `limit` characters, preferring the most natural break that fits."""
    if limit < 1:
        raise ValueError("limit must be positive")
    text = text.strip()
    pieces: list[str] = []
    while len(text) > limit:
        cut = _best_cut(text, limit)
        head, text = text[:cut].rstrip(), text[cut:].lstrip()
        if head:
            pieces.append(head)
    if text:
        pieces.append(text)
    return pieces


def _best_cut(text: str, limit: int) -> int:
    window = text[: limit + 1]
    for separator in ("\n\n", "\n"):
        at = window.rfind(separator)
        if at > limit // 3:
            return at
    ends = [m.end() for m in _SENTENCE_END.finditer(window) if m.end() <= limit]
    if ends and ends[-1] > limit // 3:
        return ends[-1]
    at = window.rfind(" ")
    if at > limit // 3:
        return at
    return limit  # one unbroken run: cut hard
