"""Loading the base model, tokenizer and LoRA adapter, and the one-line failures."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import torch

from inference.api import GeneratorUnavailable
from inference.bnb_probe import probe_bitsandbytes
from inference.loading import LoadedModel, load_model
from inference.tiny import LLAMA3_CHAT_TEMPLATE
from tests.inference.conftest import tiny_config

PROMPT = [{"role": "system", "content": "Be kind."}, {"role": "user", "content": "I can't sleep."}]


def greedy_ids(loaded: LoadedModel, new_tokens: int = 12) -> list[int]:
    enc = loaded.tokenizer.apply_chat_template(
        PROMPT, add_generation_prompt=True, return_tensors="pt", return_dict=True
    )
    with torch.inference_mode():
        out = loaded.model.generate(
            **enc,
            max_new_tokens=new_tokens,
            min_new_tokens=new_tokens,
            do_sample=False,
            pad_token_id=loaded.tokenizer.pad_token_id,
        )
    return out[0, enc["input_ids"].shape[1] :].tolist()


def test_loads_model_and_tokenizer_from_a_folder(tiny_loaded: LoadedModel) -> None:
    assert type(tiny_loaded.model).__name__ == "LlamaForCausalLM"
    assert tiny_loaded.device == "cpu"
    assert tiny_loaded.dtype == torch.float32  # dtype auto on CPU
    assert tiny_loaded.tokenizer.padding_side == "left"
    assert tiny_loaded.eos_token_ids  # the template's end-of-turn stops a reply
    assert len(greedy_ids(tiny_loaded)) == 12


def test_lora_adapter_changes_output_and_merged_equals_unmerged(
    tiny_dir: Path, adapter_dir: Path, tiny_loaded: LoadedModel
) -> None:
    merged = load_model(tiny_config(tiny_dir, adapter=str(adapter_dir)))
    assert "merged" in merged.description
    assert not any("lora" in name for name, _ in merged.model.named_modules())

    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    unmerged_model = PeftModel.from_pretrained(
        AutoModelForCausalLM.from_pretrained(tiny_dir), str(adapter_dir)
    ).eval()
    unmerged = LoadedModel(
        unmerged_model, merged.tokenizer, "cpu", torch.float32, merged.eos_token_ids, ""
    )
    assert greedy_ids(merged, 16) == greedy_ids(unmerged, 16)
    assert greedy_ids(merged, 16) != greedy_ids(tiny_loaded, 16)


def test_missing_folder_names_the_base_setting(tmp_path: Path) -> None:
    with pytest.raises(GeneratorUnavailable) as caught:
        load_model(tiny_config(tmp_path / "nowhere"))
    message = str(caught.value)
    assert message.startswith("model.base:") and "does not exist" in message
    assert "\n" not in message


def test_folder_without_a_model_names_the_base_setting(tmp_path: Path) -> None:
    with pytest.raises(GeneratorUnavailable, match=r"^model\.base: .*no config\.json"):
        load_model(tiny_config(tmp_path))


def test_uncached_hub_id_fails_fast_without_network() -> None:
    started = time.monotonic()
    with pytest.raises(GeneratorUnavailable, match=r"^model\.base: .*not in the local cache"):
        load_model(tiny_config(Path("haven-test/no-such-model")))
    assert time.monotonic() - started < 10


def test_missing_adapter_folder_names_the_adapter_setting(tiny_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(GeneratorUnavailable, match=r"^model\.adapter: .*does not exist"):
        load_model(tiny_config(tiny_dir, adapter=str(tmp_path / "no-adapter")))


def test_adapter_for_another_base_names_the_adapter_setting(
    other_base_dir: Path, adapter_dir: Path
) -> None:
    with pytest.raises(GeneratorUnavailable) as caught:
        load_model(tiny_config(other_base_dir, adapter=str(adapter_dir)))
    assert str(caught.value).startswith("model.adapter:")
    assert "does not fit base" in str(caught.value)


@pytest.mark.skipif(torch.cuda.is_available(), reason="checks the message on a machine without GPU")
def test_cuda_without_gpu_names_the_device_setting(tiny_dir: Path) -> None:
    with pytest.raises(
        GeneratorUnavailable, match=r'^model\.device: .*set \[model\] device = "cpu"'
    ):
        load_model(tiny_config(tiny_dir, device="cuda"))


def test_invalid_setting_is_refused_before_loading(tiny_dir: Path) -> None:
    with pytest.raises(GeneratorUnavailable, match=r"^model\.quantization:"):
        load_model(tiny_config(tiny_dir, quantization="3bit"))


def test_tokenizer_without_chat_template_names_the_template_setting(
    tiny_dir: Path, tmp_path: Path
) -> None:
    for item in tiny_dir.iterdir():
        if item.name != "chat_template.jinja":
            (tmp_path / item.name).write_bytes(item.read_bytes())
    with pytest.raises(GeneratorUnavailable, match=r"^model\.chat_template:"):
        load_model(tiny_config(tmp_path))
    loaded = load_model(tiny_config(tmp_path, chat_template=LLAMA3_CHAT_TEMPLATE))
    assert loaded.tokenizer.chat_template == LLAMA3_CHAT_TEMPLATE


def test_four_bit_loading_where_bitsandbytes_supports_this_machine(
    tiny_dir: Path, adapter_dir: Path
) -> None:
    usable, reason = probe_bitsandbytes("cpu", 4)
    if not usable:
        with pytest.raises(GeneratorUnavailable, match=r"^model\.quantization:"):
            load_model(tiny_config(tiny_dir, quantization="4bit"))
        pytest.skip(f"bitsandbytes 4-bit unusable here, refusal checked instead: {reason}")
    loaded = load_model(tiny_config(tiny_dir, quantization="4bit", adapter=str(adapter_dir)))
    import bitsandbytes as bnb

    assert loaded.model.is_loaded_in_4bit
    assert any(isinstance(m, bnb.nn.Linear4bit) for m in loaded.model.modules())
    assert "unmerged" in loaded.description  # QLoRA adapters stay unmerged on a 4-bit base
    assert len(greedy_ids(loaded, 8)) == 8


def test_unreachable_hub_is_detected_in_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    monkeypatch.setenv("HF_HUB_OFFLINE", "0")
    monkeypatch.setattr(constants, "ENDPOINT", "http://127.0.0.1:9")  # nothing listens there
    started = time.monotonic()
    with pytest.raises(GeneratorUnavailable, match=r"^model\.base: .*cannot be reached"):
        load_model(tiny_config(Path("haven-test/no-such-model")))
    assert time.monotonic() - started < 10
