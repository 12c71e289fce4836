"""Classes of the 29th blind round, read only at the end of session 10 once it
had served as the held-out round (scored on arrival on 0b1879a and after each
batch of fixes); fixed by class and tested beside look-alikes (never by the
round's own sentences)."""

from __future__ import annotations

import pytest

from monitor.detect import detect_casualties, detect_ceasefire
from monitor.document import Document
from tests.monitor.detect.figures import dated, figs, statuses


@pytest.mark.parametrize(
    "body",
    [
        "لم تسجل أي خروقات للهدنة في الجنوب منذ صباح الأحد.",
        "وقالت البعثة إنها لم ترصد أي خرق لوقف إطلاق النار خلال الليل.",
    ],
)
def test_no_violation_of_the_truce_is_its_holding(body: str) -> None:
    assert "holding" in statuses(body)


def test_not_only_a_violation_is_no_holding() -> None:
    body = "وصف الوزير التحركات بالخطيرة ليس فقط لخرقها لوقف إطلاق النار بل لتهديدها الاستقرار."
    assert "holding" not in statuses(body)


def test_violations_of_the_agreement_in_the_sentence_that_dates_the_truce() -> None:
    body = (
        "ارتفع عدد القتلى منذ دخول اتفاق وقف إطلاق النار حيز التنفيذ في مارس 2025 إلى "
        "300، في ظل خروقات متكررة وشبه يومية للاتفاق."
    )
    result = detect_ceasefire(Document.from_text("t", None, body), 2026)
    assert any(s.status == "violated" and not s.historical for s in result.statements)


def test_an_earlier_truce_stays_the_past() -> None:
    body = "انهارت الهدنة السابقة في 2024 وتبادل الطرفان الاتهامات بخرقها."
    result = detect_ceasefire(Document.from_text("t", None, body), 2026)
    assert all(s.historical for s in result.statements if s.status == "violated")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقالت المصادر إن أربعة ركاب آخرين نجوا من الحادث بجروح متوسطة.", ("wounded", 4)),
        ("نجا ثلاثة صيادين من القصف بإصابات بالغة.", ("wounded", 3)),
    ],
)
def test_survivors_with_injuries_are_wounded(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


def test_survivors_unhurt_are_no_figure() -> None:
    assert not figs("نجا خمسة ركاب من الحادث دون أن يصابوا بأذى.")


def test_the_body_found_after_the_toll_explains_its_rise() -> None:
    body = "ارتفعت حصيلة انهيار المبنى إلى ستة قتلى، بعد انتشال جثة عامل آخر من تحت الأنقاض."
    assert ("killed", 1) not in figs(body)
    assert ("killed", 6) in figs(body)


def test_a_casualty_noun_then_a_clause_then_how_many_they_are() -> None:
    body = (
        "وتشمل المساعدات النازحين الذين فروا من القرى الحدودية في صيف 2024، وعددهم نحو 40 ألف شخص."
    )
    assert ("displaced", 40000, True) in dated(body)


def test_how_many_of_something_else_is_no_figure() -> None:
    doc = Document.from_text(
        "t", None, "زار الوزير المدارس التي رممت العام الماضي، وعددها 30 مدرسة."
    )
    assert not detect_casualties(doc, 2026)
