"""The ordered stage without Kafka: a prepared item in, an analysis or a dead letter out.

The stateless stage (`monitor.service.prepare`) parses and validates news.raw
records and runs the detectors; this stage takes its messages (news.prepared,
one partition: the order of that topic is the order "first seen" means) and
runs `Analyzer.decide`: event time, paragraph dedup, story and alert state.

The stage's memory (paragraph dedup and alert state, both inside one
`Analyzer`) is made durable as one small record per article, kept by the
process agent in a faust table whose changelog topic survives restarts:

    table[article id] = {"seq", "seen_at", "digest", "record", "analysis"}

(`seen_at` is the article's event time, see `monitor.eventtime`.)

- `record` is the dedup `ArticleRecord` (the paragraphs this article added);
- `analysis` is the analysis without its body (paragraph texts blanked, offsets
  kept; only the lede the alert state reads is kept), alerts included.

On recovery `rebuild()` replays the records in `seq` order: `ParagraphIndex.remember`
restores the dedup index and `AlertState.update` is fed the stored analyses,
so the alert state is rebuilt through the same code that built it.

Redelivery after a crash (Kafka is at-least-once) is recognised by the article
id and the digest of its content: the stored analysis is re-emitted exactly as
it was (same alerts, same alert ids), instead of being analysed a second time
against a state that already contains it (which would call it a copy of itself).
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from monitor.analyzer import Analyzer, Prepared
from monitor.dedup.index import ArticleRecord
from monitor.document import Document
from monitor.service.deadletter import Origin, encoded, from_exception
from monitor.service.kafka import MAX_MESSAGE_BYTES
from monitor.service.prepare import Preparer, from_message
from monitor.settings import Settings
from schemas.analysis import Analysis
from schemas.deadletter import DeadLetter
from schemas.news import NewsItem

STORED_FORMAT = 1

#: How much of the body the stored analysis keeps: the alert state reads the lede
#: (`monitor.alerts.story` looks at its first 1,500 characters) to find the story.
LEDE_CHARS = 2000


@dataclass(slots=True)
class Outcome:
    """What the agent does with one message: emit `value` (the serialized
    `analysis`), or dead-letter `dead`; in both cases store `stored` under
    `analysis.id` when not None (a dead-lettered analysis still changed the state)."""

    analysis: Analysis | None = None
    stored: dict[str, Any] | None = None
    dead: DeadLetter | None = None
    replayed: bool = False
    value: bytes | None = None


def slim_analysis(analysis: Analysis) -> dict[str, Any]:
    """The analysis without its body and paragraph texts (offsets restore them from
    the redelivered item), keeping the body's lede for the alert state's replay."""
    data = analysis.model_dump(mode="json", exclude={"body"})
    for p in data["paragraphs"]:
        p["text"] = ""
    data["lede"] = analysis.body[:LEDE_CHARS]
    return data


def restore_analysis(slim: Mapping[str, Any], item: NewsItem) -> Analysis:
    """The full analysis from its slim form and the item it came from."""
    doc = Document.from_text(item.id or "", item.title, item.body)
    data = dict(slim)
    data.pop("lede", None)
    data["body"] = doc.body
    data["paragraphs"] = [
        {**p, "text": doc.body[p["start"] : p["end"]]} for p in slim.get("paragraphs", [])
    ]
    return Analysis.model_validate(data)


class Processor:
    """The ordered stage's logic and state; one per worker, used by the one that
    holds news.prepared (its single partition)."""

    def __init__(self, settings: Settings, *, clock: Callable[[], float] = time.time) -> None:
        self.settings = settings
        self._clock = clock
        self.analyzer = Analyzer(settings, clock=clock)
        self.preparer = Preparer(settings)
        self._seq = 0
        # (event time, article id) in stream order, to forget records past the dedup age.
        self._ages: deque[tuple[float, str]] = deque()

    # --- recovery ------------------------------------------------------------------

    def rebuild(self, stored: Iterable[Mapping[str, Any]]) -> int:
        """Restore the state from the table's values; returns how many were replayed."""
        values = sorted(
            (v for v in stored if v.get("format") == STORED_FORMAT), key=lambda v: v["seq"]
        )
        self.analyzer = Analyzer(self.settings, clock=self._clock)
        self._ages.clear()
        self._seq = 0
        for value in values:
            record = ArticleRecord.from_json(value["record"])
            self.analyzer.dedup.remember(record)
            slim = dict(value["analysis"])
            slim["alerts"] = []
            slim["body"] = slim.pop("lede", "")
            analysis = Analysis.model_validate(slim)
            at = float(value["seen_at"])
            events = self.analyzer.events
            events.restore(at, analysis.event_time.clock if analysis.event_time else "ok")
            self.analyzer.alerts.update(analysis, at, events.watermark)
            self._ages.append((float(value["seen_at"]), str(record.article)))
            self._seq = max(self._seq, int(value["seq"]) + 1)
        return len(values)

    # --- per message ------------------------------------------------------------------

    def handle(
        self,
        raw: bytes | str | None,
        origin: Origin,
        lookup: Callable[[str], Mapping[str, Any] | None],
    ) -> Outcome:
        """Both stages in one call, with no message between them: a news.raw value
        in, what to send out. The benchmark's reference loop and the tests use it;
        the service runs the stages apart (`Preparer.handle`, `handle_prepared`)."""
        prepared = self.preparer.handle(raw, origin)
        if prepared.prepared is None:
            return Outcome(dead=prepared.dead)
        return self.decide(prepared.prepared, prepared.digest, raw, origin, lookup)

    def handle_prepared(
        self,
        value: bytes | str | None,
        origin: Origin,
        lookup: Callable[[str], Mapping[str, Any] | None],
    ) -> Outcome:
        """Finish one news.prepared message. Never raises: a message that does not
        match the schema, a failing decision and an analysis that cannot be
        serialized or sent all become a dead letter (stage `process`)."""
        try:
            if value is None:
                raise ValueError("message has no value (a tombstone?)")
            prepared, digest = from_message(value)
        except Exception as exc:  # noqa: BLE001 - the per-message boundary of the stage
            return Outcome(
                dead=from_exception(
                    exc, stage="process", payload=value, origin=origin, code="invalid_prepared"
                )
            )
        return self.decide(prepared, digest, value, origin, lookup)

    def decide(
        self,
        prepared: Prepared,
        digest: str,
        payload: bytes | str | None,
        origin: Origin,
        lookup: Callable[[str], Mapping[str, Any] | None],
    ) -> Outcome:
        """The analysis of a prepared item (or the stored one, for a redelivery of
        the same content), with the record to store; `payload` is what a dead
        letter carries. `lookup(article_id)` reads the durable table."""
        try:
            outcome = self._decide(prepared, digest, lookup)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the stream
            return Outcome(
                dead=from_exception(
                    exc, stage="process", payload=payload, origin=origin, item_id=prepared.item.id
                )
            )
        if outcome.analysis is not None:
            outcome.value, outcome.dead = serialize(outcome.analysis, payload, origin)
        return outcome

    def _decide(
        self,
        prepared: Prepared,
        digest: str,
        lookup: Callable[[str], Mapping[str, Any] | None],
    ) -> Outcome:
        item = prepared.item
        item_id = item.id or ""
        previous = lookup(item_id)
        if previous is not None and previous.get("digest") == digest:
            return Outcome(analysis=restore_analysis(previous["analysis"], item), replayed=True)
        now = self._clock()
        analysis = self.analyzer.decide(prepared, now)
        at = analysis.event_time.at.timestamp() if analysis.event_time else now
        # The record the dedup index itself kept: replaying it restores exactly that.
        record = self.analyzer.last_record
        assert record is not None
        stored = {
            "format": STORED_FORMAT,
            "seq": self._seq,
            "seen_at": at,
            "digest": digest,
            "record": record.to_json(),
            "analysis": slim_analysis(analysis),
        }
        self._seq += 1
        self._ages.append((at, item_id))
        return Outcome(analysis=analysis, stored=stored)

    def expired(self, lookup: Callable[[str], Mapping[str, Any] | None]) -> list[str]:
        """Article ids whose stored records neither state needs any more (in event
        time, against the watermark): older than the dedup memory *and* than the
        stories, so a worker rebuilt from the table has the stories the live one
        has. The agent deletes them from the table so it does not grow for ever.
        An id stored again later is kept."""
        watermark = self.analyzer.events.watermark
        if watermark is None:
            return []
        now = watermark
        keep = max(self.settings.dedup_max_age_seconds, self.analyzer.alerts.max_age)
        cutoff = now - keep
        out = []
        while self._ages and self._ages[0][0] < cutoff:
            article = self._ages.popleft()[1]
            stored = lookup(article)
            if stored is not None and float(stored.get("seen_at", now)) < cutoff:
                out.append(article)
        return out


def serialize(
    analysis: Analysis, raw: bytes | str | None, origin: Origin
) -> tuple[bytes | None, DeadLetter | None]:
    """The message value of `analysis`, or the dead letter saying why it cannot be sent."""
    return encoded(
        lambda: analysis.model_dump_json().encode("utf-8"),
        what="the analysis",
        limit=MAX_MESSAGE_BYTES,
        stages=("serialize", "process"),
        payload=raw,
        origin=origin,
        item_id=analysis.id,
    )
