"""The dedup index's storage over long runs: the ring wraps, forgotten
paragraphs leave the anchor table, and the state round-trips.

Paragraphs here are word-hash strings made from random words (what
`paragraph_words` returns for text), so tens of thousands are cheap to make."""

from __future__ import annotations

import random

from monitor.dedup.fingerprint import anchor_keys
from monitor.dedup.index import DedupConfig, ParagraphIndex

NOW = 1_700_000_000.0


def paragraphs(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    return [rng.randbytes(2 * rng.randrange(3, 60)) for _ in range(count)]


def fill(index: ParagraphIndex, paras: list[bytes], per_article: int = 4) -> None:
    for n in range(0, len(paras), per_article):
        index.check_article(f"a{n}", f"s{n % 7}", paras[n : n + per_article], NOW + n)


def live_anchors(index: ParagraphIndex) -> int:
    return sum(len(anchor_keys(w)) for r in index.records() for _, w in r.paragraphs)


def test_the_ring_wraps_forgets_the_oldest_and_finds_the_rest() -> None:
    index = ParagraphIndex(DedupConfig(max_paragraphs=1_000))
    paras = paragraphs(1, 5_000)
    fill(index, paras)
    assert len(index) == 1_000
    late = index.check_article("copy", None, paras[-300:], NOW + 10_000)
    assert all(d is not None for d in late.duplicates)
    assert late.duplicates[-1] is not None and late.duplicates[-1].article == "a4996"
    early = index.check_article("old", None, paras[:300], NOW + 10_001)
    assert early.duplicates == [None] * 300  # forgotten, so new again
    # Forgotten paragraphs left the anchor table: it holds the live ones only.
    assert len(index._table) == live_anchors(index)


def test_copies_are_found_after_many_growth_steps_of_the_table() -> None:
    config = DedupConfig(max_paragraphs=40_000)
    index = ParagraphIndex(config)
    shards = index._table.shard_count
    assert shards > 1
    paras = paragraphs(2, 30_000)
    fill(index, paras)
    assert index._table.capacity > 8 * shards * 16  # every shard grew several times
    sample = paras[::997]
    verdict = index.check_article("copies", None, sample, NOW + 40_000)
    assert [d.article if d else None for d in verdict.duplicates] == [
        f"a{n - n % 4}" for n in range(0, 30_000, 997)
    ]
    # A copy cut after its first half is found too.
    cut = [p[: len(p) // 2 + 1 - (len(p) // 2 + 1) % 2] for p in sample if len(p) >= 16]
    assert all(index.check_article("cut", None, cut, NOW + 40_001).duplicates)


def test_memory_expired_by_age_leaves_the_table_within_a_few_calls() -> None:
    config = DedupConfig(max_age_seconds=100_000)
    index = ParagraphIndex(config)
    fill(index, paragraphs(3, 40_000))
    assert len(index) == 40_000
    full = index.memory_bytes()
    later = NOW + 300_000
    for n in range(40_000 // ParagraphIndex.RECLAIM_STEP + 1):
        index.check_article(f"late{n}", None, [], later + n)
    assert len(index) == 0 and index.article_count == 0
    assert len(index._table) == 0
    # The table is back to its smallest; the ring's slot arrays stay for reuse.
    assert index._table.nbytes() == ParagraphIndex(config)._table.nbytes()
    assert index.memory_bytes() < full / 3


def test_state_round_trips_after_the_ring_wrapped() -> None:
    config = DedupConfig(max_paragraphs=500)
    index = ParagraphIndex(config)
    paras = paragraphs(4, 2_000)
    fill(index, paras)
    index.check_article("\ud800odd id", None, paragraphs(5, 3), NOW + 3_000)
    restored = ParagraphIndex.from_json(index.to_json(), config)
    assert [r.to_json() for r in restored.records()] == [r.to_json() for r in index.records()]
    assert len(restored._table) == live_anchors(index)
    probe = paras[1_400:1_600] + paras[:50]
    assert [
        d and (d.article, d.paragraph, d.source)
        for d in restored.check_article("p", None, probe, NOW + 5_000).duplicates
    ] == [
        d and (d.article, d.paragraph, d.source)
        for d in index.check_article("p", None, probe, NOW + 5_000).duplicates
    ]


def test_articles_without_new_paragraphs_take_no_memory() -> None:
    index = ParagraphIndex()
    paras = paragraphs(6, 8)
    index.check_article("wire", "agency", paras, NOW)
    for n in range(100):
        index.check_article(f"copy{n}", "outlet", paras, NOW + n)
    assert index.article_count == 1
    assert [r.article for r in index.records()] == ["wire"]
