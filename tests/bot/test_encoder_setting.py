"""`[safety] use_encoder` and `haven crisis eval --no-encoder`: the operator's switch for the
fine-tuned encoder (torch) on small machines; the n-gram head and the rules keep working."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from bot.app import build_app
from bot.cli.crisis import app as crisis_cli
from bot.config import Settings
from bot.safety.classifier import DEFAULT_MODEL_DIR
from bot.safety.encoder import ENCODER_DIRNAME
from bot.safety.levels import RiskLevel

SHIPPED = (DEFAULT_MODEL_DIR / ENCODER_DIRNAME / "weights.safetensors").is_file()


@pytest.mark.skipif(not SHIPPED, reason="the encoder's weights are not in this checkout")
@pytest.mark.parametrize("use_encoder", [True, False])
async def test_the_setting_decides_whether_the_app_loads_the_encoder(
    make_settings: Callable[..., Settings], use_encoder: bool
) -> None:
    settings = make_settings(model={"backend": "none"}, safety={"use_encoder": use_encoder})
    app = build_app(settings, with_adapters=False)
    await app.start()
    try:
        assert app.assessor.uses_classifier
        assert app.assessor.uses_encoder is use_encoder
        # Either way the rules still decide an explicit statement at once.
        assert app.assessor.assess("i want to kill myself").level >= RiskLevel.ACTIVE
    finally:
        await app.stop()


def test_the_setting_is_read_from_the_environment(
    make_settings: Callable[..., Settings], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HAVEN_SAFETY__USE_ENCODER", "false")
    assert Settings().safety.use_encoder is False


def test_eval_without_the_encoder_prints_the_figures(tmp_path: Path) -> None:
    labelled = tmp_path / "few.jsonl"
    rows: list[dict[str, Any]] = [
        {"text": "i took all my pills ten minutes ago", "level": 4},
        {"text": "this traffic is killing me lol", "level": 0},
    ]
    labelled.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = CliRunner().invoke(crisis_cli, ["eval", str(labelled), "--no-encoder", "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["total"] == 2
    assert figures["confusion"][4][3] + figures["confusion"][4][4] == 1  # the overdose at L3+
