"""Casualty figures: kinds, counts in every form, qualifiers, claimants, negatives."""

from __future__ import annotations

import pytest

from monitor.detect import detect_casualties
from monitor.document import Document


def _doc(body: str, title: str | None = None) -> Document:
    return Document.from_text("t", title, body)


def _figs(body: str) -> list[tuple[str, int | None, str]]:
    return [(f.kind, f.count, f.qualifier) for f in detect_casualties(_doc(body))]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # killed, in its many words
        ("قتل 5 أشخاص في الهجوم.", [("killed", 5, "exact")]),
        ("وأسفر الانفجار عن مقتل ٧ جنود.", [("killed", 7, "exact")]),
        ("سقط ۱۲ قتيلا في القصف.", [("killed", 12, "exact")]),
        ("ولقي ثلاثة عشر شخصا حتفهم.", [("killed", 13, "exact")]),
        ("و32 شخصا لقوا مصرعهم.", [("killed", 32, "exact")]),
        ("استشهد 4 فلسطينيين برصاص الاحتلال.", [("killed", 4, "exact")]),
        ("ارتفع عدد الشهداء إلى مئة وعشرين.", [("killed", 120, "exact")]),
        ("وقتل جنديان بحسب الجيش.", [("killed", 2, "exact")]),
        ("وأعلن الجيش مقتل جنديين.", [("killed", 2, "exact")]),
        ("وخلف الهجوم قتيلين وجريحين.", [("killed", 2, "exact"), ("wounded", 2, "exact")]),
        # wounded
        ("وأصيب 15 آخرون بجروح.", [("wounded", 15, "exact")]),
        ("وبلغ عدد الجرحى 40 ألفا.", [("wounded", 40000, "exact")]),
        ("ونقل 8 مصابين إلى المستشفى.", [("wounded", 8, "exact")]),
        # missing, captured, evacuated, displaced
        ("ولا يزال 9 مفقودين تحت الأنقاض.", [("missing", 9, "exact")]),
        ("وأسر المقاتلون 6 جنود.", [("captured", 6, "exact")]),
        ("وتحتجز الحركة 101 رهينة.", [("captured", 101, "exact")]),
        ("وتم إجلاء 2000 مدني من المنطقة.", [("evacuated", 2000, "exact")]),
        ("ونزح أكثر من مليون شخص.", [("displaced", 1000000, "more_than")]),
        ("وفر 100 ألف أرمني من الإقليم.", [("displaced", 100000, "exact")]),
        ("ويعيش 3 ملايين لاجئ في المخيمات.", [("displaced", 3000000, "exact")]),
        # qualifiers
        ("قتل نحو 100 شخص.", [("killed", 100, "about")]),
        ("قتل حوالي 50 شخصا.", [("killed", 50, "about")]),
        ("قتل قرابة 30 مدنيا.", [("killed", 30, "about")]),
        ("قتل زهاء 20 جنديا.", [("killed", 20, "about")]),
        ("قتل ما يقارب 70 شخصا.", [("killed", 70, "about")]),
        ("قتل أكثر من 200 شخص.", [("killed", 200, "more_than")]),
        ("قتل ما يزيد عن 60 شخصا.", [("killed", 60, "more_than")]),
        ("قتل 10 أشخاص على الأقل.", [("killed", 10, "at_least")]),
        ("قتل ما لا يقل عن 11 شخصا.", [("killed", 11, "at_least")]),
        ("وقد يصل عدد القتلى إلى ما يصل إلى 500.", [("killed", 500, "up_to")]),
        ("وسقط عشرات القتلى.", [("killed", None, "tens")]),
        ("وأصيب المئات من المدنيين.", [("wounded", None, "hundreds")]),
        ("ونزح آلاف السكان.", [("displaced", None, "thousands")]),
        ("وفر عشرات الآلاف من المدنيين.", [("displaced", None, "thousands")]),
    ],
)
def test_figures(sentence: str, expected: list[tuple[str, int | None, str]]) -> None:
    assert _figs(sentence) == expected


