"""Feed bytes -> NewsItems (pure: no network, no Kafka).

Each entry becomes one `NewsItem` with a stable id: a hash of the entry's id
(guid) or, failing that, its link, or its title and text. The same entry fetched
again gets the same id, which is how the poller recognises it.
"""

from __future__ import annotations

import calendar
import hashlib
import io
import logging
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import feedparser

from monitor.feeds.config import FeedSpec
from monitor.feeds.decode import REPLACEMENT
from monitor.feeds.xmlsafe import CONTENT_TYPE, UnsafeFeed, make_safe
from monitor.items import ItemError, validate_item
from monitor.text.normalize import strip_html
from schemas.news import NewsItem

log = logging.getLogger(__name__)

ID_PREFIX = "feed-"
#: Dates before this are placeholders (`0001-01-01` in Hugo feeds), not publication times.
EARLIEST_DATE = datetime(1990, 1, 1, tzinfo=UTC)
_GLOBAL_ID = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)", re.IGNORECASE)
_BLANK_LINES = re.compile(r"\n\s*\n+")


class FeedError(ValueError):
    """The whole document is unusable (unsafe, not a feed)."""


@dataclass
class ParsedFeed:
    feed: FeedSpec
    title: str | None = None
    entries: int = 0
    items: list[NewsItem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # reasons, one per skipped entry
    warning: str | None = None  # feedparser's bozo reason when entries were still usable
    encoding: str = "utf-8"
    bad_bytes: int = 0  # bytes of the document that did not decode


def entry_key(entry: Any, feed: FeedSpec) -> str:
    """What identifies an entry: its id/guid, else its link, else its title and text.

    A bare guid such as `123` is only unique within its feed, so it is qualified
    with the feed's location; a URL or URN (`tag:`, `urn:`, `https:`) is global.
    """
    guid = (entry.get("id") or "").strip()
    link = (entry.get("link") or "").strip()
    if guid:
        return guid if _GLOBAL_ID.match(guid) else f"{feed.location}#{guid}"
    if link:
        return link
    title = entry.get("title") or ""
    summary = entry.get("summary") or ""
    return f"{feed.location}#{title}\n{summary}"


def item_id(key: str) -> str:
    return ID_PREFIX + hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def html_to_text(value: str) -> str:
    """Entry HTML (already sanitized by feedparser) -> plain text, one paragraph per line."""
    text = strip_html(value)
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def _entry_body(entry: Any) -> str:
    # Full content (content:encoded, Atom content) before the summary/description.
    for content in entry.get("content") or []:
        value = content.get("value") or ""
        text = html_to_text(value)
        if text:
            return text
    return html_to_text(entry.get("summary") or "")


def _entry_date(entry: Any) -> datetime | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        # dict.get: FeedParserDict.get maps missing keys onto others, with a warning.
        parsed = dict.get(entry, key)
        if parsed:
            try:
                value = datetime.fromtimestamp(calendar.timegm(parsed), UTC)
            except (OverflowError, ValueError, OSError):
                continue
            if value >= EARLIEST_DATE:
                return value
    return None


def entry_to_item(
    entry: Any, feed: FeedSpec, *, feed_language: str | None, max_body_bytes: int
) -> NewsItem:
    """One entry as a validated NewsItem; raises `ItemError` when it has no text."""
    title = html_to_text(entry.get("title") or "") or None
    body = _entry_body(entry) or (title or "")
    tags = entry.get("tags") or []
    category = next((t.get("term") for t in tags if t.get("term")), None)
    language = entry.get("language") or feed.language or feed_language
    data: dict[str, Any] = {
        "id": item_id(entry_key(entry, feed)),
        "source": feed.name,
        "url": (entry.get("link") or "").strip() or None,
        "title": title,
        "body": body,
        "published_at": _entry_date(entry),
        "language": language,
        "category": category,
    }
    return validate_item(data, max_body_bytes)


def _has_replacement(entry: Any) -> bool:
    values = [entry.get(k) or "" for k in ("id", "link", "title", "summary")]
    values.extend(c.get("value") or "" for c in entry.get("content") or [])
    return any(REPLACEMENT in v for v in values if isinstance(v, str))


def parse_feed(
    data: bytes,
    feed: FeedSpec,
    *,
    content_type: str | None = None,
    max_body_bytes: int = 1_000_000,
) -> ParsedFeed:
    """Parse fetched bytes (never a URL or a path) into items; raise `FeedError` if unusable.

    An entry holding bytes that did not decode is held back (a reason in
    `skipped`, not an item): delivering it would deliver mojibake, and its id
    would be remembered as seen, so the corrected text would never arrive."""
    try:
        safe = make_safe(data, content_type)
    except UnsafeFeed as exc:
        raise FeedError(str(exc)) from None
    # A stream, not bytes: feedparser tries bytes as a file name before parsing them.
    # The content type is the one make_safe wrote the bytes in, not the server's.
    parsed = feedparser.parse(
        io.BytesIO(safe.data), response_headers={"content-type": CONTENT_TYPE}
    )
    entries = parsed.get("entries") or []
    version = parsed.get("version") or ""
    if parsed.get("bozo") and not entries:
        reason = parsed.get("bozo_exception")
        raise FeedError(f"not a usable feed: {type(reason).__name__}: {reason}")
    if not entries and not version:
        raise FeedError("not an RSS or Atom feed (no channel or feed element)")
    channel = parsed.get("feed") or {}
    result = ParsedFeed(
        feed=feed,
        title=html_to_text(channel.get("title") or "") or None,
        entries=len(entries),
        encoding=safe.encoding,
        bad_bytes=safe.bad_bytes,
    )
    if parsed.get("bozo"):
        problem = parsed.get("bozo_exception")
        result.warning = f"{type(problem).__name__}: {problem}"
    feed_language = channel.get("language")
    for n, entry in enumerate(entries):
        if safe.bad_bytes and _has_replacement(entry):
            result.skipped.append(
                f"entry {n}: invalid_bytes: bytes that are not {safe.encoding} "
                "(held back until the feed is fixed)"
            )
            continue
        try:
            result.items.append(
                entry_to_item(
                    entry, feed, feed_language=feed_language, max_body_bytes=max_body_bytes
                )
            )
        except ItemError as exc:
            result.skipped.append(f"entry {n}: {exc.code}: {exc.message}")
    return result
