"""Reading gold files and analysing their items the way `monitor analyze` does."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from schemas.gold import GoldCase

#: The project's own gold rounds, shipped with the package.
GOLD_DIR = Path(__file__).parent / "gold"


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the line."""


def load_gold(path: Path) -> list[GoldCase]:
    """Every case of a gold file, in order; ids must be unique."""
    cases: list[GoldCase] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                case = GoldCase.model_validate_json(line)
            except ValidationError as exc:
                raise GoldError(f"{path}:{number}: {exc.errors()[0]['msg']}") from exc
            if not case.id:
                raise GoldError(f"{path}:{number}: the item has no id")
            if case.id in seen:
                raise GoldError(f"{path}:{number}: duplicate id {case.id!r}")
            seen.add(case.id)
            cases.append(case)
    return cases


def read_analyses(lines: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Analyses (contract JSON Lines) by id; error lines and blank lines skipped."""
    out: dict[str, dict[str, Any]] = {}
    for line in lines:
        if not line.strip():
            continue
        data = json.loads(line)
        if isinstance(data, dict) and data.get("id") is not None and "error" not in data:
            out[str(data["id"])] = data
    return out


def _event_time(item: Mapping[str, Any]) -> float | None:
    value = item.get("published_at")
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.timestamp()


def analyse_cases(cases: Iterable[GoldCase]) -> Iterator[dict[str, Any]]:
    """Analyse the cases' items in order with one state, as a replay: the clock
    follows each item's `published_at`, so that a gold file scores the same
    whatever day it is run (the alert state ages stories by the clock)."""
    from monitor.analyzer import Analyzer

    analyzer = Analyzer()
    now = 0.0
    for case in cases:
        now = _event_time(case.item) or now
        result = analyzer.analyze_raw(json.dumps(case.item, ensure_ascii=False), now=now)
        yield result.model_dump(mode="json")
