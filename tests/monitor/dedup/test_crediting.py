"""Who a copy is credited to, and when a paragraph is a copy at all: the boundaries
a mutmut run over the index left unguarded (docs/mutation.md)."""

from __future__ import annotations

import json

import pytest

from monitor.dedup.fingerprint import paragraph_words
from monitor.dedup.index import DedupConfig, ParagraphIndex

HOUR = 3600.0
NOW = 1_700_000_000.0
SHORT = "قصفت القوات الأذربيجانية مواقع أرمينية قرب لاتشين صباح اليوم"
LONG = SHORT + " وقالت يريفان إن القصف استمر ساعتين وألحق أضرارا بمنازل في القرى الحدودية"


def check(index: ParagraphIndex, article: str, source: str, paragraphs: list[str], at: float):
    return index.check_article(article, source, [paragraph_words(p) for p in paragraphs], at)


def test_a_copy_that_arrives_before_its_original_leaves_the_original_uncredited() -> None:
    # A feed delivers an aggregator's copy (published 10:00) before the agency's
    # original (published 09:00): the original is not a copy of the copy, and a
    # third outlet's copy is the agency's.
    index = ParagraphIndex()
    early_copy = check(index, "copy", "alghad", [LONG], NOW + HOUR)
    original = check(index, "agency", "aa_arabic", [LONG], NOW)
    third = check(index, "third", "rt_arabic", [LONG], NOW + 2 * HOUR)
    assert early_copy.duplicates == [None]
    assert original.duplicates == [None]
    assert original.republication_of is None
    seen = third.duplicates[0]
    assert seen is not None and (seen.article, seen.source) == ("agency", "aa_arabic")


def test_the_earliest_publisher_wins_even_when_a_later_version_is_checked_first() -> None:
    # Remembered in this order: a short version published at 10:00, a longer one at
    # 11:00 (it says more, so it is not a copy), and the short version from the
    # outlet that published it first, at 09:00, which arrived last. A new short
    # copy is credited to the 09:00 outlet.
    index = ParagraphIndex()
    check(index, "ten", "alghad", [SHORT], NOW + HOUR)
    check(index, "eleven", "rt_arabic", [LONG], NOW + 2 * HOUR)
    assert check(index, "nine", "aa_arabic", [SHORT], NOW).duplicates == [None]
    copy = check(index, "copy", "sputnik", [SHORT], NOW + 3 * HOUR)
    seen = copy.duplicates[0]
    assert seen is not None and (seen.article, seen.source) == ("nine", "aa_arabic")


@pytest.mark.parametrize("max_paragraphs", [2, 3, 1000])
def test_an_expired_version_is_never_credited_and_a_live_one_still_is(
    max_paragraphs: int,
) -> None:
    # The short version expires; a longer one published later is still remembered:
    # a short copy now is the longer version's, not the forgotten one's.
    index = ParagraphIndex(DedupConfig(max_paragraphs=max_paragraphs, max_age_seconds=10 * HOUR))
    check(index, "old", "alghad", [SHORT], NOW)
    check(index, "newer", "rt_arabic", [LONG], NOW + 6 * HOUR)
    copy = check(index, "copy", "sputnik", [SHORT], NOW + 12 * HOUR)
    seen = copy.duplicates[0]
    assert seen is not None and (seen.article, seen.source) == ("newer", "rt_arabic")


def test_a_copy_is_found_among_many_paragraphs_that_open_alike() -> None:
    # Seventy remembered reports open with the same phrase (more than the
    # candidates verified per lookup): a copy of the first is still a copy.
    index = ParagraphIndex()
    opening = "أعلنت وزارة الدفاع الأذربيجانية"
    for n in range(70):
        check(
            index, f"r{n}", "apa", [f"{opening} صباح اليوم إسقاط {n + 2} مسيرات فوق خط التماس"], NOW
        )
    copy = check(
        index, "copy", "alghad", [f"{opening} صباح اليوم إسقاط 2 مسيرات فوق خط التماس"], NOW
    )
    seen = copy.duplicates[0]
    assert seen is not None and seen.article == "r0"


def test_a_republication_names_the_first_publisher_and_its_source() -> None:
    index = ParagraphIndex()
    other = "ودعا الاتحاد الأوروبي إلى ضبط النفس والعودة إلى طاولة المفاوضات دون شروط"
    check(index, "agency", "aa_arabic", [LONG, other], NOW)
    copy = check(index, "copy", "alghad", [LONG, other], NOW + HOUR)
    assert copy.republication_of is not None
    assert (copy.republication_of.article, copy.republication_of.source) == (
        "agency",
        "aa_arabic",
    )
    assert [(d.article, d.source) for d in copy.duplicates if d] == [("agency", "aa_arabic")] * 2


