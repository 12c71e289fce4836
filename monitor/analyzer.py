"""The processing core: one item in, one analysis out, with dedup and alert state.

This is what `monitor analyze` runs line by line and what the service's two
stages call per message; both get the same results because both go through
here. The work is split in two: `Analyzer.prepare` (split, word hashes,
detectors: no state, about two thirds of the CPU) and `Analyzer.decide` (event
time, dedup, alert state: one order). `analyze` is the two in a row.
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from monitor.alerts import AlertState
from monitor.dedup.fingerprint import fingerprint_hex, word_hashes
from monitor.dedup.index import ArticleRecord, DedupConfig, ParagraphIndex
from monitor.detect import detect_casualties, detect_ceasefire, detect_karabakh
from monitor.detect.lexicon import load
from monitor.document import Document
from monitor.eventtime import EventClock, EventTime
from monitor.items import ItemError, parse_item
from monitor.settings import Settings
from monitor.text.normalize import normalize, tokens
from schemas.analysis import (
    Analysis,
    AnalysisError,
    CasualtyFigure,
    CeasefireResult,
    DuplicateRef,
    ErrorInfo,
    EventTimeInfo,
    KarabakhRelevance,
    Paragraph,
    RepublicationRef,
)
from schemas.news import NewsItem

STATE_FORMAT = 2


def _dedup_words(normalized: str, words: list[str] | None = None) -> list[str]:
    """A paragraph's words as dedup compares them: the conjunction glued to its
    first word (و، ف) dropped, since copies add or remove it at will ("وتتهم باكو"
    for "كما تتهم باكو", "ويأتي ذلك" for "يأتي ذلك"). Both sides lose it alike,
    so a word that merely starts with those letters (وزارة) still matches.
    `words` are `tokens(normalized)` when the caller has them (left unchanged)."""
    if words is None:
        words = tokens(normalized)
    if not _SPELLING_SCREEN.isdisjoint(words):
        words = [_fold_word(w) for w in words]
    if _SPELLING_SUBSTRINGS_SCREEN.search(normalized):
        words = [_fold_substrings(w) for w in words]
    if words and words[0][0] in "وف" and (len(words[0]) > 3 or words[0][1:] in _PARTICLES):
        # "ولم يصدر" for "كما لم يصدر": و before a particle too
        words = [words[0][1:], *words[1:]]
    return words


def _fold_word(word: str) -> str:
    folded = _SPELLING_WORDS.get(word)
    if folded is None and len(word) > 3 and word[0] in "وبلف":
        rest = _SPELLING_WORDS.get(word[1:])  # بمائة، ومائة
        folded = word[0] + rest if rest else None
    return folded or word


def _fold_substrings(word: str) -> str:
    for variant, canonical in _SPELLING_SUBSTRINGS:
        if variant in word:
            word = word.replace(variant, canonical)
    return word


#: Outlets' spelling variants, folded for dedup only (monitor/data/spellings.json).
_SPELLINGS = load("spellings")
_SPELLING_WORDS = {normalize(k): normalize(v) for k, v in _SPELLINGS["words"].items()}
#: Every written form of a whole-word variant (bare or behind و ب ل ف), for a cheap test.
_SPELLING_SCREEN = frozenset(f for w in _SPELLING_WORDS for f in (w, *(c + w for c in "وبلف")))
_SPELLING_SUBSTRINGS = [(normalize(k), normalize(v)) for k, v in _SPELLINGS["substrings"].items()]
_SPELLING_SUBSTRINGS_SCREEN = re.compile("|".join(re.escape(v) for v, _ in _SPELLING_SUBSTRINGS))


#: Two-letter particles a conjunction may be glued to (ولم، فقد، ولا), normalized.
_PARTICLES = frozenset(normalize(w) for w in load("spellings")["conjunction_particles"])


#: Allocations between two young collections while analysing a stream (Python's own is 700).
STREAM_GC_THRESHOLD = 10_000


@contextmanager
def gc_for_stream() -> Iterator[None]:
    """Collector settings for analysing a stream, entered once the analyser is
    built: what exists then (lexicons, matchers, caches) lives as long as the run
    and is left out of every later collection, and young collections run every
    10,000 allocations instead of 700. An item leaves a few reference cycles
    behind, which young collections still free; the full collections that walked
    the whole heap every few hundred items cost 7-10 % of `monitor analyze`
    (bench_core). The previous settings come back on exit."""
    threshold = gc.get_threshold()
    gc.collect()
    gc.freeze()
    gc.set_threshold(STREAM_GC_THRESHOLD, *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


@dataclass(slots=True)
class Prepared:
    """What the stateless part found in one item, all the ordered part needs.
    `decide` takes ownership: it builds the analysis from these very objects."""

    item: NewsItem
    doc: Document
    #: Each paragraph's dedup word hashes (`monitor.dedup.fingerprint.word_hashes`).
    words: list[bytes]
    karabakh: KarabakhRelevance
    ceasefire: CeasefireResult
    casualties: list[CasualtyFigure]


class Analyzer:
    """Holds the dedup and alert state; analyses items in stream order."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.settings = settings or Settings()
        self.dedup = ParagraphIndex(DedupConfig.from_settings(self.settings))
        self.alerts = AlertState.from_settings(self.settings)
        self.events = self._event_clock()
        self._clock = clock
        #: Seconds spent per stage, when enabled (`enable_timings`), for the benchmark.
        self.timings: dict[str, float] | None = None
        self.last_record: ArticleRecord | None = None

    def _event_clock(self) -> EventClock:
        return EventClock(
            allowed_lateness=self.settings.allowed_lateness_seconds,
            future_tolerance=self.settings.future_tolerance_seconds,
        )

    def enable_timings(self) -> dict[str, float]:
        self.timings = dict.fromkeys(
            ("parse", "split", "fingerprint", "dedup", "detect", "alerts", "build"), 0.0
        )
        return self.timings

    def _lap(self, stage: str, started: float) -> float:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] += now - started
        return now

    # --- per item ---------------------------------------------------------------------

    def prepare(self, item: NewsItem) -> Prepared:
        """The stateless part of the analysis: split the item, hash its paragraphs'
        words for dedup and run the detectors. Touches no state, so it can run on
        any worker, in any order, and be dropped or redone freely."""
        item_id = item.id or ""
        t = time.perf_counter()
        doc = Document.from_text(item_id, item.title, item.body)
        t = self._lap("split", t)
        words = [
            word_hashes(_dedup_words(a.normalized, split))
            for a, split in zip(doc.aligned, doc.words, strict=True)
        ]
        t = self._lap("fingerprint", t)
        year = item.published_at.year if item.published_at else None
        karabakh = detect_karabakh(doc)
        ceasefire = detect_ceasefire(doc, year)
        casualties = detect_casualties(doc, year)
        self._lap("detect", t)
        return Prepared(item, doc, words, karabakh, ceasefire, casualties)

    def decide(self, prepared: Prepared, now: float | None = None) -> Analysis:
        """The ordered part: place the item in event time, decide which paragraphs
        are copies, build the analysis and update the story and alert state. Items
        must come in one order: what is "first seen" is decided here. `now` is the
        processing time: it is the item's ingest time when the item carries none,
        and it decides nothing else (the state runs on event time)."""
        item, doc, words = prepared.item, prepared.doc, prepared.words
        now = self._clock() if now is None else now
        ingested = item.ingested_at.timestamp() if item.ingested_at else now
        event = self.events.place(item.published_at, ingested)
        watermark = self.events.watermark
        item_id = item.id or ""
        t = time.perf_counter()
        verdict = self.dedup.check_article(item_id, item.source, words, event.at, watermark)
        #: What this item added to the dedup state, for a caller that persists it.
        self.last_record = verdict.record
        t = self._lap("dedup", t)
        paragraphs = [
            Paragraph(
                index=p.index,
                text=p.text,
                start=p.start,
                end=p.end,
                fingerprint=fingerprint_hex(w),
                duplicate_of=(
                    DuplicateRef(article=seen.article, paragraph=seen.paragraph, source=seen.source)
                    if seen
                    else None
                ),
            )
            for p, w, seen in zip(doc.paragraphs, words, verdict.duplicates, strict=True)
        ]
        rep = verdict.republication_of
        analysis = Analysis(
            id=item_id,
            source=item.source,
            url=item.url,
            title=doc.title,  # the title the evidence offsets point into (HTML removed)
            published_at=item.published_at,
            processed_at=datetime.fromtimestamp(now, UTC),
            event_time=event_info(event),
            body=doc.body,
            karabakh=prepared.karabakh,
            ceasefire=prepared.ceasefire,
            casualties=prepared.casualties,
            paragraphs=paragraphs,
            duplicate_paragraphs=verdict.duplicate_count,
            republication_of=(
                RepublicationRef(
                    article=rep.article, source=rep.source, shared_paragraphs=rep.shared_paragraphs
                )
                if rep
                else None
            ),
        )
        self._inherit_karabakh(analysis)
        t = self._lap("build", t)
        analysis.alerts = self.alerts.update(analysis, event.at, watermark)
        self._inherit_from_story(analysis)
        self._lap("alerts", t)
        return analysis

    def analyze(self, item: NewsItem, now: float | None = None) -> Analysis:
        """Analyse one valid item and update the state: `decide(prepare(item), now)`."""
        return self.decide(self.prepare(item), now)

    def _inherit_karabakh(self, analysis: Analysis) -> None:
        """A copy or an update of a Karabakh story stays Karabakh-related when its
        own text (a new lead) no longer names the region: it repeats paragraphs
        of an article that did."""
        if analysis.karabakh.related:
            return
        earlier = [p.duplicate_of.article for p in analysis.paragraphs if p.duplicate_of]
        if analysis.republication_of is not None:
            earlier.insert(0, analysis.republication_of.article)
        source = self.alerts.karabakh_article(a for a in earlier if a != analysis.id)
        if source is not None:
            analysis.karabakh.related = True
            analysis.karabakh.inherited_from = source
            analysis.karabakh.centrality = (
                "central" if analysis.republication_of is not None else "passing"
            )

    def _inherit_from_story(self, analysis: Analysis) -> None:
        """An update of a Karabakh story (the same conflict, the same days) stays
        Karabakh-related when its text only names Armenia and Azerbaijan, and is
        about the region however briefly its own text names it."""
        story = self.alerts.story_of(analysis.id)
        if analysis.karabakh.related:
            if (
                analysis.karabakh.centrality == "passing"
                and story is not None
                and story.karabakh
                and story.karabakh_article not in (None, analysis.id)
            ):
                analysis.karabakh.centrality = "central"
            return
        if story is not None and story.karabakh and story.karabakh_article:
            analysis.karabakh.related = True
            analysis.karabakh.inherited_from = story.karabakh_article
            analysis.karabakh.centrality = "central"
            self.alerts.karabakh_articles[analysis.id] = None

    def analyze_raw(
        self, raw: bytes | str, line: int | None = None, now: float | None = None
    ) -> Analysis | AnalysisError:
        """Parse and analyse one JSON item; a bad one gives an `AnalysisError`."""
        t = time.perf_counter()
        try:
            item = parse_item(raw, self.settings.max_body_bytes)
            self._lap("parse", t)
        except ItemError as exc:
            return AnalysisError(
                id=exc.item_id, line=line, error=ErrorInfo(code=exc.code, message=exc.message)
            )
        return self.analyze(item, now)

    # --- state ----------------------------------------------------------------------------

    def state_json(self) -> dict[str, Any]:
        return {
            "format": STATE_FORMAT,
            "dedup": self.dedup.to_json(),
            "alerts": self.alerts.to_json(),
            "events": self.events.to_json(),
        }

    def load_state_json(self, data: dict[str, Any]) -> None:
        if data.get("format") not in (1, STATE_FORMAT):
            raise ValueError(
                f"state format {data.get('format')!r} is not {STATE_FORMAT}; "
                "it was written by another version"
            )
        self.dedup = ParagraphIndex.from_json(data["dedup"], self.dedup.config)
        self.alerts = AlertState.from_json(data["alerts"], settings=self.settings)
        self.events = self._event_clock()
        self.events.load_json(data.get("events", {}))

    def save_state(self, path: Path) -> None:
        import json

        tmp = path.with_suffix(path.suffix + ".tmp")
        tmp.write_text(json.dumps(self.state_json(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)

    def load_state(self, path: Path) -> None:
        import json

        self.load_state_json(json.loads(path.read_text(encoding="utf-8")))


def event_info(event: EventTime) -> EventTimeInfo:
    """The analysis' record of where its item sits in event time."""
    return EventTimeInfo(
        at=datetime.fromtimestamp(event.at, UTC),
        source=event.source,
        clock=event.clock,
        late=event.late,
        lateness_seconds=round(event.lateness, 3),
    )
