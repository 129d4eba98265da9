"""Normalisation undoes the spellings people use to dodge filters or type fast."""

from __future__ import annotations

import pytest

from bot.safety.normalise import normalise


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("I Want To KILL Myself", "i want to kill myself"),
        ("i want to k1ll mys3lf", "i want to kill myself"),
        ("ki11 myself", "kill myself"),
        ("d!e", "die"),
        ("$uicide", "suicide"),
        ("su1c1de", "suicide"),
        ("su*cide", "suicide"),
        ("diiiiiie", "die"),
        ("killllll myself", "kill myself"),
        ("pleeeease", "please"),
        ("k i l l  m y s e l f", "kill myself"),
        ("s.u.i.c.i.d.e", "suicide"),
        ("ѕuісіdе", "suicide"),  # Cyrillic look-alikes
        ("Suicíde", "suicide"),  # accent
        ("ｓｕｉｃｉｄｅ", "suicide"),  # full-width
        ("sui\u200bcide", "suicide"),  # zero-width space
        ("i wanna die 2nite", "i want to die tonight"),
        ("im sucidal", "im suicidal"),
        ("I’m not ok", "im not ok"),
    ],
)
def test_spelling_tricks_fold_to_the_canonical_form(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


def test_meaningful_emoji_become_words() -> None:
    assert normalise("💊💊 tonight") == "pills pills tonight"
    assert normalise("🔪") == "knife"
    assert normalise("🪢") == "rope"
    assert normalise("⚰️") == "coffin"


def test_doses_and_counts_are_left_alone() -> None:
    assert normalise("I took 800mg and 30 pills") == "i took 800mg and 30 pills"


def test_ordinary_double_letters_survive() -> None:
    assert normalise("I will see you tomorrow, good luck") == "i will see you tomorrow, good luck"
