"""`haven crisis score|eval` and `haven bench crisis` through typer's runner."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from bot.cli import crisis

runner = CliRunner()


def test_score_writes_one_line_per_input_in_order() -> None:
    lines = [
        {"text": "what should I cook tonight"},
        {"text": "I already took 30 pills"},
        {
            "text": "how tall is the tallest bridge in town",
            "context": ["i lost my job, i can't cope"],
        },
    ]
    stdin = "\n".join(json.dumps(x) for x in lines) + "\n"
    result = runner.invoke(crisis.app, ["score"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.output.splitlines()]
    assert [o["level"] for o in out] == [0, 4, 3]
    assert out[1]["reasons"][0] == "rule:act_under_way"
    assert all(isinstance(o["score"], float) for o in out)


def test_score_rejects_a_line_without_text() -> None:
    result = runner.invoke(crisis.app, ["score"], input='{"message": "hi"}\n')
    assert result.exit_code == 2


def test_eval_prints_the_gate_figures(tmp_path: Path) -> None:
    data = tmp_path / "labelled.jsonl"
    rows = [
        {"text": "I want to kill myself", "level": 3},
        {"text": "this exam is killing me", "level": 0, "category": "figurative"},
        {"text": "i have the rope", "level": 4, "context": ["i don't want to live anymore"]},
    ]
    data.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = runner.invoke(crisis.app, ["eval", str(data), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["crisis_recall"] == 1.0
    assert figures["imminent_recall_at_l3"] == 1.0
    assert figures["false_alarm_l0"] == 0.0


def test_eval_reports_a_bad_file_clearly(tmp_path: Path) -> None:
    data = tmp_path / "bad.jsonl"
    data.write_text('{"text": "hi"}\n', encoding="utf-8")
    result = runner.invoke(crisis.app, ["eval", str(data)])
    assert result.exit_code == 2


def test_bench_prints_latency_figures_as_json(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import bot.safety.benchmark

    monkeypatch.setattr(bot.safety.benchmark, "_pin_to_one_core", lambda: "not pinned in tests")
    bench = typer.Typer()
    bench.command()(crisis.bench_crisis)
    result = runner.invoke(bench, ["--json", "--messages", "80", "--rounds", "1"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.output)
    assert figures["messages"] == 80 and figures["rounds"] == 1
    assert figures["rules_only"]["mean_ms"] > 0
    assert figures["full_assessment"]["p95_ms"] >= figures["full_assessment"]["p50_ms"]
