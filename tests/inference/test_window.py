"""Trimming the history window to the context budget with the tokenizer's own counts."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from inference.api import ChatMessage, GenerationError
from inference.tiny import build_tokenizer
from inference.window import TokenizerCounter, fit_window


class WordCounter:
    """One token per word plus two per message: easy to reason about in assertions."""

    def count(self, messages: Sequence[ChatMessage]) -> int:
        return sum(len(m.content.split()) + 2 for m in messages)

    def keep_last_tokens(self, text: str, tokens: int) -> str:
        return " ".join(text.split()[-tokens:]) if tokens > 0 else ""


SYSTEM = ChatMessage("system", "be kind")  # 4 tokens


def turns(n: int) -> list[ChatMessage]:
    return [ChatMessage("user" if i % 2 == 0 else "assistant", f"turn {i}") for i in range(n)]


def test_everything_is_kept_when_it_fits() -> None:
    chat = [SYSTEM, *turns(4)]
    assert fit_window(chat, WordCounter(), budget=100) == chat


def test_oldest_turns_go_first_and_the_system_prompt_stays() -> None:
    chat = [SYSTEM, *turns(6)]  # 4 + 6 * 4 = 28 tokens
    window = fit_window(chat, WordCounter(), budget=4 + 4 * 3)
    assert window[0] == SYSTEM
    assert [m.content for m in window[1:]] == ["turn 4", "turn 5"]  # starts at a user turn
    assert WordCounter().count(window) <= 16


def test_window_starts_with_a_user_turn() -> None:
    chat = [SYSTEM, *turns(5)]  # newest is a user turn
    window = fit_window(chat, WordCounter(), budget=4 + 4 * 2)
    assert window[1].role == "user"
    assert window[-1].content == "turn 4"


def test_a_newest_message_too_long_alone_keeps_its_end() -> None:
    long = ChatMessage("user", " ".join(f"w{i}" for i in range(50)))
    window = fit_window([SYSTEM, *turns(2), long], WordCounter(), budget=20)
    assert window[0] == SYSTEM and len(window) == 2
    assert window[1].content.endswith("w49")
    assert WordCounter().count(window) <= 20


def test_a_system_prompt_over_budget_is_an_error_naming_the_setting() -> None:
    with pytest.raises(GenerationError, match="context_tokens"):
        fit_window([ChatMessage("system", "a " * 30), *turns(2)], WordCounter(), budget=10)


def test_real_tokenizer_counts_fit_the_budget() -> None:
    counter = TokenizerCounter(build_tokenizer())
    chat = [SYSTEM] + [
        ChatMessage("user" if i % 2 == 0 else "assistant", f"I have been feeling anxious {i}")
        for i in range(40)
    ]
    full = counter.count(chat)
    window = fit_window(chat, counter, budget=full // 3)
    assert counter.count(window) <= full // 3
    assert window[0] == SYSTEM and window[-1] == chat[-1]
    # nothing newer was dropped while something older was kept
    kept = window[1:]
    assert kept == chat[len(chat) - len(kept) :]
    # one more turn would not have fitted
    assert counter.count([SYSTEM, *chat[len(chat) - len(kept) - 1 :]]) > full // 3
