"""Splitting bodies into paragraphs and normalizing them once per body."""

from __future__ import annotations

import random

from monitor.document import Document
from monitor.text.normalize import align


def test_non_empty_lines_are_paragraphs_with_body_offsets() -> None:
    body = "\n  أعلنت أرمينيا التعبئة  \r\n\n\t\nوقالت باكو إن العملية مستمرة\n"
    doc = Document.from_text("x", "عنوان", body)
    assert [p.text for p in doc.paragraphs] == [
        "أعلنت أرمينيا التعبئة",
        "وقالت باكو إن العملية مستمرة",
    ]
    for p in doc.paragraphs:
        assert doc.body[p.start : p.end] == p.text
    assert [p.index for p in doc.paragraphs] == [0, 1]


def test_body_level_normalization_matches_paragraph_level() -> None:
    rng = random.Random(7)
    pool = "قرة باغ أَرْمِينِيا ـ\u200f\u200c «»،  ٣٢ أ إ"
    for _ in range(300):
        lines = [
            "".join(rng.choice(pool) for _ in range(rng.randint(0, 25)))
            for _ in range(rng.randint(1, 5))
        ]
        doc = Document.from_text("x", None, "\n".join(lines))
        for p, aligned in zip(doc.paragraphs, doc.aligned, strict=True):
            reference = align(p.text)
            assert aligned.normalized == reference.normalized, repr(p.text)
            for pos in range(len(aligned.normalized)):
                assert aligned.to_original(pos) == reference.to_original(pos)


def test_body_span_maps_normalized_offsets_to_the_body() -> None:
    body = "مقدمة\nقُتِلَ ٣٢ شخصاً في قـرة باغ"
    doc = Document.from_text("x", None, body)
    norm = doc.aligned[1].normalized
    pos = norm.index("قره باغ")
    start, end = doc.body_span(1, pos, pos + len("قره باغ"))
    assert body[start:end] == "قـرة باغ"
