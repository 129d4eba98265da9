"""The trained crisis classifier: static MiniLM-distilled embeddings and a logistic head over L0-L4.

Both parts ship in ``bot/safety/model/`` and load offline with numpy and ``tokenizers`` only:
``static/`` holds a model2vec distillation of all-MiniLM-L6-v2 (token embeddings, 256 dims),
``head.npz`` the weights and decision thresholds written by ``python -m bot.safety.train``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

DEFAULT_MODEL_DIR = Path(__file__).parent / "model"


class ClassifierMissingError(RuntimeError):
    """The shipped classifier files are missing or unreadable."""


class StaticEmbedder:
    """Mean of static token embeddings, L2-normalised (model2vec's recipe, without the package)."""

    def __init__(self, static_dir: Path) -> None:
        from tokenizers import Tokenizer  # local import: only needed when the classifier is on

        tokenizer_path = static_dir / "tokenizer.json"
        try:
            if not tokenizer_path.is_file():
                raise FileNotFoundError(f"no {tokenizer_path}")
            self._tokenizer = Tokenizer.from_file(str(tokenizer_path))
            with np.load(static_dir / "embeddings.npz") as data:
                self._table = data["embeddings"].astype(np.float32)
        except (OSError, KeyError, ValueError) as exc:
            raise ClassifierMissingError(
                f"cannot load the static embeddings from {static_dir}: {exc}. "
                "Restore bot/safety/model/static/ from git (docs/decisions/crisis-classifier.md)."
            ) from exc
        self._tokenizer.no_truncation()
        self._unk = self._tokenizer.token_to_id("[UNK]")
        self.dim = int(self._table.shape[1])

    def _ids(self, text: str) -> list[int]:
        ids = self._tokenizer.encode(text, add_special_tokens=False).ids
        return [i for i in ids[:512] if i != self._unk]

    def embed(self, text: str) -> NDArray[np.float32]:
        ids = self._ids(text)
        if not ids:
            return np.zeros(self.dim, dtype=np.float32)
        vec = self._table[ids].mean(axis=0)
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 0 else vec

    def embed_many(self, texts: list[str]) -> NDArray[np.float32]:
        return np.stack([self.embed(t) for t in texts]) if texts else np.zeros((0, self.dim))


@dataclass(frozen=True, slots=True)
class HeadParams:
    """A multinomial logistic head and the thresholds the assessor applies to it."""

    weights: NDArray[np.float32]  # (5, dim)
    bias: NDArray[np.float32]  # (5,)
    threshold_crisis: float  # P(level >= 2) needed to raise a message to L2
    threshold_active: float  # P(level >= 3) needed to raise a message to L3
    meta: dict[str, object]

    def save(self, path: Path) -> None:
        np.savez(
            path,
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
            thresholds=np.array([self.threshold_crisis, self.threshold_active], dtype=np.float32),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path) -> HeadParams:
        try:
            with np.load(path, allow_pickle=False) as data:
                t_crisis, t_active = (float(x) for x in data["thresholds"])
                return cls(
                    data["weights"].astype(np.float32),
                    data["bias"].astype(np.float32),
                    t_crisis,
                    t_active,
                    json.loads(str(data["meta"])),
                )
        except (OSError, KeyError, ValueError) as exc:
            raise ClassifierMissingError(
                f"cannot load the classifier head {path}: {exc}. "
                "Restore it from git or re-run `python -m bot.safety.train`."
            ) from exc


def softmax(logits: NDArray[np.float32]) -> NDArray[np.float32]:
    shifted = logits - logits.max(axis=-1, keepdims=True)
    exp = np.exp(shifted)
    return exp / exp.sum(axis=-1, keepdims=True)


class CrisisClassifier:
    """P(level) of a normalised message; immutable once loaded, so threads may share it."""

    def __init__(self, model_dir: Path | None = None) -> None:
        model_dir = model_dir or DEFAULT_MODEL_DIR
        self.embedder = StaticEmbedder(model_dir / "static")
        self.head = HeadParams.load(model_dir / "head.npz")

    def probabilities(self, normalised_text: str) -> NDArray[np.float32]:
        """Probabilities of L0..L4 for one message already passed through ``normalise``."""
        vec = self.embedder.embed(normalised_text)
        return softmax(self.head.weights @ vec + self.head.bias)
