"""Crisis assessment of one message in its conversation: rules, the classifier and the context.

The rules decide whenever they see active risk (L3/L4); the classifier adds recall for indirect
phrasings the rules miss, but may not overrule a guard (figurative, negated, joking, historical)
unless it is nearly certain; when it is nearly sure of active risk it may raise a message to L3
on its own (a fresh phrasing of a plan the rules have never seen). The context window then adds
what one message cannot show: distress followed by a method question, ideation followed by a
time or means, a plan and the means in either order, and the highest level already reached (a
later "never mind" does not reset it).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.safety.classifier import DEFAULT_MODEL_DIR, CrisisClassifier
from bot.safety.combine import RuleVerdict, rule_verdict
from bot.safety.conversation import conversation_level
from bot.safety.encoder import ENCODER_DIRNAME, EncoderClassifier
from bot.safety.levels import Assessment, RiskLevel
from bot.safety.normalise import normalise

# Above this, the classifier may raise a guarded message to L2 anyway.
_GUARD_OVERRIDE = 0.97
_DISTRESS_THRESHOLD = 0.6
# Rule signals (level 0 on their own) that let a confident classifier raise a message to L3;
# a bare time word ("tonight") is not one, it is in too many ordinary messages.
_PLAN_SIGNALS = frozenset(
    {
        "covert_timing",
        "means_possession",
        "at_hand_pronoun",
        "means_ready",
        "at_place",
        "intent_vague",
        "act_marker",
        "height_remark",
    }
)
_ACTIVE_FLOOR = 0.85
# The encoder costs ~10 ms a message on one core; the n-gram head (~1 ms) runs first and a
# message it puts below this P(L>=1), with no rule signal at all, skips the encoder. On the 957
# unseen dev messages this skipped 42% of the L0 lines and none the encoder would have caught.
_ENCODER_GATE = 0.05
# The encoder is confident more often than the n-gram head; a guarded message (figurative,
# negated, joking, told as past) it may raise only when it is all but certain.
_ENCODER_GUARD_OVERRIDE = 0.995
# Where the rules saw nothing at all, the encoder's raise must be corroborated by the n-gram
# head, a model with a different bias: the encoder is confidently wrong on short out-of-domain
# lines ("who schedules these things": P(L>=3) 0.94, n-gram 0.12) and on other languages. On
# fresh batches 10-12 (both models blind to them) a floor of 0.3 on the head's P(L>=2) (and
# P(L>=3) for a lift to L3) removed 1-3 points of false alarms and no caught crisis. After the
# fourth-pass retrain (far more everyday text) 0.3 blocked 8 real crises and 1 false alarm on
# blind b16-18, so the floor is 0.05: only a raise the head all but rules out is vetoed.
_CORROBORATION = 0.05
# One or two words the rules see nothing in ("window", "tuesday", "got it", "k") carry too little
# for either classifier: both learned that short lines are crisis lines (29 of 31 three-word solo
# training lines were L3/L4) and scored everyday words at P(L>=3) 0.9-1.0. Terse crisis lines
# ("kms", "cut again", "end it", "tonights the night") are rule vocabulary, so there the
# classifiers may raise no higher than distress; the context rules still apply.
_SHORT_WORDS = 2
_PLAN_MARKERS = frozenset({"plan_marker", "intent_vague", "plan"})
_MEANS_AT_HAND = frozenset({"means_possession", "at_hand_pronoun", "means_ready", "means_in_place"})


@dataclass(frozen=True, slots=True)
class Decision:
    level: RiskLevel
    score: float
    reasons: tuple[str, ...]


def decide(
    rules: RuleVerdict,
    probs: NDArray[np.float32] | None,
    threshold_crisis: float,
    threshold_active: float,
    threshold_lift: float = 1.01,
    guard_override: float = _GUARD_OVERRIDE,
) -> Decision:
    """Merge the rule verdict with the classifier's probabilities for one message (pure)."""
    if probs is None:
        return Decision(rules.level, rules.score, rules.reasons)
    p_crisis = float(probs[2:].sum())
    p_active = float(probs[3:].sum())
    p_distress = float(probs[1:].sum())
    clf_reason = f"clf:{p_crisis:.2f}"
    if rules.level >= RiskLevel.ACTIVE:
        return Decision(
            rules.level, max(rules.score, round(p_active, 3)), (*rules.reasons, clf_reason)
        )
    if rules.guarded and rules.level < RiskLevel.PASSIVE:
        clf_level = RiskLevel.PASSIVE if p_crisis >= guard_override else RiskLevel.NONE
    elif p_active >= max(threshold_active, _ACTIVE_FLOOR) and (
        rules.level >= RiskLevel.DISTRESS or rules.names & _PLAN_SIGNALS
    ):
        # Alone, the classifier only asks (L2); it alerts moderators (L3) only when the rules
        # also saw distress or a plan signal (means at hand, a place, a time), because
        # bag-of-words embeddings confuse "my sleeping pills" with a plan.
        clf_level = RiskLevel.ACTIVE
    elif p_active >= threshold_lift and p_crisis >= threshold_crisis:
        # Nearly certain of active risk with no rule signal: fresh phrasings of a plan, a
        # preparation or a method question the rules have never seen ("bought a rope today").
        # The threshold keeps out-of-fold L0-L2 messages raised to L3 at a few percent.
        clf_level = RiskLevel.ACTIVE
    elif p_crisis >= threshold_crisis:
        clf_level = RiskLevel.PASSIVE
    elif p_distress >= _DISTRESS_THRESHOLD:
        clf_level = RiskLevel.DISTRESS
    else:
        clf_level = RiskLevel.NONE
    if clf_level > rules.level:
        score = p_active if clf_level >= RiskLevel.ACTIVE else p_crisis
        if clf_level == RiskLevel.DISTRESS:
            score = p_distress
        return Decision(clf_level, round(score, 3), (clf_reason, *rules.reasons))
    return Decision(rules.level, rules.score, (*rules.reasons, clf_reason))


