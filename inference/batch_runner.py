"""Run one batch of chat requests through `model.generate` and stream each row as it grows.

One left-padded `generate` call serves the whole batch. A stopping criterion sees each new
token per row: it decodes text incrementally, hands it to that row's consumer, and ends a row
early on EOS, its own token limit, its deadline, or its consumer going away.
"""

from __future__ import annotations

import copy
import inspect
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from inference.api import GenerationError, GenerationTimeout
from inference.loading import LoadedModel
from inference.scheduling import Job
from inference.window import TokenizerCounter, fit_window

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class End:
    """The last item a consumer receives: `error` is None when the reply finished normally."""

    error: GenerationError | None = None


@dataclass
class BatchStats:
    """Counters for benchmarks and `haven model check`; written only by the generation thread."""

    tokens: int = 0
    batches: int = 0
    largest_batch: int = 0
    grouped_prefills: int = 0  # batches whose prompts were prefilled in length groups
    pauses: int = 0  # segments ended early so that waiting requests could join


class IncrementalDecoder:
    """Token ids in, new text out; holds back incomplete UTF-8 and word-piece boundaries."""

    def __init__(self, tokenizer: Any) -> None:
        self._tokenizer = tokenizer
        self._ids: list[int] = []
        self._prefix = 0  # decode from here so a piece's leading space is kept (SentencePiece)
        self._read = 0

    def push(self, token_id: int) -> str:
        self._ids.append(token_id)
        before = self._decode(self._ids[self._prefix : self._read])
        after = self._decode(self._ids[self._prefix :])
        if len(after) > len(before) and not after.endswith("\ufffd"):
            self._prefix, self._read = self._read, len(self._ids)
            return after[len(before) :]
        return ""

    def flush(self) -> str:
        """Whatever is still held back, at the end of the reply."""
        before = self._decode(self._ids[self._prefix : self._read])
        after = self._decode(self._ids[self._prefix :])
        self._prefix = self._read = len(self._ids)
        return after[len(before) :]

    def _decode(self, ids: list[int]) -> str:
        return self._tokenizer.decode(ids, skip_special_tokens=True) if ids else ""


@dataclass(eq=False)
class _Row:
    job: Job
    decoder: IncrementalDecoder
    generated: int = 0
    done: bool = False
    paused: bool = False
    new_ids: list[int] = field(default_factory=list)  # this segment's tokens, for resuming

    def finish(self, error: GenerationError | None) -> None:
        if not self.done:
            self.done = True
            tail = self.decoder.flush()
            if tail and error is None and not self.job.cancelled:
                self.job.deliver(tail)
            self.job.deliver(End(error))


def _timeout(job: Job) -> GenerationTimeout:
    return GenerationTimeout(
        f"the reply did not finish within {job.request.deadline_s:g} s; the model is slow or busy"
    )


def _make_stopper(
    rows: list[_Row], eos_ids: set[int], stats: BatchStats, pause: _PausePolicy
) -> Any:
    import torch
    from transformers import StoppingCriteria

    class RowStopper(StoppingCriteria):
        """Sees every new token first, so it streams text and decides each row's end."""

        steps = 0

        def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> Any:
            now = time.monotonic()
            self.steps += 1
            for row, token in zip(rows, input_ids[:, -1].tolist(), strict=True):
                if row.done:
                    continue
                if row.job.cancelled:
                    row.finish(None)
                elif now > row.job.deadline:
                    row.finish(_timeout(row.job))
                elif token in eos_ids:
                    row.finish(None)
                else:
                    row.generated += 1
                    row.new_ids.append(token)
                    stats.tokens += 1
                    text = row.decoder.push(token)
                    if text:
                        row.job.deliver(text)
                    if row.generated >= row.job.max_new_tokens:
                        row.finish(None)
            if self.steps >= pause.after_tokens > 0:
                active = [row for row in rows if not row.done]
                if active and pause.newcomers_fit(len(active)):
                    for row in active:  # end this segment; the rows go on in the next batch
                        row.done = row.paused = True
                    stats.pauses += 1
            return torch.tensor([row.done for row in rows], device=input_ids.device)

    return RowStopper()


def _make_row_sampler(rows: list[_Row]) -> Any:
    """Per-row temperature and top-p in one batch; temperature 0 rows stay greedy."""
    import torch
    from transformers import LogitsProcessor

    temps = [row.job.temperature for row in rows]
    top_ps = [row.job.top_p for row in rows]

    class RowSampler(LogitsProcessor):
        def __call__(self, input_ids: Any, scores: Any) -> Any:
            device = scores.device
            greedy = torch.tensor([t <= 0 for t in temps], device=device)
            temp = torch.tensor([t if t > 0 else 1.0 for t in temps], device=device)
            top_p = torch.tensor(top_ps, device=device, dtype=scores.dtype)
            scaled = scores / temp[:, None].to(scores.dtype)
            ordered, index = scaled.sort(dim=-1, descending=True)
            probs = ordered.softmax(dim=-1)
            outside = (probs.cumsum(dim=-1) - probs) > top_p[:, None]  # always keeps the best
            ordered = ordered.masked_fill(outside, float("-inf"))
            sampled = torch.full_like(scaled, float("-inf")).scatter(-1, index, ordered)
            best = scores.argmax(dim=-1, keepdim=True)
            only_best = torch.full_like(scores, float("-inf")).scatter(-1, best, 0.0)
            return torch.where(greedy[:, None], only_best, sampled)

    return RowSampler()


