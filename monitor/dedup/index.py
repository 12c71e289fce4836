"""Paragraph deduplication across one article and across the stream.

`ParagraphIndex` remembers the paragraphs it has seen (as word-hash
fingerprints, see `fingerprint.py`) in a ring buffer bounded by count, forgets
them by age, finds candidates through a compact anchor table and verifies each
candidate word by word. Its state is a sequence of `ArticleRecord`s, which is
what gets saved to a file (`monitor analyze --state`) or to a changelogged
table (the service), and replayed on start.
"""

from __future__ import annotations

import base64
import json
from array import array
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from monitor.dedup.articles import ArticleTable
from monitor.dedup.bytelog import DEFAULT_CHUNK, ByteLog
from monitor.dedup.fingerprint import anchor_keys, copy_of
from monitor.dedup.table import CompactMultimap

STATE_FORMAT = 1


@dataclass(frozen=True, slots=True)
class DedupConfig:
    """Every dedup parameter, validated once at start-up."""

    max_paragraphs: int = 1_000_000
    max_age_seconds: float = 14 * 24 * 3600.0
    min_fraction: float = 0.3
    max_leading_words: int = 4
    republication_share: float = 0.8
    #: Candidates verified per paragraph at most (a very common opening phrase
    #: could otherwise make one lookup verify thousands of paragraphs).
    max_candidates: int = 64
    #: Word-hash bytes remembered at most, over all paragraphs (2 bytes a word):
    #: the count bound alone lets a few very long paragraphs take any memory.
    max_bytes: int = 128 << 20
    #: What one article may add at most: its first paragraphs up to both limits.
    #: Its other paragraphs are still checked, only not remembered, so a handful
    #: of huge items cannot push everything seen before out of the ring.
    max_article_paragraphs: int = 1000
    max_article_bytes: int = 64 << 10

    def __post_init__(self) -> None:
        if not 1 <= self.max_paragraphs < 2**32:
            raise ValueError(
                f"max_paragraphs must be between 1 and 2**32-1, got {self.max_paragraphs}; "
                "a million paragraphs take about 210 MB"
            )
        if not self.max_age_seconds > 0:
            raise ValueError(f"max_age_seconds must be positive, got {self.max_age_seconds}")
        if not 0 < self.min_fraction <= 1:
            raise ValueError(
                f"min_fraction must be in (0, 1], got {self.min_fraction}: it is the share of "
                "the original a truncated copy must keep (0.5 = half)"
            )
        if not 0 <= self.max_leading_words <= 5:
            raise ValueError(
                f"max_leading_words must be between 0 and 5, got {self.max_leading_words}: more "
                "would let unrelated paragraphs with a common ending match"
            )
        if not 0 < self.republication_share <= 1:
            raise ValueError(
                f"republication_share must be in (0, 1], got {self.republication_share}"
            )
        if self.max_candidates < 1:
            raise ValueError(f"max_candidates must be at least 1, got {self.max_candidates}")
        if self.max_bytes < 1 << 20:
            raise ValueError(
                f"max_bytes must be at least 1 MiB, got {self.max_bytes}; a million "
                "paragraphs of 40 words take about 80 MB"
            )
        if self.max_article_paragraphs < 1 or self.max_article_bytes < 1:
            raise ValueError(
                "max_article_paragraphs and max_article_bytes must be at least 1, got "
                f"{self.max_article_paragraphs} and {self.max_article_bytes}"
            )

    @classmethod
    def from_settings(cls, settings: Any) -> DedupConfig:
        """Build from `monitor.settings.Settings` (its `dedup_*` fields)."""
        return cls(
            max_paragraphs=settings.dedup_max_paragraphs,
            max_age_seconds=settings.dedup_max_age_seconds,
            min_fraction=settings.dedup_min_fraction,
            max_leading_words=settings.dedup_max_leading_words,
            republication_share=settings.dedup_republication_share,
            max_bytes=settings.dedup_max_bytes,
            max_article_paragraphs=settings.dedup_max_article_paragraphs,
        )


@dataclass(frozen=True, slots=True)
class SeenAt:
    """Where a paragraph was first seen."""

    article: str
    paragraph: int
    source: str | None


@dataclass(frozen=True, slots=True)
class Republication:
    article: str
    source: str | None
    shared_paragraphs: int


