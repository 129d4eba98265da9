"""`haven model ...` (build a tiny local model, check the configured one) and the inference bench.

torch and transformers are imported inside the commands so `haven --help` stays fast.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from typing import Any

import typer

from bot.cli.common import ConfigOption, fail, settings_or_exit

app = typer.Typer(no_args_is_help=True)


@app.command("tiny")
def tiny(
    directory: Path = typer.Argument(..., help="Folder to write the model into (created)."),
    params: str = typer.Option("25M", "--params", help="Approximate size: 140k, 5M, 25M, 100M."),
    adapter_dir: Path = typer.Option(
        None, "--adapter-dir", help="Also write a LoRA adapter (r=8, q/k/v/o) for it here."
    ),
    seed: int = typer.Option(0, "--seed", help="Seed for the random weights."),
) -> None:
    """Build a random-weight Llama-architecture model and a real BPE tokenizer, offline.

    The folder loads like any Hugging Face model (`haven chat --model DIR`); the replies are
    nonsense, since the weights are random, but every part of the pipeline runs for real.
    """
    from inference.tiny import (
        count_params,
        make_lora_adapter,
        make_tiny_llama,
        parse_param_count,
        shape_for_params,
    )

    try:
        shape = shape_for_params(parse_param_count(params))
    except ValueError as exc:
        raise fail(f"--params: {exc}") from None
    make_tiny_llama(directory, shape, seed=seed)
    line = (
        f"wrote a {count_params(shape) / 1e6:.1f}M-parameter Llama ({shape.layers} layers, "
        f"hidden {shape.hidden}) and its tokenizer to {directory}"
    )
    if adapter_dir is not None:
        make_lora_adapter(directory, adapter_dir, seed=seed + 1)
        line += f"; LoRA adapter in {adapter_dir}"
    typer.echo(line)


@app.command("check")
def check(
    model: Path = typer.Option(None, "--model", help="A local model folder instead of [model]."),
    adapter: Path = typer.Option(None, "--adapter", help="A local LoRA adapter folder."),
    config: Path = ConfigOption,
) -> None:
    """Load (or connect to) the configured model and print one line saying what runs where."""
    import asyncio

    from bot.app import model_config
    from inference.api import GeneratorUnavailable
    from inference.factory import build_generator

    overrides: dict[str, Any] = {}
    if model is not None:
        overrides["model"] = {"backend": "local", "preset": "custom", "base": str(model)}
        overrides["model"]["adapter"] = str(adapter) if adapter else None
    elif adapter is not None:
        overrides["model"] = {"adapter": str(adapter)}
    settings = settings_or_exit(config, **overrides)

    async def load() -> str:
        generator = build_generator(model_config(settings))
        started = time.monotonic()
        await generator.start()
        try:
            return (
                f"model ok: {generator.description} (ready in {time.monotonic() - started:.1f} s)"
            )
        finally:
            await generator.close()

    try:
        typer.echo(asyncio.run(load()))
    except GeneratorUnavailable as exc:
        raise fail(str(exc)) from None


def bench_inference(
    model: Path = typer.Option(
        None, "--model", help="A local model folder (default: a 25M tiny Llama built now)."
    ),
    users: int = typer.Option(16, "--users", help="Concurrent chats."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
    device: str = typer.Option("auto", "--device", help="auto, cpu, cuda or cuda:N."),
    random_llama_3b: bool = typer.Option(
        False,
        "--random-llama-3b",
        help="Benchmark a Llama-3.2-3B-shaped model with random bf16 weights (no download; GPU).",
    ),
    new_tokens: int = typer.Option(64, "--new-tokens", help="Tokens generated per reply."),
    max_batch: int = typer.Option(16, "--max-batch", help="The worker's max batch size."),
    threads: int = typer.Option(0, "--threads", help="torch CPU threads (0: torch's default)."),
    params: str = typer.Option(
        "25M", "--params", help="Size of the tiny model built when no --model."
    ),
    repeat: int = typer.Option(3, "--repeat", help="Runs per side; each keeps its best."),
    dtype: str = typer.Option(
        "auto", "--dtype", help="auto (bf16 on GPU, fp32 on CPU), float32, bfloat16, float16."
    ),
) -> None:
    """The same chats through the batching worker and one by one with plain `generate`."""
    import logging

    from inference.api import GeneratorUnavailable
    from inference.bench import BenchSettings, run_bench

    logging.getLogger("bitsandbytes").setLevel(logging.ERROR)
    if threads > 0:
        import torch

        torch.set_num_threads(threads)
    try:
        loaded = _bench_model(model, device, random_llama_3b, params, dtype)
    except GeneratorUnavailable as exc:
        raise fail(str(exc)) from None
    settings = BenchSettings(
        users=users, new_tokens=new_tokens, max_batch_size=max_batch, repeat=repeat
    )
    result = run_bench(loaded, settings)
    if as_json:
        typer.echo(json.dumps(result, indent=2))
        return
    seq, worker = result["sequential"], result["worker"]
    typer.echo(
        f"{result['model']}: {result['parameters'] / 1e6:.1f}M parameters, {result['users']} "
        f"users x {result['new_tokens_per_reply']} tokens, {result['torch_threads']} threads, "
        f"best of {result['runs_per_side']} runs per side\n"
        f"  sequential generate: {seq['tokens_per_s']} tok/s ({seq['seconds']} s)\n"
        f"  worker:              {worker['tokens_per_s']} tok/s ({worker['seconds']} s, "
        f"{worker['batches']} batches, largest {worker['largest_batch']})\n"
        f"  speed-up:            x{result['speedup']}\n"
        f"  first chunk:         p50 {worker['first_chunk_s_p50']} s, "
        f"p95 {worker['first_chunk_s_p95']} s\n"
        f"  event-loop lag:      p50 {worker['loop_lag_ms_p50']} ms, "
        f"p99 {worker['loop_lag_ms_p99']} ms, max {worker['loop_lag_ms_max']} ms"
    )


def _bench_model(
    model: Path | None, device: str, random_llama_3b: bool, params: str, dtype: str
) -> Any:
    from inference.api import GeneratorUnavailable
    from inference.config import ModelConfig
    from inference.loading import LoadedModel, load_model, resolve_device, resolve_dtype
    from inference.tiny import (
        LLAMA_3_2_3B_SHAPE,
        build_model,
        build_tokenizer,
        make_tiny_llama,
        parse_param_count,
        shape_for_params,
    )

    if dtype not in ("auto", "float32", "bfloat16", "float16"):
        raise GeneratorUnavailable(f"--dtype: {dtype!r} is not auto, float32, bfloat16 or float16")
    if random_llama_3b:
        resolved = resolve_device(device)
        torch_dtype = resolve_dtype(dtype, resolved)
        tokenizer = build_tokenizer()
        tokenizer.padding_side = "left"
        built = build_model(tokenizer, LLAMA_3_2_3B_SHAPE, dtype=torch_dtype, device=resolved)
        eos = list(built.generation_config.eos_token_id)
        name = str(torch_dtype).split(".")[-1]
        description = f"random Llama-3.2-3B shape on {resolved}, {name}"
        return LoadedModel(built, tokenizer, resolved, torch_dtype, eos, description)
    if model is None:
        folder = Path(tempfile.mkdtemp(prefix="haven-bench-"))
        model = make_tiny_llama(folder, shape_for_params(parse_param_count(params)))
    return load_model(ModelConfig(base=str(model), adapter=None, device=device, dtype=dtype))
