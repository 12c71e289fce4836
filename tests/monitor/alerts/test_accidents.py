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


def test_a_brawl_with_a_gunshot_is_a_crime() -> None:
    result = analyze(
        "مقتل شخصين وإصابة ثالث في مشاجرة عائلية",
        "قال مصدر أمني إن شخصين قتلا وأصيب ثالث بعيار ناري إثر مشاجرة بين عائلتين، "
        "فيما انتشرت قوة أمنية لمنع تجدد الاشتباك.",
    )
    assert result.casualties and result.alerts == []


def test_an_earthquake_where_the_army_evacuates_the_wounded_is_a_disaster() -> None:
    result = analyze(
        "زلزال شرق البلاد: أكثر من 2200 قتيل",
        "ارتفعت حصيلة ضحايا الزلزال إلى أكثر من 2200 قتيل، فيما أجلت مروحيات الجيش "
        "نحو 400 جريح إلى المستشفيات.",
    )
    assert result.casualties and result.alerts == []


def test_a_fire_on_an_old_front_line_raises_no_alert() -> None:
    """The item speaks of the war (mines left on the old front line), but the
    figure's own sentence is the fire's."""
    from monitor.analyzer import Analyzer
    from schemas.news import NewsItem

    item = NewsItem(
        id="fire",
        source="apa",
        title="إجلاء 35 من سكان قرية في فضولي بسبب حريق غابات",
        body=(
            "أجلت وزارة الطوارئ الأذربيجانية 35 من سكان قرية في محافظة فضولي، بعد أن امتد "
            "حريق اندلع في أحراج مجاورة باتجاه المنازل.\n"
            "وأوضحت الوزارة أن جهود الإطفاء تتعقد بسبب وجود ألغام في المنطقة التي كانت خط "
            "تماس خلال حرب قره باغ."
        ),
    )
    analysis = Analyzer().analyze(item)
    assert {(f.kind, f.count) for f in analysis.casualties if not f.historical} == {
        ("evacuated", 35)
    }
    assert analysis.alerts == []