@dataclass(slots=True)
class ArticleRecord:
    """What one article added to the state: its paragraphs not seen before."""

    article: str
    source: str | None
    seen_at: float
    paragraphs: list[tuple[int, bytes]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "source": self.source,
            "seen_at": self.seen_at,
            "paragraphs": [[i, base64.b64encode(w).decode("ascii")] for i, w in self.paragraphs],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ArticleRecord:
        return cls(
            article=str(data["article"]),
            source=data.get("source"),
            seen_at=float(data["seen_at"]),
            paragraphs=[(int(i), base64.b64decode(w)) for i, w in data["paragraphs"]],
        )


@dataclass(slots=True)
class ArticleDedup:
    """The verdict on one article."""

    duplicates: list[SeenAt | None]
    republication_of: Republication | None
    record: ArticleRecord

    @property
    def duplicate_count(self) -> int:
        return sum(d is not None for d in self.duplicates)


class ParagraphIndex:
    """Remembers paragraphs and says which new ones are copies of seen ones.

    Storage is flat so that memory stays near 200 bytes a paragraph and no call
    pauses: the word hashes sit in a `ByteLog`, each ring slot has a position,
    a length, an article number and a paragraph number in arrays, articles sit
    in an `ArticleTable`, and the anchors in a `CompactMultimap` that grows a
    shard at a time. A forgotten paragraph's anchors are removed from the table
    a bounded number at a time (`_reclaim`), and always before its ring slot is
    reused; until then a lookup skips them, as their slot is no longer live.
    """

    #: Forgotten paragraphs whose anchors leave the table per call, besides the
    #: one whose slot is reused: enough to keep up after a large expiry, few
    #: enough to take a few milliseconds.
    RECLAIM_STEP = 256

    def __init__(self, config: DedupConfig | None = None) -> None:
        self.config = config or DedupConfig()
        self._capacity = self.config.max_paragraphs
        chunk = DEFAULT_CHUNK
        while chunk < self.config.max_article_bytes:
            chunk *= 2
        self._words = ByteLog(chunk)
        self._pos = array("Q")  # slot -> position of its word hashes in `_words`
        self._len = array("I")  # slot -> their length in bytes
        self._article_of = array("Q")  # slot -> article number
        self._index_of = array("H")  # slot -> paragraph index in its article
        self._head = 0  # sequence number of the next paragraph
        self._tail = 0  # sequence number of the oldest remembered paragraph
        self._clean = 0  # sequence number of the oldest paragraph with anchors in the table
        self._bytes = 0  # word-hash bytes remembered
        self._articles = ArticleTable()
        # About seven anchors a paragraph (fingerprint.anchor_keys).
        self._table = CompactMultimap(expected=7 * self._capacity)

    # --- queries -----------------------------------------------------------------

    def __len__(self) -> int:
        """Paragraphs remembered."""
        return self._head - self._tail

    @property
    def article_count(self) -> int:
        """Articles with paragraphs remembered."""
        return len(self._articles)

    def check_article(
        self,
        article: str,
        source: str | None,
        paragraphs: list[bytes],
        at: float,
        watermark: float | None = None,
    ) -> ArticleDedup:
        """Mark each paragraph as new or as a copy, and remember the new ones.

        `at` is the article's event time, `watermark` the stream's (memory ages by
        it). Paragraphs are checked in order, each against the stream and the
        paragraphs before it in the same article. A paragraph is a copy of the
        earliest-published version remembered; if every version remembered was
        published after this article (a copy that arrived before its original),
        this one is the original: it is not a copy, and later copies credit it.
        """
        self.forget_expired(at if watermark is None else max(watermark, at))
        art: int | None = None  # numbered when it first adds a paragraph
        record = ArticleRecord(article, source, at)
        verdicts: list[SeenAt | None] = []
        room, room_bytes = self.config.max_article_paragraphs, self.config.max_article_bytes
        for index, words in enumerate(paragraphs):
            # The same keys serve the lookup and the insertion (0 is never a
            # key: the table uses it for empty slots, so `anchor_keys` avoids it).
            keys = anchor_keys(words) if words else []
            seen = self._find(words, keys, at)
            verdicts.append(seen)
            if seen is None and words and room > 0 and len(words) <= room_bytes:
                if art is None:
                    art = self._articles.open(article, source, at)
                self._store(art, index, words, keys)
                record.paragraphs.append((index, words))
                room -= 1
                room_bytes -= len(words)
        if art is not None:
            self._forget_unreferenced_articles()
        self._reclaim(self.RECLAIM_STEP)
        return ArticleDedup(verdicts, self._republication(article, verdicts), record)

    def _find(self, words: bytes, keys: list[int], at: float) -> SeenAt | None:
        if not words:
            return None
        cfg = self.config
        candidates = self._table.get_all(keys)
        best: tuple[float, int, int] | None = None
        articles = self._articles
        tail, live, capacity = self._tail, self._head - self._tail, self._capacity
        checked = 0
        for slot in sorted(candidates):
            if (slot - tail) % capacity >= live:
                continue  # forgotten; its anchors are not reclaimed yet
            if checked >= cfg.max_candidates:
                break
            checked += 1
            art = self._article_of[slot]
            # Earliest published first; among equals, the first to arrive.
            rank = (articles.at(art), art, self._index_of[slot])
            if best is not None and rank >= best:
                continue
            if copy_of(
                words,
                self._words.get(self._pos[slot], self._len[slot]),
                min_fraction=cfg.min_fraction,
                max_leading=cfg.max_leading_words,
            ):
                best = rank
        if best is None or best[0] > at:
            return None  # only later versions are known: this is the original
        article, source, _ = self._articles.get(best[1])
        return SeenAt(article, best[2], source)

    def _republication(self, article: str, verdicts: list[SeenAt | None]) -> Republication | None:
        earlier = Counter(
            (v.article, v.source) for v in verdicts if v is not None and v.article != article
        )
        if not verdicts or not earlier:
            return None
        shared = sum(earlier.values())
        if shared < self.config.republication_share * len(verdicts):
            return None
        (first, source), _ = earlier.most_common(1)[0]
        return Republication(first, source, shared)

    # --- storage -------------------------------------------------------------------

    def _evict_oldest(self) -> None:
        self._bytes -= self._len[self._tail % self._capacity]
        self._tail += 1

    def _store(self, art: int, index: int, words: bytes, keys: list[int]) -> None:
        seq = self._head
        capacity = self._capacity
        slot = seq % capacity
        if seq - self._tail >= capacity:
            self._evict_oldest()  # the ring is full: the oldest paragraph goes
        # Over the byte bound: the oldest go too (never the one being stored).
        while self._bytes + len(words) > self.config.max_bytes and self._tail < seq:
            self._evict_oldest()
        if self._clean <= seq - capacity:
            # The slot's last paragraph leaves the table before the slot is reused.
            self._reclaim(seq - capacity + 1 - self._clean)
        pos = self._words.append(words)
        if slot == len(self._pos):
            self._pos.append(pos)
            self._len.append(len(words))
            self._article_of.append(art)
            self._index_of.append(min(index, 0xFFFF))
        else:
            self._pos[slot] = pos
            self._len[slot] = len(words)
            self._article_of[slot] = art
            self._index_of[slot] = min(index, 0xFFFF)
        self._bytes += len(words)
        self._head += 1
        self._table.add_all(keys, slot)

    def _reclaim(self, limit: int) -> None:
        """Remove the anchors of up to `limit` forgotten paragraphs, oldest first."""
        stop = min(self._tail, self._clean + limit)
        if self._clean >= stop:
            return
        capacity, remove = self._capacity, self._table.remove_all
        for seq in range(self._clean, stop):
            slot = seq % capacity
            remove(anchor_keys(self._words.get(self._pos[slot], self._len[slot])), slot)
        self._clean = stop
        self._words.release_before(
            self._pos[stop % capacity] if stop < self._head else self._words.end
        )

    def _live_slots(self) -> Iterator[int]:
        for seq in range(self._tail, self._head):
            yield seq % self._capacity

    def _forget_unreferenced_articles(self) -> None:
        if self._tail < self._head:
            self._articles.forget_before(self._article_of[self._tail % self._capacity])
        else:
            self._articles.forget_before(self._articles.next_number)

    def forget_expired(self, now: float) -> int:
        """Forget paragraphs older than the configured age; returns how many."""
        cutoff = now - self.config.max_age_seconds
        dropped = 0
        checked_art, expired = -1, False
        while self._tail < self._head:
            art = self._article_of[self._tail % self._capacity]
            if art != checked_art:
                checked_art, expired = art, self._articles.at(art) < cutoff
            if not expired:
                break
            self._evict_oldest()
            dropped += 1
        if dropped:
            self._forget_unreferenced_articles()
        return dropped

    # --- state -----------------------------------------------------------------------

    def records(self) -> Iterator[ArticleRecord]:
        """The remembered state, oldest first, as the records that rebuild it."""
        current: ArticleRecord | None = None
        current_art = -1
        for slot in self._live_slots():
            words = bytes(self._words.get(self._pos[slot], self._len[slot]))
            art = self._article_of[slot]
            if art != current_art:
                if current is not None:
                    yield current
                article, source, seen_at = self._articles.get(art)
                current, current_art = ArticleRecord(article, source, seen_at), art
            assert current is not None
            current.paragraphs.append((self._index_of[slot], words))
        if current is not None:
            yield current

    def remember(self, record: ArticleRecord) -> None:
        """Replay one record (restoring saved state); no checks are made."""
        if not record.paragraphs:
            return
        art = self._articles.open(record.article, record.source, record.seen_at)
        for index, words in record.paragraphs:
            self._store(art, index, words, anchor_keys(words))
        self._forget_unreferenced_articles()
        self._reclaim(self.RECLAIM_STEP)

    def to_json(self) -> dict[str, Any]:
        return {"format": STATE_FORMAT, "records": [r.to_json() for r in self.records()]}

    @classmethod
    def from_json(cls, data: dict[str, Any], config: DedupConfig | None = None) -> ParagraphIndex:
        if data.get("format") != STATE_FORMAT:
            raise ValueError(
                f"dedup state format {data.get('format')!r} is not {STATE_FORMAT}: "
                "it was written by another version; start without --state"
            )
        index = cls(config)
        for raw in data["records"]:
            index.remember(ArticleRecord.from_json(raw))
        return index

    def save(self, path: Path) -> None:
        """Write the state atomically (a crash leaves the old file intact)."""
        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    @classmethod
    def load(cls, path: Path, config: DedupConfig | None = None) -> ParagraphIndex:
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")), config)

    def memory_bytes(self) -> int:
        """An estimate of the memory the remembered state holds."""
        slots = sum(
            a.buffer_info()[1] * a.itemsize
            for a in (self._pos, self._len, self._article_of, self._index_of)
        )
        return self._words.nbytes() + slots + self._articles.nbytes() + self._table.nbytes()
