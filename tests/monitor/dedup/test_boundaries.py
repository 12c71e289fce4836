"""Boundaries a mutation probe found unguarded (issue 12): who a copy is credited
to when several versions are remembered, and where a republication begins."""

from __future__ import annotations

import json

from monitor.analyzer import Analyzer
from schemas.analysis import Analysis

SHORT = "قصفت القوات الأذربيجانية مواقع أرمينية قرب لاتشين صباح اليوم."
LONG = (
    "قصفت القوات الأذربيجانية مواقع أرمينية قرب لاتشين صباح اليوم، وقالت يريفان إن القصف "
    "استمر ساعتين وألحق أضرارا بمنازل في القرى الحدودية."
)
OTHER = [
    "وأعلنت وزارة الخارجية الروسية استعدادها للوساطة بين البلدين الجارين في القوقاز.",
    "ودعا الاتحاد الأوروبي إلى ضبط النفس والعودة إلى طاولة المفاوضات دون شروط.",
    "وتشهد المنطقة توترا متصاعدا منذ أسابيع بسبب خلافات على ترسيم الحدود المشتركة.",
    "ونقلت وكالة الأنباء الرسمية عن مسؤول قوله إن الاتصالات مستمرة على أعلى المستويات.",
]


def _run(*items: tuple[str, str, list[str]]) -> list[Analysis]:
    analyzer = Analyzer()
    out = []
    for n, (id_, source, paragraphs) in enumerate(items):
        raw = json.dumps(
            {
                "id": id_,
                "source": source,
                "body": "\n".join(paragraphs),
                "published_at": f"2026-11-30T0{n}:00:00Z",
            }
        )
        result = analyzer.analyze_raw(raw)
        assert isinstance(result, Analysis)
        out.append(result)
    return out


def test_a_copy_is_credited_to_the_first_publisher_of_its_words() -> None:
    # The first outlet ran the short version; a later one the long version (not a
    # copy: it says more); a third outlet's short copy matches both, and is the
    # first publisher's.
    _, longer, third = _run(
        ("a", "aa_arabic", [SHORT]), ("b", "rt_arabic", [LONG]), ("c", "alghad", [SHORT])
    )
    assert longer.paragraphs[0].duplicate_of is None
    dup = third.paragraphs[0].duplicate_of
    assert dup is not None and dup.article == "a"


def test_half_the_paragraphs_seen_is_not_a_republication() -> None:
    shared = [LONG, OTHER[0]]
    _, half, most = _run(
        ("a", "aa_arabic", [*shared, OTHER[1], OTHER[2]]),
        (
            "b",
            "rt_arabic",
            [*shared, "فقرة جديدة تماما عن مفاوضات السلام في بروكسل.", "وأخرى عن الغاز."],
        ),
        (
            "c",
            "alghad",
            [LONG, OTHER[0], OTHER[1], OTHER[2], "وختمت الوكالة تقريرها بعبارة جديدة."],
        ),
    )
    assert half.duplicate_paragraphs == 2 and half.republication_of is None
    # four of five paragraphs seen: a republished copy (0.8 is the default share)
    assert most.republication_of is not None and most.republication_of.article == "a"
