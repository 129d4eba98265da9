"""The fine-tuned encoder loads offline from the package plus the shipped delta, and is optional."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.safety.assessor import CrisisAssessor
from bot.safety.classifier import DEFAULT_MODEL_DIR, ClassifierMissingError
from bot.safety.encoder import ENCODER_DIRNAME, EncoderClassifier, stored_parameter_names
from bot.safety.levels import RiskLevel
from bot.safety.normalise import normalise


@pytest.fixture(scope="module")
def encoder() -> EncoderClassifier:
    return EncoderClassifier(DEFAULT_MODEL_DIR / ENCODER_DIRNAME)


def _p_crisis(encoder: EncoderClassifier, text: str) -> float:
    return float(encoder.probabilities(normalise(text))[2:].sum())


@pytest.mark.parametrize(
    "text", ["I want to kill myself", "bought the stuff today. tonight", "I wish I was dead"]
)
def test_clear_crisis_messages_score_high(encoder: EncoderClassifier, text: str) -> None:
    assert _p_crisis(encoder, text) >= 0.7


@pytest.mark.parametrize(
    "text", ["what should I cook for dinner tonight", "can you recommend a book", "my cat is cute"]
)
def test_clear_everyday_messages_score_low(encoder: EncoderClassifier, text: str) -> None:
    assert _p_crisis(encoder, text) <= 0.3


def test_probabilities_are_a_distribution_over_five_levels(encoder: EncoderClassifier) -> None:
    probs = encoder.probabilities("hello")
    assert probs.shape == (5,) and np.isclose(probs.sum(), 1.0, atol=1e-4)
    crisis, active, lift = encoder.thresholds
    assert 0.0 < crisis < 1.0 and 0.0 < active < 1.0 and 0.0 < lift < 1.0


def test_only_the_fine_tuned_parameters_are_stored() -> None:
    names = ["bert.embeddings.word_embeddings.weight", "bert.encoder.layer.0.x", "classifier.bias"]
    assert stored_parameter_names(names) == ["bert.encoder.layer.0.x", "classifier.bias"]


def test_missing_encoder_files_raise_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ClassifierMissingError, match="train_encoder"):
        EncoderClassifier(tmp_path)


def test_without_encoder_files_the_assessor_uses_the_ngram_head(tmp_path: Path) -> None:
    (tmp_path / "static").symlink_to(DEFAULT_MODEL_DIR / "static")
    (tmp_path / "head.npz").symlink_to(DEFAULT_MODEL_DIR / "head.npz")
    assessor = CrisisAssessor(model_dir=tmp_path)
    assert assessor.uses_classifier and not assessor.uses_encoder
    assert assessor.assess("I want to kill myself").level >= RiskLevel.ACTIVE


def test_the_encoder_reads_only_what_the_rules_left_undecided(assessor: CrisisAssessor) -> None:
    assert assessor.uses_encoder
    decided = assessor.assess("I have the pills and I'm taking them tonight")
    assert decided.level == RiskLevel.IMMINENT and decided.trigger == "rule:plan_timing"
