"""A capability test case, its expected output, and how an analysis is checked against it.

Expectations are partial on purpose (CheckList's minimum-functionality tests):
a field left as None is not checked, so a casualty case does not fail on the
Karabakh score and a look-alike case does not fail on an incidental figure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from schemas.analysis import Analysis


@dataclass(frozen=True, order=True)
class Figure:
    """One expected casualty or displacement figure."""

    kind: str
    count: int | None
    qualifier: str = "exact"
    historical: bool = False

    def as_list(self) -> list[Any]:
        return [self.kind, self.count, self.qualifier, self.historical]


@dataclass(frozen=True)
class Expected:
    # The exact multiset of figures; () means "no figure at all", None "not checked".
    figures: tuple[Figure, ...] | None = None
    karabakh: bool | None = None
    ceasefire: bool | None = None
    # Some current (non-historical) statement must carry one of these statuses.
    statuses: frozenset[str] | None = None
    # No current statement may carry one of these (a denied or rejected ceasefire).
    forbidden_statuses: frozenset[str] = frozenset()

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        if self.figures is not None:
            out["figures"] = [f.as_list() for f in sorted(self.figures, key=_sort_key)]
        if self.karabakh is not None:
            out["karabakh"] = self.karabakh
        if self.ceasefire is not None:
            out["ceasefire"] = self.ceasefire
        if self.statuses is not None:
            out["status_in"] = sorted(self.statuses)
        if self.forbidden_statuses:
            out["status_not_in"] = sorted(self.forbidden_statuses)
        return out


@dataclass(frozen=True)
class Case:
    capability: str
    text: str
    expected: Expected
    # How the case was built (number script, orthographic perturbation, ...), so a
    # failure can be traced to the perturbation that caused it.
    tags: tuple[str, ...] = field(default_factory=tuple)


def _sort_key(f: Figure) -> tuple[str, int, str, bool]:
    return (f.kind, -1 if f.count is None else f.count, f.qualifier, f.historical)


def observed(a: Analysis) -> dict[str, Any]:
    """The parts of an analysis the suite compares, in the shape `describe` uses."""
    figures = [
        Figure(c.kind, c.count, c.qualifier, c.historical).as_list()
        for c in sorted(
            (Figure(c.kind, c.count, c.qualifier, c.historical) for c in a.casualties),
            key=_sort_key,
        )
    ]
    return {
        "figures": figures,
        "karabakh": a.karabakh.related,
        "ceasefire": a.ceasefire.detected,
        "statuses": sorted({s.status for s in a.ceasefire.statements if not s.historical}),
    }


def check(expected: Expected, a: Analysis) -> bool:
    """Whether the analysis meets every checked part of the expectation."""
    if expected.figures is not None:
        got = Counter(Figure(c.kind, c.count, c.qualifier, c.historical) for c in a.casualties)
        if got != Counter(expected.figures):
            return False
    if expected.karabakh is not None and a.karabakh.related != expected.karabakh:
        return False
    if expected.ceasefire is not None and a.ceasefire.detected != expected.ceasefire:
        return False
    current = {s.status for s in a.ceasefire.statements if not s.historical}
    if expected.statuses is not None and not current & expected.statuses:
        return False
    return not current & expected.forbidden_statuses
