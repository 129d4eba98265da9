"""Model settings as plain data, and the named presets for the reference models.

The lead's pydantic settings map `[model]` onto `ModelConfig`; nothing here reads files.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

BACKENDS = ("local", "openai", "none")
QUANTIZATIONS = ("none", "8bit", "4bit")
DTYPES = ("auto", "float32", "bfloat16", "float16")


@dataclass(frozen=True)
class ModelConfig:
    backend: str = "local"  # "local" | "openai" | "none"
    base: str = "meta-llama/Llama-3.2-3B-Instruct"
    adapter: str | None = "nada013/mental-health-chatbot"
    quantization: str = "none"  # none | 8bit | 4bit
    dtype: str = "auto"  # auto: bf16 on GPU, fp32 on CPU
    device: str = "auto"  # auto | cuda | cuda:N | cpu | mps
    max_new_tokens: int = 256
    temperature: float = 0.7
    top_p: float = 0.9
    context_tokens: int = 2048  # prompt + reply; the history window is trimmed to fit
    chat_template: str | None = None  # overrides the tokenizer's own template
    url: str | None = None  # openai backend: base URL, e.g. http://127.0.0.1:8000/v1
    model: str | None = None  # openai backend model name
    api_key: str | None = field(default=None, repr=False)  # secret: never logged
    queue_size: int = 64
    max_batch_size: int = 16
    max_wait_ms: int = 20
    request_timeout_s: float = 60.0
    supersede: bool = True  # a user's newer request replaces their older, still-queued one
    # a running batch with room pauses after this many tokens when requests wait, so they can
    # join instead of waiting for the longest reply (its prompt is recomputed); 0: never
    join_after_tokens: int = 32
    cpu_threads: int = 0  # torch intra-op threads on CPU; 0 keeps torch's default
    retries: int = 2  # openai backend: retries before the first chunk arrives

    def problems(self) -> list[str]:
        """Each invalid value as one line naming the key; empty when the config is usable."""
        out: list[str] = []
        if self.backend not in BACKENDS:
            out.append(f"model.backend: {self.backend!r} is not one of {', '.join(BACKENDS)}")
        if self.quantization not in QUANTIZATIONS:
            out.append(
                f"model.quantization: {self.quantization!r} is not one of "
                f"{', '.join(QUANTIZATIONS)}"
            )
        if self.dtype not in DTYPES:
            out.append(f"model.dtype: {self.dtype!r} is not one of {', '.join(DTYPES)}")
        if not (self.device in ("auto", "cpu", "cuda", "mps") or _is_cuda_index(self.device)):
            out.append(f"model.device: {self.device!r} is not auto, cpu, cuda, cuda:N or mps")
        for name in ("max_new_tokens", "context_tokens", "queue_size", "max_batch_size"):
            if getattr(self, name) < 1:
                out.append(f"model.{name}: must be at least 1")
        if self.max_new_tokens >= self.context_tokens:
            out.append("model.max_new_tokens: must be smaller than model.context_tokens")
        if self.temperature < 0:
            out.append("model.temperature: must be 0 (greedy) or more")
        if not 0 < self.top_p <= 1:
            out.append("model.top_p: must be in (0, 1]")
        if self.backend == "openai" and not self.url:
            out.append("model.url: the openai backend needs the server's base URL")
        return out


def _is_cuda_index(device: str) -> bool:
    prefix, _, index = device.partition(":")
    return prefix == "cuda" and index.isdigit()


# The two reference models. The default is the first reference: Llama 3.2 3B Instruct with its
# LoRA (r=8, alpha=32, q/k/v/o). The second is a Llama-2 chat base loaded in 4-bit, the shape a
# QLoRA adapter is trained on; set `adapter` to that adapter's folder or hub id.
PRESETS: dict[str, dict[str, Any]] = {
    "llama-3.2-3b-mental-health": {
        "base": "meta-llama/Llama-3.2-3B-Instruct",
        "adapter": "nada013/mental-health-chatbot",
        "quantization": "none",
    },
    "llama-2-7b-qlora": {
        "base": "NousResearch/Llama-2-7b-chat-hf",
        "adapter": None,
        "quantization": "4bit",
    },
}
DEFAULT_PRESET = "llama-3.2-3b-mental-health"


def config_from_preset(name: str, **overrides: Any) -> ModelConfig:
    """A `ModelConfig` from a named preset, with explicit settings taking precedence."""
    if name not in PRESETS:
        raise ValueError(f"model.preset: {name!r} is not one of {', '.join(PRESETS)}")
    return dataclasses.replace(ModelConfig(), **{**PRESETS[name], **overrides})
