"""Make fetched feed bytes safe to hand to feedparser.

feedparser keeps "simple" entity declarations of the DOCTYPE and its fallback
(loose) parser expands them: one large entity referenced many times turned a
203 KB feed into a 200 MB string. Feeds have no business declaring entities, so:

* a document whose prolog declares entities (`<!ENTITY`) is refused;
* any other DOCTYPE (e.g. RSS 0.91's public DTD) is removed, internal subset
  and all, so neither parser sees a DTD;
* UTF-16/UTF-32 documents are transcoded to UTF-8 first, so the checks cannot
  be dodged by a wide encoding.

The prolog is what feedparser itself treats as the head: everything before the
first element start tag (`<` followed by a word character).
"""

from __future__ import annotations

import codecs
import re

_ELEMENT_START = re.compile(rb"<\w")
_ENTITY_DECL = re.compile(rb"<!\s*ENTITY", re.IGNORECASE)
_DOCTYPE_START = re.compile(rb"<!\s*DOCTYPE", re.IGNORECASE)
_XML_DECL_ENCODING = re.compile(rb"""^(<\?xml[^>]*?\bencoding\s*=\s*)(["'])[^"']*\2""")

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a BOM, "<?" in a wide encoding shows its zero bytes.
_WIDE_PATTERNS = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)


class UnsafeFeed(ValueError):
    """The bytes are refused before parsing (the reason says why)."""


def _to_utf8(data: bytes) -> bytes:
    """UTF-16/32 (with a BOM or a recognisable `<?xml`) -> UTF-8 with a matching declaration."""
    codec = None
    for bom, name in _WIDE_BOMS:
        if data.startswith(bom):
            codec, data = name, data[len(bom) :]
            break
    if codec is None:
        for pattern, name in _WIDE_PATTERNS:
            if data.startswith(pattern):
                codec = name
                break
    if codec is None:
        return data
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        raise UnsafeFeed(f"invalid {codec} at byte {exc.start}") from None
    out = text.encode("utf-8")
    return _XML_DECL_ENCODING.sub(rb'\1"utf-8"', out, count=1)


def _doctype_end(data: bytes, start: int) -> int:
    """Index just past the DOCTYPE starting at `start` (quotes and `[...]` respected)."""
    i = start + 2
    depth = 0
    quote: int | None = None
    n = len(data)
    while i < n:
        c = data[i]
        if quote is not None:
            if c == quote:
                quote = None
        elif c in (0x22, 0x27):  # " '
            quote = c
        elif c == 0x5B:  # [
            depth += 1
        elif c == 0x5D:  # ]
            depth = max(0, depth - 1)
        elif c == 0x3E and depth == 0:  # >
            return i + 1
        i += 1
    raise UnsafeFeed("unterminated DOCTYPE")


def make_safe(data: bytes) -> bytes:
    """Return bytes without any DTD, or raise `UnsafeFeed`."""
    data = _to_utf8(data)
    m = _ELEMENT_START.search(data)
    head_end = m.start() if m else len(data)
    head = data[:head_end]
    if _ENTITY_DECL.search(head):
        raise UnsafeFeed("the document declares XML entities (<!ENTITY>): refused")
    doctype = _DOCTYPE_START.search(head)
    if doctype is None:
        return data
    end = _doctype_end(data, doctype.start())
    stripped = data[: doctype.start()] + data[end:]
    # A second DOCTYPE, or one hidden behind the first, is not a feed either.
    m = _ELEMENT_START.search(stripped)
    head = stripped[: m.start() if m else len(stripped)]
    if _DOCTYPE_START.search(head) or _ENTITY_DECL.search(head):
        raise UnsafeFeed("more than one DOCTYPE: refused")
    return stripped
