"""A generic matcher for the casualty constructions written as data.

`monitor/data/constructions.json` lists constructions as sequences of slots
(a word among some, a gap of a few words, the counted people, a casualty
noun); this module only knows how to match slots. What a "FIGURE" is (a
number, a dual, a singular people-word with its adjectives) and what counts as
a count inside a gap are the caller's, so the same matcher serves any
construction without knowing Arabic number grammar.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from monitor.detect.lexicon import clitic_variants, load, norm_set, screen


@dataclass(frozen=True, slots=True)
class Slot:
    kind: str  # any | gap | figure | kind_noun
    words: frozenset[str] = frozenset()
    size: int = 0
    commas: bool = False
    #: Words a gap may not run over (the part of the people that "بعضهم" opens).
    stops: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Construction:
    name: str
    kind: str  # a casualty kind, or "@noun": the kind of its kind_noun slot
    slots: tuple[Slot, ...]
    #: Words one of which the sentence must hold (screens a FIGURE-first construction).
    requires: frozenset[str] = frozenset()
    #: Its FIGURE must be a number: a singular people-word is not read as one.
    counted: bool = False
    #: Words that, anywhere in the sentence, say it is about something else
    #: (patients treated for an illness are no wounded).
    unless: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Match:
    construction: Construction
    kind: str
    trigger: int  # token index of the first slot
    figure: Any  # what the figure parser returned
    figure_first: int
    figure_last: int


#: (words, i) -> (parsed figure, index of its last word) or None.
FigureParser = Callable[[Sequence[str], int], "tuple[Any, int] | None"]
#: word -> casualty kind of a noun, or None.
KindNoun = Callable[[str], "str | None"]
#: (words, i) -> whether words[i] is a count (a gap may not run over one).
IsCount = Callable[[Sequence[str], int], bool]


def _slot(raw: Any) -> Slot:
    if raw == "FIGURE":
        return Slot("figure")
    if "any" in raw:
        return Slot("any", words=norm_set(raw["any"]))
    if "gap" in raw:
        return Slot(
            "gap",
            size=int(raw["gap"]),
            commas=bool(raw.get("commas", False)),
            stops=norm_set(raw.get("stops", [])),
        )
    if raw.get("kind_noun"):
        return Slot("kind_noun")
    raise ValueError(f"unknown construction slot {raw!r}")


def load_constructions() -> tuple[Construction, ...]:
    data = load("constructions")["constructions"]
    return tuple(
        Construction(
            c["name"],
            c["kind"],
            tuple(_slot(s) for s in c["slots"]),
            norm_set(c.get("requires", [])),
            bool(c.get("counted", False)),
            screen(norm_set(c.get("unless", [])), articles=True),
        )
        for c in data
    )


CONSTRUCTIONS = load_constructions()
_WORD_LED = tuple(c for c in CONSTRUCTIONS if c.slots[0].kind == "any")
_FIGURE_LED = tuple(c for c in CONSTRUCTIONS if c.slots[0].kind == "figure")
#: Led by the casualty noun they count ("شهداء الحرب الذين يقارب عددهم ...").
_NOUN_LED = tuple(c for c in CONSTRUCTIONS if c.slots[0].kind == "kind_noun")
for _c in (*_FIGURE_LED, *_NOUN_LED):
    if not _c.requires:
        raise ValueError(f"construction {_c.name!r} does not start with a word: give 'requires'")
#: Every word a construction can start with (or requires), for a cheap screen.
FIRST_WORDS = frozenset(w for c in _WORD_LED for w in c.slots[0].words) | frozenset(
    w for c in (*_FIGURE_LED, *_NOUN_LED) for w in c.requires
)
#: The words that tell a sentence may hold a construction: a word-led one's first
#: word, or the required word of one without a casualty noun of its own (one with
#: a casualty noun is screened by that noun; "بين" alone would let every sentence in).
SIGNAL_WORDS = frozenset(w for c in _WORD_LED for w in c.slots[0].words) | frozenset(
    w
    for c in (*_FIGURE_LED, *_NOUN_LED)
    if not any(s.kind == "kind_noun" for s in c.slots)
    for w in c.requires
)
#: The same with the one-letter clitics they may carry (one set look-up a word).
_FIRST_SCREEN = screen(FIRST_WORDS, articles=False)
_REQUIRED_SCREEN = screen(
    frozenset(w for c in (*_FIGURE_LED, *_NOUN_LED) for w in c.requires), articles=False
)
for _c in (*_FIGURE_LED, *_NOUN_LED):
    if any(len(w) < 2 for w in _c.requires):
        # (`clitic_variants` strips a clitic only off a word of two letters or
        # more, which the forms below take for granted)
        raise ValueError(f"construction {_c.name!r} requires a one-letter word")
#: Each construction with its required words in every form behind a clitic: a
#: word of a text has one of them as a clitic variant exactly when it is a form.
_FIGURE_LED_FORMS = [(c, screen(c.requires, articles=False)) for c in _FIGURE_LED]
_NOUN_LED_FORMS = [(c, screen(c.requires, articles=False)) for c in _NOUN_LED]
#: A word-led construction's 'requires': one of these words, in any form, must
#: stand somewhere in the sentence (people handed over in an exchange).
_WITHIN = {c.name: screen(c.requires, articles=True) for c in _WORD_LED if c.requires}
#: A word as written (bare or behind a clitic) -> the constructions it can start.
_STARTS: dict[str, tuple[Construction, ...]] = {}
for _c in _WORD_LED:
    for _w in _c.slots[0].words:
        for _form in (_w, *(c + _w for c in "وفبل")):
            _STARTS[_form] = (*_STARTS.get(_form, ()), _c)


def _word_in(word: str, words: frozenset[str]) -> bool:
    return any(v in words for v in clitic_variants(word, articles=False, min_rest=2))


def find(
    words: Sequence[str],
    breaks: Sequence[bool],
    figure_at: FigureParser,
    kind_of_noun: KindNoun,
    is_count: IsCount,
    could_start: Callable[[str], bool] | None = None,
) -> list[Match]:
    """Every construction match in a sentence's words, left to right (`could_start`:
    a cheap test of a word that may begin a FIGURE, to spare the parser)."""
    out: list[Match] = []
    n = len(words)
    if _FIRST_SCREEN.isdisjoint(words):
        return out
    # The constructions whose required word the sentence has, bare or behind a
    # clitic: one set operation each against its required words in every form.
    if _REQUIRED_SCREEN.isdisjoint(words):
        figure_led: list[Construction] = []
        noun_led: list[Construction] = []
    else:
        figure_led = [c for c, forms in _FIGURE_LED_FORMS if not forms.isdisjoint(words)]
        noun_led = [c for c, forms in _NOUN_LED_FORMS if not forms.isdisjoint(words)]
    # The per-word tests by `map` (in C when they are cached look-ups), and the
    # loop below only at the words where some construction can start.
    word_led = list(map(_STARTS.get, words))
    nouns = list(map(kind_of_noun, words)) if noun_led else [None] * n
    figures = (
        list(map(could_start, words))
        if figure_led and could_start is not None
        else [bool(figure_led)] * n
    )
    for i in range(n):
        if word_led[i] is None and nouns[i] is None and not figures[i]:
            continue
        starts = word_led[i] or ()
        if nouns[i] is not None:
            starts = (*starts, *noun_led)
        if figures[i]:
            starts = (*starts, *figure_led)
        for c in starts:
            if c.unless and not c.unless.isdisjoint(words):
                continue
            if c.name in _WITHIN and _WITHIN[c.name].isdisjoint(words):
                continue
            m = _match(c, words, breaks, i, figure_at, kind_of_noun, is_count)
            if m is not None:
                out.append(m)
    return out


def _match(
    c: Construction,
    words: Sequence[str],
    breaks: Sequence[bool],
    start: int,
    figure_at: FigureParser,
    kind_of_noun: KindNoun,
    is_count: IsCount,
) -> Match | None:
    n = len(words)
    state: dict[str, Any] = {"kind": None if c.kind == "@noun" else c.kind}

    def go(s: int, i: int) -> bool:
        if s == len(c.slots):
            return True
        slot = c.slots[s]
        if slot.kind == "gap":
            # lazily: the shortest gap that lets the rest match
            for j in range(i, min(n, i + slot.size) + 1):
                if j > i and (
                    is_count(words, j - 1)
                    or (breaks[j - 1] and j - 1 > i and not slot.commas)
                    or words[j - 1] in slot.stops
                ):
                    break
                if go(s + 1, j):
                    return True
            return False
        if i >= n:
            return False
        if slot.kind == "any":
            return _word_in(words[i], slot.words) and go(s + 1, i + 1)
        if slot.kind == "kind_noun":
            kind = kind_of_noun(words[i])
            if kind is None:
                return False
            if state["kind"] is None:
                state["kind"] = kind
            return go(s + 1, i + 1)
        # figure
        parsed = figure_at(words, i)
        if parsed is None:
            return False
        state["figure"], state["first"], state["last"] = parsed[0], i, parsed[1]
        return go(s + 1, parsed[1] + 1)

    if not go(0, start) or state.get("kind") is None or "figure" not in state:
        return None
    return Match(c, state["kind"], start, state["figure"], state["first"], state["last"])
