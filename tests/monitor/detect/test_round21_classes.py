"""Classes found missing by the 21st blind round, each fixed by class and tested
beside its look-alikes (never by the round's own sentences)."""

from __future__ import annotations

import pytest

from monitor.detect import detect_casualties, detect_ceasefire
from monitor.document import Document
from tests.monitor.detect.figures import dated, figs


def statuses(body: str) -> list[tuple[str, bool]]:
    doc = Document.from_text("t", None, body)
    return [(s.status, s.historical) for s in detect_ceasefire(doc, 2026).statements]


@pytest.mark.parametrize(
    ("body", "historical"),
    [
        ("نزح نحو 40 ألف شخص من المنطقة قبل خمس سنوات.", True),
        ("قتل 12 جنديا في الهجوم قبل 30 عاما.", True),
        ("قتل 12 جنديا في الهجوم قبل ثلاث ساعات.", False),
    ],
)
def test_years_ago_date_a_figure_to_the_past(body: str, historical: bool) -> None:
    assert {h for _, _, h in dated(body)} == {historical}


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "وقالت اللجنة إن 22 صيادا، أغلبهم من القرى الساحلية، لا يزالون في عداد المفقودين.",
            ("missing", 22),
        ),
        ("وعبر أكثر من 12 ألفا الحدود نحو تشاد خلال أسبوع.", ("displaced", 12_000)),
        ("ارتفعت حصيلة الانفجار إلى قتيل واحد وثلاثة جرحى.", ("killed", 1)),
        ("وقال الهلال الأحمر إن عدد المصابين تجاوز الأربعين.", ("wounded", 40)),
        (
            "وقالت الوزارة إن تسعة مدنيين، جميعهم من عائلات نازحة لجأت إلى المدرسة، قتلوا.",
            ("killed", 9),
        ),
        (
            "يحاكم 20 من القادة السابقين للجماعة التي كانت تسيطر على الإقليم الشمالي حتى العام"
            " الماضي، والمحتجزين منذ ربيع 2024.",
            ("captured", 20),
        ),
    ],
)
def test_round21_constructions(body: str, expected: tuple[str, int]) -> None:
    assert expected in figs(body)


@pytest.mark.parametrize(
    "body",
    [
        "نقلت المساعدات عبر الحدود إلى القرى المنكوبة.",
        "وصل الرئيس إلى المدينة يوم الاثنين.",
        "لم يسقط قتيل واحد في الهجوم.",
    ],
)
def test_round21_lookalikes_count_nobody(body: str) -> None:
    assert figs(body) == set()


def test_a_death_that_made_the_toll_rise_is_no_new_figure() -> None:
    body = "ارتفع عدد ضحايا الانفجار إلى خمسة، بعد وفاة أحد المصابين في المستشفى."
    assert figs(body) == {("killed", 5)}
    news = "ارتفع عدد القتلى إلى خمسة بعد مقتل ثلاثة جنود في قصف جديد."
    assert ("killed", 3) in figs(news)


def test_a_truce_that_froze_the_war_is_not_suspended() -> None:
    assert "suspended" not in [s for s, _ in statuses("جمدت هدنة بيشكيك الحرب ثلاثة عقود.")]
    assert [s for s, _ in statuses("جمدت الحكومة الهدنة بعد الهجوم.")] == ["suspended"]


@pytest.mark.parametrize(
    "body",
    [
        "وضعت الحكومة شروطا لقبول الهدنة التي اقترحها الوسطاء.",
        "وتربط المعارضة موافقتها على الهدنة بانسحاب القوات.",
    ],
)
def test_an_acceptance_under_conditions_is_no_agreement(body: str) -> None:
    assert "agreed" not in [s for s, _ in statuses(body)]


def test_an_acceptance_given_is_an_agreement() -> None:
    assert "agreed" in [s for s, _ in statuses("أعلن الجيش قبول الهدنة.")]


def test_an_earlier_truce_is_the_past() -> None:
    assert statuses("وذكر بهدن سابقة انهارت خلال أيام.") == [("suspended", True)]
    assert statuses("انهارت الهدنة بعد يومين.") == [("suspended", False)]


def test_as_part_of_an_agreement_is_no_proposal() -> None:
    said = [s for s, _ in statuses("أفرج عن 40 معتقلا في إطار اتفاق وقف إطلاق النار.")]
    assert "proposed" not in said
    assert "proposed" in [s for s, _ in statuses("قدم الوسطاء إطار اتفاق لوقف إطلاق النار.")]


def test_the_dead_of_a_films_plot_are_fiction() -> None:
    film = Document.from_text(
        "t",
        "«الخندق»... فيلم عن قرية على خط النار",
        "يعرض الفيلم في دور السينما منذ أسبوع.\nويعرف المشاهد أن خمسة من أبناء القرية قتلوا"
        " في الحكاية قبل سنوات.",
    )
    assert detect_casualties(film, 2026) == []


def test_news_beside_a_film_stays_news() -> None:
    cinema = Document.from_text(
        "t",
        "افتتاح أول دار عرض في المدينة بفيلم «النمر»",
        "حضر الجمهور العرض الأول في دار السينما الجديدة.\nوكانت السلطات قد احتجزت 40 ناشطا"
        " الشهر الماضي.",
    )
    assert [f.count for f in detect_casualties(cinema, 2026)] == [40]
    documentary = Document.from_text(
        "t",
        "فيلم وثائقي عن مجزرة القرية",
        "يروي الفيلم الوثائقي كيف قتل 30 مدنيا في القرية عام 1992.",
    )
    assert [f.count for f in detect_casualties(documentary, 2026)] == [30]


def test_the_same_truce_as_before_is_not_an_earlier_one() -> None:
    body = "وقال الوسطاء إن التمديد سيكون بشروط الهدنة السابقة نفسها التي تدخل يومها الخامس."
    assert ("holding", False) in statuses(body)


def test_some_of_them_missing_is_no_count_of_the_missing() -> None:
    body = "قتل أكثر من 200 شخص في الهجوم، وأصيب العشرات، وبعضهم في عداد المفقودين."
    assert all(kind != "missing" for kind, _ in figs(body))
