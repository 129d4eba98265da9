"""`haven model tiny`, `haven model check` and the inference benchmark, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from bot.cli.model import app, bench_inference
from inference.config import ModelConfig
from inference.loading import load_model


def test_tiny_writes_a_loadable_model_and_adapter(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["tiny", str(tmp_path / "m"), "--params", "1M", "--adapter-dir", str(tmp_path / "a")]
    )
    assert result.exit_code == 0, result.output
    assert "M-parameter Llama" in result.output
    loaded = load_model(
        ModelConfig(base=str(tmp_path / "m"), adapter=str(tmp_path / "a"), device="cpu")
    )
    params = sum(p.numel() for p in loaded.model.parameters())
    assert 0.7e6 < params < 1.3e6


def test_tiny_refuses_a_bad_size(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["tiny", str(tmp_path), "--params", "lots"])
    assert result.exit_code == 2
    assert "--params" in result.output


def test_check_prints_one_line_for_a_model_folder(tiny_dir: Path, tmp_path: Path) -> None:
    config = tmp_path / "haven.toml"
    config.write_text("")
    result = CliRunner().invoke(app, ["check", "--model", str(tiny_dir), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("model ok: local ") and result.output.count("\n") == 1


def test_check_names_the_setting_when_the_folder_is_missing(tmp_path: Path) -> None:
    config = tmp_path / "haven.toml"
    config.write_text("")
    result = CliRunner().invoke(
        app, ["check", "--model", str(tmp_path / "nowhere"), "--config", str(config)]
    )
    assert result.exit_code == 2
    assert "model.base:" in result.output


def test_bench_prints_the_figures_as_json(
    tiny_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench_inference(
        model=tiny_dir,
        users=3,
        as_json=True,
        device="cpu",
        random_llama_3b=False,
        new_tokens=4,
        max_batch=16,
        threads=0,
        params="25M",
        repeat=1,
        dtype="auto",
    )
    figures = json.loads(capsys.readouterr().out)
    assert figures["users"] == 3
    assert figures["sequential"]["tokens"] == figures["worker"]["tokens"] == 12
    assert figures["speedup"] > 0
    assert {"first_chunk_s_p50", "first_chunk_s_p95", "loop_lag_ms_p99"} <= set(figures["worker"])


def test_bench_names_the_setting_for_a_missing_model(tmp_path: Path) -> None:
    with pytest.raises(typer.Exit):
        bench_inference(
            model=tmp_path / "nowhere",
            users=2,
            as_json=True,
            device="cpu",
            random_llama_3b=False,
            new_tokens=4,
            max_batch=16,
            threads=0,
            params="25M",
            repeat=1,
            dtype="auto",
        )


def test_bench_builds_a_random_llama_of_the_3b_shape_without_download(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import inference.tiny

    # the real 3B shape needs a GPU; a scaled-down shape runs the same code path here
    small = inference.tiny.LlamaShape(64, 2, 4, 2, 128, vocab=1024, tie_embeddings=True)
    monkeypatch.setattr(inference.tiny, "LLAMA_3_2_3B_SHAPE", small)
    bench_inference(
        model=None,
        users=2,
        as_json=True,
        device="cpu",
        random_llama_3b=True,
        new_tokens=3,
        max_batch=16,
        threads=0,
        params="25M",
        repeat=1,
        dtype="auto",
    )
    figures = json.loads(capsys.readouterr().out)
    assert figures["model"].startswith("random Llama-3.2-3B shape")
    assert figures["worker"]["tokens"] == 6


def test_cli_module_does_not_import_torch() -> None:
    import subprocess
    import sys

    code = "import sys, bot.cli.model; print('torch' in sys.modules, 'transformers' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]
