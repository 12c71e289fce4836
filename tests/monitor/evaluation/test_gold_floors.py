"""The project's own gold rounds must not score below their recorded floors.

Each round was written blind (by someone who had not read the rules); its first
score is recorded in the README as the honest figure. Rules fixed since then
must keep every field at or above the floor in
monitor/evaluation/gold/floors.json.
"""

from __future__ import annotations

import json

import pytest

from monitor.cli.evaluate import below_floor
from monitor.evaluation.gold import GOLD_DIR, analyse_cases, load_gold
from monitor.evaluation.score import score

FLOORS = {
    name: floors
    for name, floors in json.loads((GOLD_DIR / "floors.json").read_text("utf-8")).items()
    if not name.startswith("_")
}


def test_every_shipped_round_has_floors() -> None:
    assert sorted(FLOORS) == sorted(p.stem for p in GOLD_DIR.glob("*.jsonl"))


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_gold_round_stays_above_its_floor(name: str) -> None:
    cases = load_gold(GOLD_DIR / f"{name}.jsonl")
    report = score(cases, {str(a["id"]): a for a in analyse_cases(cases)})
    assert below_floor(report, FLOORS[name]) == []
