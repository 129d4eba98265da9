"""Load the configured base model, tokenizer and optional LoRA adapter, or fail with one line.

Every failure an operator can meet becomes `GeneratorUnavailable` whose message names the
`[model]` setting to change. Runs on a worker thread: it is slow and blocking by nature.
"""

from __future__ import annotations

import json
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inference.api import GeneratorUnavailable
from inference.bnb_probe import probe_bitsandbytes
from inference.config import ModelConfig

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*(/[\w.-]+)?$")
_HUB_PROBE_TIMEOUT_S = 3.0


@dataclass
class LoadedModel:
    model: Any  # a transformers PreTrainedModel (or PeftModel when the adapter stays unmerged)
    tokenizer: Any
    device: str  # "cpu", "cuda:0"
    dtype: Any  # torch.dtype
    eos_token_ids: list[int]
    description: str


@dataclass(frozen=True)
class _Source:
    name: str  # folder path or hub id, as from_pretrained takes it
    local_files_only: bool


def resolve_device(setting: str) -> str:
    """'auto' -> 'cuda:0' when a GPU is visible, else 'cpu'; checks an explicit cuda request."""
    import torch

    if setting == "cpu":
        return "cpu"
    if setting == "mps":
        if not torch.backends.mps.is_available():
            raise GeneratorUnavailable(
                "model.device: 'mps' was asked for but Apple's Metal backend is not available; "
                'set [model] device = "cpu" or "auto"'
            )
        return "mps"
    available = torch.cuda.is_available()
    if setting == "auto":
        return "cuda:0" if available else "cpu"
    if not available:
        raise GeneratorUnavailable(
            f"model.device: {setting!r} was asked for but no CUDA GPU is visible to torch "
            f'{torch.__version__}; set [model] device = "cpu" or "auto"'
        )
    index = int(setting.partition(":")[2] or 0)
    if index >= torch.cuda.device_count():
        raise GeneratorUnavailable(
            f"model.device: {setting!r} does not exist (this machine has "
            f"{torch.cuda.device_count()} GPU(s)); set [model] device to cuda:0 .. "
            f'cuda:{torch.cuda.device_count() - 1} or "auto"'
        )
    return f"cuda:{index}"


def resolve_dtype(setting: str, device: str) -> Any:
    import torch

    if setting == "auto":
        return torch.bfloat16 if device.startswith("cuda") else torch.float32
    return {"float32": torch.float32, "bfloat16": torch.bfloat16, "float16": torch.float16}[setting]


def _looks_like_path(value: str) -> bool:
    # a hub id is "name" or "owner/name"; anything else with a slash is meant as a folder
    return value.startswith(("/", ".", "~")) or value.count("/") > 1 or "\\" in value


def _resolve_source(value: str, key: str, marker: str) -> _Source:
    """A local folder, a hub id already in the cache, or a hub id the hub can be reached for."""
    path = Path(value).expanduser()
    if path.is_dir():
        if not (path / marker).is_file():
            raise GeneratorUnavailable(
                f"model.{key}: folder {path} has no {marker}; set [model] {key} to a folder in "
                f"Hugging Face format (saved with save_pretrained)"
            )
        return _Source(str(path), local_files_only=True)
    if _looks_like_path(value) or path.exists() or not _HUB_ID.match(value):
        raise GeneratorUnavailable(
            f"model.{key}: folder {path} does not exist; set [model] {key} to a local Hugging "
            f"Face model folder or a hub id"
        )
    from huggingface_hub import try_to_load_from_cache

    if isinstance(try_to_load_from_cache(value, marker), str):
        return _Source(value, local_files_only=True)
    offline = os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes", "on")
    if offline or not _hub_reachable():
        why = "HF_HUB_OFFLINE is set" if offline else "the Hugging Face hub cannot be reached"
        raise GeneratorUnavailable(
            f"model.{key}: {value!r} is not in the local cache and {why}; download it where "
            f"there is network (`hf download {value}`) or set [model] {key} to a local folder"
        )
    return _Source(value, local_files_only=False)


def _hub_reachable() -> bool:
    """A quick HEAD to the hub, so a machine without network fails in seconds, not minutes."""
    import httpx
    from huggingface_hub import constants

    try:
        httpx.head(constants.ENDPOINT, timeout=_HUB_PROBE_TIMEOUT_S)
    except httpx.HTTPError:
        return False
    return True


def _from_pretrained_error(exc: Exception, key: str, source: _Source) -> GeneratorUnavailable:
    text = " ".join(str(exc).split())[:300]
    if "gated" in text.lower() or "401" in text or "403" in text:
        return GeneratorUnavailable(
            f"model.{key}: {source.name!r} needs hub access (accept its licence and set HF_TOKEN) "
            f"or set [model] {key} to a local folder ({text})"
        )
    return GeneratorUnavailable(f"model.{key}: cannot load {source.name!r}: {text}")


def _out_of_memory(device: str, what: str) -> GeneratorUnavailable:
    memory = "GPU memory" if device.startswith("cuda") else "memory"
    return GeneratorUnavailable(
        f"model.quantization: out of {memory} loading {what} on {device}; set [model] "
        f'quantization = "4bit" (or "8bit"), choose a smaller [model] base, or free some {memory}'
    )


