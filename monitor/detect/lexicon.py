"""Loading the detector lexicons from `monitor/data/*.json`.

The files hold words as a reader prints them (with hamza, teh marbuta, alef
maqsura); everything here normalizes them with the same rules as the text, so
a lexicon entry and a word in an article compare equal whatever the spelling.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from functools import cache, lru_cache
from importlib import resources
from typing import Any, TypeVar

from monitor.text.normalize import normalize, tokens

T = TypeVar("T")

#: One-letter proclitics (and, so, with/in, for, like) and their common pairs.
#: Names and nouns take them without a space: بقره باغ، ولاتشين، وبحسب.
CLITICS_1 = frozenset("وفبلك")
CLITICS_2 = frozenset({"وب", "ول", "فب", "فل", "وك", "فك", "لل"})
#: The article with or without a clitic in front of it (ال، وال، بال، فال، كال).
ARTICLES = ("وال", "بال", "فال", "كال", "ال")
#: What a definite word starts with: the article (behind a clitic or not), or لل.
DEFINITE = (*ARTICLES, "لل")


#: Every prefix a word of a lexicon may carry in a text: nothing, one or two
#: clitics, the article with or without a clitic.
PREFIXES = ("", *sorted(CLITICS_1), *sorted(CLITICS_2), *ARTICLES)


def screen(words: Iterable[str], articles: bool = True) -> frozenset[str]:
    """Every form the words can take in a text (behind a clitic, a pair of them,
    or the article when `articles`): a word of a text is in the vocabulary, or
    may be, when it is in this set, at the cost of one look-up. Screens test
    many words of every item; the exact test (`clitic_variants`) follows."""
    prefixes = PREFIXES if articles else ("", *sorted(CLITICS_1), *sorted(CLITICS_2))
    return frozenset(p + w for w in words for p in prefixes)


@cache
def load(name: str) -> dict[str, Any]:
    """The parsed JSON lexicon `monitor/data/<name>.json` (cached)."""
    text = resources.files("monitor").joinpath("data", f"{name}.json").read_text("utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError(f"lexicon {name}.json must hold a JSON object")
    return data


def norm_word(word: str) -> str:
    """A lexicon word in the normalized form words of the text take."""
    return normalize(word)


def norm_phrase(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as a tuple of normalized words."""
    return tuple(tokens(normalize(phrase)))


def norm_set(words: Iterable[str]) -> frozenset[str]:
    """Normalized single words; multi-word entries are split into their words."""
    return frozenset(w for phrase in words for w in norm_phrase(phrase))


def norm_phrases(phrases: Iterable[str]) -> list[tuple[str, ...]]:
    """Normalized phrases, longest first (so the longest match wins)."""
    out = {norm_phrase(p) for p in phrases}
    out.discard(())
    return sorted(out, key=lambda t: (-len(t), t))


@lru_cache(maxsize=1 << 16)
def clitic_variants(word: str, articles: bool = False, min_rest: int = 3) -> tuple[str, ...]:
    """`word` and what is left of it after removing a proclitic (and ال).

    Only strips when at least `min_rest` letters remain, so short words such as
    بل or ول are not taken for a clitic plus a root; callers that look the
    remainder up in a closed word list can allow two (وحث -> حث).
    """
    out = [word]
    n = len(word)
    if n > min_rest and word[0] in CLITICS_1:
        out.append(word[1:])
    if n >= min_rest + 2 and word[:2] in CLITICS_2:
        out.append(word[2:])
    if articles:
        for art in ARTICLES:
            if word.startswith(art) and n - len(art) >= min_rest:
                out.append(word[len(art) :])
                break
    return tuple(out)


@lru_cache(maxsize=1 << 16)
def member(word: str, vocabulary: frozenset[str], articles: bool = False) -> bool:
    """Whether `word`, bare or behind at most one clitic (or ال when
    `articles`), is in `vocabulary`. Cached on the word and the set: a frozenset
    keeps its hash, so the key is cheap."""
    return any(v in vocabulary for v in clitic_variants(word, articles=articles, min_rest=2))


class WordMemo(dict[str, T]):
    """A pure function of one word, remembered per word. The detectors' hot loops
    ask it of every word of a sentence; a dict hit (in C, and with `map` no Python
    frame at all) costs a fraction of a call to an `lru_cache`d function, whose
    key is a tuple built per call. Cleared when full, to stay bounded."""

    __slots__ = ("function", "limit")

    def __init__(self, function: Callable[[str], T], limit: int = 1 << 17) -> None:
        super().__init__()
        self.function = function
        self.limit = limit

    def __missing__(self, word: str) -> T:
        if len(self) >= self.limit:
            self.clear()
        value = self[word] = self.function(word)
        return value
