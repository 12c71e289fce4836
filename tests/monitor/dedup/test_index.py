"""Paragraph deduplication on Arabic paragraphs written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from monitor.dedup.fingerprint import paragraph_words
from monitor.dedup.index import DedupConfig, ParagraphIndex

SHUSHA = (
    "أعلنت وزارة الدفاع الأذربيجانية أن قواتها سيطرت على ستة مواقع عسكرية في محيط "
    "بلدة شوشا بعد اشتباكات عنيفة استمرت طوال الليل مع التشكيلات المسلحة"
)
TALKS = (
    "وقال مسؤول في الخارجية الروسية إن موسكو مستعدة لاستضافة جولة جديدة من المحادثات "
    "بين يريفان وباكو حول ترسيم الحدود وفتح طرق النقل في المنطقة"
)
AID = (
    "ووصلت إلى الإقليم صباح اليوم قافلة من اللجنة الدولية للصليب الأحمر تحمل أدوية "
    "ومواد غذائية للمدنيين الذين بقوا في منازلهم رغم القصف المتواصل"
)
RETURN = (
    "ويطالب آلاف النازحين بالعودة إلى قراهم في أقرب وقت بعد أن أمضوا أشهرا في مراكز "
    "إيواء مؤقتة في العاصمة وضواحيها دون أي أفق واضح للحل"
)
NOW = 1_700_000_000.0


def check(index: ParagraphIndex, article: str, paragraphs: list[str], now: float = NOW):
    return index.check_article(article, "src", [paragraph_words(p) for p in paragraphs], now)


def dup_targets(verdict) -> list[tuple[str, int] | None]:
    return [(d.article, d.paragraph) if d else None for d in verdict.duplicates]


def test_exact_repeat_across_articles() -> None:
    index = ParagraphIndex()
    check(index, "a", [SHUSHA, TALKS])
    verdict = check(index, "b", [TALKS, AID])
    assert dup_targets(verdict) == [("a", 1), None]


def test_repeat_inside_one_article_points_to_first_occurrence() -> None:
    verdict = check(ParagraphIndex(), "a", [SHUSHA, TALKS, SHUSHA])
    assert dup_targets(verdict) == [None, None, ("a", 0)]


def test_spelling_variants_diacritics_and_punctuation_are_duplicates() -> None:
    variant = (
        "اعلنت وزاره الدفاع الاذربيجانيه، أنّ قوّاتها سيطرت على «ستة» مواقع عسكريّة في محيط "
        "بلدة شوشا - بعد اشتباكات عنيفة استمرت طوال اللـيل مع التشكيلات المسلّحة."
    )
    index = ParagraphIndex()
    check(index, "a", [SHUSHA])
    assert dup_targets(check(index, "b", [variant])) == [("a", 0)]


def test_truncated_copy_is_a_duplicate() -> None:
    words = SHUSHA.split()
    truncated = " ".join(words[: len(words) * 2 // 3])
    cut_mid_word = " ".join(words[:14]) + " " + words[14][:3]
    index = ParagraphIndex()
    check(index, "a", [SHUSHA])
    assert dup_targets(check(index, "b", [truncated, cut_mid_word])) == [("a", 0), ("a", 0)]


def test_copy_with_a_changed_opening_phrase_is_a_duplicate() -> None:
    index = ParagraphIndex()
    check(index, "a", [TALKS])
    replaced = TALKS.replace("وقال", "كما قال", 1)
    shortened = "قال" + TALKS[len("وقال") :]
    assert dup_targets(check(index, "b", [replaced, shortened])) == [("a", 0), ("a", 0)]


def test_opening_words_that_carry_a_fact_are_not_swappable() -> None:
    # A dateline names a different city; a quote is given to a different person.
    yerevan = "يريفان 12 ربيع الأول 1445 هـ الموافق 27 سبتمبر 2023 م وكالة الأنباء"
    baku = yerevan.replace("يريفان", "باكو", 1)
    said = "وقال باشينيان إن بلاده لن تنجر إلى حرب جديدة في المنطقة مهما كانت الاستفزازات"
    other = said.replace("باشينيان", "علييف", 1)
    index = ParagraphIndex()
    check(index, "a", [yerevan, said])
    assert dup_targets(check(index, "b", [baku, other])) == [None, None]


def test_copy_that_keeps_less_than_half_is_not_a_duplicate() -> None:
    words = SHUSHA.split()
    index = ParagraphIndex()
    check(index, "a", [SHUSHA])
    assert dup_targets(check(index, "b", [" ".join(words[:7])])) == [None]


@pytest.mark.parametrize(
    "changed",
    [
        SHUSHA.replace("ستة", "سبعة"),  # a different number
        SHUSHA.replace("ستة", "16"),
        SHUSHA.replace("شوشا", "أغدام"),  # a different place
        SHUSHA.replace("الأذربيجانية", "الأرمينية"),  # a different party
        SHUSHA.replace("المسلحة", "الانفصالية"),  # a different last word
    ],
)
def test_paragraphs_reporting_different_facts_stay_apart(changed: str) -> None:
    index = ParagraphIndex()
    check(index, "a", [SHUSHA])
    assert dup_targets(check(index, "b", [changed])) == [None]


def test_truncated_copy_with_a_different_place_is_not_a_duplicate() -> None:
    words = SHUSHA.replace("شوشا", "أغدام").split()
    index = ParagraphIndex()
    check(index, "a", [SHUSHA])
    assert dup_targets(check(index, "b", [" ".join(words[:16])])) == [None]


def test_reordered_paragraphs_are_each_found_and_the_article_is_a_republication() -> None:
    index = ParagraphIndex()
    check(index, "a", [SHUSHA, TALKS, AID, RETURN])
    verdict = check(index, "b", [RETURN, AID, TALKS, SHUSHA])
    assert dup_targets(verdict) == [("a", 3), ("a", 2), ("a", 1), ("a", 0)]
    assert verdict.republication_of is not None
    assert verdict.republication_of.article == "a"
    assert verdict.republication_of.shared_paragraphs == 4


def test_new_lead_paragraph_before_an_otherwise_identical_article() -> None:
    lead = "عاجل: تجدد الاشتباكات على خط التماس بين القوات الأذربيجانية والأرمينية مساء الأحد"
    index = ParagraphIndex()
    check(index, "a", [SHUSHA, TALKS, AID, RETURN])
    verdict = check(index, "b", [lead, SHUSHA, TALKS, AID, RETURN])
    assert dup_targets(verdict) == [None, ("a", 0), ("a", 1), ("a", 2), ("a", 3)]
    assert verdict.republication_of is not None  # 4 of 5 seen: a rewrite of a wire story


def test_independent_report_sharing_one_background_paragraph_is_not_a_republication() -> None:
    index = ParagraphIndex()
    check(index, "a", [SHUSHA, TALKS, AID])
    verdict = check(
        index, "b", ["فقرة جديدة تماما عن موضوع آخر في العاصمة يريفان اليوم", RETURN, AID]
    )
    assert dup_targets(verdict) == [None, None, ("a", 2)]
    assert verdict.republication_of is None


def test_ten_copies_all_point_to_the_first() -> None:
    index = ParagraphIndex()
    check(index, "wire", [SHUSHA, TALKS])
    for i in range(10):
        verdict = check(index, f"copy{i}", [SHUSHA, TALKS])
        assert verdict.republication_of is not None
        assert verdict.republication_of.article == "wire"
    assert len(index) == 2  # copies add nothing to remember


def test_state_saved_and_restored(tmp_path: Path) -> None:
    index = ParagraphIndex()
    check(index, "a", [SHUSHA, TALKS])
    path = tmp_path / "dedup.json"
    index.save(path)
    restored = ParagraphIndex.load(path)
    assert len(restored) == 2
    assert dup_targets(check(restored, "b", [TALKS, AID])) == [("a", 1), None]
    assert [r.article for r in restored.records()] == ["a", "b"]


def test_paragraphs_expire_by_age() -> None:
    index = ParagraphIndex(DedupConfig(max_age_seconds=3600))
    check(index, "a", [SHUSHA], now=NOW)
    assert dup_targets(check(index, "b", [SHUSHA], now=NOW + 1800)) == [("a", 0)]
    assert dup_targets(check(index, "c", [SHUSHA], now=NOW + 7200)) == [None]
    assert index.article_count <= 2


def test_paragraphs_expire_by_count() -> None:
    index = ParagraphIndex(DedupConfig(max_paragraphs=3))
    check(index, "a", [SHUSHA, TALKS])
    check(index, "b", [AID, RETURN])  # SHUSHA is pushed out
    assert len(index) == 3
    assert dup_targets(check(index, "c", [SHUSHA, RETURN])) == [None, ("b", 1)]


def test_expired_state_is_not_restored() -> None:
    index = ParagraphIndex(DedupConfig(max_age_seconds=60))
    check(index, "a", [SHUSHA], now=NOW)
    check(index, "b", [TALKS], now=NOW + 100)
    assert [r.article for r in index.records()] == ["b"]


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"min_fraction": 0}, "min_fraction"),
        ({"min_fraction": 1.5}, "min_fraction"),
        ({"max_paragraphs": 0}, "max_paragraphs"),
        ({"max_age_seconds": -1}, "max_age_seconds"),
        ({"max_leading_words": 9}, "max_leading_words"),
        ({"republication_share": 0}, "republication_share"),
    ],
)
def test_parameters_are_validated_with_a_helpful_message(kwargs: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        DedupConfig(**kwargs)


def test_state_of_another_format_is_refused() -> None:
    with pytest.raises(ValueError, match="format"):
        ParagraphIndex.from_json({"format": 99, "records": []})


def test_a_handful_of_huge_articles_cannot_flush_the_memory() -> None:
    # Issue 9: 28 items of 35,000 paragraphs each used to push a million
    # remembered paragraphs out of the ring. Each now adds at most its first
    # `max_article_paragraphs`; the rest are checked, not remembered.
    config = DedupConfig(max_paragraphs=1_000, max_article_paragraphs=10)
    index = ParagraphIndex(config)
    check(index, "wire", [SHUSHA, TALKS])
    for n in range(28):
        huge = [f"{i} سطر {n}" for i in range(400)]  # 11,200 paragraphs in all
        verdict = check(index, f"huge-{n}", huge)
        assert len(verdict.record.paragraphs) == 10
    assert len(index) == 2 + 28 * 10
    assert dup_targets(check(index, "copy", [TALKS])) == [("wire", 1)]


def test_memory_is_bounded_by_bytes_as_well_as_by_count() -> None:
    config = DedupConfig(max_bytes=1 << 20, max_article_bytes=64 << 10)
    index = ParagraphIndex(config)
    long_paragraph = " ".join(f"كلمة{i}" for i in range(30_000))  # 60 KB of word hashes
    for n in range(40):
        check(index, f"long-{n}", [f"{n} {long_paragraph}"])
    assert index._bytes <= 1 << 20
    assert len(index) < 40  # the oldest went to keep under the byte bound
    assert sum(len(r.paragraphs) for r in index.records()) == len(index)
    # a paragraph over one article's byte allowance is checked, never remembered
    too_long = " ".join(f"كلمة{i}" for i in range(40_000))
    assert check(index, "too-long", [too_long]).record.paragraphs == []