def test_sub_counts_are_figures_too() -> None:
    assert _figs("قتل 20 شخصا بينهم سبعة مدنيين.") == [
        ("killed", 20, "exact"),
        ("killed", 7, "exact"),
    ]
    assert _figs("سقط 30 قتيلا من بينهم 12 طفلا.") == [
        ("killed", 30, "exact"),
        ("killed", 12, "exact"),
    ]


def test_two_figures_in_one_clause() -> None:
    assert _figs("أسفر القصف عن مقتل 5 وإصابة 10 آخرين.") == [
        ("killed", 5, "exact"),
        ("wounded", 10, "exact"),
    ]
    assert _figs("وقتل 3 جنود وجرح سبعة آخرون.") == [
        ("killed", 3, "exact"),
        ("wounded", 7, "exact"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "سيطرت القوات على 60 موقعا للقوات الأرمينية.",
        "ودمرت القوات 12 قرية و3 دبابات.",
        "ويبلغ عدد سكان الإقليم 120 ألف نسمة.",
        "وقتل الرجل البالغ من العمر 45 عاما.",
        "وارتفع عدد القتلى بنسبة 20% مقارنة بالعام الماضي.",
        "ورصدت الحكومة 500 مليون دولار لإعادة الإعمار.",
        "وتعيش في المحمية 300 نوع من الطيور.",
        "لم تسجل إصابات في صفوف المدنيين.",
        "ولم يسفر القصف عن سقوط قتلى.",
        "وانفجرت القنبلة دون وقوع إصابات.",
        "وسجلت 5 إصابات جديدة بفيروس كورونا.",
        "وفي 24 ساعة قتل الجنود وأصيبوا.",
        "وقعت الحادثة في عام 2020 وقتل فيها جندي.",
    ],
)
def test_not_casualty_figures(sentence: str) -> None:
    assert _figs(sentence) == []


def test_claimants() -> None:
    figs = detect_casualties(_doc("وقالت وزارة الصحة في غزة إن 40 شخصا قتلوا."))
    assert [f.attributed_to for f in figs] == ["وزارة الصحة"]
    figs = detect_casualties(_doc("قتل 12 شخصا بحسب المرصد السوري لحقوق الإنسان."))
    assert figs[0].attributed_to is not None and figs[0].attributed_to.startswith("المرصد السوري")
    figs = detect_casualties(_doc("وأعلنت أذربيجان الثلاثاء أن 3 جنود قتلوا."))
    assert figs[0].attributed_to == "أذربيجان"
    assert detect_casualties(_doc("قتل 3 جنود في الهجوم."))[0].attributed_to is None


def test_cumulative_and_new() -> None:
    rose, new = detect_casualties(
        _doc("ارتفعت حصيلة القتلى إلى 50.\nوقتل 4 أشخاص في قصف على قرية.")
    )
    assert rose.cumulative and rose.count == 50
    assert not new.cumulative and new.count == 4


def test_historical_figures() -> None:
    (old,) = detect_casualties(_doc("وقتل أكثر من 6500 جندي خلال حرب 2020."))
    assert old.historical and old.count == 6500
    (older,) = detect_casualties(_doc("وقتل نحو 30 ألف شخص في حرب التسعينيات."))
    assert older.historical
    (today,) = detect_casualties(_doc("وقتل منذ عام 2011 أكثر من 500 ألف شخص."))
    assert not today.historical and today.cumulative


def test_offsets_slice_back_in_body_and_title() -> None:
    doc = _doc("مقدمة قصيرة.\nوأسفر القصف عن مقتل ٧ جنود أرمن.", title="٣ قتلى في قصف")
    title_fig, body_fig = detect_casualties(doc)
    assert (
        title_fig.paragraph is None and "٣ قتلى في قصف"[title_fig.start : title_fig.end] == "٣ قتلى"
    )
    assert body_fig.paragraph == 1
    assert doc.body[body_fig.start : body_fig.end] == "مقتل ٧ جنود"
    assert body_fig.count == 7
