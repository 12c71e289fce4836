"""Held-out sentences, written in my own words before the rules were tuned on
them, to check that the rules generalize. They were run once, at the end; the
results are recorded in the report: 25 of 26 passed on the first run; the one
miss (marked below) was fixed afterwards, so it no longer counts as held out.
"""

from __future__ import annotations

import pytest

from monitor.detect import detect_casualties, detect_ceasefire, detect_karabakh
from monitor.document import Document


def _doc(body: str, title: str | None = None) -> Document:
    return Document.from_text("heldout", title, body)


KARABAKH_RELATED = [
    (
        "اشتباكات على خط التماس في قره باغ",
        "تبادلت القوات الأذربيجانية والأرمينية إطلاق النار قرب ستيباناكيرت.",
    ),
    (
        None,
        "قالت سلطات آرتساخ إن قصفا أذربيجانيا استهدف خانكندي. "
        "وأضافت أن الطرق إلى ممر لاتشين مغلقة منذ أسابيع.",
    ),
    (
        None,
        "وصل آلاف اللاجئين الأرمن من كاراباخ إلى أرمينيا. وقالت يريفان إن النازحين من "
        "الإقليم يحتاجون إلى مساعدات عاجلة، وإن الطريق عبر ممر لاتشين مزدحم.",
    ),
    ("باكو تستعيد شوشا", "أعلن الرئيس الأذربيجاني استعادة مدينة شوشي في إقليم ناغورني قرة باغ."),
]

KARABAKH_NOT = [
    (
        "قرة باغ يفوز على مضيفه",
        "فاز فريق قرة باغ الأذربيجاني على مضيفه بهدفين نظيفين "
        "في ذهاب الدور التمهيدي لدوري أبطال أوروبا.",
    ),
    (None, "وغاب الظهير كارباخال عن تدريبات ريال مدريد بسبب الإصابة."),
    (None, "وقالت وزارة الطاقة الأذربيجانية إن صادرات الغاز عبر خط الأنابيب ارتفعت هذا العام."),
    (None, "كتب الصحفي أدام ناغورني مقالا عن الانتخابات الأمريكية."),
]


@pytest.mark.parametrize(("title", "body"), KARABAKH_RELATED)
def test_heldout_karabakh_related(title: str | None, body: str) -> None:
    assert detect_karabakh(_doc(body, title)).related


@pytest.mark.parametrize(("title", "body"), KARABAKH_NOT)
def test_heldout_karabakh_not_related(title: str | None, body: str) -> None:
    assert not detect_karabakh(_doc(body, title)).related


CEASEFIRE = [
    ("اتهمت وزارة الدفاع الأرمينية القوات الأذربيجانية بانتهاك الهدنة ليلة أمس.", "violated"),
    ("وتوصل الطرفان بوساطة روسية إلى اتفاق لوقف إطلاق النار يبدأ سريانه ظهر الغد.", "agreed"),
    ("وطالب الاتحاد الأوروبي بوقف فوري لإطلاق النار في الإقليم.", "called_for"),
    ("وقال مراقبون إن الهدنة لا تزال صامدة رغم حوادث متفرقة.", "holding"),
    ("واقترحت فرنسا هدنة إنسانية لمدة ثلاثة أيام.", "proposed"),
    ("وأعلن الجيش انهيار التهدئة بعد ساعات من بدئها.", "suspended"),
]


@pytest.mark.parametrize(("sentence", "status"), CEASEFIRE)
def test_heldout_ceasefire_status(sentence: str, status: str) -> None:
    result = detect_ceasefire(_doc(sentence))
    assert result.detected
    assert [s.status for s in result.statements] == [status]


def test_heldout_ceasefire_history_is_not_news() -> None:
    result = detect_ceasefire(
        _doc("وظلت خطوط التماس على حالها منذ اتفاق وقف إطلاق النار الموقع عام 1994.")
    )
    assert not result.detected


CASUALTIES = [
    (
        "وأسفر القصف عن مقتل أربعة عشر مدنيا وإصابة ثلاثين آخرين.",
        [("killed", 14, "exact"), ("wounded", 30, "exact")],
    ),
    ("ولقي ما لا يقل عن 12 جنديا مصرعهم في الهجوم.", [("killed", 12, "at_least")]),
    ("ونزح قرابة ٥٠ ألف شخص من القرى الحدودية.", [("displaced", 50000, "about")]),
    # Missed on the first run ("في عداد المفقودين" was no shape); fixed after.
    ("وما زال سبعة جنود في عداد المفقودين.", [("missing", 7, "exact")]),
    ("وأسرت القوات الأذربيجانية جنديين أرمينيين.", [("captured", 2, "exact")]),
    ("وأفادت الأمم المتحدة بأن آلاف المدنيين فروا من المدينة.", [("displaced", None, "thousands")]),
    ("وارتفعت حصيلة قتلى الزلزال إلى ۱۲۰ شخصا.", []),  # a quake: casualties all the same
]


@pytest.mark.parametrize(("sentence", "expected"), CASUALTIES[:-1])
def test_heldout_casualties(sentence: str, expected: list[tuple[str, int | None, str]]) -> None:
    got = [(f.kind, f.count, f.qualifier) for f in detect_casualties(_doc(sentence))]
    assert got == expected


def test_heldout_quake_toll_is_a_figure() -> None:
    got = [(f.kind, f.count, f.cumulative) for f in detect_casualties(_doc(CASUALTIES[-1][0]))]
    assert got == [("killed", 120, True)]


CASUALTY_NEGATIVES = [
    "ويبلغ عدد سكان الإقليم نحو 120 ألف نسمة.",
    "وسيطرت القوات على 12 قرية و3 مرتفعات استراتيجية.",
    "ولم تسفر الغارة عن وقوع إصابات.",
    "وقتل في الحرب الأولى في التسعينيات نحو 30 ألف شخص.",
]


@pytest.mark.parametrize("sentence", CASUALTY_NEGATIVES)
def test_heldout_not_current_figures(sentence: str) -> None:
    assert all(f.historical for f in detect_casualties(_doc(sentence)))
