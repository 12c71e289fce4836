"""The seed article: what the issue requires of the detectors, exactly."""

from __future__ import annotations

import pytest

from monitor.detect import detect_casualties, detect_ceasefire, detect_karabakh
from monitor.document import Document


@pytest.fixture
def seed_doc(seed_text: str) -> Document:
    return Document.from_text("seed", None, seed_text)


def test_seed_is_karabakh_related(seed_doc: Document) -> None:
    result = detect_karabakh(seed_doc)
    assert result.related
    assert result.score >= 0.9
    for spelling in ("قره باغ", "قرة باغ", "ناغورني قره باغ", "ناغورنو قره باغ"):
        assert spelling in result.mentions
    for m in result.mention_spans:
        assert seed_doc.body[m.start : m.end] == m.text
        assert m.paragraph is not None
        p = seed_doc.paragraphs[m.paragraph]
        assert p.start <= m.start < m.end <= p.end


def test_seed_mention_after_a_clitic_excludes_it(seed_doc: Document) -> None:
    # "بقره باغ" in paragraph 14: the mention is the name, not the preposition.
    spans = [m for m in detect_karabakh(seed_doc).mention_spans if m.paragraph == 14]
    assert [seed_doc.body[m.start : m.end] for m in spans] == ["قره باغ"]


def test_seed_ceasefire(seed_doc: Document) -> None:
    result = detect_ceasefire(seed_doc)
    assert result.detected
    statuses = {s.status for s in result.statements if not s.historical}
    assert {"agreed", "called_for"} <= statuses
    for s in result.statements:
        assert seed_doc.body[s.start : s.end] == s.sentence
    agreed = next(s for s in result.statements if s.paragraph == 1)
    assert agreed.status == "agreed"
    assert agreed.proposed_by == "قوات حفظ السلام الروسية"
    assert agreed.accepted_by is not None and "الانفصاليين الأرمن" in agreed.accepted_by


def test_seed_ceasefire_history_is_marked(seed_doc: Document) -> None:
    # Paragraph 13: the 2020 war "ended with a Russian-brokered ceasefire".
    by_paragraph = {s.paragraph: s for s in detect_ceasefire(seed_doc).statements}
    assert by_paragraph[13].historical
    assert by_paragraph[13].status == "agreed"
    assert not by_paragraph[18].historical
    assert by_paragraph[18].status == "called_for"


def test_seed_casualties_exactly(seed_doc: Document) -> None:
    figures = detect_casualties(seed_doc)
    got = [(f.kind, f.count, f.qualifier, f.approximate) for f in figures]
    assert got == [
        ("killed", 32, "exact", False),
        ("wounded", 200, "more_than", True),
        ("killed", 100, "about", True),
        ("wounded", None, "hundreds", True),
        ("evacuated", 2000, "more_than", True),
    ]
    assert figures[0].attributed_to == "أرمينيا"
    assert figures[1].attributed_to == "أرمينيا"
    for f in figures[2:4]:
        assert f.attributed_to is not None and "روبن فاردانيان" in f.attributed_to
        assert "الرئيس السابق" in f.attributed_to
    assert not any(f.historical for f in figures)


def test_seed_casualty_offsets_give_the_words_back(seed_doc: Document) -> None:
    figures = detect_casualties(seed_doc)
    texts = [seed_doc.body[f.start : f.end] for f in figures]
    assert texts[0] == "32 شخصا قتلوا"
    assert texts[1] == "200 جرحوا"
    assert texts[2] == "100 قتلوا"
    assert "مئات آخرون" in texts[3]
    assert texts[4] == "2000 مدني"
    for f in figures:
        assert seed_doc.body[f.start : f.end] in f.sentence
        assert f.sentence in seed_doc.body