def corroborate(
    rules: RuleVerdict,
    decision: Decision,
    head_probs: NDArray[np.float32],
    encoder_probs: NDArray[np.float32],
    floor: float = _CORROBORATION,
) -> Decision:
    """Keep an encoder raise where the rules saw nothing only if the head agrees a little.

    A lift to L3 needs the head's P(L>=3) >= ``floor`` (else it falls to L2); a raise to L2 needs
    its P(L>=2) >= ``floor`` (else the message keeps the encoder's distress reading or nothing).
    """
    if rules.names or decision.level <= rules.level or decision.level < RiskLevel.PASSIVE:
        return decision
    level = decision.level
    if level >= RiskLevel.ACTIVE and float(head_probs[3:].sum()) < floor:
        level = RiskLevel.PASSIVE
    if level == RiskLevel.PASSIVE and float(head_probs[2:].sum()) < floor:
        distressed = float(encoder_probs[1:].sum()) >= _DISTRESS_THRESHOLD
        level = RiskLevel.DISTRESS if distressed else RiskLevel.NONE
    if level == decision.level:
        return decision
    reasons = (*decision.reasons, "clf:uncorroborated")
    if level <= rules.level:
        return Decision(rules.level, rules.score, reasons)
    cut = 1 if level == RiskLevel.DISTRESS else 2
    return Decision(level, round(float(encoder_probs[cut:].sum()), 3), reasons)


def cap_short(rules: RuleVerdict, decision: Decision, normalised_text: str) -> Decision:
    """A classifier raise over one or two words with no rule signal stops at distress (L1)."""
    if (
        rules.names
        or decision.level <= max(rules.level, RiskLevel.DISTRESS)
        or len(normalised_text.split()) > _SHORT_WORDS
    ):
        return decision
    level = max(rules.level, RiskLevel.DISTRESS)
    return Decision(level, min(decision.score, 0.6), (*decision.reasons, "clf:too_short"))


