"""Cheap pre-checks for regexes: the literal strings a pattern cannot match without.

Running ~200 regexes over every message is too slow for the 0.2 ms budget, so each pattern is
parsed once and reduced to a set of literals of which every match must contain at least one.
A pattern whose literals are all absent from the text is skipped; the result is identical.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# The regex parser is private (re._parser, Python 3.11+) and has no type stubs.
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]

_MIN_LITERAL = 3


def _best(candidates: list[frozenset[str]]) -> frozenset[str] | None:
    if not candidates:
        return None
    return max(candidates, key=lambda s: (min(len(x) for x in s), -len(s)))


def _required(items: Sequence[tuple[object, object]]) -> frozenset[str] | None:
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= _MIN_LITERAL:
            candidates.append(frozenset({"".join(run)}))
        run.clear()

    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if op is _c.AT:
            continue  # \b, ^, $ take no characters
        flush()
        if op is _c.SUBPATTERN:
            sub = _required(av[-1])  # type: ignore[index]
            if sub:
                candidates.append(sub)
        elif op is _c.BRANCH:
            branches = [_required(b) for b in av[1]]  # type: ignore[index]
            if all(branches):
                candidates.append(frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)):
            low: int
            sub_items: Sequence[tuple[object, object]]
            low, _high, sub_items = av  # type: ignore[misc]
            if low >= 1:
                sub = _required(sub_items)
                if sub:
                    candidates.append(sub)
    flush()
    return _best(candidates)


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Literals of which any match must contain one; None when no such set could be found."""
    return _required(_p.parse(pattern.pattern, pattern.flags))


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)}


@dataclass(frozen=True, slots=True)
class GatedPatterns:
    """Patterns behind literal gates, looked up through one trigram per literal.

    A literal can only be in the text if its chosen trigram is, so only the literals filed under
    the text's trigrams are tested, and a pattern none of whose literals is in the text is
    skipped. Each literal keeps its rarest trigram, so the index stays selective; the regex
    itself still decides.
    """

    patterns: tuple[re.Pattern[str], ...]
    ungated: tuple[int, ...]
    by_trigram: dict[str, tuple[tuple[int, str], ...]]  # trigram -> (pattern, literal) pairs

    @classmethod
    def build(cls, patterns: Sequence[re.Pattern[str]]) -> GatedPatterns:
        gates = [required_literals(p) for p in patterns]
        counts: dict[str, int] = {}
        for gate in gates:
            for lit in gate or ():
                for tri in _trigrams(lit):
                    counts[tri] = counts.get(tri, 0) + 1
        index: dict[str, set[tuple[int, str]]] = {}
        for i, gate in enumerate(gates):
            for lit in gate or ():
                tri = min(_trigrams(lit), key=lambda t: (counts[t], " " in t, t))
                index.setdefault(tri, set()).add((i, lit))
        ungated = tuple(i for i, gate in enumerate(gates) if gate is None)
        frozen = {tri: tuple(sorted(pairs)) for tri, pairs in index.items()}
        return cls(tuple(patterns), ungated, frozen)

    def candidates(self, text: str) -> list[int]:
        """Indexes of the patterns that can possibly match ``text``, in table order."""
        found = set(self.ungated)
        by_trigram = self.by_trigram
        for tri in _trigrams(text):
            pairs = by_trigram.get(tri)
            if pairs:
                # A trigram is only a hint: keep a pattern only if one of its whole literals is
                # there (a substring test is far cheaper than the regex it saves).
                for i, lit in pairs:
                    if i not in found and lit in text:
                        found.add(i)
        return sorted(found)
