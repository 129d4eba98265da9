"""Train the crisis classifier head: `python -m bot.safety.train` (deterministic, CPU, ~3 min).

Reads ``bot/safety/data/train.jsonl`` only; the held-out split is never read here. Fits a
multinomial logistic regression over the static embedding and hashed n-grams of normalised
text, picks the thresholds by 5-fold out-of-fold predictions on the training split combined with
the rules, and writes ``bot/safety/model/head.npz``.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from bot.safety.assessor import decide
from bot.safety.classifier import DEFAULT_MODEL_DIR, FeatureBuilder, HeadParams
from bot.safety.combine import RuleVerdict, rule_verdict
from bot.safety.data_io import LabelledMessage, read_labelled
from bot.safety.levels import RiskLevel
from bot.safety.normalise import normalise

SEED = 13
DATA_DIR = Path(__file__).parent / "data"
_C_GRID = (8.0, 16.0)  # 4 and 32 lost on out-of-fold log-loss; kept short for speed
_T_CRISIS_GRID = tuple(np.round(np.arange(0.40, 0.96, 0.05), 2))
_T_ACTIVE_GRID = tuple(np.round(np.arange(0.60, 0.99, 0.05), 2))
_T_LIFT_GRID = tuple(np.round(np.arange(0.80, 0.991, 0.01), 2))
# Budgets, out of fold on the training split (whose L0 lines are mostly near-misses written to
# trip the rules, so these rates run higher than on ordinary traffic). On fresh dev batches 5-8,
# moving the crisis threshold from 0.90 to 0.85 and the lift from 0.92 to 0.85 raised crisis
# recall 0.60 -> 0.68 and L4 recall 0.49 -> 0.53 for 4.5% -> 5.4% false alarms on L0.
_MAX_CRISIS_FALSE_ALARM = 0.055  # of L0 training messages raised to L2+
_MAX_ACTIVE_FALSE_ALARM = 0.03  # of L0-L2 training messages raised to L3+ with a rule signal
_MAX_LIFT_FALSE_ALARM = 0.037  # the same, once the classifier may also lift to L3 alone


def _fit(x, y: np.ndarray, c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression

    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced", random_state=SEED)
    model.fit(x, y)
    return model


def _oof_probs(x, y: np.ndarray, c: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    from sklearn.model_selection import StratifiedKFold

    probs = np.zeros((len(y), 5))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    for train_idx, test_idx in folds.split(x, y):
        model = _fit(x[train_idx], y[train_idx], c)
        full = np.zeros((len(test_idx), 5))
        full[:, model.classes_] = model.predict_proba(x[test_idx])
        probs[test_idx] = full
    return probs


def _log_loss(probs: np.ndarray, y: np.ndarray) -> float:
    return float(-np.mean(np.log(np.clip(probs[np.arange(len(y)), y], 1e-9, 1.0))))


def _combined_levels(
    verdicts: list[RuleVerdict],
    probs: np.ndarray,
    t_crisis: float,
    t_active: float,
    t_lift: float = 1.01,
) -> np.ndarray:
    return np.array(
        [
            int(decide(v, p, t_crisis, t_active, t_lift).level)
            for v, p in zip(verdicts, probs, strict=True)
        ]
    )


def _pick_thresholds(
    messages: list[LabelledMessage], probs: np.ndarray
) -> tuple[float, float, float, dict[str, float]]:
    """The lowest thresholds at which rules + classifier keep out-of-fold false alarms low.

    The classifier only matters where the rules stay below L2 and no guard fired, so the
    thresholds are chosen on the combined decision: the lowest crisis threshold at which at
    most 5.5% of the L0 messages are raised to L2 or above, then the lowest active threshold
    at which at most 3% of the non-active ones (L0-L2) reach L3, then the lowest lift
    threshold (the classifier alone raising to L3) that keeps that at 3.7%.
    """
    gold = np.array([m.level for m in messages])
    verdicts = [rule_verdict(m.text) for m in messages]
    t_crisis, t_active = 0.99, 0.99
    for t in sorted(_T_CRISIS_GRID):
        pred = _combined_levels(verdicts, probs, float(t), 0.99)
        if float((pred[gold == 0] >= 2).mean()) <= _MAX_CRISIS_FALSE_ALARM:
            t_crisis = float(t)
            break
    for t in sorted(_T_ACTIVE_GRID):
        pred = _combined_levels(verdicts, probs, t_crisis, float(t))
        if float((pred[gold < 3] >= 3).mean()) <= _MAX_ACTIVE_FALSE_ALARM:
            t_active = float(t)
            break
    t_lift = 1.01
    for t in sorted(_T_LIFT_GRID):
        pred = _combined_levels(verdicts, probs, t_crisis, t_active, float(t))
        if float((pred[gold < 3] >= 3).mean()) <= _MAX_LIFT_FALSE_ALARM:
            t_lift = float(t)
            break
    pred = _combined_levels(verdicts, probs, t_crisis, t_active, t_lift)
    crisis, flagged = gold >= 2, pred >= 2
    stats = {
        "recall": float((crisis & flagged).sum() / max(crisis.sum(), 1)),
        "precision": float((crisis & flagged).sum() / max(flagged.sum(), 1)),
        "false_alarm_l0": float((flagged & (gold == 0)).sum() / max((gold == 0).sum(), 1)),
        "imminent_recall_at_l3": float((pred[gold == 4] >= 3).mean()),
        "active_false_alarm_l0_l2": float((pred[gold < 3] >= 3).mean()),
    }
    return t_crisis, t_active, t_lift, stats


def train(data_path: Path, model_dir: Path) -> HeadParams:
    messages = [m for m in read_labelled(data_path) if not m.context]
    features = FeatureBuilder(model_dir / "static")
    x = features.matrix([normalise(m.text) for m in messages])
    y = np.array([m.level for m in messages])
    scores = {c: _log_loss(_oof_probs(x, y, c), y) for c in _C_GRID}
    c = min(scores, key=lambda k: scores[k])
    oof = _oof_probs(x, y, c)
    t_crisis, t_active, t_lift, stats = _pick_thresholds(messages, oof)
    model = _fit(x, y, c)
    weights = np.zeros((5, x.shape[1]), dtype=np.float32)
    bias = np.full(5, -30.0, dtype=np.float32)  # a level never seen in training stays impossible
    weights[model.classes_] = model.coef_
    bias[model.classes_] = model.intercept_
    meta = {
        "trained_on": data_path.name,
        "messages": len(messages),
        "per_level": {
            RiskLevel(int(k)).label: int(v)
            for k, v in zip(*np.unique(y, return_counts=True), strict=True)
        },
        "C": c,
        "features": "static MiniLM-distilled embedding (256), hashed word 1-2 and char 2-6 grams",
        "seed": SEED,
        "oof_combined_with_rules": {k: round(v, 4) for k, v in stats.items()},
    }
    return HeadParams(weights, bias, t_crisis, t_active, meta, t_lift)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, default=DATA_DIR / "train.jsonl")
    parser.add_argument("--model-dir", type=Path, default=DEFAULT_MODEL_DIR)
    args = parser.parse_args()
    head = train(args.data, args.model_dir)
    out = args.model_dir / "head.npz"
    head.save(out)
    print(
        f"wrote {out}: thresholds crisis={head.threshold_crisis} "
        f"active={head.threshold_active} lift={head.threshold_lift}"
    )
    print(json.dumps(head.meta, indent=2, sort_keys=True))


if __name__ == "__main__":
    main()
