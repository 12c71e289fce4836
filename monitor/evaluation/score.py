"""Per-field scores of analyses against gold labels.

The analyses are read as plain JSON objects in the `monitor analyze` contract,
so the same scoring applies to the project, to the benchmark peers in
`../shared/bench/` and to anything else that prints the contract. Fields an
output does not carry count as empty (a tool without `historical` flags has
every figure current).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from schemas.gold import ExpectedAlert, GoldCase

#: The fields scored, in report order, with what each measures.
FIELDS: dict[str, str] = {
    "karabakh": "Karabakh related (item-level F1)",
    "centrality": "central vs passing, on items labelled related (share of items)",
    "ceasefire": "ceasefire detected (item-level F1)",
    "ceasefire_status": "current ceasefire statuses (F1 over item × status)",
    "casualty": "current casualty figures (F1 over item × kind × count)",
    "casualty_qualifier": "figures with their qualifier (F1 over item × kind × count × qualifier)",
    "casualty_historical": "historical figures flagged (F1 over item × kind × count)",
    "duplicates": "duplicate paragraphs exact (share of items with the exact set)",
    "alerts_raised": "alerts raised or not as expected (share of items)",
    "alerts": "alerts as expected (share of labelled items: the statuses and kinds alerted)",
}

#: Fields scored as a share of items rather than as F1.
ACCURACY_FIELDS = frozenset({"centrality", "duplicates", "alerts_raised", "alerts"})


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    correct: int = 0
    total: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def value(self, name: str) -> float:
        """The headline figure of the field: accuracy or F1."""
        return self.accuracy if name in ACCURACY_FIELDS else self.f1


@dataclass(frozen=True)
class Miss:
    item_id: str
    field: str
    expected: str
    got: str
    note: str = ""


@dataclass
class Report:
    items: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {k: FieldScore() for k in FIELDS})
    misses: list[Miss] = field(default_factory=list)

    def values(self) -> dict[str, float]:
        return {name: round(s.value(name), 4) for name, s in self.fields.items() if s.total}

    def to_json(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "fields": {
                name: {
                    "value": round(s.value(name), 4),
                    "precision": round(s.precision, 4),
                    "recall": round(s.recall, 4),
                    "f1": round(s.f1, 4),
                    "tp": s.tp,
                    "fp": s.fp,
                    "fn": s.fn,
                    "correct": s.correct,
                    "total": s.total,
                }
                for name, s in self.fields.items()
                if s.total
            },
            "misses": [m.__dict__ for m in self.misses],
        }


# --- reading an analysis ------------------------------------------------------------------


def _get(data: Mapping[str, Any], *path: str) -> Any:
    cur: Any = data
    for key in path:
        if not isinstance(cur, Mapping):
            return None
        cur = cur.get(key)
    return cur


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _figures(analysis: Mapping[str, Any], historical: bool) -> set[Any]:
    return {
        (f.get("kind"), f.get("count"))
        for f in _list(analysis.get("casualties"))
        if isinstance(f, Mapping) and bool(f.get("historical", False)) == historical
    }


def _qualified(analysis: Mapping[str, Any]) -> set[Any]:
    return {
        (f.get("kind"), f.get("count"), f.get("qualifier", "exact"))
        for f in _list(analysis.get("casualties"))
        if isinstance(f, Mapping) and not f.get("historical", False)
    }


def _statuses(analysis: Mapping[str, Any]) -> set[Any]:
    return {
        s.get("status")
        for s in _list(_get(analysis, "ceasefire", "statements"))
        if isinstance(s, Mapping) and not s.get("historical", False)
    }


def _duplicates(analysis: Mapping[str, Any]) -> set[Any]:
    return {
        p.get("index")
        for p in _list(analysis.get("paragraphs"))
        if isinstance(p, Mapping) and p.get("duplicate_of")
    }


AlertSig = tuple[str, Any]


def _alert_sigs(alerts: Iterable[Mapping[str, Any]]) -> set[AlertSig]:
    """What an item's alerts say: each ceasefire status alerted, and each kind of
    figure a casualties alert reports as new or changed. The counts are scored
    by the casualty fields; here a sub-count that one labeller lists and the
    alert folds into its total does not count twice."""
    sigs: set[AlertSig] = set()
    for a in alerts:
        if a.get("type") == "ceasefire":
            sigs.add(("ceasefire", a.get("status")))
        else:
            kinds = {c.get("kind") for c in _list(a.get("changed")) if isinstance(c, Mapping)}
            sigs.update((str(a.get("type")), k) for k in kinds or {None})
    return sigs


def _expected_sigs(alerts: Sequence[ExpectedAlert]) -> set[AlertSig]:
    return _alert_sigs(a.model_dump() for a in alerts)


# --- scoring ------------------------------------------------------------------------------


def _binary(score: FieldScore, expected: bool, got: bool) -> bool:
    score.total += 1
    if expected and got:
        score.tp += 1
    elif got:
        score.fp += 1
    elif expected:
        score.fn += 1
    ok = expected == got
    score.correct += ok
    return ok


def _sets(score: FieldScore, expected: set[Any], got: set[Any]) -> bool:
    score.total += 1
    score.tp += len(expected & got)
    score.fp += len(got - expected)
    score.fn += len(expected - got)
    ok = expected == got
    score.correct += ok
    return ok


def _fmt(values: Iterable[Any]) -> str:
    return ", ".join(sorted(map(str, values))) or "—"


def score(cases: Sequence[GoldCase], analyses: Mapping[str, Mapping[str, Any]]) -> Report:
    """Score `analyses` (by item id) against `cases`. A case without an analysis,
    or with an error line, counts as an empty analysis (every field negative)."""
    report = Report(items=len(cases))
    f = report.fields
    for case in cases:
        exp = case.expect
        a = analyses.get(case.id) or {}
        miss = _misser(report, case)
        related = bool(_get(a, "karabakh", "related"))
        if not _binary(f["karabakh"], exp.karabakh_related, related):
            miss("karabakh", exp.karabakh_related, related)
        if exp.karabakh_related and exp.karabakh_centrality in ("central", "passing"):
            got_c = _get(a, "karabakh", "centrality")
            f["centrality"].total += 1
            f["centrality"].correct += got_c == exp.karabakh_centrality
            if got_c != exp.karabakh_centrality:
                miss("centrality", exp.karabakh_centrality, got_c)
        detected = bool(_get(a, "ceasefire", "detected"))
        if not _binary(f["ceasefire"], exp.ceasefire_detected, detected):
            miss("ceasefire", exp.ceasefire_detected, detected)
        want_st, got_st = set(exp.ceasefire_statuses), _statuses(a)
        if not _sets(f["ceasefire_status"], want_st, got_st):
            miss("ceasefire_status", _fmt(want_st), _fmt(got_st))
        current = [x for x in exp.casualties if not x.historical]
        want = {(x.kind, x.count) for x in current}
        got = _figures(a, historical=False)
        if not _sets(f["casualty"], want, got):
            miss("casualty", _fmt(want), _fmt(got))
        want_q = {(x.kind, x.count, x.qualifier) for x in current}
        if not _sets(f["casualty_qualifier"], want_q, _qualified(a)):
            miss("casualty_qualifier", _fmt(want_q), _fmt(_qualified(a)))
        want_h = {(x.kind, x.count) for x in exp.casualties if x.historical}
        got_h = _figures(a, historical=True)
        if not _sets(f["casualty_historical"], want_h, got_h):
            miss("casualty_historical", _fmt(want_h), _fmt(got_h))
        want_d, got_d = set(exp.duplicate_paragraphs), _duplicates(a)
        if not _sets(FieldScore(), want_d, got_d):
            miss("duplicates", _fmt(want_d), _fmt(got_d))
        f["duplicates"].total += 1
        f["duplicates"].correct += want_d == got_d
        if exp.alerts is not None:
            got_alerts = [x for x in _list(a.get("alerts")) if isinstance(x, Mapping)]
            if not _binary(f["alerts_raised"], bool(exp.alerts), bool(got_alerts)):
                miss("alerts_raised", bool(exp.alerts), bool(got_alerts))
            want_sig, got_sig = _expected_sigs(exp.alerts), _alert_sigs(got_alerts)
            f["alerts"].total += 1
            f["alerts"].correct += want_sig == got_sig
            if want_sig != got_sig:
                miss("alerts", _fmt(want_sig), _fmt(got_sig))
    return report


def _misser(report: Report, case: GoldCase) -> Any:
    def miss(name: str, expected: Any, got: Any) -> None:
        report.misses.append(Miss(case.id, name, str(expected), str(got), case.note))

    return miss
