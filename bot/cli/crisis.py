"""`haven crisis score|eval` and `haven bench crisis`: crisis detection offline, no network.

Heavy imports (numpy, tokenizers, the classifier) happen inside the commands so `haven --help`
stays fast.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from bot.safety.assessor import CrisisAssessor

app = typer.Typer(no_args_is_help=True)

_RulesOnly = Annotated[
    bool, typer.Option("--rules-only", help="Use the rules alone, without the trained classifier.")
]
_NoEncoder = Annotated[
    bool,
    typer.Option("--no-encoder", help="Use the n-gram head instead of the fine-tuned encoder."),
]


def _assessor(rules_only: bool, no_encoder: bool) -> CrisisAssessor:
    from bot.safety.assessor import CrisisAssessor  # imported late: keeps --help fast

    return CrisisAssessor(use_classifier=not rules_only, use_encoder=False if no_encoder else None)


@app.command("score")
def score(rules_only: _RulesOnly = False, no_encoder: _NoEncoder = False) -> None:
    """Read JSON lines {"text", "context"?} on stdin; write {"level", "score", "reasons"} lines."""
    assessor = _assessor(rules_only, no_encoder)
    for number, line in enumerate(sys.stdin, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text = str(record["text"])
            context = [str(c) for c in record.get("context") or ()]
        except (ValueError, KeyError, TypeError) as exc:
            typer.echo(
                f'line {number}: expected {{"text": ..., "context": [...]}}: {exc}', err=True
            )
            raise typer.Exit(2) from exc
        result = assessor.assess(text, context)
        out = {"level": int(result.level), "score": result.score, "reasons": list(result.reasons)}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


@app.command("eval")
def eval_file(
    file: Annotated[Path, typer.Argument(help="Labelled JSON lines: text, level, context?.")],
    rules_only: _RulesOnly = False,
    no_encoder: _NoEncoder = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Recall and precision for crisis (L>=2), L4 recall at L>=3, confusion, false alarms."""
    from bot.safety.data_io import LabelledDataError, read_labelled
    from bot.safety.evaluation import Scored, evaluate, format_report

    try:
        messages = read_labelled(file)
    except (OSError, LabelledDataError) as exc:
        typer.echo(f"cannot read {file}: {exc}", err=True)
        raise typer.Exit(2) from exc
    assessor = _assessor(rules_only, no_encoder)
    rows = [
        Scored(m.level, int(assessor.assess(m.text, m.context).level), m.category) for m in messages
    ]
    report = evaluate(rows)
    typer.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report))


def bench_crisis(
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    messages: Annotated[
        int | None,
        typer.Option(min=1, help="Time a spread sample of this many messages (default: 4000)."),
    ] = None,
    rounds: Annotated[
        int | None, typer.Option(min=1, help="Passes over the messages (default: 5).")
    ] = None,
) -> None:
    """Latency per message (rules alone; full assessment) and throughput, pinned to one core."""
    from bot.safety.benchmark import run_crisis_benchmark

    result = run_crisis_benchmark(rounds=rounds, messages=messages)
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    for key, value in result.items():
        typer.echo(f"{key:<36} {value}")
