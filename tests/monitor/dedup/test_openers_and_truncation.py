"""Wire copies cut at the first clause or opened with a three-word connective
are copies; paragraphs that share only an opening are not."""

from __future__ import annotations

import json

from monitor.analyzer import Analyzer

ORIGINAL = (
    "وتبادل الجانبان الاتهامات بخرق الهدنة على طول خط التماس، فيما أعلنت وزارة الدفاع "
    "في الإقليم الانفصالي ارتفاع عدد قتلاها العسكريين منذ بدء المعارك إلى 525."
)
STATEMENT = (
    "وأكدت باكو أن قواتها لا تستهدف السكان المدنيين ولا البنية التحتية المدنية، "
    "وأن الأهداف العسكرية المشروعة فقط يجري تحييدها باستخدام أسلحة عالية الدقة."
)


def duplicates(first: str, second: str) -> list[int]:
    analyzer = Analyzer()
    analyzer.analyze_raw(json.dumps({"id": "a", "source": "x", "body": first}), now=1.0)
    result = analyzer.analyze_raw(json.dumps({"id": "b", "source": "y", "body": second}), now=2.0)
    return [p.index for p in result.paragraphs if p.duplicate_of]  # type: ignore[union-attr]


def test_a_copy_cut_after_its_first_clause_is_a_copy() -> None:
    assert duplicates(ORIGINAL, "وتبادل الجانبان الاتهامات بخرق الهدنة على طول خط التماس.") == [0]


def test_a_three_word_connective_instead_of_and_is_a_copy() -> None:
    changed = "من جهة أخرى، أكدت" + STATEMENT.removeprefix("وأكدت")
    assert duplicates(STATEMENT, changed) == [0]


def test_a_paragraph_sharing_only_its_opening_is_not_a_copy() -> None:
    other = (
        "وتبادل الجانبان الاتهامات بتعطيل المفاوضات في جنيف، فيما دعت الأمم المتحدة "
        "إلى استئناف الحوار دون شروط مسبقة خلال الأسبوع المقبل."
    )
    assert duplicates(ORIGINAL, other) == []


def test_a_conjunction_added_or_dropped_before_any_verb_is_a_copy() -> None:
    original = (
        "وتتهم باكو يريفان بعدم تسليم خرائط دقيقة لحقول الألغام التي زرعت خلال نحو "
        "ثلاثين عاما من السيطرة على المنطقة."
    )
    assert duplicates(original, "كما تتهم" + original.removeprefix("وتتهم")) == [0]
    assert duplicates(original, original.removeprefix("و")) == [0]


def test_a_word_that_only_starts_like_a_conjunction_keeps_paragraphs_apart() -> None:
    first = "وزارة الدفاع تعلن مقتل ثلاثة جنود في قصف على الحدود الشمالية صباح اليوم."
    other = "زارة الدفاع تعلن مقتل ثلاثة جنود في قصف على الحدود الجنوبية مساء أمس."
    assert duplicates(first, other) == []


def test_a_conjunction_glued_to_a_particle_is_a_copy_too() -> None:
    original = (
        "ولم يصدر تعليق فوري من موسكو، التي تقول إنها لا تستهدف سوى مواقع عسكرية ومنشآت "
        "للطاقة تستخدمها القوات الأوكرانية."
    )
    assert duplicates(original, "كما لم" + original.removeprefix("ولم")) == [0]
    assert duplicates(original, "فلم" + original.removeprefix("ولم")) == [0]


def test_a_three_letter_word_starting_with_waw_is_not_a_conjunction() -> None:
    first = "وقع انفجار في مستودع للذخيرة قرب الحدود صباح اليوم دون أن يسفر عن إصابات."
    other = "قع انفجار في مستودع للذخيرة قرب الحدود صباح اليوم دون أن يسفر عن إصابات."
    assert duplicates(first, other) == []


def test_outlets_spelling_variants_are_one_paragraph() -> None:
    original = (
        "وكان الرئيس اللبناني قد دعا، خلال لقائه الموفدة الأميركية، إلى إلزام إسرائيل بوقف "
        "الأعمال العدائية والانسحاب من النقاط الخمس التي لا تزال تحتلها."
    )
    assert duplicates(original, original.replace("الأميركية", "الأمريكية")) == [0]
    toll = "وقال الدفاع المدني إن ستمائة منزل تضررت بالقصف خلال الأسبوع الماضي في القطاع."
    assert duplicates(toll, toll.replace("ستمائة", "ستمئة")) == [0]
    # look-alike: a different number is a different paragraph
    assert duplicates(toll, toll.replace("ستمائة", "سبعمائة")) == []
