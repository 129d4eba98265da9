"""Pure pieces of the core: lanes, the flood limit and message splitting."""

from __future__ import annotations

import asyncio

import pytest

from bot.flood import FloodLimit
from bot.lanes import Lanes
from bot.splitting import split_message


async def test_lane_serialises_one_key_and_is_dropped_when_idle():
    lanes = Lanes()
    order: list[str] = []

    async def work(key: str, tag: str, delay: float) -> None:
        async with lanes.hold(key):
            order.append(f"start {tag}")
            await asyncio.sleep(delay)
            order.append(f"end {tag}")

    await asyncio.gather(work("a", "1", 0.02), work("a", "2", 0.0), work("b", "3", 0.0))
    assert order.index("end 1") < order.index("start 2")
    assert order.index("start 3") < order.index("end 1")  # another key ran meanwhile
    assert len(lanes) == 0


def test_flood_limit_slides_with_time():
    limit = FloodLimit(max_messages=2, window_s=10)
    assert limit.allow("u", 0) and limit.allow("u", 1)
    assert not limit.allow("u", 2)
    assert limit.allow("other", 2)
    assert limit.allow("u", 10.5)


def test_split_prefers_paragraphs_then_sentences_and_respects_the_limit():
    text = ("First sentence here. Second one is here too.\n\n" * 3) + "x" * 50
    pieces = split_message(text, 60)
    assert all(len(p) <= 60 for p in pieces)
    assert pieces[0] == "First sentence here. Second one is here too."
    assert "".join(p.replace(" ", "").replace("\n", "") for p in pieces) == text.replace(
        " ", ""
    ).replace("\n", "")


def test_split_cuts_an_unbroken_run_hard():
    assert split_message("y" * 25, 10) == ["y" * 10, "y" * 10, "y" * 5]


@pytest.mark.parametrize("limit", [2000, 4096])
def test_split_of_a_short_text_is_itself(limit):
    assert split_message("hello there", limit) == ["hello there"]


def test_split_can_count_utf16_units_like_telegram():
    from bot.splitting import utf16_units

    text = "😀" * 6  # six characters, twelve UTF-16 units
    pieces = split_message(text, 4, utf16_units)
    assert pieces == ["😀😀", "😀😀", "😀😀"]
    assert split_message(text, 4) == ["😀😀😀😀", "😀😀"]
