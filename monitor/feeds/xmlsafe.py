"""Make a fetched feed safe to hand to feedparser: decoded, DTD-free, UTF-8.

feedparser keeps "simple" entity declarations of the DOCTYPE and its fallback
(loose) parser expands them: one large entity referenced many times turned a
203 KB feed into a 200 MB string. Feeds have no business declaring entities, so:

* the bytes are decoded first in one known encoding (`decode.decode_feed`), and
  everything below reads that text, so no encoding can hide a DOCTYPE;
* the prolog (XML declaration, processing instructions, comments, whitespace
  and the DOCTYPE, up to the first element) is read token by token, so a
  comment that quotes `<!DOCTYPE` or contains `>` is just a comment, and is
  then dropped: nothing but a new XML declaration precedes the first element;
* a DOCTYPE that declares entities (`<!ENTITY`) is refused; any other (RSS
  0.91's public DTD) is removed, internal subset and all;
* the result is UTF-8 with a declaration that says so, and the caller tells
  feedparser the same in the content type, so it has nothing left to guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from monitor.feeds.decode import EncodingError, decode_feed

_XML_DECL = re.compile(r"<\?xml[\s?][^>]*?\?>", re.IGNORECASE)
_ENTITY_DECL = re.compile(r"<!\s*ENTITY", re.IGNORECASE)
_DOCTYPE = re.compile(r"<!\s*DOCTYPE", re.IGNORECASE)
_SPACE = re.compile(r"[\s\ufeff]+")
_STANDALONE = re.compile(r"""\bstandalone\s*=\s*["'](yes|no)["']""")

#: What feedparser is told about the bytes `make_safe` returns.
CONTENT_TYPE = "application/xml; charset=utf-8"


class UnsafeFeed(ValueError):
    """The bytes are refused before parsing (the reason says why)."""


@dataclass(frozen=True)
class SafeFeed:
    data: bytes  # UTF-8, without a DTD
    encoding: str  # what the document was in
    bad_bytes: int  # bytes that did not decode (replaced by U+FFFD)


def _doctype_end(text: str, start: int) -> int:
    """Index just past the DOCTYPE starting at `start` (quotes, `[...]` and
    comments inside the internal subset respected)."""
    i = start + 2
    depth = 0
    quote: str | None = None
    n = len(text)
    while i < n:
        c = text[i]
        if quote is not None:
            if c == quote:
                quote = None
        elif text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            if close < 0:
                break
            i = close + 3
            continue
        elif c in "\"'":
            quote = c
        elif c == "[":
            depth += 1
        elif c == "]":
            depth = max(0, depth - 1)
        elif c == ">" and depth == 0:
            return i + 1
        i += 1
    raise UnsafeFeed("unterminated DOCTYPE")


def _strip_prolog(text: str) -> str:
    """The document from its first element on. Comments and processing instructions
    of the prolog go too: feedparser looks for entity declarations in everything
    before the first element, comments included."""
    i, n = 0, len(text)
    seen_doctype = False
    while i < n:
        m = _SPACE.match(text, i)
        if m:
            i = m.end()
            continue
        if text.startswith("<!--", i):
            close = text.find("-->", i + 4)
            if close < 0:
                raise UnsafeFeed("unterminated comment before the first element")
            i = close + 3
        elif i == 0 and _XML_DECL.match(text, i):
            i = _XML_DECL.match(text, i).end()  # type: ignore[union-attr]
        elif text.startswith("<?", i):
            close = text.find("?>", i + 2)
            if close < 0:
                raise UnsafeFeed("unterminated processing instruction before the first element")
            i = close + 2
        elif _DOCTYPE.match(text, i):
            if seen_doctype:
                raise UnsafeFeed("more than one DOCTYPE: refused")
            seen_doctype = True
            end = _doctype_end(text, i)
            if _ENTITY_DECL.search(text, i, end):
                raise UnsafeFeed("the document declares XML entities (<!ENTITY>): refused")
            i = end
        elif _ENTITY_DECL.match(text, i):
            raise UnsafeFeed("the document declares XML entities (<!ENTITY>): refused")
        else:
            break  # the first element, or text that is not XML (feedparser will say)
    return text[i:]


def make_safe(data: bytes, content_type: str | None = None) -> SafeFeed:
    """Decode, drop any DTD and re-encode as UTF-8, or raise `UnsafeFeed`."""
    try:
        decoded = decode_feed(data, content_type)
    except EncodingError as exc:
        raise UnsafeFeed(str(exc)) from None
    text = decoded.text
    decl = _XML_DECL.match(text)
    standalone = _STANDALONE.search(decl.group()) if decl else None
    rest = _strip_prolog(text)
    extra = f' standalone="{standalone.group(1)}"' if standalone else ""
    out = f'<?xml version="1.0" encoding="utf-8"{extra}?>\n{rest}'
    # surrogatepass: a UTF-16 document may hold unpaired surrogates; they stay bytes
    # for feedparser to reject, never an exception here.
    return SafeFeed(out.encode("utf-8", "surrogatepass"), decoded.encoding, decoded.bad_bytes)
