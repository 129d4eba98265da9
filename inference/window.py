"""Trim a chat to the model's context with the tokenizer's own counts.

The system prompt is always kept, then as many of the newest turns as fit; the oldest go first.
Pure logic over a `TokenCounter`, so it is tested without a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from inference.api import ChatMessage, GenerationError


class TokenCounter(Protocol):
    def count(self, messages: Sequence[ChatMessage]) -> int:
        """Tokens of the rendered prompt for these messages (with the generation prompt)."""

    def keep_last_tokens(self, text: str, tokens: int) -> str:
        """The end of `text`, at most `tokens` tokens long."""


def fit_window(
    messages: Sequence[ChatMessage], counter: TokenCounter, budget: int
) -> list[ChatMessage]:
    """The longest suffix of the conversation that fits `budget` tokens, system prompt kept.

    The window starts at a user turn where there is one, because many chat templates insist on
    user/assistant alternation. When even the newest message alone does not fit, its oldest
    part is cut off.
    """
    system = [m for m in messages if m.role == "system"]
    turns = [m for m in messages if m.role != "system"]
    if counter.count([*system, *turns]) <= budget:
        return [*system, *turns]
    if not turns:
        raise GenerationError(
            f"model.context_tokens: the system prompt alone is longer than {budget} tokens; "
            f"raise [model] context_tokens or shorten the prompt"
        )
    # binary search the first kept turn: dropping more turns never makes the prompt longer
    low, high = 1, len(turns) - 1  # invariant: turns[high:] fits if anything does
    if counter.count([*system, turns[-1]]) > budget:
        return [*system, _truncate(system, turns[-1], counter, budget)]
    while low < high:
        middle = (low + high) // 2
        if counter.count([*system, *turns[middle:]]) <= budget:
            high = middle
        else:
            low = middle + 1
    kept = turns[high:]
    while len(kept) > 1 and kept[0].role != "user":
        kept = kept[1:]
    return [*system, *kept]


def _truncate(
    system: list[ChatMessage], last: ChatMessage, counter: TokenCounter, budget: int
) -> ChatMessage:
    overhead = counter.count([*system, ChatMessage(last.role, "")])
    room = budget - overhead
    if room <= 0:
        raise GenerationError(
            f"model.context_tokens: the system prompt alone is longer than {budget} tokens; "
            f"raise [model] context_tokens or shorten the prompt"
        )
    text = counter.keep_last_tokens(last.content, room)
    # re-tokenising a cut can merge differently; shave until the rendered prompt fits
    while text and counter.count([*system, ChatMessage(last.role, text)]) > budget:
        room -= max(1, room // 10)
        text = counter.keep_last_tokens(last.content, max(room, 0)) if room > 0 else ""
    return ChatMessage(last.role, text)


class TokenizerCounter:
    """A `TokenCounter` over a Hugging Face tokenizer and its chat template."""

    def __init__(self, tokenizer: object) -> None:
        self._tokenizer = tokenizer

    def render_ids(self, messages: Sequence[ChatMessage]) -> list[int]:
        ids = self._tokenizer.apply_chat_template(  # type: ignore[attr-defined]
            [{"role": m.role, "content": m.content} for m in messages],
            add_generation_prompt=True,
            tokenize=True,
            return_dict=False,
        )
        # transformers 5 may hand back an encoding object; normalise to a list of ids
        if hasattr(ids, "input_ids"):
            ids = ids.input_ids
        elif isinstance(ids, dict):
            ids = ids["input_ids"]
        return list(ids)

    def count(self, messages: Sequence[ChatMessage]) -> int:
        return len(self.render_ids(messages))

    def keep_last_tokens(self, text: str, tokens: int) -> str:
        ids = self._tokenizer.encode(text, add_special_tokens=False)  # type: ignore[attr-defined]
        return self._tokenizer.decode(ids[-tokens:]) if tokens > 0 else ""  # type: ignore[attr-defined]
