"""The trained crisis classifier: a logistic head over L0-L4 on embeddings and hashed n-grams.

Features: a static embedding (a model2vec distillation of all-MiniLM-L6-v2, 256 dims, in
``model/static/``) plus hashed word and character n-grams (no vocabulary file). ``head.npz``
holds the weights and the decision thresholds written by ``python -m bot.safety.train``. All of it
loads offline with numpy, ``tokenizers`` and scikit-learn's hashing; no torch at run time.
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
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self.embed(t) for t in texts])


# Hashed n-gram features next to the embeddings: words and word pairs catch phrasings, character
# n-grams catch typos the normaliser does not know. Hashing needs no vocabulary file.
N_HASH_FEATURES = 2**16


class NgramHasher:
    """Word (1-2) and character (2-6) n-grams hashed into two 65,536-wide L2-normalised blocks."""

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self._words = HashingVectorizer(
            n_features=N_HASH_FEATURES, ngram_range=(1, 2), alternate_sign=False, norm="l2"
        )
        self._chars = HashingVectorizer(
            n_features=N_HASH_FEATURES,
            analyzer="char_wb",
            ngram_range=(2, 6),  # 2-6 beat 3-5 on unseen dev messages (decision note)
            alternate_sign=False,
            norm="l2",
        )

    def sparse(self, texts: list[str]):  # type: ignore[no-untyped-def]
        """A scipy CSR matrix (texts x 2 * N_HASH_FEATURES)."""
        from scipy.sparse import hstack

        return hstack([self._words.transform(texts), self._chars.transform(texts)]).tocsr()


class FeatureBuilder:
    """Everything the head reads: static embedding, then the hashed n-gram blocks."""

    def __init__(self, static_dir: Path) -> None:
        self.embedder = StaticEmbedder(static_dir)
        self.hasher = NgramHasher()
        self.dim = self.embedder.dim + 2 * N_HASH_FEATURES

    def matrix(self, texts: list[str]):  # type: ignore[no-untyped-def]
        from scipy.sparse import csr_matrix, hstack

        dense = csr_matrix(self.embedder.embed_many(texts))
        return hstack([dense, self.hasher.sparse(texts)]).tocsr()


@dataclass(frozen=True, slots=True)
class HeadParams:
    """A multinomial logistic head and the thresholds the assessor applies to it."""

    weights: NDArray[np.float32]  # (5, features): embedding dims, then word and char hashes
    bias: NDArray[np.float32]  # (5,)
    threshold_crisis: float  # P(level >= 2) needed to raise a message to L2
    threshold_active: float  # P(level >= 3) needed to raise a message to L3 with a rule signal
    meta: dict[str, object]
    # P(level >= 3) at which the classifier alone raises a message to L3 (no rule signal needed);
    # above 1 means never (heads trained before this threshold existed).
    threshold_lift: float = 1.01

    def save(self, path: Path) -> None:
        np.savez_compressed(
            path,
            weights=self.weights.astype(np.float16),
            bias=self.bias.astype(np.float32),
            thresholds=np.array(
                [self.threshold_crisis, self.threshold_active, self.threshold_lift],
                dtype=np.float32,
            ),
            meta=np.array(json.dumps(self.meta, sort_keys=True)),
        )

    @classmethod
    def load(cls, path: Path) -> HeadParams:
        try:
            with np.load(path, allow_pickle=False) as data:
                thresholds = [float(x) for x in data["thresholds"]]
                return cls(
                    data["weights"].astype(np.float32),
                    data["bias"].astype(np.float32),
                    thresholds[0],
                    thresholds[1],
                    json.loads(str(data["meta"])),
                    thresholds[2] if len(thresholds) > 2 else 1.01,
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
        self.hasher = NgramHasher()
        self.head = HeadParams.load(model_dir / "head.npz")
        dim = self.embedder.dim
        self._w_dense = np.ascontiguousarray(self.head.weights[:, :dim])
        self._w_sparse = np.ascontiguousarray(self.head.weights[:, dim:])

    def probabilities(self, normalised_text: str) -> NDArray[np.float32]:
        """Probabilities of L0..L4 for one message already passed through ``normalise``."""
        vec = self.embedder.embed(normalised_text)
        hashed = self.hasher.sparse([normalised_text])
        logits = self._w_dense @ vec + self._w_sparse[:, hashed.indices] @ hashed.data
        return softmax(logits + self.head.bias)
