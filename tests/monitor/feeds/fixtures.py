"""Small feeds written for the tests (the real ones live in ../shared/data/feeds)."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
SHARED_FEEDS = REPO.parent / "shared" / "data" / "feeds"
SAMPLE_FEED = REPO / "seeds" / "sample-feed.xml"


def rss(*items: str, title: str = "أخبار") -> bytes:
    body = "".join(items)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<rss version="2.0"><channel><title>{title}</title>'
        f"<link>https://example.org/</link><description>d</description>{body}"
        "</channel></rss>"
    ).encode()


def item(n: int, *, guid: str | None = None, link: str | None = None, body: str = "") -> str:
    guid_xml = f"<guid>{guid}</guid>" if guid is not None else ""
    link_xml = f"<link>{link}</link>" if link is not None else ""
    text = body or f"وقف إطلاق النار في قره باغ، الخبر رقم {n}."
    return (
        f"<item><title>خبر {n}</title>{link_xml}{guid_xml}"
        f"<pubDate>Thu, 21 Sep 2023 09:{n:02d}:00 GMT</pubDate>"
        f"<description><![CDATA[<p>{text}</p>]]></description></item>"
    )


ARABIC_FEED = rss(
    item(1, link="https://example.org/a/1"),
    item(2, link="https://example.org/a/2"),
    item(3, guid="urn:example:3"),
)

# One entity referenced many times: the expansion bomb from DESIGN.md, small.
ENTITY_BOMB = (
    b'<?xml version="1.0"?>\n<!DOCTYPE rss [\n<!ENTITY big "'
    + b"x" * 10_000
    + b'">\n]>\n<rss version="2.0"><channel><title>t</title><item><title>'
    + b"&big;" * 1000
    + b"</title><description>d</description></item></channel></rss>"
)

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>
<description>d</description></item></channel></rss>"""

RSS091_DOCTYPE = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
    b'"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' + ARABIC_FEED.split(b"\n", 1)[1]
)

NOT_XML = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
GARBAGE = b"\x00\x01\x02 this is not a feed at all \xff\xfe"
