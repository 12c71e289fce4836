"""Run the capability suite through the Analyzer and score each capability."""

from __future__ import annotations

import json
import time
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from monitor.analyzer import Analyzer
from monitor.evaluation.capabilities.generator import DEFAULT_SEED, generate
from monitor.evaluation.capabilities.model import Case, check, observed
from schemas.analysis import Analysis

FLOORS_PATH = Path(__file__).with_name("floors.json")
# A fixed clock: analyses must not depend on when the suite runs.
NOW = 1_700_000_000.0


@dataclass
class CapabilityResult:
    name: str
    cases: int = 0
    passed: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)
    # Failures per perturbation tag (number script, spelling variant, ...).
    failed_by_tag: dict[str, int] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.passed / self.cases if self.cases else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "rate": round(self.rate, 4)}


def analyze_case(case: Case, n: int) -> Analysis:
    """One case through a fresh Analyzer, so no dedup or alert state carries over."""
    raw = json.dumps({"id": f"cap-{n}", "body": case.text}, ensure_ascii=False)
    result = Analyzer().analyze_raw(raw, now=NOW)
    if not isinstance(result, Analysis):
        raise RuntimeError(f"the analyzer refused case {n}: {result.error.message}")
    return result


def run_suite(
    seed: int = DEFAULT_SEED, only: str | None = None, max_failures: int = 5
) -> list[CapabilityResult]:
    """Per-capability results in registry order, with up to `max_failures` examples each."""
    results: dict[str, CapabilityResult] = {}
    for n, case in enumerate(generate(seed, only)):
        res = results.setdefault(case.capability, CapabilityResult(case.capability))
        analysis = analyze_case(case, n)
        res.cases += 1
        if check(case.expected, analysis):
            res.passed += 1
            continue
        for tag in case.tags:
            res.failed_by_tag[tag] = res.failed_by_tag.get(tag, 0) + 1
        if len(res.failures) < max_failures:
            res.failures.append(
                {
                    "text": case.text,
                    "tags": list(case.tags),
                    "expected": case.expected.describe(),
                    "got": observed(analysis),
                }
            )
    return list(results.values())


def load_floors(path: Path = FLOORS_PATH) -> dict[str, float]:
    data: dict[str, float] = json.loads(path.read_text(encoding="utf-8"))
    return data


def summary(results: list[CapabilityResult]) -> dict[str, Any]:
    total = sum(r.cases for r in results)
    passed = sum(r.passed for r in results)
    by_area: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        area = r.name.split(".", 1)[0]
        by_area[area][0] += r.cases
        by_area[area][1] += r.passed
    return {
        "cases": total,
        "passed": passed,
        "rate": round(passed / total, 4) if total else 0.0,
        "areas": {a: {"cases": c, "passed": p} for a, (c, p) in by_area.items()},
    }


def timed_run(
    seed: int = DEFAULT_SEED, only: str | None = None
) -> tuple[list[CapabilityResult], float]:
    started = time.perf_counter()
    results = run_suite(seed, only)
    return results, time.perf_counter() - started