def load_tokenizer(source: _Source, chat_template: str | None) -> Any:
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(
            source.name, local_files_only=source.local_files_only
        )
    except (OSError, ValueError) as exc:
        raise _from_pretrained_error(exc, "base", source) from exc
    if chat_template:
        tokenizer.chat_template = chat_template
    if not getattr(tokenizer, "chat_template", None):
        raise GeneratorUnavailable(
            f"model.chat_template: the tokenizer of {source.name!r} has no chat template; set "
            f"[model] chat_template to a Jinja chat template"
        )
    tokenizer.padding_side = "left"  # decoder-only batching pads on the left
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def _quantization_config(config: ModelConfig, device: str) -> Any:
    if config.quantization == "none":
        return None
    import torch
    from transformers import BitsAndBytesConfig

    bits = 4 if config.quantization == "4bit" else 8
    usable, reason = probe_bitsandbytes(device, bits)
    if not usable:
        raise GeneratorUnavailable(
            f"model.quantization: {config.quantization} needs bitsandbytes, which is unusable "
            f'here ({reason}); set [model] quantization = "none"'
        )
    if bits == 4:
        return BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16,
        )
    return BitsAndBytesConfig(load_in_8bit=True)


def _adapter_base_name(adapter_dir: str) -> str | None:
    try:
        return json.loads((Path(adapter_dir) / "adapter_config.json").read_text()).get(
            "base_model_name_or_path"
        )
    except (OSError, ValueError):
        return None


def _attach_adapter(model: Any, source: _Source, config: ModelConfig, device: str) -> Any:
    import torch
    from peft import PeftModel

    try:
        with warnings.catch_warnings():  # peft 0.21 + transformers 5: a harmless FutureWarning
            warnings.simplefilter("ignore", FutureWarning)
            peft_model = PeftModel.from_pretrained(
                model, source.name, is_trainable=False, local_files_only=source.local_files_only
            )
    except torch.OutOfMemoryError as exc:
        raise _out_of_memory(device, f"adapter {source.name!r}") from exc
    except (RuntimeError, ValueError, KeyError) as exc:
        # shape mismatches (RuntimeError) and missing target modules (ValueError) both mean
        # the adapter was trained on a different base
        trained_on = _adapter_base_name(source.name) if source.local_files_only else None
        hint = f" (it names {trained_on!r} as its base)" if trained_on else ""
        text = " ".join(str(exc).split())
        if "size mismatch" in text:
            detail = "its LoRA weight shapes differ from this base's layers"
        elif "target modules" in text.lower():
            detail = "the layers it targets do not exist in this base"
        else:
            detail = text[:200]
        raise GeneratorUnavailable(
            f"model.adapter: {source.name!r} does not fit base {config.base!r}{hint}; set [model] "
            f"adapter to one trained on this base, or [model] base to the adapter's base "
            f"({detail})"
        ) from exc
    except OSError as exc:
        raise _from_pretrained_error(exc, "adapter", source) from exc
    if config.quantization != "none":
        # merging into 4/8-bit weights rounds the LoRA delta away; QLoRA serves unmerged
        return peft_model.eval()
    with warnings.catch_warnings():  # peft 0.21 + transformers 5: a harmless FutureWarning
        warnings.simplefilter("ignore", FutureWarning)
        return peft_model.merge_and_unload().eval()


def _eos_token_ids(model: Any, tokenizer: Any) -> list[int]:
    ids: list[int] = []
    configured = getattr(model.generation_config, "eos_token_id", None)
    for value in [*(configured if isinstance(configured, list) else [configured])]:
        if isinstance(value, int):
            ids.append(value)
    if tokenizer.eos_token_id is not None:
        ids.append(tokenizer.eos_token_id)
    return sorted(set(ids))


def load_model(config: ModelConfig) -> LoadedModel:
    """Load everything `config` names, on this (non-event-loop) thread."""
    import torch

    problems = config.problems()
    if problems:
        raise GeneratorUnavailable(problems[0])
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # "Loading weights" bars would litter the logs
    device = resolve_device(config.device)
    dtype = resolve_dtype(config.dtype, device)
    if device == "cpu" and config.cpu_threads > 0:
        torch.set_num_threads(config.cpu_threads)
    base = _resolve_source(config.base, "base", "config.json")
    adapter = (
        _resolve_source(config.adapter, "adapter", "adapter_config.json")
        if config.adapter
        else None
    )
    tokenizer = load_tokenizer(base, config.chat_template)
    quantization = _quantization_config(config, device)

    from transformers import AutoModelForCausalLM

    kwargs: dict[str, Any] = {"dtype": torch.bfloat16 if config.quantization == "4bit" else dtype}
    if quantization is not None:
        kwargs["quantization_config"] = quantization
    if quantization is not None or device != "cpu":
        kwargs["device_map"] = {"": device}
    try:
        model = AutoModelForCausalLM.from_pretrained(
            base.name, local_files_only=base.local_files_only, **kwargs
        )
    except torch.OutOfMemoryError as exc:
        raise _out_of_memory(device, repr(config.base)) from exc
    except (ImportError, TypeError) as exc:
        raise GeneratorUnavailable(
            f"model.quantization: loading {config.quantization} failed ({exc}); set [model] "
            f'quantization = "none"'
        ) from exc
    except (OSError, ValueError, RuntimeError) as exc:
        if any(sign in str(exc).lower() for sign in ("out of memory", "can't allocate memory")):
            raise _out_of_memory(device, repr(config.base)) from exc
        raise _from_pretrained_error(exc, "base", base) from exc
    if adapter is not None:
        model = _attach_adapter(model, adapter, config, device)
    model.eval()
    parts = [f"local {config.base}"]
    if config.adapter:
        merged = "unmerged" if config.quantization != "none" else "merged"
        parts.append(f"+ LoRA {config.adapter} ({merged})")
    quant = config.quantization if config.quantization != "none" else str(dtype).split(".")[-1]
    parts.append(f"on {device}, {quant}")
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        device=device,
        dtype=dtype,
        eos_token_ids=_eos_token_ids(model, tokenizer),
        description=" ".join(parts),
    )