def test_a_copy_may_open_with_as_many_connectives_as_allowed_and_no_more() -> None:
    # Four connectives or reporting verbs before the original's words is still the
    # same paragraph (max_leading_words = 4); a longer paragraph is not a copy.
    index = ParagraphIndex()
    check(index, "agency", "aa_arabic", [LONG], NOW)
    prefixed = check(index, "copy", "alghad", ["وفي المقابل كما قالت " + LONG], NOW + HOUR)
    assert prefixed.duplicates[0] is not None and prefixed.duplicates[0].article == "agency"


def test_a_copy_with_more_words_at_its_end_says_more_and_is_not_a_copy() -> None:
    # One more word at the end (a new fact: the number of wounded) is a new paragraph.
    index = ParagraphIndex()
    check(index, "agency", "aa_arabic", [LONG], NOW)
    longer = check(index, "copy", "alghad", [LONG + " وجرحى"], NOW + HOUR)
    assert longer.duplicates == [None]


def test_every_dedup_setting_reaches_the_index() -> None:
    # An operator's MONITOR_DEDUP_* values must be the ones the index decides with.
    from monitor.analyzer import Analyzer
    from monitor.settings import Settings

    values = {
        "max_paragraphs": 5000,
        "max_bytes": 2 << 20,
        "max_article_paragraphs": 50,
        "max_age_seconds": 7200.0,
        "min_fraction": 0.4,
        "max_leading_words": 3,
        "republication_share": 0.7,
    }
    settings = Settings(**{f"dedup_{k}": v for k, v in values.items()})
    config = Analyzer(settings).dedup.config
    assert {k: getattr(config, k) for k in values} == values


TALKS = (
    "وقال مسؤول في الخارجية الروسية إن موسكو مستعدة لاستضافة جولة جديدة من المحادثات "
    "بين يريفان وباكو حول ترسيم الحدود وفتح طرق النقل في المنطقة"
)


def test_a_truncated_copy_ending_in_another_place_name_is_not_a_copy() -> None:
    # Cut where the original names Yerevan as the speaker, with Baku in its place.
    index = ParagraphIndex()
    check(index, "agency", "aa_arabic", [LONG], NOW)
    words = LONG.split()
    cut = " ".join(words[:10]) + " باكو"
    assert words[10] == "يريفان"
    assert check(index, "other", "alghad", [cut], NOW + HOUR).duplicates == [None]


def test_a_truncated_copy_with_a_changed_opening_is_a_copy() -> None:
    # "كما قال" for "وقال", and cut mid-word after fifteen words.
    index = ParagraphIndex()
    check(index, "agency", "aa_arabic", [TALKS], NOW)
    words = TALKS.split()
    copy = "كما قال " + " ".join(words[1:14]) + " " + words[14][:3]
    seen = check(index, "copy", "alghad", [copy], NOW + HOUR).duplicates[0]
    assert seen is not None and seen.article == "agency"


def test_the_record_of_an_article_restores_its_paragraphs_and_publisher() -> None:
    # The service saves each verdict's record (a changelog) and replays it on start.
    first = ParagraphIndex()
    record = check(first, "agency", "aa_arabic", [LONG, TALKS], NOW).record
    replayed = ParagraphIndex()
    replayed.remember(record)
    # `monitor analyze --state` saves the whole index as JSON instead.
    reloaded = ParagraphIndex.from_json(json.loads(json.dumps(first.to_json())))
    for restarted in (replayed, reloaded):
        seen = check(restarted, "copy", "alghad", [TALKS], NOW + HOUR).duplicates[0]
        assert seen is not None
        assert (seen.article, seen.paragraph, seen.source) == ("agency", 1, "aa_arabic")


def test_an_article_repeating_its_own_paragraph_is_not_a_republication() -> None:
    # A caption repeated under each photo: copies within the article, not of another.
    verdict = check(ParagraphIndex(), "agency", "aa_arabic", [TALKS] * 5, NOW)
    assert verdict.duplicate_count == 4  # four of five paragraphs: over the 0.8 share
    assert verdict.republication_of is None


def test_a_copy_that_drops_the_originals_opening_connectives_is_a_copy() -> None:
    original = "وفي المقابل قالت " + TALKS[len("وقال ") :]
    index = ParagraphIndex()
    check(index, "agency", "aa_arabic", [original], NOW)
    copy = "قالت " + TALKS[len("وقال ") :]
    seen = check(index, "copy", "alghad", [copy], NOW + HOUR).duplicates[0]
    assert seen is not None and seen.article == "agency"