class CrisisAssessor:
    """Screens messages for crisis risk; build once, then call from any thread."""

    def __init__(
        self,
        *,
        use_classifier: bool = True,
        model_dir: Path | None = None,
        use_encoder: bool | None = None,
    ) -> None:
        """``use_encoder``: None loads the fine-tuned encoder when its files are shipped."""
        self._classifier = CrisisClassifier(model_dir) if use_classifier else None
        self._encoder = _load_encoder(model_dir, use_classifier, use_encoder)
        # Each turn re-reads the earlier messages of its window; remembering each message's
        # verdict makes that a lookup instead of another classifier pass per earlier message.
        self._message = functools.lru_cache(maxsize=8192)(self._message_uncached)
        # The core screens each message with the rules before its full assessment: the second
        # look at the same text is a lookup.
        self._rules = functools.lru_cache(maxsize=8192)(self._rules_uncached)

    @property
    def uses_classifier(self) -> bool:
        return self._classifier is not None

    @property
    def uses_encoder(self) -> bool:
        return self._encoder is not None

    def forget(self) -> None:
        """Drop the remembered verdicts (benchmarks time cold assessments with this)."""
        self._message.cache_clear()
        self._rules.cache_clear()

    def assess_rules(self, text: str) -> Assessment:
        """Rules only: normalisation, rule families, guards and their combinations."""
        _, verdict = self._rules(text)
        return Assessment(verdict.level, verdict.score, verdict.reasons)

    def _rules_uncached(self, text: str) -> tuple[str, RuleVerdict]:
        norm = normalise(text)
        return norm, rule_verdict(text, norm)

    def _message_uncached(self, text: str) -> tuple[RuleVerdict, Decision]:
        norm, verdict = self._rules(text)
        if self._classifier is None:
            return verdict, decide(verdict, None, 1.0, 1.0)
        head = self._classifier.head
        probs = self._classifier.probabilities(norm)
        if (
            self._encoder is not None
            and verdict.level < RiskLevel.ACTIVE
            and (verdict.names or float(probs[1:].sum()) >= _ENCODER_GATE)
        ):
            # Where the rules have not decided, the fine-tuned encoder reads the message: it
            # generalises to unseen phrasings far better than the n-gram head (decision note).
            encoder, (t_crisis, t_active, t_lift) = self._encoder
            encoded = encoder.probabilities(norm)
            decision = decide(
                verdict,
                encoded,
                t_crisis,
                t_active,
                t_lift,
                guard_override=_ENCODER_GUARD_OVERRIDE,
            )
            decision = corroborate(verdict, decision, probs, encoded)
            return verdict, cap_short(verdict, decision, norm)
        decision = decide(
            verdict, probs, head.threshold_crisis, head.threshold_active, head.threshold_lift
        )
        return verdict, cap_short(verdict, decision, norm)

    def assess(self, text: str, context: Sequence[str] = ()) -> Assessment:
        """One message, with the earlier user messages of its window (oldest first)."""
        verdict, decision = self._message(text)
        if not context:
            return Assessment(decision.level, decision.score, decision.reasons)
        earlier = [self._message(t) for t in context]
        return _with_context(verdict, decision, earlier)


def _load_encoder(
    model_dir: Path | None, use_classifier: bool, use_encoder: bool | None
) -> tuple[EncoderClassifier, tuple[float, float, float]] | None:
    if not use_classifier or use_encoder is False:
        return None
    encoder_dir = (model_dir or DEFAULT_MODEL_DIR) / ENCODER_DIRNAME
    if use_encoder is None and not (encoder_dir / "weights.safetensors").is_file():
        return None
    encoder = EncoderClassifier(encoder_dir)
    return encoder, encoder.thresholds


def _with_context(
    verdict: RuleVerdict, decision: Decision, earlier: list[tuple[RuleVerdict, Decision]]
) -> Assessment:
    levels = [d.level for _, d in earlier]
    level, score, reasons = decision.level, decision.score, list(decision.reasons)
    raised: list[tuple[RiskLevel, str]] = []
    if max(levels, default=RiskLevel.NONE) >= RiskLevel.DISTRESS and verdict.has_method:
        raised.append((RiskLevel.ACTIVE, "context:distress_then_method"))
    ideation_before = any(v.has_ideation or d.level >= RiskLevel.PASSIVE for v, d in earlier)
    if ideation_before and verdict.has_plan_signal:
        raised.append((RiskLevel.IMMINENT, "context:ideation_then_plan"))
    # "i have a plan" then "the pills are under my mattress": a plan and the means, in either order.
    plan_before = any(v.names & _PLAN_MARKERS for v, _ in earlier)
    means_before = any(v.names & _MEANS_AT_HAND for v, _ in earlier)
    if (plan_before and verdict.names & _MEANS_AT_HAND) or (
        means_before and verdict.names & _PLAN_MARKERS
    ):
        raised.append((RiskLevel.IMMINENT, "context:plan_and_means"))
    windowed = conversation_level(level, levels)
    if windowed > level:
        raised.append((windowed, "context:window"))
    for new_level, reason in sorted(raised, key=lambda r: r[0], reverse=True):
        if new_level > level:
            level, score = new_level, max(score, 0.8)
            reasons.insert(0, reason)
        elif reason not in reasons:
            reasons.append(reason)
    return Assessment(level, score, tuple(reasons))
