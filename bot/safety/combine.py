"""The rule verdict for one message: rule hits, minus what the guards take away, plus combinations.

Combinations encode what crisis counsellors look for together: intent with a time ("tonight"),
ideation with means at hand, distress with a method question, a goodbye with a time or means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.safety import guards
from bot.safety.levels import RiskLevel
from bot.safety.normalise import normalise
from bot.safety.rules import PILL_EMOJI, Hit, match_rules

_IDEATION_GROUPS = frozenset({"ideation", "coded", "self_harm", "finality", "preparation", "act"})


@dataclass(frozen=True, slots=True)
class RuleVerdict:
    """What the rules concluded about one message on its own."""

    level: RiskLevel
    score: float
    reasons: tuple[str, ...]
    names: frozenset[str] = field(default_factory=frozenset)  # surviving rule names, signals too
    guarded: bool = False  # a guard removed or lowered something

    @property
    def has_method(self) -> bool:
        return bool(
            self.names
            & {
                "means",
                "means_question",
                "pill_emoji",
                "means_possession",
                "height_question",
                "dose_question",
            }
        )

    @property
    def has_ideation(self) -> bool:
        return self.level >= RiskLevel.PASSIVE and not self.names <= {"third_party", "abuse"}

    @property
    def has_plan_signal(self) -> bool:
        return bool(
            self.names
            & {"timing", "means_possession", "plan_marker", "intent_vague", "act_marker", "plan"}
        )


def _hit_levels(norm: str, raw: str) -> tuple[list[tuple[Hit, RiskLevel]], list[str], bool]:
    hits = match_rules(norm)
    if "💊" in raw:
        hits.append(Hit(PILL_EMOJI, 0, 0))
    spans = guards.figurative_spans(norm)
    place_talk = guards.place_talk_spans(norm)
    has_distress = any(h.rule.group == "distress" for h in hits)
    joking = guards.is_joking(norm) and not has_distress
    historical = guards.is_historical(norm)
    recovered = historical and guards.is_recovered(norm)
    kept: list[tuple[Hit, RiskLevel]] = []
    guard_reasons: list[str] = []
    for hit in hits:
        rule = hit.rule
        level = rule.level
        if spans and guards.is_figurative(hit, spans):
            _note(guard_reasons, "guard:figurative")
            continue
        if place_talk and level == RiskLevel.NONE and guards.is_figurative(hit, place_talk):
            _note(guard_reasons, "guard:figurative")
            continue
        if (
            rule.name == "intent_vague"
            and guards.is_negated(norm, hit)
            and not guards.CONTRAST.search(norm, hit.end)
        ):
            _note(guard_reasons, "guard:negation")  # "im not going to jump, im a bridge inspector"
            continue
        if level >= RiskLevel.DISTRESS and guards.is_negated(norm, hit):
            _note(guard_reasons, "guard:negation")
            if level < RiskLevel.IMMINENT:
                continue
            level = RiskLevel.ACTIVE
        if historical and level >= RiskLevel.PASSIVE:
            _note(guard_reasons, "guard:historical")
            still_struggling = rule.group == "abuse" and not recovered
            level = RiskLevel.PASSIVE if still_struggling else RiskLevel.DISTRESS
        elif joking and level >= RiskLevel.PASSIVE and level < RiskLevel.IMMINENT:
            _note(guard_reasons, "guard:joking")
            level = RiskLevel.PASSIVE if rule.strong else RiskLevel.DISTRESS
        kept.append((hit, level))
    if historical:
        # A past story: plan signals ("at 16 I took pills") do not combine into an emergency.
        kept = [(h, lv) for h, lv in kept if h.rule.level > RiskLevel.NONE]
    # Figurative, joking or past-tense wording also keeps the classifier from raising the
    # message, even where no rule fired ("this queue is the death of me").
    # Travel talk ("on my way home", "be there in 5") explains away being at a place ("im on the
    # bridge"), so it blocks the classifier only where the rules saw someone at a place.
    travel = bool(place_talk) and any(h.rule.name == "at_place" for h, _ in kept)
    figurative_tone = bool(spans) or travel or joking or historical or guards.denies_crisis(norm)
    return kept, guard_reasons, figurative_tone


def _note(reasons: list[str], reason: str) -> None:
    if reason not in reasons:
        reasons.append(reason)


def _combinations(names: set[str], groups: set[str], ideation: bool) -> list[tuple[RiskLevel, str]]:
    out: list[tuple[RiskLevel, str]] = []
    timing = "timing" in names
    at_hand = bool(names & {"means_possession", "at_hand_pronoun", "means_ready", "means_in_place"})
    covert = "covert_timing" in names
    timing = timing or covert
    if "intent" in names and timing:
        out.append((RiskLevel.IMMINENT, "rule:plan_timing"))
    if ideation and at_hand:
        out.append((RiskLevel.IMMINENT, "rule:means_at_hand"))
    if "plan_marker" in names and timing:
        out.append((RiskLevel.IMMINENT if at_hand else RiskLevel.PASSIVE, "rule:plan_timing"))
    if ideation and "plan_marker" in names:
        out.append((RiskLevel.IMMINENT, "rule:plan"))
    if "plan" in names and (timing or at_hand):
        out.append((RiskLevel.IMMINENT, "rule:plan_timing"))
    if "finality" in names and (timing or at_hand):
        out.append((RiskLevel.IMMINENT, "rule:plan_timing"))
    if "intent_vague" in names and ideation:
        out.append((RiskLevel.IMMINENT if timing else RiskLevel.ACTIVE, "rule:plan_timing"))
    if "act_marker" in names and ideation:
        out.append((RiskLevel.IMMINENT, "rule:act_under_way"))
    method_hint = bool(names & {"means_question", "pill_emoji", "height_question"})
    if method_hint and (ideation or "distress" in names):
        out.append((RiskLevel.ACTIVE, "rule:means"))
    at_place = "at_place" in names
    if at_place and (ideation or "distress" in names):
        out.append((RiskLevel.IMMINENT, "rule:means_at_hand"))
    elif at_place and ("intent_vague" in names or "intent" in names):
        out.append((RiskLevel.IMMINENT, "rule:plan_timing"))
    elif at_place and "height_remark" in names:
        out.append((RiskLevel.ACTIVE, "rule:means_at_hand"))
    elif at_place and timing:
        out.append((RiskLevel.ACTIVE, "rule:means_at_hand"))
    if "plan_marker" in names and "intent_vague" in names:
        out.append((RiskLevel.IMMINENT if timing else RiskLevel.ACTIVE, "rule:plan_timing"))
    if at_hand and timing and "intent_vague" in names:
        out.append((RiskLevel.IMMINENT, "rule:plan_timing"))
    elif at_hand and "intent_vague" in names:
        out.append((RiskLevel.IMMINENT, "rule:means_at_hand"))
    if "intent_vague" in names and "place_mention" in names:
        out.append((RiskLevel.IMMINENT if timing else RiskLevel.ACTIVE, "rule:plan_timing"))
    if at_hand and (at_place or "plan_marker" in names or "bath_setting" in names):
        out.append((RiskLevel.IMMINENT, "rule:means_at_hand"))
    if covert and at_hand:
        out.append((RiskLevel.ACTIVE, "rule:means_at_hand"))
    if covert and ("intent_vague" in names or "intent" in names):
        out.append((RiskLevel.IMMINENT, "rule:plan_timing"))
    if "means_ready" in names and timing:
        out.append((RiskLevel.IMMINENT, "rule:means_at_hand"))
    if at_hand and "distress" in names:
        out.append((RiskLevel.ACTIVE, "rule:means_at_hand"))
    if "third_party" in names and (timing or "act_marker" in names or at_place):
        out.append((RiskLevel.ACTIVE, "rule:third_party"))
    return out


def rule_verdict(raw: str, norm: str | None = None) -> RuleVerdict:
    """The rules' view of one message, with the strongest reason first."""
    norm = normalise(raw) if norm is None else norm
    kept, guard_reasons, figurative_tone = _hit_levels(norm, raw)
    guarded = bool(guard_reasons) or figurative_tone
    if guard_reasons == ["guard:negation"] and guards.means_after_contrast(norm):
        guarded = False  # "i promised i wouldnt hurt myself but i bought razors today"
    names = {h.rule.name for h, _ in kept}
    groups = {h.rule.group for h, lv in kept if lv >= RiskLevel.PASSIVE}
    ideation = bool(groups & _IDEATION_GROUPS)
    graded = [(lv, h.rule.strong, f"rule:{h.rule.name}") for h, lv in kept if lv > RiskLevel.NONE]
    for lv, reason in _combinations(names, groups, ideation):
        graded.append((lv, True, reason))
    if not graded:
        return RuleVerdict(RiskLevel.NONE, 0.0, tuple(guard_reasons), frozenset(names), guarded)
    graded.sort(key=lambda g: (g[0], g[1]), reverse=True)
    level, strong, _ = graded[0]
    reasons: list[str] = []
    for _, _, reason in graded:
        _note(reasons, reason)
    reasons.extend(r for r in guard_reasons if r not in reasons)
    score = _score(level, strong)
    return RuleVerdict(level, score, tuple(reasons), frozenset(names), guarded)


def _score(level: RiskLevel, strong: bool) -> float:
    if level == RiskLevel.NONE:
        return 0.0
    base = {1: 0.55, 2: 0.7, 3: 0.8, 4: 0.9}[int(level)]
    return round(base + (0.08 if strong else 0.0), 2)
