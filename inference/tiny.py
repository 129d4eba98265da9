"""Tiny random-weight Llama-architecture models and a real BPE tokenizer, built offline.

Operators (`haven model tiny`), tests and the benchmark use these to get a Hugging Face model
folder with no download. The weights are random: compare token ids, never text quality.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from transformers import LlamaForCausalLM, PreTrainedTokenizerBase

BOS, EOS, EOT = "<|begin_of_text|>", "<|end_of_text|>", "<|eot_id|>"
START_HEADER, END_HEADER, PAD = (
    "<|start_header_id|>",
    "<|end_header_id|>",
    "<|finetune_right_pad_id|>",
)
SPECIAL_TOKENS = [BOS, EOS, START_HEADER, END_HEADER, EOT, PAD]

# A simplified Llama-3.x chat template: the same special tokens and layout.
LLAMA3_CHAT_TEMPLATE = (
    "{{- bos_token }}"
    "{%- for message in messages %}"
    "{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
    " + message['content'] | trim + '<|eot_id|>' }}"
    "{%- endfor %}"
    "{%- if add_generation_prompt %}"
    "{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}"
    "{%- endif %}"
)

# Enough varied text for a 512-token byte-level BPE; deterministic, so every build is identical.
_CORPUS = [
    "I have been feeling anxious and I can't sleep at night.",
    "It sounds like you are going through a lot right now. Would you like to talk about it?",
    "If you are in crisis, please contact a local emergency number or a crisis line.",
    "Thank you for telling me. That takes courage, and I'm here to listen.",
    "My friends don't understand me and work has been overwhelming lately.",
    "What usually helps you feel a little calmer when things get heavy?",
    "The quick brown fox jumps over the lazy dog. 0123456789 !?.,;:'\"()[]{}<>-_/\\@#$%^&*+=~`|",
    "system user assistant You are a supportive, empathetic assistant.",
]


@dataclass(frozen=True)
class LlamaShape:
    hidden: int
    layers: int
    heads: int
    kv_heads: int
    intermediate: int
    vocab: int = 512
    tie_embeddings: bool = False


# A few widths; `shape_for_params` picks one and sets the depth to reach the target size.
_WIDTHS = [
    (64, 4, 2, 128),
    (128, 4, 2, 344),
    (256, 8, 4, 688),
    (512, 8, 4, 1376),
    (768, 12, 4, 2048),
]

# Llama-3.2-3B's real shape, for GPU benchmarks with random weights (no download).
LLAMA_3_2_3B_SHAPE = LlamaShape(
    hidden=3072,
    layers=28,
    heads=24,
    kv_heads=8,
    intermediate=8192,
    vocab=128256,
    tie_embeddings=True,
)


def parse_param_count(text: str) -> int:
    """'25M' -> 25_000_000; '140k' -> 140_000; '1.5B' -> 1_500_000_000."""
    match = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*([kKmMbB]?)\s*", text)
    if not match:
        raise ValueError(f"{text!r} is not a parameter count like 25M, 140k or 1B")
    scale = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9}[match.group(2).lower()]
    return int(float(match.group(1)) * scale)


def count_params(shape: LlamaShape) -> int:
    head_dim = shape.hidden // shape.heads
    attention = 2 * shape.hidden * shape.hidden + 2 * shape.hidden * shape.kv_heads * head_dim
    layer = attention + 3 * shape.hidden * shape.intermediate + 2 * shape.hidden
    embeddings = shape.vocab * shape.hidden * (1 if shape.tie_embeddings else 2)
    return shape.layers * layer + embeddings + shape.hidden


def shape_for_params(target: int) -> LlamaShape:
    """A Llama shape of roughly `target` parameters: the widest that still gives 6+ layers."""
    for hidden, heads, kv_heads, intermediate in reversed(_WIDTHS):
        fixed = count_params(LlamaShape(hidden, 0, heads, kv_heads, intermediate))
        per_layer = count_params(LlamaShape(hidden, 1, heads, kv_heads, intermediate)) - fixed
        layers = round((target - fixed) / per_layer)
        if layers >= 6 or hidden == _WIDTHS[0][0]:
            return LlamaShape(hidden, max(2, min(layers, 32)), heads, kv_heads, intermediate)
    raise AssertionError("unreachable")


def build_tokenizer(vocab_size: int = 512) -> PreTrainedTokenizerBase:
    """A byte-level BPE (any UTF-8 round-trips) with Llama-3 special tokens and chat template."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(_CORPUS * 20, trainer=trainer)
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=BOS,
        eos_token=EOT,
        pad_token=PAD,
        padding_side="left",
        # without this, transformers 4.x adds token_type_ids, which generate() rejects
        model_input_names=["input_ids", "attention_mask"],
        model_max_length=4096,
    )
    fast.chat_template = LLAMA3_CHAT_TEMPLATE
    return fast


