"""Ceasefire statements: triggers, statuses, parties, history, and other conflicts."""

from __future__ import annotations

import pytest

from monitor.detect import detect_ceasefire, detect_karabakh
from monitor.document import Document


def _doc(body: str, title: str | None = None) -> Document:
    return Document.from_text("t", title, body)


def _statuses(body: str) -> list[tuple[str, bool]]:
    return [(s.status, s.historical) for s in detect_ceasefire(_doc(body)).statements]


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("اقترحت روسيا وقفا لإطلاق النار في الإقليم.", "proposed"),
        ("وقدمت مصر مقترحا جديدا للهدنة.", "proposed"),
        ("وبحث الوزيران مفاوضات وقف إطلاق النار.", "proposed"),
        ("وافقت أرمينيا على وقف إطلاق النار.", "agreed"),
        ("واتفق الطرفان على هدنة إنسانية.", "agreed"),
        ("وتوصلت باكو ويريفان إلى اتفاق لوقف القتال.", "agreed"),
        ("وقبلت الحركة مقترح وقف إطلاق النار.", "agreed"),
        ("أعلن الجيش وقف إطلاق النار من جانب واحد.", "announced"),
        ("وقال المراقبون إن وقف إطلاق النار صامد.", "holding"),
        ("ودخلت الهدنة حيز التنفيذ صباح اليوم.", "holding"),
        ("ولا تزال التهدئة متماسكة.", "holding"),
        ("واتهمت يريفان باكو بخرق وقف إطلاق النار.", "violated"),
        ("وسجلت خروقات للهدنة في عدة مناطق.", "violated"),
        ("وانهارت الهدنة بعد يومين.", "suspended"),
        ("وعلقت الحكومة العمل بوقف الأعمال العدائية.", "suspended"),
        ("ودعا مجلس الأمن إلى وقف فوري لإطلاق النار.", "called_for"),
        ("وطالبت منظمات إنسانية بوقف القتال.", "called_for"),
        ("وحث الوزير الطرفين على احترام الهدنة.", "called_for"),
        ("وتتواصل المطالبات بوقف الحرب.", "called_for"),
    ],
)
def test_statuses(sentence: str, status: str) -> None:
    assert _statuses(sentence) == [(status, False)]


def test_digits_and_spelling_variants_in_triggers() -> None:
    # Alef and teh marbuta variants, and the Arabic comma, do not hide a trigger.
    assert _statuses("وافقت الاطراف على هدنه لمدة ٧٢ ساعة، بحسب الوسطاء.") == [("agreed", False)]


@pytest.mark.parametrize(
    "sentence",
    [
        "وظل خط التماس ثابتا منذ اتفاق وقف إطلاق النار عام 1994.",
        "وزار الوفد قرية الهدنة بانمونجوم على الحدود بين الكوريتين.",
        "وانتهت الحرب الكورية بهدنة عام 1953 دون معاهدة سلام.",
        "واستعادت أذربيجان أراضيها في حرب عام 2020 التي انتهت باتفاق لوقف إطلاق النار.",
    ],
)
def test_history_is_marked_and_not_detected(sentence: str) -> None:
    result = detect_ceasefire(_doc(sentence))
    assert not result.detected
    assert all(s.historical for s in result.statements)


def test_a_call_to_return_to_an_old_agreement_is_news() -> None:
    result = detect_ceasefire(
        _doc("ودعت موسكو إلى الالتزام باتفاق وقف إطلاق النار المبرم عام 2020.")
    )
    assert result.detected
    assert [s.status for s in result.statements] == ["called_for"]


def test_not_ceasefires() -> None:
    for sentence in (
        "ودعا الوزير إلى تهدئة الوضع في الأسواق.",
        "وأطلق مسلحون النار على دورية للشرطة.",
        "ودمرت القوات نقاط إطلاق النار التابعة للعدو.",
        "وقف الرئيس دقيقة صمت.",
    ):
        assert detect_ceasefire(_doc(sentence)).statements == [], sentence


def test_parties() -> None:
    st = detect_ceasefire(
        _doc("وأعلنت الخارجية أن حركة حماس وافقت على مقترح وقف إطلاق النار الذي قدمته مصر وقطر.")
    ).statements[0]
    assert st.status == "agreed"
    assert st.accepted_by == "حركة حماس"
    assert st.proposed_by == "مصر وقطر" or st.proposed_by == "مصر"
    vso = detect_ceasefire(_doc("ووافقت إسرائيل على الهدنة.")).statements[0]
    assert vso.accepted_by == "إسرائيل"


def test_other_conflicts_ceasefire_is_not_karabakh() -> None:
    doc = _doc(
        "أعلن الوسطاء التوصل إلى اتفاق لوقف إطلاق النار في غزة يبدأ غدا.", title="هدنة في غزة"
    )
    assert detect_ceasefire(doc).detected
    assert not detect_karabakh(doc).related


def test_offsets_and_title() -> None:
    doc = _doc(
        "تمهيد.\nوقال مسؤول إن الهدنة صامدة. وأضاف أن المساعدات تدخل.",
        title="الهدنة صامدة في الإقليم",
    )
    result = detect_ceasefire(doc)
    title_st, body_st = result.statements
    assert title_st.paragraph is None
    assert "الهدنة صامدة في الإقليم"[title_st.start : title_st.end] == title_st.sentence
    assert body_st.paragraph == 1
    assert doc.body[body_st.start : body_st.end] == "وقال مسؤول إن الهدنة صامدة."
    assert "الهدنة" in body_st.trigger


def test_an_agreement_and_its_violation_in_one_sentence_are_both_reported() -> None:
    # As every blind labeller marks it: the truce was agreed, and it was violated.
    result = detect_ceasefire(_doc("وافق الطرفان على الهدنة لكنهما تبادلا الاتهامات بخرق الهدنة."))
    assert sorted(s.status for s in result.statements) == ["agreed", "violated"]
