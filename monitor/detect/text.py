"""Tokens and sentences of a document's normalized paragraphs, shared by the detectors.

The detectors match on the normalized text (one spelling per word) and report
offsets into the body; `Paragraph` keeps both sides through the document's
aligned text. A one-entry cache keyed on the document's identity lets the three
detectors, called one after the other on the same document, tokenize it once.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter
from typing import NamedTuple

from monitor.document import Document
from monitor.text.normalize import AlignedText

#: Numbers first (grouped thousands, decimals), then runs of letters; digits and
#: letters are split apart, so a clitic glued to a number (و200، بـ32) separates.
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:\.\d+)?|[^\W\d_]+")
#: A sentence ends at . ! ? ; | (not inside a number such as 2.5; | separates a
#: headline's label from its news: "تغطية مستمرة | ترامب يعلن ...") or at a quote
#: closing after such a mark.
_SENTENCE_END = re.compile(r"(?<!\d)[.!?;|]+(?:\s*\")?(?=\s|$)|(?<=\d)[.!?;|]+(?=\s|$)")
#: Characters that break a clause between two words.
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\[\]\"]")
_WORDS = re.compile(r"[^\W\d_]+|\d+")
#: A letter beside a digit: a word of `Document.words` that `_WORDS` splits in two.
#: Led by the digit, so the engine skips to digits in C (six times faster than
#: the plain alternation, which tries every letter).
_LETTER_DIGIT = re.compile(r"\d(?:(?<=[^\W\d_]\d)|[^\W\d_])")


class Token(NamedTuple):
    """A word of a normalized paragraph (a tuple: built by the thousand, cheaply)."""

    text: str
    start: int  # offsets in the normalized paragraph
    end: int
    #: Punctuation between the previous token and this one (a clause break).
    broken: bool


class Sentence:
    """A sentence of a normalized paragraph; its words are read on first use,
    so the many sentences a screen rules out are never tokenized."""

    __slots__ = ("_tokens", "_words", "end", "start", "text")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text  # the whole normalized paragraph
        self.start = start  # offsets in it
        self.end = end
        self._tokens: tuple[Token, ...] | None = None
        self._words: frozenset[str] | None = None

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = tuple(tokenize(self.text, self.start, self.end))
        return self._tokens

    @property
    def words(self) -> frozenset[str]:
        if self._words is None:
            self._words = frozenset(_WORDS.findall(self.text, self.start, self.end))
        return self._words


@dataclass
class Paragraph:
    """One paragraph (or the title, `index` None) seen through normalization."""

    index: int | None
    aligned: AlignedText
    body_offset: int  # where the paragraph starts in the body (0 for the title)
    #: The paragraph's words as the document split them (`Document.words`), if it did.
    split: list[str] | None = field(default=None, repr=False)

    @property
    def norm(self) -> str:
        return self.aligned.normalized

    @cached_property
    def words(self) -> frozenset[str]:
        """The distinct words (runs of letters, runs of digits), for cheap "does
        this paragraph say X" screens."""
        if self.split is not None and not _LETTER_DIGIT.search(self.aligned.normalized):
            # No word mixes letters and digits (95 % of paragraphs): the document's
            # split is this one, and it is already made.
            return frozenset(self.split)
        return frozenset(_WORDS.findall(self.aligned.normalized))

    @cached_property
    def tokens(self) -> list[Token]:
        return tokenize(self.aligned.normalized)

    @cached_property
    def sentences(self) -> list[Sentence]:
        return split_sentences(self.aligned.normalized)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """A normalized span as offsets into the body (or the title)."""
        s, e = self.aligned.span(start, end)
        return self.body_offset + s, self.body_offset + e

    def original(self, start: int, end: int) -> str:
        """The words as written for a normalized span."""
        s, e = self.aligned.span(start, end)
        return self.aligned.original[s:e]


#: The gap before a token (what no token holds, taken whole: no backtracking) and
#: the token, or the end of the text; findall returns both as strings, so the
#: offsets are counted rather than asked of a match object per token.
_GAP_AND_TOKEN = re.compile(r"([\W_]*+)(" + _TOKEN.pattern + r"|\Z)")
_new_tuple = tuple.__new__


def tokenize(normalized: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of `normalized[start:end]`, with offsets into `normalized`."""
    out: list[Token] = []
    append = out.append
    pos = start
    search = _CLAUSE_BREAK.search
    stop = len(normalized) if end is None else end
    for gap, text in _GAP_AND_TOKEN.findall(normalized, start, stop):
        if not text:
            break  # the end: only a gap was left
        s = pos + len(gap)
        pos = s + len(text)
        # Most gaps are one space; only longer ones can hold punctuation.
        # (tuple.__new__ builds the NamedTuple without its Python-level __new__.)
        append(_new_tuple(Token, (text, s, pos, len(gap) > 1 and search(gap) is not None)))
    return out


def token_texts(normalized: str) -> list[str]:
    """The texts of `tokenize(normalized)`, without offsets: one findall in C, for
    readers that only ask which words a text has (ten times cheaper)."""
    return _TOKEN.findall(normalized)


def split_sentences(normalized: str) -> list[Sentence]:
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(normalized):
        end = m.end()
        if normalized[start:end].strip():
            bounds.append((start, end))
        start = end
    if normalized[start:].strip():
        bounds.append((start, len(normalized)))
    out: list[Sentence] = []
    for s, e in bounds:
        while s < e and normalized[s] == " ":
            s += 1
        out.append(Sentence(normalized, s, e))
    return out


def paragraphs(doc: Document) -> tuple[list[Paragraph], Paragraph | None]:
    """The body paragraphs and the title (None if absent) of `doc`, built once per
    document and shared by the detectors through it."""
    cached = doc.derived.get("detect.paragraphs")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    paras = [
        Paragraph(p.index, a, p.start, w)
        for p, a, w in zip(doc.paragraphs, doc.aligned, doc.words, strict=True)
    ]
    title = Paragraph(None, doc.aligned_title, 0) if doc.aligned_title else None
    doc.derived["detect.paragraphs"] = (paras, title)
    return paras, title


_CLAUSE_MARKS = frozenset(",.;:!?")
_BROKEN = itemgetter(3)  # Token.broken, read in C


def clause_breaks(text: str, toks: Sequence[Token]) -> list[bool]:
    """Whether a clause ends before each token: a comma, colon or full stop, not
    a quotation mark (a quoted verb or predicate belongs to its clause:
    75 شخصا "قتلوا"، وقف إطلاق النار «صامد»)."""
    out = [False] * len(toks)
    # Few tokens follow punctuation: find them with `list.index` in C.
    broken = list(map(_BROKEN, toks))
    k = 0
    try:
        while True:
            k = broken.index(True, k + 1)
            gap = text[toks[k - 1].end : toks[k].start]
            out[k] = any(c in _CLAUSE_MARKS for c in gap)
    except ValueError:
        return out
