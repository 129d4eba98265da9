"""Shared fixtures: one assessor per session (loading the classifier takes ~0.1 s)."""

from __future__ import annotations

import pytest

from bot.safety.assessor import CrisisAssessor


@pytest.fixture(scope="session")
def assessor() -> CrisisAssessor:
    return CrisisAssessor()


@pytest.fixture(scope="session")
def rules_only() -> CrisisAssessor:
    return CrisisAssessor(use_classifier=False)
