"""Build the configured `TextGenerator`; cheap, since loading or connecting happens in start()."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator

from inference.api import ChatRequest, GeneratorUnavailable, TextGenerator
from inference.config import ModelConfig

API_KEY_ENV = "HAVEN_MODEL_API_KEY"


class DisabledGenerator:
    """`[model] backend = "none"`: starts fine, and every request says the model is off."""

    description = "no model (backend = none)"

    async def start(self) -> None:
        return None

    def stream(self, request: ChatRequest) -> AsyncIterator[str]:
        return self._stream(request)

    async def _stream(self, request: ChatRequest) -> AsyncIterator[str]:
        raise GeneratorUnavailable(
            "model.backend: the model is switched off; set [model] backend to local or openai"
        )
        yield ""  # pragma: no cover - makes this an async generator

    async def close(self) -> None:
        return None


def build_generator(config: ModelConfig) -> TextGenerator:
    problems = config.problems()
    if problems:
        raise GeneratorUnavailable(problems[0])
    if config.backend == "none":
        return DisabledGenerator()
    if config.backend == "openai":
        from inference.remote import OpenAICompatibleGenerator

        if config.api_key is None and os.environ.get(API_KEY_ENV):
            config = dataclasses.replace(config, api_key=os.environ[API_KEY_ENV])
        return OpenAICompatibleGenerator(config)
    from inference.local import LocalGenerator

    return LocalGenerator(config)
