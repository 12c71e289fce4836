from __future__ import annotations

import codecs

import pytest

from monitor.feeds.xmlsafe import UnsafeFeed, make_safe

from .fixtures import ARABIC_FEED, BILLION_LAUGHS, ENTITY_BOMB, EXTERNAL_ENTITY, RSS091_DOCTYPE


@pytest.mark.parametrize("data", [ENTITY_BOMB, BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(data: bytes) -> None:
    with pytest.raises(UnsafeFeed, match="ENTITY"):
        make_safe(data)


def test_entity_declaration_in_lower_case_is_refused() -> None:
    with pytest.raises(UnsafeFeed):
        make_safe(BILLION_LAUGHS.replace(b"<!ENTITY", b"<!entity"))


def test_plain_doctype_is_stripped() -> None:
    out = make_safe(RSS091_DOCTYPE)
    assert b"DOCTYPE" not in out
    assert out.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    assert b"<rss" in out


def test_doctype_with_empty_internal_subset_is_stripped() -> None:
    data = b'<?xml version="1.0"?><!DOCTYPE rss [ ]><rss version="2.0"><channel/></rss>'
    assert make_safe(data) == b'<?xml version="1.0"?><rss version="2.0"><channel/></rss>'


def test_feed_without_dtd_is_unchanged() -> None:
    assert make_safe(ARABIC_FEED) is ARABIC_FEED or make_safe(ARABIC_FEED) == ARABIC_FEED


def test_entity_text_inside_the_body_is_not_a_declaration() -> None:
    # An article about XML may mention <!ENTITY in escaped text or CDATA: it is data.
    data = ARABIC_FEED.replace(b"</p>", b" &lt;!ENTITY x&gt; <![CDATA[<!ENTITY y>]]></p>", 1)
    assert make_safe(data) == data


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_encodings_are_checked_too(codec: str) -> None:
    text = BILLION_LAUGHS.decode().replace(
        '<?xml version="1.0"?>', f'<?xml version="1.0" encoding="{codec}"?>'
    )
    data = text.encode(codec)
    if codec.endswith(("-le", "-be")):
        data = (codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE) + data
    with pytest.raises(UnsafeFeed):
        make_safe(data)


def test_utf16_feed_becomes_utf8_with_a_matching_declaration() -> None:
    text = ARABIC_FEED.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    out = make_safe(text.encode("utf-16"))
    assert out.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    assert "قره باغ".encode() in out


def test_unterminated_doctype_is_refused() -> None:
    with pytest.raises(UnsafeFeed):
        make_safe(b'<?xml version="1.0"?><!DOCTYPE rss [ <!-- never closed')