@dataclass(frozen=True)
class _PausePolicy:
    """When a running batch yields to waiting requests: after `after_tokens` steps, if
    `newcomers_fit(active_rows)` says requests are waiting and the batch has room for them."""

    after_tokens: int = 0  # 0: never pause
    newcomers_fit: Callable[[int], bool] = lambda active: False


_PAD_SLACK = 1.25  # group prompts for prefill once padding would add more than this share


def length_groups(lengths: Sequence[int]) -> list[list[int]]:
    """Row indices grouped by similar length: each group's padded area stays within
    `_PAD_SLACK` of its real tokens."""
    groups: list[list[int]] = []
    current: list[int] = []
    for i in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        candidate = [*current, i]
        if current and len(candidate) * lengths[i] > _PAD_SLACK * sum(
            lengths[j] for j in candidate
        ):
            groups.append(current)
            candidate = [i]
        current = candidate
    if current:
        groups.append(current)
    return groups


class BatchRunner:
    """Owned by the generation thread: prompts, padding, `generate`, and failure handling."""

    def __init__(
        self,
        loaded: LoadedModel,
        context_tokens: int,
        min_new_tokens: int = 0,
        pause_after_tokens: int = 0,
        newcomers_fit: Callable[[int], bool] | None = None,
    ) -> None:
        self._loaded = loaded
        self._cache_kw = cache_keyword(loaded.model)  # fixed for the model's transformers
        self._pause = _PausePolicy(pause_after_tokens, newcomers_fit or (lambda active: False))
        self._counter = TokenizerCounter(loaded.tokenizer)
        self._context_tokens = context_tokens
        self._min_new_tokens = min_new_tokens  # benchmarks only: fixed-length replies
        self._grouped_prefill = True  # switched off for good if this transformers refuses it
        self.stats = BatchStats()

    def run(self, jobs: Sequence[Job]) -> list[Job]:
        """Generate for `jobs`; returns those paused mid-reply, to be queued again."""
        rows: list[_Row] = []
        prompts: list[list[int]] = []
        now = time.monotonic()
        for job in jobs:
            decoder = job.decoder or IncrementalDecoder(self._loaded.tokenizer)
            row = _Row(job, decoder, generated=job.generated)
            if job.cancelled:
                row.finish(None)
            elif now > job.deadline:
                row.finish(_timeout(job))
            else:
                try:
                    prompts.append(job.resume_ids or self._prompt_ids(job))
                except GenerationError as exc:
                    row.finish(exc)
                    continue
                except Exception as exc:  # a template that rejects this chat fails one request
                    row.finish(GenerationError(f"the chat template rejected this chat: {exc}"))
                    continue
                rows.append(row)
        if rows:
            self._generate(rows, prompts)
        paused = []
        for row, prompt in zip(rows, prompts, strict=True):
            if row.paused and not row.job.cancelled:
                row.job.resume_ids = [*prompt, *row.new_ids]
                row.job.generated = row.generated
                row.job.decoder = row.decoder
                paused.append(row.job)
        return paused

    def _prompt_ids(self, job: Job) -> list[int]:
        # the reply needs room too; a request asking for nearly the whole context still gets
        # a quarter of it for its prompt
        budget = max(self._context_tokens - job.max_new_tokens, self._context_tokens // 4)
        window = fit_window(job.request.messages, self._counter, budget)
        return self._counter.render_ids(window)

    def _generate(self, rows: list[_Row], prompts: list[list[int]]) -> None:
        import torch

        try:
            self._generate_once(rows, prompts)
        except torch.OutOfMemoryError:
            if torch.cuda.is_available():
                torch.cuda.empty_cache()
            fresh = [(r, p) for r, p in zip(rows, prompts, strict=True) if r.generated == 0]
            for row in rows:
                if row.generated > 0:  # part of its reply is out: cannot restart it
                    row.finish(self._oom_error(len(rows)))
            if len(fresh) <= 1:
                for row, _ in fresh:
                    row.finish(self._oom_error(len(rows)))
                return
            half = len(fresh) // 2  # retry smaller: long prompts together may not fit
            log.warning("out of GPU memory on a batch of %d; retrying in halves", len(rows))
            for part in (fresh[:half], fresh[half:]):
                self._generate([r for r, _ in part], [p for _, p in part])
        except Exception as exc:  # a failing batch must not kill the worker
            log.exception("generation failed for a batch of %d", len(rows))
            for row in rows:
                row.finish(GenerationError(f"the model failed while generating ({exc})"))
        finally:
            for row in rows:
                row.finish(None)

    @staticmethod
    def _oom_error(size: int) -> GenerationError:
        return GenerationError(
            f"out of GPU memory generating a batch of {size}; lower [model] max_batch_size "
            f"or context_tokens"
        )

    def _generate_once(self, rows: list[_Row], prompts: list[list[int]]) -> None:
        import torch
        from transformers import LogitsProcessorList, StoppingCriteriaList

        loaded = self._loaded
        pad = loaded.tokenizer.pad_token_id
        width = max(map(len, prompts))
        input_ids = torch.full((len(prompts), width), pad, dtype=torch.long)
        attention = torch.zeros((len(prompts), width), dtype=torch.long)
        for i, ids in enumerate(prompts):
            input_ids[i, width - len(ids) :] = torch.tensor(ids, dtype=torch.long)
            attention[i, width - len(ids) :] = 1
        config = copy.deepcopy(loaded.model.generation_config)
        sampling = any(row.job.temperature > 0 for row in rows)
        # our RowSampler does temperature and top-p per row, so the built-in warpers stay off
        config.update(
            do_sample=sampling,
            temperature=None if not sampling else 1.0,
            top_p=None if not sampling else 1.0,
            top_k=None if not sampling else 0,
            max_new_tokens=max(row.job.max_new_tokens - row.generated for row in rows),
            min_new_tokens=max(0, self._min_new_tokens - min(r.generated for r in rows)) or None,
            eos_token_id=loaded.eos_token_ids,
            pad_token_id=pad,
        )
        processors = LogitsProcessorList([_make_row_sampler(rows)] if sampling else [])
        stopper = _make_stopper(rows, set(loaded.eos_token_ids), self.stats, self._pause)
        self.stats.batches += 1
        self.stats.largest_batch = max(self.stats.largest_batch, len(rows))
        device = loaded.model.device
        with torch.inference_mode():
            cache = self._prefill(prompts, width) if self._worth_grouping(prompts) else None
            loaded.model.generate(
                input_ids=input_ids.to(device),
                attention_mask=attention.to(device),
                **{self._cache_kw: cache},
                generation_config=config,
                logits_processor=processors,
                stopping_criteria=StoppingCriteriaList([stopper]),
            )

    def _worth_grouping(self, prompts: list[list[int]]) -> bool:
        lengths = [len(p) for p in prompts]
        padded = len(prompts) * max(lengths)
        return self._grouped_prefill and len(prompts) > 1 and padded > _PAD_SLACK * sum(lengths)

    def _prefill(self, prompts: list[list[int]], width: int) -> Any:
        """The prompts' KV cache, computed in groups of similar length, then left-padded into
        one batch cache that `generate` continues from.

        One padded forward over a batch of mixed lengths spends most of its time on padding;
        this spends it on real tokens. The last prompt token is left for `generate` to feed.
        """
        import torch

        try:
            return self._grouped_cache(prompts, width)
        except torch.OutOfMemoryError:
            raise
        except Exception:  # a transformers whose cache API moved: the padded path still works
            log.warning("grouped prefill unavailable; prefilling padded batches", exc_info=True)
            self._grouped_prefill = False
            return None

    def _grouped_cache(self, prompts: list[list[int]], width: int) -> Any:
        import torch
        from transformers import DynamicCache

        model = self._loaded.model
        device = model.device
        pad = self._loaded.tokenizer.pad_token_id
        heads = keys = values = None
        for group in length_groups([len(p) - 1 for p in prompts]):
            group_width = max(len(prompts[i]) - 1 for i in group)
            ids = torch.full((len(group), group_width), pad, dtype=torch.long)
            mask = torch.zeros((len(group), group_width), dtype=torch.long)
            for row, i in enumerate(group):
                body = prompts[i][:-1]
                ids[row, group_width - len(body) :] = torch.tensor(body, dtype=torch.long)
                mask[row, group_width - len(body) :] = 1
            positions = (mask.cumsum(-1) - 1).clamp(min=0)
            out = model(
                input_ids=ids.to(device),
                attention_mask=mask.to(device),
                position_ids=positions.to(device),
                **{self._cache_kw: DynamicCache(config=model.config)},
                use_cache=True,
                logits_to_keep=1,
            )
            layers = getattr(out, self._cache_kw).layers
            if heads is None:
                heads = [(layer.keys.shape, layer.keys.dtype) for layer in layers]
                keys = [
                    torch.zeros((len(prompts), s[1], width - 1, s[3]), dtype=d, device=device)
                    for s, d in heads
                ]
                values = [torch.zeros_like(k) for k in keys]
            index = torch.tensor(group, device=device)
            start = width - 1 - group_width  # right-align: the batch is left-padded
            for n, layer in enumerate(layers):
                keys[n][index, :, start:] = layer.keys  # type: ignore[index]
                values[n][index, :, start:] = layer.values  # type: ignore[index]
        self.stats.grouped_prefills += 1
        cache = DynamicCache(config=model.config)
        for n, (k, v) in enumerate(zip(keys or [], values or [], strict=True)):
            cache.update(k, v, n)
        return cache


def cache_keyword(model: Any) -> str:
    """The KV cache's argument and output name: transformers 5.x renamed `past_key_values` to
    `cache` (the old name still works but warns on every call, into the user's terminal)."""
    forward = inspect.signature(model.forward).parameters
    return "cache" if "cache" in forward else "past_key_values"
