"""The scorer: the figures a user reads off `monitor eval` must be right."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import main
from monitor.evaluation.gold import GoldError, load_gold
from monitor.evaluation.score import score
from schemas.gold import GoldCase


def case(item_id: str, **expect: object) -> GoldCase:
    base: dict[str, object] = {"karabakh_related": False, "ceasefire_detected": False}
    base.update(expect)
    return GoldCase.model_validate({"item": {"id": item_id, "body": "x"}, "expect": base})


def analysis(item_id: str, **fields: object) -> dict[str, object]:
    return {"id": item_id, **fields}


def test_binary_fields_count_true_and_false_positives() -> None:
    cases = [
        case("a", karabakh_related=True),
        case("b", karabakh_related=True),
        case("c", karabakh_related=False),
    ]
    got = {
        "a": analysis("a", karabakh={"related": True}),
        "b": analysis("b", karabakh={"related": False}),
        "c": analysis("c", karabakh={"related": True}),
    }
    s = score(cases, got).fields["karabakh"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 1)
    assert s.f1 == pytest.approx(0.5)


def test_figures_are_scored_by_kind_and_count_and_history_apart() -> None:
    cases = [
        case(
            "a",
            casualties=[
                {"kind": "killed", "count": 3},
                {"kind": "wounded", "count": None, "qualifier": "tens"},
                {"kind": "killed", "count": 30000, "historical": True},
            ],
        )
    ]
    got = {
        "a": analysis(
            "a",
            casualties=[
                {"kind": "killed", "count": 3, "qualifier": "exact"},
                {"kind": "wounded", "count": None, "qualifier": "hundreds"},
                {"kind": "killed", "count": 30000, "historical": False},
            ],
        )
    }
    report = score(cases, got)
    c = report.fields["casualty"]
    assert (c.tp, c.fp, c.fn) == (2, 1, 0)  # the historical toll reported as current
    q = report.fields["casualty_qualifier"]
    assert (q.tp, q.fp, q.fn) == (1, 2, 1)  # tens read as hundreds
    h = report.fields["casualty_historical"]
    assert (h.tp, h.fn) == (0, 1)
    assert {m.field for m in report.misses} == {
        "casualty",
        "casualty_qualifier",
        "casualty_historical",
    }


def test_a_missing_or_failed_analysis_counts_as_empty() -> None:
    cases = [case("a", karabakh_related=True, casualties=[{"kind": "killed", "count": 2}])]
    report = score(cases, {})
    assert report.fields["karabakh"].fn == 1
    assert report.fields["casualty"].fn == 1


def test_alerts_compare_statuses_and_the_kinds_alerted() -> None:
    expected = [
        {"type": "ceasefire", "status": "violated"},
        {"type": "casualties", "changed": [{"kind": "killed", "count": 4}]},
    ]
    cases = [case("a", alerts=expected), case("b", alerts=expected), case("c", alerts=[])]
    good = [
        {"type": "casualties", "changed": [{"kind": "killed", "count": 4, "attributed_to": "x"}]},
        {"type": "ceasefire", "status": "violated"},
    ]
    wrong = [
        {"type": "ceasefire", "status": "violated"},
        {"type": "casualties", "changed": [{"kind": "wounded", "count": 4}]},
    ]
    got = {
        "a": analysis("a", alerts=good),
        "b": analysis("b", alerts=wrong),
        "c": analysis("c", alerts=[]),
    }
    report = score(cases, got)
    assert (report.fields["alerts"].correct, report.fields["alerts"].total) == (2, 3)
    assert report.fields["alerts_raised"].correct == 3


def test_duplicates_must_match_exactly() -> None:
    cases = [case("a", duplicate_paragraphs=[2]), case("b")]
    got = {
        "a": analysis("a", paragraphs=[{"index": 2, "duplicate_of": {"paragraph": 0}}]),
        "b": analysis("b", paragraphs=[{"index": 0, "duplicate_of": {"paragraph": 1}}]),
    }
    d = score(cases, got).fields["duplicates"]
    assert (d.correct, d.total) == (1, 2)


def test_a_misspelt_label_is_an_error_naming_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    labels = {"karabakh_related": True, "ceasefire_detected": False}
    good = {"item": {"id": "a", "body": "x"}, "expect": labels}
    bad = {"item": {"id": "b", "body": "x"}, "expect": {**labels, "karabakh_relatd": True}}
    path.write_text("\n".join(json.dumps(x) for x in (good, bad)) + "\n", encoding="utf-8")
    with pytest.raises(GoldError, match=":2:"):
        load_gold(path)


def test_monitor_eval_scores_another_tools_output_and_enforces_floors(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    item = {"id": "a", "body": "قتل ثلاثة جنود أذربيجانيين في قره باغ."}
    expect = {
        "karabakh_related": True,
        "ceasefire_detected": False,
        "casualties": [{"kind": "killed", "count": 3}],
    }
    gold.write_text(json.dumps({"item": item, "expect": expect}, ensure_ascii=False) + "\n")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"id": "a", "karabakh": {"related": False}}) + "\n")
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"karabakh": 0.9}))
    runner = CliRunner()
    bad = runner.invoke(main, ["eval", str(gold), str(other), "--floors", str(floors)])
    assert bad.exit_code == 1
    assert "karabakh 0.000 < floor 0.900" in bad.output
    assert "a karabakh: expected True | got False" in bad.output
    own = runner.invoke(main, ["eval", str(gold), "--json", "--floors", str(floors)])
    assert own.exit_code == 0, own.output
    data = json.loads(own.output)
    assert data["fields"]["karabakh"]["value"] == 1.0
    assert data["fields"]["casualty"]["tp"] == 1
