"""Hostile feeds for the fault suite (tests and scripts/reliability.py): entity
blow-ups in every encoding feedparser honours, a gzip bomb, a trickle, a reset,
bad bytes, not-XML, deep nesting; and the good feeds that must get through beside
them."""

from __future__ import annotations

import gzip

from .fixtures import ARABIC_FEED, ENTITY_BOMB, item, rss
from .server import Route

#: One 100 KB entity referenced 7,000 times: a 135 KB document, 700 MB expanded.
BIG_BOMB_BODY = (
    '<!DOCTYPE rss [\n<!ENTITY big "'
    + "x" * 100_000
    + '">\n]>\n<rss version="2.0"><channel><title>t</title><item><title>'
    + "&big;" * 7_000
    + "</title><description>d</description></item></channel></rss>"
)


def _declared(codec: str) -> str:
    return f'<?xml version="1.0" encoding="{codec}"?>\n' + BIG_BOMB_BODY


def bad_byte_feed(fixed: bool = False) -> bytes:
    """Three entries; the second holds one byte that is not UTF-8 (unless `fixed`)."""
    good_a = item(1, link="https://bad-bytes.example/1", body="خبر سليم أول عن قره باغ.")
    broken = item(2, link="https://bad-bytes.example/2", body="خبر فيه BADBYTE بايت تالف.")
    good_b = item(3, link="https://bad-bytes.example/3", body="خبر سليم ثالث عن لاتشين.")
    data = rss(good_a, broken, good_b)
    return data.replace(b"BADBYTE", b"\xd9\x82\xd8" if not fixed else "قره".encode())


def hostile_routes() -> dict[str, Route]:
    """path -> route; none of them may yield an item, slow the others or blow memory."""
    rss_type = "application/rss+xml"
    return {
        "/bomb-utf8.xml": Route(ENTITY_BOMB),
        "/bomb-ebcdic.xml": Route(_declared("cp500").encode("cp500"), content_type=rss_type),
        "/bomb-ebcdic037.xml": Route(_declared("cp037").encode("cp037"), content_type=rss_type),
        # No BOM, no declaration: only the HTTP charset names the encoding.
        "/bomb-utf16-http.xml": Route(
            BIG_BOMB_BODY.encode("utf-16-le"), content_type=f"{rss_type}; charset=utf-16le"
        ),
        "/bomb-utf32-bom.xml": Route(_declared("utf-32").encode("utf-32"), content_type=rss_type),
        "/bomb-utf16-bom.xml": Route(_declared("utf-16").encode("utf-16"), content_type=rss_type),
        "/bomb-comment.xml": Route(
            b'<!-- <!ENTITY big "' + b"x" * 100_000 + b'"> -->\n<rss version="2.0"><channel>'
            b"<title>t</title><item><title>" + b"&amp;big;" * 7_000 + b"</title>"
            b"<description>d</description></item></channel></rss>"
        ),
        "/gzip-bomb.xml": Route(gzip.compress(b"\0" * (200 << 20), 9), gzip=True),
        "/trickle.xml": Route(ARABIC_FEED, trickle=0.5),
        "/reset.xml": Route(ARABIC_FEED, reset_after=100),
        "/not-xml.xml": Route(b"<html><body>502 Bad Gateway</body></html>"),
        "/garbage.xml": Route(b"\x00\x01\x02\xff\xfe not a feed \x80\x81" * 1000),
        "/deep.xml": Route(
            b'<rss version="2.0"><channel>'
            + b"<x>" * 200_000
            + b"</x>" * 200_000
            + b"</channel></rss>"
        ),
        "/unknown-encoding.xml": Route(
            b'<?xml version="1.0" encoding="x-klingon"?><rss version="2.0"/>',
            content_type=rss_type,
        ),
        "/http-500.xml": Route(b"oops", status=500),
    }


def good_routes() -> dict[str, Route]:
    """path -> route whose entries must all be delivered (bad-bytes: all but one)."""
    return {
        "/good.xml": Route(ARABIC_FEED),
        "/good-cp1256.xml": Route(
            ARABIC_FEED.decode()
            .replace('encoding="UTF-8"', 'encoding="windows-1256"')
            .replace("https://example.org/a/", "https://cp1256.example/a/")
            .replace("urn:example:3", "urn:cp1256:3")
            .encode("cp1256"),
            content_type="application/rss+xml",
        ),
        "/bad-bytes.xml": Route(bad_byte_feed()),
    }
