"""Tiny Llama-architecture models built once per test session: no hub, no download."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

# an accidental hub id must fail at once instead of trying the network
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
logging.getLogger("bitsandbytes").setLevel(logging.ERROR)

from inference.config import ModelConfig  # noqa: E402
from inference.loading import LoadedModel, load_model  # noqa: E402
from inference.tiny import LlamaShape, make_lora_adapter, make_tiny_llama  # noqa: E402


def tiny_config(base: Path, **overrides: object) -> ModelConfig:
    settings: dict[str, object] = {
        "base": str(base),
        "adapter": None,
        "device": "cpu",
        "temperature": 0.0,
        "max_new_tokens": 16,
        "context_tokens": 512,
        "cpu_threads": 1,  # 2 shared vCPUs: one thread is faster and steadier (research P5)
    }
    settings.update(overrides)
    return ModelConfig(**settings)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def tiny_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_tiny_llama(tmp_path_factory.mktemp("tiny-llama"))


@pytest.fixture(scope="session")
def adapter_dir(tiny_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_lora_adapter(tiny_dir, tmp_path_factory.mktemp("tiny-lora"))


@pytest.fixture(scope="session")
def other_base_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A base of a different width: an adapter for `tiny_dir` does not fit it."""
    return make_tiny_llama(tmp_path_factory.mktemp("other-llama"), LlamaShape(96, 2, 4, 2, 192))


@pytest.fixture(scope="session")
def slow_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Deep enough that generating takes a noticeable time on the CPU."""
    return make_tiny_llama(tmp_path_factory.mktemp("slow-llama"), LlamaShape(128, 12, 4, 2, 344))


@pytest.fixture(scope="session")
def tiny_loaded(tiny_dir: Path) -> LoadedModel:
    return load_model(tiny_config(tiny_dir))


@pytest.fixture(scope="session")
def slow_loaded(slow_dir: Path) -> LoadedModel:
    return load_model(tiny_config(slow_dir))
