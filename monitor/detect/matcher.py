"""A multi-pattern phrase matcher over word tokens.

Phrases (tuples of normalized words) are indexed by their first word, so a
text is scanned once, with one dictionary look-up per word (and per clitic
variant of it); only the few phrases that share a first word are compared.
This scales to a large gazetteer where one regex alternation would try every
name at every position. Matching whole tokens gives word boundaries for free:
كارباخال is one token and never matches كارباخ.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from monitor.detect.lexicon import CLITICS_1, CLITICS_2, clitic_variants
from monitor.detect.text import Token

P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[P]):
    first: int  # token index of the first word
    last: int  # token index of the last word (inclusive)
    start: int  # offsets in the normalized text (clitic excluded)
    end: int
    payload: P


class PhraseMatcher(Generic[P]):
    """Leftmost-longest, non-overlapping matches of many phrases."""

    def __init__(
        self,
        phrases: Iterable[tuple[tuple[str, ...], P]],
        clitics: bool = True,
        generic: frozenset[str] = frozenset(),
    ):
        self._index: dict[str, list[tuple[tuple[str, ...], P]]] = {}
        for words, payload in phrases:
            if not words:
                raise ValueError("empty phrase in the matcher's lexicon")
            self._index.setdefault(words[0], []).append((words, payload))
        for entries in self._index.values():
            entries.sort(key=lambda e: -len(e[0]))
        self.clitics = clitics
        # The screen needs one word per phrase that a text must contain: for a
        # longer phrase its last word that is not `generic` (a word common in
        # any text: منطقة, مدينة), for one word that word with each clitic
        # glued on. One set operation in C then rules out most paragraphs.
        screen: set[str] = set()
        for entries in self._index.values():
            for words, _ in entries:
                if len(words) > 1:
                    rare = [w for w in words[1:] if w not in generic]
                    screen.add(rare[-1] if rare else words[-1])
                else:
                    screen.add(words[0])
                    if clitics:
                        screen.update(c + words[0] for c in (*CLITICS_1, *CLITICS_2))
                        screen.update(_lam_forms(words[0]))
        self._screen = frozenset(screen)
        # Every token that can begin a match: a first word, bare or with a
        # clitic glued on. Most tokens are not, and are skipped with one set
        # look-up instead of computing their clitic variants.
        starts = set(self._index)
        if clitics:
            for first in self._index:
                starts.update(c + first for c in (*CLITICS_1, *CLITICS_2))
                starts.update(_lam_forms(first))
        self._starts = frozenset(starts)

    def screen(self, words: frozenset[str]) -> bool:
        """False when no phrase can occur in a text with these words (cheap)."""
        return not self._screen.isdisjoint(words)

    def find(self, toks: Sequence[Token]) -> list[PhraseMatch[P]]:
        return [
            PhraseMatch(first, last, toks[first].start + clitic, toks[last].end, payload)
            for first, last, clitic, payload in self._scan([t.text for t in toks])
        ]

    def payloads(self, words: Sequence[str]) -> list[P]:
        """What `find` would find, payloads only, in a text given as its token texts
        (`token_texts`): no offsets, so no `Token` needs building."""
        return [payload for _, _, _, payload in self._scan(words)]

    def _scan(self, words: Sequence[str]) -> list[tuple[int, int, int, P]]:
        """(first token, last token, length of the clitic before the first word,
        payload) of each match, leftmost-longest, not overlapping."""
        out: list[tuple[int, int, int, P]] = []
        n = len(words)
        i = 0
        index = self._index
        starts = self._starts
        while i < n:
            tok = words[i]
            if tok not in starts:
                i += 1
                continue
            found: tuple[int, int, int, P] | None = None
            variants = clitic_variants(tok) if self.clitics else (tok,)
            if self.clitics and tok.startswith("لل"):
                variants = (*variants, *_definite_behind_lam(tok))
            for v in variants:
                entries = index.get(v)
                if not entries:
                    continue
                for phrase, payload in entries:
                    k = len(phrase)
                    if i + k > n:
                        continue
                    if all(words[i + m] == phrase[m] for m in range(1, k)):
                        # (a definite word behind ل, للإقليم for الإقليم, is
                        # shown whole: its clitic took the article's alif)
                        found = (i, i + k - 1, max(len(tok) - len(v), 0), payload)
                        break
                if found:
                    break
            if found:
                out.append(found)
                i = found[1] + 1
            else:
                i += 1
        return out


def _lam_forms(word: str) -> tuple[str, ...]:
    """How a definite word is written behind ل, which takes the article's alif
    (الإقليم -> للإقليم) or, before a word in ل, the whole article (اللجنة -> للجنة)."""
    if not word.startswith("ال") or len(word) < 4:
        return ()
    return ("لل" + word[2:], "ل" + word[2:]) if word[2] == "ل" else ("لل" + word[2:],)


def _definite_behind_lam(tok: str) -> tuple[str, ...]:
    """The definite words a word in لل may be behind ل (the inverse of `_lam_forms`)."""
    if len(tok) < 5:
        return ()
    return ("ال" + tok[2:], "ال" + tok[1:])
