"""The words a document is split into once are the words each reader would have
split for itself: the detectors' word screens, the story key's phrase matches and
the accident test see the same words through the shared splits."""

from __future__ import annotations

import json
import random
import time
from pathlib import Path

from monitor.alerts.story import CONFLICTS
from monitor.detect.text import (
    _CLAUSE_BREAK,
    _TOKEN,
    _WORDS,
    Token,
    paragraphs,
    token_texts,
    tokenize,
)
from monitor.document import Document
from monitor.text.normalize import normalize

GOLD = Path(__file__).resolve().parents[3] / "monitor" / "evaluation" / "gold"

#: Letters glued to digits (و200، بـ32، 2019م), grouped and decimal numbers, marks
#: deleted by normalization between letters and digits, punctuation, underscores.
_POOL = [
    "و200",
    "بـ32",
    "2019م",
    "١٬٢٠٠",
    "3.5",
    "1,250",
    "قتيلا",
    "أرمينيا",
    "قره",
    "باغ",
    "ناغورني",
    "كشمير",
    "باكستان",
    "الهند",
    "غزة",
    "،",
    "«",
    "_x",
    "ً",
    "\u200c",
    "²",
    "a1b",
    " ",
    "\n",
]


def _gold_bodies() -> list[tuple[str | None, str]]:
    out = []
    for path in sorted(GOLD.glob("round*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)["item"]
            out.append((item.get("title"), item["body"]))
    return out


def _random_bodies(count: int) -> list[tuple[str | None, str]]:
    rng = random.Random(11)
    return [
        (
            "".join(rng.choice(_POOL) for _ in range(rng.randint(0, 6))),
            "".join(rng.choice(_POOL) for _ in range(rng.randint(1, 40))),
        )
        for _ in range(count)
    ]


def test_paragraph_words_from_the_document_split_equal_a_split_of_their_own() -> None:
    mixed = 0
    for title, body in _gold_bodies() + _random_bodies(2000):
        doc = Document.from_text("x", title, body)
        paras, _ = paragraphs(doc)
        for p in paras:
            assert p.split is not None
            assert p.words == frozenset(_WORDS.findall(p.norm)), p.norm
            mixed += any(c.isdigit() for w in p.words for c in w) and any(
                not c.isdigit() for w in p.split for c in w
            )
    assert mixed > 100  # the letters-beside-digits case was exercised


def test_token_texts_are_the_texts_of_tokenize() -> None:
    for title, body in _gold_bodies() + _random_bodies(1000):
        for text in (normalize(title or ""), normalize(body)):
            assert token_texts(text) == [t.text for t in tokenize(text)]


def test_phrase_payloads_are_what_find_finds() -> None:
    found = 0
    for title, body in _gold_bodies() + _random_bodies(2000):
        for text in (normalize(title or ""), normalize(body[:1500])):
            expected = [m.payload for m in CONFLICTS.find(tokenize(text))]
            assert CONFLICTS.payloads(token_texts(text)) == expected
            found += len(expected)
    assert found > 100


def _reference_tokenize(normalized: str, start: int = 0, end: int | None = None) -> list[Token]:
    """`tokenize` as first written: one match object per token."""
    out: list[Token] = []
    prev = start
    for m in _TOKEN.finditer(normalized, start, len(normalized) if end is None else end):
        s, e = m.span()
        broken = s - prev > 1 and _CLAUSE_BREAK.search(normalized, prev, s) is not None
        out.append(Token(m.group(), s, e, broken))
        prev = e
    return out


def test_tokenize_gives_the_tokens_of_one_match_per_token() -> None:
    rng = random.Random(5)
    for title, body in _gold_bodies() + _random_bodies(2000):
        for text in (normalize(title or ""), normalize(body), body):
            assert tokenize(text) == _reference_tokenize(text)
            a = rng.randint(0, len(text))
            b = rng.randint(a, len(text))
            assert tokenize(text, a, b) == _reference_tokenize(text, a, b)
            assert all(type(t) is Token for t in tokenize(text))


def test_tokenize_is_linear_on_a_long_run_of_punctuation() -> None:
    text = "كلمة" + " ." * 200_000  # a quadratic scan of the tail would take minutes
    started = time.process_time()
    assert [t.text for t in tokenize(text)] == ["كلمة"]
    assert time.process_time() - started < 2.0