def build_model(
    tokenizer: PreTrainedTokenizerBase,
    shape: LlamaShape,
    seed: int = 0,
    dtype: Any = None,
    device: str = "cpu",
) -> LlamaForCausalLM:
    """A random-weight LlamaForCausalLM; identical weights for the same seed and shape."""
    import torch
    from transformers import GenerationConfig, LlamaConfig, LlamaForCausalLM

    dtype = dtype or torch.float32
    eot, eos = (tokenizer.convert_tokens_to_ids(token) for token in (EOT, EOS))
    assert isinstance(eot, int) and isinstance(eos, int)  # one token in, one id out
    config = LlamaConfig(
        vocab_size=max(shape.vocab, len(tokenizer)),
        hidden_size=shape.hidden,
        intermediate_size=shape.intermediate,
        num_hidden_layers=shape.layers,
        num_attention_heads=shape.heads,
        num_key_value_heads=shape.kv_heads,
        max_position_embeddings=8192,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=[eot, eos],
        pad_token_id=tokenizer.pad_token_id,
        tie_word_embeddings=shape.tie_embeddings,
    )
    torch.manual_seed(seed)
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)  # build big models directly in their dtype and device
    try:
        with torch.device(device):
            model = LlamaForCausalLM(config)
    finally:
        torch.set_default_dtype(previous)
    model.eval()
    model.generation_config = GenerationConfig(
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=[eot, eos],
        pad_token_id=tokenizer.pad_token_id,
        do_sample=False,
    )
    return model


def make_tiny_llama(path: Path, shape: LlamaShape | None = None, seed: int = 0) -> Path:
    """Save a tiny model and its tokenizer as a Hugging Face folder at `path`."""
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()
    tokenizer = build_tokenizer()
    model = build_model(tokenizer, shape or LlamaShape(64, 2, 4, 2, 128), seed=seed)
    path.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def make_lora_adapter(base_dir: Path, adapter_dir: Path, seed: int = 1) -> Path:
    """Save a LoRA adapter (r=8, alpha=32, q/k/v/o, like the reference) for the model in base_dir.

    A fresh LoRA is a no-op (lora_B starts at zero), so B is randomised to stand in for a
    trained adapter that changes the output.
    """
    import torch
    from peft import LoraConfig, TaskType, get_peft_model
    from transformers import AutoModelForCausalLM

    base = AutoModelForCausalLM.from_pretrained(base_dir)
    config = LoraConfig(
        r=8,
        lora_alpha=32,
        lora_dropout=0.1,
        target_modules=["q_proj", "k_proj", "v_proj", "o_proj"],
        bias="none",
        task_type=TaskType.CAUSAL_LM,
    )
    with warnings.catch_warnings():  # peft 0.21 + transformers 5: a harmless FutureWarning
        warnings.simplefilter("ignore", FutureWarning)
        peft_model = get_peft_model(base, config)
    torch.manual_seed(seed)
    with torch.no_grad():
        for name, param in peft_model.named_parameters():
            if "lora_B" in name:
                param.normal_(0, 0.5)
    adapter_dir.mkdir(parents=True, exist_ok=True)
    peft_model.save_pretrained(str(adapter_dir))
    return adapter_dir
