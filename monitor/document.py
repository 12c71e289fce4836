"""An item's text split into paragraphs, with offsets and normalized forms.

Built once per item and shared by deduplication and the detectors, so the
body is cleaned, split and normalized exactly once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from monitor.text.normalize import AlignedText, align, from_marked, mark, strip_html, tokens

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class ParagraphText:
    index: int
    text: str
    start: int  # offset of `text` in the document body
    end: int


@dataclass
class Document:
    """The display text of one item and its paragraphs (non-empty lines)."""

    id: str
    title: str | None
    body: str
    paragraphs: list[ParagraphText] = field(default_factory=list)
    #: Views of the document that its readers derive once and share (the
    #: detectors' paragraphs and sentences), kept with the document itself.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_text(cls, item_id: str, title: str | None, raw_body: str) -> Document:
        body = strip_html(raw_body)
        paragraphs: list[ParagraphText] = []
        for m in _LINE.finditer(body):
            line = m.group()
            stripped = line.strip()
            if not stripped:
                continue
            start = m.start() + (len(line) - len(line.lstrip()))
            paragraphs.append(
                ParagraphText(len(paragraphs), stripped, start, start + len(stripped))
            )
        clean_title = strip_html(title).strip() if title else None
        return cls(item_id, clean_title or None, body, paragraphs)

    @cached_property
    def aligned(self) -> list[AlignedText]:
        """Normalized paragraphs with offset maps, computed on first use.

        The body is normalized once, aligned character for character, and
        sliced per paragraph: one pass instead of one per paragraph.
        """
        marked = mark(self.body)
        out = []
        for p in self.paragraphs:
            aligned = from_marked(p.text, marked[p.start : p.end])
            if aligned.normalized[:1] == " " or aligned.normalized[-1:] == " ":
                aligned = align(p.text)  # an invisible mark at the paragraph's edge
            out.append(aligned)
        return out

    @cached_property
    def words(self) -> list[list[str]]:
        """Each paragraph's words (`tokens` of its normalized text), split once:
        dedup hashes them and the detectors' word screens are built from them."""
        return [tokens(a.normalized) for a in self.aligned]

    @cached_property
    def aligned_title(self) -> AlignedText | None:
        return align(self.title) if self.title else None

    def body_span(self, paragraph: int, start: int, end: int) -> tuple[int, int]:
        """Map a span of a paragraph's normalized text to offsets in the body."""
        s, e = self.aligned[paragraph].span(start, end)
        base = self.paragraphs[paragraph].start
        return base + s, base + e
