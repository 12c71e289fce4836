"""Classes found missing by the 26th blind round, read only after it had served
as the held-out round of session 9 (scored on arrival on 73a076e and again after
the round-25 and round-27 fixes), each fixed by class and tested beside its
look-alikes (never by the round's own sentences)."""

from __future__ import annotations

import pytest

from tests.monitor.detect.figures import dated, figs


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("أسفر القصف عن سقوط شهيد وثلاثة جرحى.", {("killed", 1), ("wounded", 3)}),
        ("ما أدى إلى سقوط شهيد وجريحين في البلدة.", {("killed", 1), ("wounded", 2)}),
    ],
)
def test_a_single_martyr_after_a_fall_counts_one(body: str, expected: set[tuple[str, int]]) -> None:
    assert figs(body) >= expected


def test_the_fall_of_a_martyr_named_as_a_title_counts_nobody_more() -> None:
    # a people-word in a list after بينهم is still one of them, not a new count
    assert figs("استشهد ثلاثة مسعفين بينهم قائد الفريق.") == {("killed", 3)}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("الجرحى عددهم ثلاثة لا اثنان كما أعلن سابقا.", ("wounded", 3)),
        ("أما المفقودون فعددهم 14 بحسب الصليب الأحمر.", ("missing", 14)),
    ],
)
def test_the_toll_noun_then_how_many_they_are(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("في حين أُجلي نحو 300 جريح إلى مستشفيات المدينة.", ("evacuated", 300)),
        ("وأجلت فرق الهلال الأحمر 45 مصابا من المخيم.", ("evacuated", 45)),
    ],
)
def test_the_wounded_evacuated_are_evacuated(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


def test_the_wounded_counted_by_their_own_verb_stay_wounded() -> None:
    assert figs("أصيب 300 جريح في القصف.") == {("wounded", 300)}


@pytest.mark.parametrize(
    "body",
    [
        "نزح أكثر من 60 ألف شخص من المدينة خلال الشهر الماضي وحده.",
        "قتل 120 مدنيا طوال الأسبوع الماضي في الغارات.",
    ],
)
def test_a_toll_over_the_last_month_is_todays(body: str) -> None:
    assert {h for _, _, h in dated(body)} == {False}


def test_a_toll_of_last_year_during_a_war_stays_the_past() -> None:
    assert {h for _, _, h in dated("قتل 500 شخص خلال حرب عام 2020.")} == {True}
