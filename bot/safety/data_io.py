"""Reading labelled crisis messages (JSON lines: text, level, optional context and category)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


class LabelledDataError(ValueError):
    """A labelled file has a line that is not a valid labelled message."""


@dataclass(frozen=True, slots=True)
class LabelledMessage:
    text: str
    level: int
    context: tuple[str, ...] = ()
    category: str = ""


def parse_labelled(line: str, where: str) -> LabelledMessage:
    try:
        record = json.loads(line)
        level = int(record["level"])
        text = str(record["text"])
    except (ValueError, KeyError, TypeError) as exc:
        raise LabelledDataError(
            f"{where}: expected a JSON object with 'text' and 'level' (0-4): {exc}"
        ) from exc
    if not 0 <= level <= 4:
        raise LabelledDataError(f"{where}: level must be 0-4, got {level}")
    context = tuple(str(c) for c in record.get("context") or ())
    return LabelledMessage(text, level, context, str(record.get("category", "")))


def read_labelled(path: Path) -> list[LabelledMessage]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [parse_labelled(line, f"{path}:{i}") for i, line in enumerate(lines, 1) if line.strip()]
