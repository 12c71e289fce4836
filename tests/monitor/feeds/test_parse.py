from __future__ import annotations

import time
from pathlib import Path

import pytest

from monitor.feeds.config import FeedSpec
from monitor.feeds.parse import FeedError, html_to_text, item_id, parse_feed

from .fixtures import (
    ARABIC_FEED,
    BILLION_LAUGHS,
    ENTITY_BOMB,
    GARBAGE,
    NOT_XML,
    SAMPLE_FEED,
    SHARED_FEEDS,
    item,
    rss,
)

FEED = FeedSpec(name="test-feed", url="https://example.org/rss.xml")


def test_entries_become_news_items() -> None:
    parsed = parse_feed(ARABIC_FEED, FEED)
    assert parsed.entries == 3
    assert [i.title for i in parsed.items] == ["خبر 1", "خبر 2", "خبر 3"]
    first = parsed.items[0]
    assert first.source == "test-feed"
    assert first.url == "https://example.org/a/1"
    assert first.body == "وقف إطلاق النار في قره باغ، الخبر رقم 1."  # HTML gone
    assert first.published_at is not None and first.published_at.isoformat().startswith(
        "2023-09-21T09:01"
    )


def test_ids_are_stable_and_distinct() -> None:
    a = [i.id for i in parse_feed(ARABIC_FEED, FEED).items]
    b = [i.id for i in parse_feed(ARABIC_FEED, FEED).items]
    assert a == b
    assert len(set(a)) == 3
    assert all(i and i.startswith("feed-") for i in a)


def test_id_comes_from_guid_then_link() -> None:
    with_guid = parse_feed(rss(item(1, guid="urn:x:1", link="https://e/1")), FEED).items[0]
    changed_link = parse_feed(rss(item(1, guid="urn:x:1", link="https://e/other")), FEED).items[0]
    assert with_guid.id == changed_link.id == item_id("urn:x:1")
    link_only = parse_feed(rss(item(1, link="https://e/1")), FEED).items[0]
    assert link_only.id == item_id("https://e/1")


def test_bare_guid_is_qualified_by_the_feed() -> None:
    other = FeedSpec(name="other", url="https://other.example/rss")
    a = parse_feed(rss(item(1, guid="42")), FEED).items[0]
    b = parse_feed(rss(item(1, guid="42")), other).items[0]
    assert a.id != b.id


def test_same_link_in_two_feeds_is_one_item() -> None:
    other = FeedSpec(name="other", url="https://other.example/rss")
    a = parse_feed(rss(item(1, link="https://e/1")), FEED).items[0]
    b = parse_feed(rss(item(1, link="https://e/1")), other).items[0]
    assert a.id == b.id


def test_html_to_text_keeps_paragraphs_and_unescapes() -> None:
    html = "<p>الفقرة <b>الأولى</b> &amp; المزيد</p><p>الثانية</p><script>x()</script>"
    assert html_to_text(html) == "الفقرة الأولى & المزيد\nالثانية"


def test_entry_without_text_uses_its_title() -> None:
    data = rss("<item><title>عنوان فقط</title><link>https://e/t</link></item>")
    parsed = parse_feed(data, FEED)
    assert parsed.items[0].body == "عنوان فقط"


def test_entry_without_any_text_is_skipped_not_fatal() -> None:
    data = rss("<item><link>https://e/empty</link></item>", item(2, link="https://e/2"))
    parsed = parse_feed(data, FEED)
    assert len(parsed.items) == 1
    assert parsed.skipped and "empty_body" in parsed.skipped[0]


def test_oversized_entry_is_skipped() -> None:
    data = rss(item(1, link="https://e/1", body="قره باغ " * 1000), item(2, link="https://e/2"))
    parsed = parse_feed(data, FEED, max_body_bytes=2000)
    assert [i.url for i in parsed.items] == ["https://e/2"]
    assert "body_too_large" in parsed.skipped[0]


def test_placeholder_dates_are_dropped() -> None:
    data = rss(
        "<item><title>t</title><link>https://e/z</link>"
        "<pubDate>Mon, 01 Jan 0001 00:00:00 +0000</pubDate><description>نص</description></item>"
    )
    assert parse_feed(data, FEED).items[0].published_at is None


@pytest.mark.parametrize("data", [ENTITY_BOMB, BILLION_LAUGHS])
def test_entity_feeds_are_refused_quickly(data: bytes) -> None:
    started = time.monotonic()
    with pytest.raises(FeedError, match="ENTITY"):
        parse_feed(data, FEED)
    assert time.monotonic() - started < 1


@pytest.mark.parametrize("data", [NOT_XML, GARBAGE, b"", b"{}"])
def test_non_feeds_are_errors(data: bytes) -> None:
    with pytest.raises(FeedError):
        parse_feed(data, FEED)


def test_bytes_that_name_a_local_file_are_parsed_as_data(tmp_path: Path) -> None:
    # feedparser.parse(bytes) would try the bytes as a file name first.
    secret = tmp_path / "secret.xml"
    secret.write_bytes(ARABIC_FEED)
    with pytest.raises(FeedError):
        parse_feed(str(secret).encode(), FEED)


def test_sample_feed() -> None:
    spec = FeedSpec(name="sample", path=SAMPLE_FEED)
    parsed = parse_feed(SAMPLE_FEED.read_bytes(), spec)
    assert parsed.entries == 4 and len(parsed.items) == 4
    assert all("<" not in i.body for i in parsed.items)
    assert "قره باغ" in parsed.items[0].body
    assert parsed.items[0].language == "ar"


REAL_FEEDS = sorted(SHARED_FEEDS.glob("*.xml")) if SHARED_FEEDS.is_dir() else []


@pytest.mark.skipif(not REAL_FEEDS, reason="../shared/data/feeds not present")
@pytest.mark.parametrize("path", REAL_FEEDS, ids=lambda p: p.name[:40])
def test_real_feeds_parse_into_items(path: Path) -> None:
    spec = FeedSpec(name=path.stem, path=path)
    parsed = parse_feed(path.read_bytes(), spec)
    assert parsed.entries > 0
    assert len(parsed.items) + len(parsed.skipped) == parsed.entries
    ids = [i.id for i in parsed.items]
    assert len(set(ids)) == len(ids)
    for news in parsed.items:
        assert news.body.strip()
        assert "<p>" not in news.body and "&lt;" not in news.body
        assert news.published_at is None or news.published_at.year >= 1990


@pytest.mark.skipif(not REAL_FEEDS, reason="../shared/data/feeds not present")
def test_real_feed_with_hour_24_dates_still_gives_items() -> None:
    path = next(p for p in REAL_FEEDS if p.name.startswith("united-for-palestine"))
    parsed = parse_feed(path.read_bytes(), FeedSpec(name="u", path=path))
    assert len(parsed.items) == 12


def test_windows_1256_feed_is_decoded() -> None:
    text = ARABIC_FEED.decode().replace('encoding="UTF-8"', 'encoding="windows-1256"')
    parsed = parse_feed(text.encode("cp1256"), FEED)
    assert parsed.items[0].body == "وقف إطلاق النار في قره باغ، الخبر رقم 1."


def test_a_url_given_as_bytes_is_not_fetched() -> None:
    # parse_feed never opens anything itself: a URL in the bytes is just a non-feed.
    with pytest.raises(FeedError):
        parse_feed(b"https://example.org/feed.xml", FEED)
