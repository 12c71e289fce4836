"""Feed bytes -> text, in one known encoding, before anything looks inside.

The entity-expansion guard (`xmlsafe`) reads the prolog; if feedparser were left
to pick the encoding afterwards, any encoding the guard did not read the same
way (EBCDIC, UTF-16 named only by the HTTP charset) would carry a DOCTYPE past
it. So the encoding is decided here, once, the guard reads the decoded text,
and feedparser gets UTF-8 bytes that say so.

The encoding is, in order: a byte order mark; the HTTP `charset`; the zero bytes
of a UTF-16/32 `<?xml` without a mark; the XML declaration (read as ASCII, or
as EBCDIC when the document starts with EBCDIC `<?xm`); else UTF-8. An encoding
Python does not know is refused.

Bytes that do not decode are replaced with U+FFFD one by one and counted, so
one bad byte spoils only the text around it (the entries holding it are then
held back by the parser), never the whole feed as a fallback decoder would.
"""

from __future__ import annotations

import codecs
import re
import threading
from dataclasses import dataclass
from email.message import Message

REPLACEMENT = "\ufffd"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Without a mark, "<?" in a wide encoding shows its zero bytes.
_WIDE = (
    (b"<\x00\x00\x00", "utf-32-le"),
    (b"\x00\x00\x00<", "utf-32-be"),
    (b"<\x00?\x00", "utf-16-le"),
    (b"\x00<\x00?", "utf-16-be"),
)
_EBCDIC_XML = b"\x4c\x6f\xa7\x94"  # "<?xm" in EBCDIC code pages
_DECLARED = re.compile(r"""^<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']""")
_WIDE_NAMES = ("utf-16", "utf-32", "utf_16", "utf_32")


class EncodingError(ValueError):
    """The document's encoding cannot be known or is not one Python has."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # Python's codec name
    bad_bytes: int  # bytes replaced by U+FFFD (0 for a clean document)


def http_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    msg = Message()
    msg["content-type"] = content_type
    charset = msg.get_param("charset")
    return charset.strip() if isinstance(charset, str) and charset.strip() else None


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _declared(data: bytes) -> str | None:
    if data.startswith(_EBCDIC_XML):
        head = data[:200].decode("cp037", "replace")
    else:
        head = data[:200].decode("latin-1")
    m = _DECLARED.match(head)
    return m.group(1) if m else None


def choose_encoding(data: bytes, content_type: str | None = None) -> tuple[str, int]:
    """(codec name, bytes of byte order mark to skip); raises `EncodingError`."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    charset = http_charset(content_type)
    if charset is not None:
        codec = _codec(charset)
        if codec is not None:
            return codec, 0
        # An unknown HTTP charset falls through to what the document says.
    for pattern, name in _WIDE:
        if data.startswith(pattern):
            return name, 0
    declared = _declared(data)
    if declared is not None:
        codec = _codec(declared)
        if codec is None:
            raise EncodingError(f"unknown encoding {declared!r} in the XML declaration")
        if codec.startswith(_WIDE_NAMES):
            # The declaration was readable as ASCII, so the bytes are not UTF-16/32.
            return "utf-8", 0
        return codec, 0
    if data.startswith(_EBCDIC_XML):
        return "cp037", 0
    return "utf-8", 0


def decode_feed(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode the document; bad bytes replaced and counted, never a guess at another codec."""
    codec, skip = choose_encoding(data, content_type)
    body = data[skip:]
    try:
        return Decoded(body.decode(codec), codec, 0)
    except UnicodeDecodeError:
        pass
    _counter.bad = 0
    text = body.decode(codec, _HANDLER)
    return Decoded(text, codec, _counter.bad)


_counter = threading.local()
_HANDLER = "monitor-feeds-count-replace"


def _count_and_replace(exc: UnicodeError) -> tuple[str, int]:
    """Like "replace" for decoding, counting the bytes replaced (per thread)."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _counter.bad = getattr(_counter, "bad", 0) + exc.end - exc.start
    return REPLACEMENT, exc.end


codecs.register_error(_HANDLER, _count_and_replace)
