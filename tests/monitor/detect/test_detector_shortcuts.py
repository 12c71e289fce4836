"""The detectors' shortcuts give the answers of the work they spare.

`_figures` passes over a word that `_may_count` rules out instead of asking
each of its tests in turn; `_may_count` rules most words out by a set look-up
and their endings before the exact test; the per-word memo answers as the
function it remembers. Each is compared here with the long way, on every word
and item of the gold rounds and on look-alikes built from the lexicons (every
clitic and article in front, the dual, plural, accusative and possessive
endings behind, a letter cut at either end).
"""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

import monitor.detect.casualties as casualties
import monitor.detect.ceasefire as ceasefire
from monitor.detect import constructions
from monitor.detect.lexicon import PREFIXES, WordMemo, clitic_variants
from monitor.detect.numbers import NUMBER_WORDS, VAGUE
from monitor.detect.text import Token, clause_breaks, split_sentences, tokenize
from monitor.document import Document
from monitor.text.normalize import normalize, tokens

GOLD = Path(__file__).resolve().parents[3] / "monitor" / "evaluation" / "gold"
_ENDINGS = ("", "ان", "ين", "ا", "ها", "هم", "نا", "ة", "ون", "ات")


def _gold_items() -> list[dict[str, Any]]:
    items = []
    for path in sorted(GOLD.glob("round*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                items.append(json.loads(line)["item"])
    return items


def _lookalikes() -> set[str]:
    stems = {
        *casualties.DUALS,
        *casualties.PERSON_DUALS,
        *casualties.PERSON_SINGULARS,
        *casualties.PERSONS,
        *casualties.ORDINAL_ONE,
        *casualties._ONE_OF,
        *casualties._ONE_OF_THEM,
        *NUMBER_WORDS,
        *VAGUE,
        *casualties.NOUNS,
        *casualties.VERBS,
    }
    out: set[str] = set()
    for stem in stems:
        for cut in (stem, stem[1:], stem[:-1]):
            if not cut:
                continue
            for prefix in PREFIXES:
                for ending in _ENDINGS:
                    out.add(prefix + cut + ending)
    return out


def _gold_words() -> set[str]:
    out: set[str] = set()
    for item in _gold_items():
        for text in (item.get("title") or "", item["body"]):
            out.update(tokens(normalize(text)))
    return out


def test_the_screen_of_may_count_never_rules_out_a_word_the_exact_test_keeps() -> None:
    words = _lookalikes() | _gold_words() | {"5", "1,200", "و200", "جنديان", "الجنديين"}
    kept = 0
    for word in words:
        assert casualties._may_count(word) == casualties._may_count_exactly(word), word
        kept += casualties._may_count(word)
    # the look-alikes are mostly words the scan must stop at: the test has teeth
    assert kept > 10_000


class _Everything:
    """A screen that lets every word through (the long way)."""

    def __contains__(self, word: object) -> bool:
        return True

    def isdisjoint(self, words: object) -> bool:
        return False


class _Always(dict[str, bool]):
    """A `_MAY_COUNT` that stops the scan at every word (the long way)."""

    def __missing__(self, word: str) -> bool:
        return True


def _figures_of(items: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    out = []
    for item in items:
        doc = Document.from_text(item.get("id", ""), item.get("title"), item["body"])
        out.append([f.model_dump() for f in casualties.detect_casualties(doc, 2023)])
    return out


def test_passing_over_words_that_cannot_count_finds_the_same_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    items = _gold_items()
    fast = _figures_of(items)
    monkeypatch.setattr(casualties, "_MAY_COUNT", _Always())
    monkeypatch.setattr(casualties, "_NOUN_KIND", WordMemo(casualties._noun_kind, limit=1))
    monkeypatch.setattr(casualties, "_KINDS_BEFORE", WordMemo(casualties._kinds_before, limit=1))
    for name in ("_SOURCE_MARKER_FORMS", "_REPORTING_FORMS", "_CUMULATIVE_FORMS"):
        monkeypatch.setattr(casualties, name, _Everything())
    slow = _figures_of(items)
    assert fast == slow
    assert sum(map(len, fast)) > 500  # the gold rounds state many figures


def test_a_qualifier_is_found_by_its_first_word_as_by_trying_every_phrase(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentences = [
        ["قتل", *phrase, number, "جنود"]
        for phrase, _ in casualties.QUALIFIERS
        for number in ("5", "عشرات", "ثلاثة")
    ]
    fast = [casualties._construction_figure(words, 1) for words in sentences]
    # the long way: every phrase tried at any word
    every_phrase = dict.fromkeys({w for ws in sentences for w in ws}, casualties.QUALIFIERS)
    monkeypatch.setattr(casualties, "_QUALIFIERS_BY_FIRST", every_phrase)
    slow = [casualties._construction_figure(words, 1) for words in sentences]
    assert fast == slow
    assert sum(f is not None and f[0][1] != "exact" for f in fast) > len(sentences) // 2


def test_a_word_memo_answers_as_its_function_and_stays_bounded() -> None:
    calls: list[str] = []

    def length(word: str) -> int:
        calls.append(word)
        return len(word)

    memo = WordMemo(length, limit=3)
    assert [memo[w] for w in ("قتل", "جنود", "قتل")] == [3, 4, 3]
    assert calls == ["قتل", "جنود"]  # the second "قتل" was remembered
    for word in ("a", "bb", "ccc", "dddd"):
        assert memo[word] == len(word)
    assert len(memo) <= 3


class _EveryFigurativePhrase:
    def get(self, word: str, default: object = None) -> list[tuple[str, ...]]:
        return ceasefire.FIGURATIVE_PHRASES


def _statements_of(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        doc = Document.from_text(item.get("id", ""), item.get("title"), item["body"])
        out.append(ceasefire.detect_ceasefire(doc, 2023).model_dump())
    return out


def test_the_ceasefire_screens_find_the_same_statements(monkeypatch: pytest.MonkeyPatch) -> None:
    """Split triggers (وقف فوري وغير مشروط لإطلاق النار) and figurative truces
    (هدنة إعلامية) found through their screens are those found by trying every
    word and every phrase."""
    items = _gold_items()
    lookalikes = [
        f"أعلن الطرفان {p}وقف فوري وغير مشروط {t}لإطلاق النار في {w}"
        for p in ("", "و", "ب", "ال")
        for t in ("", "و")
        for w in ("قره باغ", "الحرب", "الأسعار")
    ] + [
        f"دعا إلى {' '.join(phrase)} بين الصحف ووقف إطلاق النار {w}"
        for phrase in ceasefire.FIGURATIVE_PHRASES
        for w in ("", "في الحرب", "والمعارك")
    ]
    items += [{"id": f"x{k}", "title": None, "body": body} for k, body in enumerate(lookalikes)]
    fast = _statements_of(items)
    monkeypatch.setattr(ceasefire, "_SPLIT_HEAD_FORMS", _Everything())
    monkeypatch.setattr(ceasefire, "_WAR_CONTEXT_FORMS", _Everything())
    monkeypatch.setattr(ceasefire, "_FIGURATIVE_FIRST", _Everything())
    monkeypatch.setattr(ceasefire, "_FIGURATIVE_BY_FIRST", _EveryFigurativePhrase())
    monkeypatch.setattr(ceasefire, "_PAIR_CUE_FORMS", _Everything())
    slow = _statements_of(items)
    assert fast == slow
    assert sum(len(r["statements"]) for r in fast) > 300


def test_clause_breaks_found_by_index_are_those_of_reading_every_gap() -> None:
    """`clause_breaks` looks only behind the tokens that follow punctuation; it
    answers as reading the gap before every token does (a comma, a full stop, not
    a quotation mark; a gap of one mark glued between two words is no break)."""

    def every_gap(text: str, toks: list[Token]) -> list[bool]:
        out = [False] * len(toks)
        for k in range(1, len(toks)):
            if toks[k].broken:
                gap = text[toks[k - 1].end : toks[k].start]
                out[k] = any(c in ",.;:!?" for c in gap)
        return out

    texts = [normalize(t) for item in _gold_items() for t in item["body"].split("\n")]
    texts += ["قتل 5، وأصيب 3", 'قالوا: "قتل" 5', "أ،ب ،ج , د", "«صامد» .", "", "،"]
    breaks = 0
    for text in texts:
        for sent in [*split_sentences(text), None]:
            toks = tokenize(text, sent.start, sent.end) if sent else tokenize(text)
            expected = every_gap(text, toks)
            assert clause_breaks(text, toks) == expected, text
            breaks += sum(expected)
    assert breaks > 1000


def test_a_cue_read_by_its_word_alone_is_the_cue_read_with_the_next_word() -> None:
    """`_cue_of` skips the tests of the next word (انتهى بـ، أنهى الحرب، تجميد
    الحرب، تعلق على) for words that cannot pass them, and remembers the rest by
    word: it answers as the full test for every pair of neighbours."""
    words = sorted(_gold_words())
    cue_words = {
        *ceasefire.EXACT_CUES,
        *(p for p, _ in ceasefire.PREFIX_CUES),
        *ceasefire._ENDED,
        *ceasefire._ENDING,
        *ceasefire._FREEZING,
        *ceasefire.COMMENT_VERBS,
    }
    forms = sorted({p + w for w in cue_words for p in PREFIXES} | {"كامل", "وكامل"})
    nexts = ["بالاتفاق", "باتفاق", "الحرب", "حربا", "والحرب", ceasefire._ON, "على", "وقف", ""]
    pairs = [(w, n) for w in forms for n in nexts] + list(pairwise(words))
    found = 0
    for word, next_word in pairs:
        expected = ceasefire._pair_cue(word, next_word)
        assert ceasefire._cue_of(word, next_word) == expected, (word, next_word)
        found += expected is not None
    assert found > 1000


def test_a_constructions_required_word_is_seen_in_its_forms_as_by_its_clitic_variants() -> None:
    """`constructions.find` keeps a construction when a word of the sentence is one
    of its required words' forms (bare, behind one or two clitics): exactly when
    the word, a clitic taken off, is a required word."""
    pairs = constructions._FIGURE_LED_FORMS + constructions._NOUN_LED_FORMS
    required = {w for c, _ in pairs for w in c.requires}
    words = _gold_words() | {
        p + cut + e
        for w in required
        for cut in (w, w[1:], w[:-1])
        for p in PREFIXES
        for e in ("", "ه", "ا")
    }
    kept = 0
    for construction, forms in pairs:
        for word in words:
            by_variants = any(v in construction.requires for v in clitic_variants(word, min_rest=2))
            assert (word in forms) == by_variants, (construction.name, word)
            kept += by_variants
    assert kept > 100
