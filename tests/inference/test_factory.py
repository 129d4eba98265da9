"""Choosing the engine from settings, and the presets for the reference models."""

from __future__ import annotations

import pytest

from inference.api import ChatMessage, ChatRequest, GeneratorUnavailable, TextGenerator
from inference.config import DEFAULT_PRESET, PRESETS, ModelConfig, config_from_preset
from inference.factory import build_generator
from inference.local import LocalGenerator


def test_default_config_is_the_first_reference_model() -> None:
    config = ModelConfig()
    assert config.base == "meta-llama/Llama-3.2-3B-Instruct"
    assert config.adapter == "nada013/mental-health-chatbot"
    assert config_from_preset(DEFAULT_PRESET) == config


def test_qlora_preset_loads_llama2_in_4bit() -> None:
    config = config_from_preset("llama-2-7b-qlora", adapter="/models/my-qlora")
    assert config.base == "NousResearch/Llama-2-7b-chat-hf"
    assert config.quantization == "4bit" and config.adapter == "/models/my-qlora"
    assert set(PRESETS) == {"llama-3.2-3b-mental-health", "llama-2-7b-qlora"}


def test_building_is_cheap_and_does_not_load() -> None:
    gen = build_generator(ModelConfig(base="/does/not/exist"))
    assert isinstance(gen, LocalGenerator) and isinstance(gen, TextGenerator)
    assert "not loaded" in gen.description


async def test_disabled_backend_answers_unavailable() -> None:
    gen = build_generator(ModelConfig(backend="none"))
    await gen.start()
    request = ChatRequest([ChatMessage("user", "hi")], requester="u")
    with pytest.raises(GeneratorUnavailable, match=r"^model\.backend:"):
        await anext(gen.stream(request))


def test_bad_setting_is_one_line_naming_the_key() -> None:
    with pytest.raises(GeneratorUnavailable, match=r"^model\.backend: 'gpt' is not one of"):
        build_generator(ModelConfig(backend="gpt"))
    assert ModelConfig(max_new_tokens=4096, context_tokens=2048).problems() == [
        "model.max_new_tokens: must be smaller than model.context_tokens"
    ]
