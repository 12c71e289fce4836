"""The stateless stage without Kafka: raw bytes in, a prepared message or a dead letter out.

`Preparer.handle` parses and validates one news.raw record, stamps its ingest
time, and runs `Analyzer.prepare` (split, paragraph word hashes, detectors). It
keeps no state between messages, so any number of workers run it side by side,
one per news.raw partition. What it finds travels to the ordered stage as a
`PreparedMessage` (topic news.prepared); `from_message` turns that back into
the `Prepared` that `Analyzer.decide` takes.
"""

from __future__ import annotations

import base64
import hashlib
import sys
from array import array
from dataclasses import dataclass
from datetime import UTC, datetime

from monitor.analyzer import Analyzer, Prepared
from monitor.document import Document
from monitor.items import ItemError, parse_item
from monitor.service.deadletter import Origin, dead_letter, encoded, from_exception
from monitor.service.kafka import MAX_MESSAGE_BYTES
from monitor.settings import Settings
from schemas.deadletter import DeadLetter
from schemas.news import NewsItem
from schemas.prepared import PreparedMessage


def item_digest(item: NewsItem) -> str:
    """What identifies a redelivery of the same content (not an updated article)."""
    text = "\x1f".join((item.source or "", item.url or "", item.title or "", item.body))
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(slots=True)
class PrepareOutcome:
    """Either `prepared` (with the content's `digest`) or `dead`."""

    prepared: Prepared | None = None
    digest: str = ""
    dead: DeadLetter | None = None


class Preparer:
    """The stateless stage: one per worker, any number of workers."""

    def __init__(self, settings: Settings, analyzer: Analyzer | None = None) -> None:
        self.settings = settings
        # Only `Analyzer.prepare` is used, which reads no state.
        self.analyzer = analyzer or Analyzer(settings)

    def handle(self, raw: bytes | str | None, origin: Origin) -> PrepareOutcome:
        """Prepare one news.raw message. Never raises: a message that is not a valid
        item is dead-lettered at stage `parse`, a failing detector at `prepare`."""
        if raw is None:
            return PrepareOutcome(
                dead=dead_letter(
                    stage="parse",
                    error_class="ItemError",
                    error="message has no value (a tombstone?)",
                    code="empty_message",
                    payload=None,
                    origin=origin,
                )
            )
        try:
            item = parse_item(raw, self.settings.max_body_bytes)
        except ItemError as exc:
            return PrepareOutcome(
                dead=dead_letter(
                    stage="parse",
                    error_class=type(exc).__name__,
                    error=exc.message,
                    code=exc.code,
                    payload=raw,
                    origin=origin,
                    item_id=exc.item_id,
                )
            )
        try:
            if item.ingested_at is None and origin.timestamp:
                # The broker's record time is when the item entered the monitor.
                item = item.model_copy(
                    update={"ingested_at": datetime.fromtimestamp(origin.timestamp, UTC)}
                )
            return PrepareOutcome(prepared=self.analyzer.prepare(item), digest=item_digest(item))
        except Exception as exc:  # noqa: BLE001 - a detector bug must not stop the stream
            return PrepareOutcome(
                dead=from_exception(
                    exc, stage="prepare", payload=raw, origin=origin, item_id=item.id
                )
            )

    def message(
        self, outcome: PrepareOutcome, raw: bytes | str | None, origin: Origin
    ) -> tuple[bytes | None, DeadLetter | None]:
        """The news.prepared value of a prepared item, or the dead letter saying why
        it cannot be sent (over Kafka's message limit, or unserializable)."""
        prepared = outcome.prepared
        assert prepared is not None
        return encoded(
            lambda: to_message(prepared, outcome.digest),
            what="the prepared message",
            limit=MAX_MESSAGE_BYTES,
            stages=("prepare", "prepare"),
            payload=raw,
            origin=origin,
            item_id=prepared.item.id,
        )


# --- the message ------------------------------------------------------------------------


def _little_endian(words: bytes) -> bytes:
    """`word_hashes` writes native order; the message is little-endian everywhere."""
    if sys.byteorder == "little":
        return words
    swapped = array("H", words)
    swapped.byteswap()
    return swapped.tobytes()


def to_message(prepared: Prepared, digest: str) -> bytes:
    """The `PreparedMessage` JSON of one prepared item."""
    message = PreparedMessage(
        item=prepared.item,
        digest=digest,
        words=[base64.b64encode(_little_endian(w)).decode("ascii") for w in prepared.words],
        karabakh=prepared.karabakh,
        ceasefire=prepared.ceasefire,
        casualties=prepared.casualties,
    )
    return message.model_dump_json().encode("utf-8")


def from_message(value: bytes | str) -> tuple[Prepared, str]:
    """(prepared item, digest) from a news.prepared value; raises ValueError
    (pydantic's ValidationError) on one that does not match the schema."""
    message = PreparedMessage.model_validate_json(value)
    item = message.item
    # Splitting again is cheap (no normalization: the hashes came with the message)
    # and cheaper to carry than the paragraphs' offsets and the cleaned body.
    doc = Document.from_text(item.id or "", item.title, item.body)
    words = [_little_endian(base64.b64decode(w, validate=True)) for w in message.words]
    if len(words) != len(doc.paragraphs):
        raise ValueError(
            f"the message has word hashes for {len(words)} paragraphs, the body "
            f"{len(doc.paragraphs)}: it was prepared by another version"
        )
    prepared = Prepared(
        item, doc, words, message.karabakh, message.ceasefire, list(message.casualties)
    )
    return prepared, message.digest
