"""Figures from accidents and disasters are figures, but raise no alert (DESIGN)."""

from __future__ import annotations

import json

import pytest

from monitor.analyzer import Analyzer
from schemas.analysis import Analysis


def analyze(title: str, body: str) -> Analysis:
    item = {"id": "t", "title": title, "body": body}
    result = Analyzer().analyze_raw(json.dumps(item, ensure_ascii=False), now=1_700_000_000.0)
    assert isinstance(result, Analysis)
    return result


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("وفاة 6 معتمرين في حادث مروري", "لقي ستة معتمرين مصرعهم وأصيب 14 آخرون إثر انقلاب حافلة."),
        ("زلزال يضرب جنوب البلاد", "قتل 12 شخصا وأصيب 80 آخرون في زلزال بقوة 6 درجات."),
        ("حريق في عقار بالمنقف", "لقي أربعة وافدين حتفهم في حريق اندلع فجر اليوم في شقة."),
        (
            "مقتل خمسة أشخاص في حادث سير بمديرية قره باغ في غزني",
            "قالت شرطة غزني إن خمسة أشخاص قتلوا عندما اصطدمت حافلة بشاحنة.",
        ),
    ],
)
def test_accident_figures_are_reported_but_raise_no_alert(title: str, body: str) -> None:
    result = analyze(title, body)
    assert result.casualties
    assert result.alerts == []


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("مقتل جنديين بانفجار لغم", "قتل جنديان في حادث انفجار لغم أرضي قرب أغدام."),
        ("قصف على خان يونس", "قتل 12 شخصا في قصف إسرائيلي على خان يونس بعد حريق في مخيم."),
    ],
)
def test_a_mine_or_a_shelling_is_violence_even_beside_accident_words(title: str, body: str) -> None:
    assert [a.type for a in analyze(title, body).alerts] == ["casualties"]
