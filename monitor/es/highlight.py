"""Show a search highlight in the words as written.

Elasticsearch highlights the normalized field (that is what the query
matches), so its fragments read "مسوول ارمني في الاقليم" where the article says
"مسؤول أرمني في الإقليم". An analyst should see the article's own words: each
fragment is located in the normalized paragraph it came from and mapped back
to the original paragraph through the normalizer's offset map.
"""

from __future__ import annotations

import re

from monitor.text.normalize import align

_EM = re.compile(r"<em>(.*?)</em>", re.S)


def _plain(fragment: str) -> tuple[str, list[tuple[int, int]]]:
    """The fragment without tags, and the spans of its highlighted words."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    length = 0
    for m in _EM.finditer(fragment):
        before = fragment[pos : m.start()]
        plain.append(before)
        length += len(before)
        plain.append(m.group(1))
        spans.append((length, length + len(m.group(1))))
        length += len(m.group(1))
        pos = m.end()
    plain.append(fragment[pos:])
    return "".join(plain), spans


def original_fragment(fragment: str, body: str, mark: tuple[str, str] = ("«", "»")) -> str | None:
    """`fragment` (from the normalized body) in the body's own words, with the
    highlighted words wrapped in `mark`; None when it cannot be located."""
    text, spans = _plain(fragment)
    needle = text.strip()
    if not needle:
        return None
    lead = len(text) - len(text.lstrip())
    for line in body.splitlines():
        paragraph = line.strip()
        if not paragraph:
            continue
        aligned = align(paragraph)
        at = aligned.normalized.find(needle)
        if at < 0:
            continue
        offset = at - lead
        start, end = aligned.span(at, at + len(needle))
        out: list[str] = []
        cursor = start
        for s, e in spans:
            os_, oe = aligned.span(max(offset + s, at), min(offset + e, at + len(needle)))
            out.append(paragraph[cursor:os_])
            out.append(mark[0] + paragraph[os_:oe] + mark[1])
            cursor = oe
        out.append(paragraph[cursor:end])
        return "".join(out)
    return None
