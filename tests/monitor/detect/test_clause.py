"""The clause grammar both detectors share (`monitor.detect.clause`): what a
negator, a denial and a clause break do to a casualty figure and to a ceasefire
statement alike, with the look-alikes each rule must leave alone."""

from __future__ import annotations

import pytest

from monitor.detect import clause, detect_casualties, detect_ceasefire
from monitor.document import Document
from monitor.text.normalize import normalize, tokens


def _doc(body: str) -> Document:
    return Document.from_text("clause", None, body)


def _figures(body: str) -> set[tuple[str, int | None]]:
    return {(f.kind, f.count) for f in detect_casualties(_doc(body))}


def _statuses(body: str) -> list[str]:
    return [s.status for s in detect_ceasefire(_doc(body)).statements]


# --- a denial reaches to the word that turns to what is asserted -------------------------


@pytest.mark.parametrize(
    "body",
    [
        "نفت وزارة الدفاع أن يكون 12 جنديا قد قتلوا في الهجوم.",
        "وكذّبت الرئاسة التقارير التي تحدثت عن مقتل ثمانية مدنيين في القرية.",
        "ونفى المتحدث العسكري أسر أربعة جنود خلال الاشتباك الليلي.",
    ],
)
def test_a_denied_figure_is_no_figure(body: str) -> None:
    assert _figures(body) == set()


@pytest.mark.parametrize(
    ("body", "figure"),
    [
        # the accusation after the denial is asserted: its toll counts
        (
            "ونفت وزارة الدفاع الأرمنية إطلاق أي صواريخ، متهمة القوات الأذربيجانية "
            "بقصف بلدات حدودية ما أسفر عن إصابة 14 مدنيا.",
            ("wounded", 14),
        ),
        # "قائلا" turns to what the speaker asserts
        (
            "نفى المتحدث باسم الجيش سقوط قتلى في صفوف قواته، قائلا إن 9 من المهاجمين قتلوا.",
            ("killed", 9),
        ),
        # "لكن" ends the denial
        (
            "نفت الشرطة وقوع انفجار ثان، لكنها أكدت إصابة سبعة أشخاص في الانفجار الأول.",
            ("wounded", 7),
        ),
    ],
)
def test_what_follows_the_turn_after_a_denial_is_asserted(
    body: str, figure: tuple[str, int]
) -> None:
    assert figure in _figures(body)


@pytest.mark.parametrize(
    "body",
    [
        "نفت الخارجية الأذربيجانية التوصل إلى اتفاق لوقف إطلاق النار مع المسلحين.",
        "ورفضت الحكومة المقترح الداعي إلى هدنة إنسانية في المدينة.",
        "ونفى مستشار قائد القوات، في تصريح لوسائل إعلام محلية، توقيع اتفاق هدنة، قائلا: "
        "«لا توجد هدنة ولا مفاوضات في الوقت الراهن».",
        "وقال القائد الميداني إنه ليست هناك هدنة مع الطرف الآخر.",
    ],
)
def test_a_truce_denied_or_said_not_to_exist_is_no_statement(body: str) -> None:
    assert _statuses(body) == []


@pytest.mark.parametrize(
    ("body", "status"),
    [
        # a negated violation is no denial of the truce: it holds
        ("وقالت البعثة إن الهدنة لا تزال صامدة ولم تسجل أي خروقات منذ يومين.", "holding"),
        # the calls a party rejects still stand
        ("رفضت الحكومة الدعوات إلى وقف إطلاق النار في الإقليم.", "called_for"),
    ],
)
def test_lookalikes_of_a_denied_truce_keep_their_status(body: str, status: str) -> None:
    assert status in _statuses(body)


# --- negation: a few words before, not the words that only look like it ----------------


def _words(text: str) -> list[str]:
    return tokens(normalize(text))


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("لم تسجل أي خروقات", 3, True),
        ("دون وقوع قتلى", 2, True),
        # لا يزال (still), لا يقل (no fewer), لا سيما (especially) negate nothing
        ("لا يزال ثلاثة مفقودين", 2, False),
        ("لا يقل عن عشرة قتلى", 3, False),
        ("لا سيما خمسة أطفال", 2, False),
        # beyond the reach of three words
        ("لم يعلن الجيش في بيانه مساء أمس مقتل", 7, False),
    ],
)
def test_negation_reaches_three_words_and_skips_the_fixed_phrases(
    text: str, at: int, expected: bool
) -> None:
    negators = frozenset(_words("لم لا دون"))
    assert clause.negated(_words(text), at, negators) is expected


def test_a_negator_after_if_is_a_condition_only_for_negators_of_fact() -> None:
    words = _words("إذا لم يتم الالتزام بالهدنة")
    negators = frozenset(_words("لم"))
    assert clause.negated(words, 3, negators, facts_only=True) is False
    assert clause.negated(words, 3, negators) is True


# --- a speaker's name does not run across a clause break ---------------------------------


def test_a_claimant_is_not_taken_across_a_clause_break() -> None:
    body = (
        "أُعلن، فجر السبت، عن وقف لإطلاق النار في ريف المدينة، عقب اشتباكات أسفرت عن سقوط 12 قتيلا."
    )
    figures = detect_casualties(_doc(body))
    assert [(f.count, f.attributed_to) for f in figures] == [(12, None)]


def test_a_claimant_after_its_verb_is_named() -> None:
    body = "وأعلنت وزارة الصحة في غزة مقتل 23 شخصا في غارات ليلية."
    figures = detect_casualties(_doc(body))
    assert [(f.count, f.attributed_to) for f in figures] == [(23, "وزارة الصحة")]


def test_a_claimant_ends_at_the_clause_break_that_follows_it() -> None:
    # The name up to the comma, not nothing (a mutmut survivor dropped it).
    body = "وأعلنت وزارة الدفاع الأرمينية، مساء الأحد، مقتل 4 جنود في القصف."
    figures = detect_casualties(_doc(body))
    assert [(f.count, f.attributed_to) for f in figures] == [(4, "وزارة الدفاع الأرمينية")]
    truce = detect_ceasefire(_doc("وافقت أذربيجان، بحسب الكرملين، على وقف إطلاق النار."))
    assert [(s.status, s.accepted_by) for s in truce.statements] == [("agreed", "أذربيجان")]


def test_a_report_of_today_after_years_of_a_past_war_is_current() -> None:
    """A span that reaches today (بعد ثلاث سنوات على حرب 2020) and a past year in a
    clause about something else leave today's report current."""
    truce = "أعلنت أرمينيا وأذربيجان اليوم الأحد وقفا لإطلاق النار، بعد ثلاث سنوات على حرب 2020."
    toll = "قتل 3 جنود اليوم الأحد في القصف على القرية التي دمرتها حرب 2020."
    past = "قتل 3 جنود في القصف على القرية عام 1994."
    statements = detect_ceasefire(_doc(truce), 2023).statements
    assert [(s.status, s.historical) for s in statements] == [("announced", False)]
    assert [(f.count, f.historical) for f in detect_casualties(_doc(toll), 2023)] == [(3, False)]
    assert [(f.count, f.historical) for f in detect_casualties(_doc(past), 2023)] == [(3, True)]
