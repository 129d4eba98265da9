"""The shipped classifier head loads offline and separates clear examples."""

from __future__ import annotations

import numpy as np
import pytest

from bot.safety.classifier import (
    N_HASH_FEATURES,
    ClassifierMissingError,
    CrisisClassifier,
    HeadParams,
)
from bot.safety.normalise import normalise


@pytest.fixture(scope="module")
def classifier() -> CrisisClassifier:
    return CrisisClassifier()


def _p_crisis(classifier: CrisisClassifier, text: str) -> float:
    return float(classifier.probabilities(normalise(text))[2:].sum())


@pytest.mark.parametrize(
    "text", ["I want to kill myself", "i took a whole bottle of pills", "I wish I was dead"]
)
def test_clear_crisis_messages_score_high(classifier: CrisisClassifier, text: str) -> None:
    assert _p_crisis(classifier, text) >= 0.7


@pytest.mark.parametrize(
    "text", ["what should I cook for dinner tonight", "can you recommend a book", "my cat is cute"]
)
def test_clear_everyday_messages_score_low(classifier: CrisisClassifier, text: str) -> None:
    assert _p_crisis(classifier, text) <= 0.3


def test_head_has_five_levels_and_sane_thresholds(classifier: CrisisClassifier) -> None:
    head = classifier.head
    assert head.weights.shape == (5, classifier.embedder.dim + 2 * N_HASH_FEATURES)
    assert 0.0 < head.threshold_crisis < 1.0 and 0.0 < head.threshold_active < 1.0
    probs = classifier.probabilities("hello")
    assert probs.shape == (5,) and np.isclose(probs.sum(), 1.0)


def test_head_round_trips_through_npz(tmp_path, classifier: CrisisClassifier) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "head.npz"
    classifier.head.save(path)
    again = HeadParams.load(path)
    assert np.allclose(again.weights, classifier.head.weights)
    assert again.threshold_active == pytest.approx(classifier.head.threshold_active)


def test_missing_model_files_raise_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ClassifierMissingError, match="Restore"):
        CrisisClassifier(tmp_path)
