"""Historical versus current by the clause's own time words and the item's date."""

from __future__ import annotations

import json

import pytest

from monitor.analyzer import Analyzer
from schemas.analysis import Analysis


def analyze(body: str, published_at: str | None = "2025-06-01T10:00:00Z") -> Analysis:
    item: dict[str, str] = {"id": "t", "body": body}
    if published_at:
        item["published_at"] = published_at
    result = Analyzer().analyze_raw(json.dumps(item, ensure_ascii=False), now=1_750_000_000.0)
    assert isinstance(result, Analysis)
    return result


def figures(a: Analysis) -> set[tuple[str, int | None, bool]]:
    return {(f.kind, f.count, f.historical) for f in a.casualties}


@pytest.mark.parametrize(
    ("body", "historical"),
    [
        # a year before the item's own dates the clause to the past
        ("وفي سبتمبر 2023 نزح أكثر من مئة ألف أرمني من الإقليم.", True),
        ("قتل أكثر من 6500 جندي خلال حرب خريف 2020.", True),
        # a year of the item's own is this year's news
        ("قتل 12 جنديا في اشتباكات مارس 2025 على الحدود.", False),
        # since: a span that reaches today (the year may stand a few words away)
        ("لقي 72 شخصا حتفهم بانفجار ألغام منذ انتهاء حرب عام 2020.", False),
        ("ارتفع عدد ضحايا الألغام منذ 2020 إلى 390 قتيلا.", False),
        # relative past, eras and commemorations
        ("قتل أكثر من 50 شخصا في حادثين على الطريق نفسه الشهر الماضي.", True),
        ("قتل نحو ثلاثين ألف شخص في حرب التسعينيات.", True),
        ("أحيا الأرمن ذكرى مقتل 30 مدنيا في القرية.", True),
        ("قتل في الحرب الأولى نحو ثلاثين ألف شخص.", True),
        ("حصدت الحرب الأولى أرواح نحو ثلاثين ألف شخص.", True),
    ],
)
def test_figures_take_the_time_of_their_clause(body: str, historical: bool) -> None:
    found = analyze(body).casualties
    assert found, body
    assert {f.historical for f in found} == {historical}


def test_without_a_date_only_the_1900s_or_a_war_year_are_past() -> None:
    assert {f.historical for f in analyze("قتل 12 جنديا عام 2023.", None).casualties} == {False}
    assert {f.historical for f in analyze("قتل 12 جنديا عام 1993.", None).casualties} == {True}


@pytest.mark.parametrize(
    ("body", "current"),
    [
        ("الهدنة التي وقعت عام 1994 صمدت ستة وعشرين عاما.", set()),
        ("حين وقع الطرفان بروتوكول بيشكيك في مايو 1994، صمد وقف إطلاق النار طويلا.", set()),
        ("أحيت الكوريتان ذكرى توقيع اتفاقية الهدنة في بانمونجوم.", set()),
        ("أعلن الطرفان اليوم وقفا لإطلاق النار هو الأول منذ حرب 2020.", {"announced"}),
        ("قال الوزير الأحد إن الهدنة المعلنة في 2024 لا تزال صامدة.", {"holding"}),
    ],
)
def test_a_truce_of_a_past_year_is_history(body: str, current: set[str]) -> None:
    statuses = {s.status for s in analyze(body).ceasefire.statements if not s.historical}
    assert statuses == current


@pytest.mark.parametrize(
    "body",
    [
        "قُتل في تلك الحرب نحو 3800 عسكري أرميني.",
        "وكان أكثر من 600 ألف أذربيجاني قد نزحوا مطلع تسعينيات القرن الماضي.",
    ],
)
def test_that_war_and_a_decade_without_its_article_are_past(body: str) -> None:
    assert {f.historical for f in analyze(body).casualties} == {True}


def _titled(title: str, body: str) -> Analysis:
    item = {"id": "t", "title": title, "body": body, "published_at": "2025-06-01T10:00:00Z"}
    result = Analyzer().analyze_raw(json.dumps(item, ensure_ascii=False), now=1_750_000_000.0)
    assert isinstance(result, Analysis)
    return result


@pytest.mark.parametrize(
    ("title", "historical"),
    [
        ("أذربيجان تحيي الذكرى الثالثة والثلاثين لمجزرة خوجالي", True),
        ("31 عاما على هدنة بيشكيك", True),
        ("الألغام تواصل حصد الأرواح بعد خمس سنوات على الحرب", False),
    ],
)
def test_a_commemorating_headline_dates_the_item(title: str, historical: bool) -> None:
    result = _titled(title, "وتقول باكو إن 1275 شخصا أسروا خلال الهجوم.")
    assert {f.historical for f in result.casualties} == {historical}


def test_a_figure_in_a_when_clause_after_since_is_of_that_year() -> None:
    body = "وتعد هذه أعنف هزة منذ عام 2015، حين أودى زلزال مدمر بحياة قرابة تسعة آلاف شخص."
    assert [(f.count, f.historical) for f in analyze(body).casualties] == [(9000, True)]


@pytest.mark.parametrize(
    "title",
    ["أذربيجان تفتتح نصبا تذكاريا لضحايا حرب الأيام الـ44", "عامان على عملية سبتمبر"],
)
def test_memorials_and_two_years_on(title: str) -> None:
    result = _titled(title, "ونقشت على الجدران أسماء 2,908 عسكريين لقوا حتفهم خلال المعارك.")
    assert [(f.count, f.historical) for f in result.casualties] == [(2908, True)]


# Boundaries a mutmut run over timeframe.py left unguarded (docs/mutation.md).


@pytest.mark.parametrize(
    ("title", "historical"),
    [
        ("ثلاث سنوات على الحرب في قره باغ", True),
        # "after two years": a span that reaches today, though "two years on" follows
        ("بعد عامين على الحرب، اشتباكات جديدة في قره باغ", False),
    ],
)
def test_a_headline_opening_with_after_is_a_span_not_a_commemoration(
    title: str, historical: bool
) -> None:
    result = _titled(title, "قتل 5 جنود أذربيجانيين في اشتباكات على الحدود.")
    assert {f.historical for f in result.casualties} == {historical}


def test_a_truce_of_an_earlier_year_than_the_items_is_history() -> None:
    body = "وأعلنت أرمينيا وأذربيجان وقفا لإطلاق النار في قره باغ في نوفمبر 2020."
    dated = {s.status for s in analyze(body).ceasefire.statements if not s.historical}
    undated = {s.status for s in analyze(body, None).ceasefire.statements if not s.historical}
    assert dated == set()  # published in 2025
    assert undated == {"announced"}  # without a date only the 1900s are past


def test_a_truce_announced_last_month_is_history() -> None:
    body = "أعلنت أرمينيا وأذربيجان وقفا لإطلاق النار في قره باغ الشهر الماضي."
    assert [s.historical for s in analyze(body).ceasefire.statements] == [True]


@pytest.mark.parametrize(
    "body",
    [
        "قالت وزارة الصحة إن 40 شخصا قتلوا منذ بدء الحملة العسكرية الشهر الماضي.",
        "يسري وقف إطلاق النار منذ بدء المفاوضات الشهر الماضي.",
    ],
)
def test_since_a_start_last_month_is_current(body: str) -> None:
    # "Since the campaign began last month": a toll or a truce that goes on today.
    result = analyze(body)
    spans = [*result.casualties, *result.ceasefire.statements]
    assert spans and not any(s.historical for s in spans)
