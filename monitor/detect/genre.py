"""What kind of piece an item is, where that decides what its words mean.

A review of a film or a game tells of truces and deaths that never happened:
its headline says so, and both the ceasefire and the casualty detectors read it
from there (`monitor/data/genre.json`).
"""

from __future__ import annotations

from collections.abc import Sequence

from monitor.detect.lexicon import load, member, norm_set
from monitor.detect.text import Paragraph

_DATA = load("genre")
MEDIA = norm_set(_DATA["media"])
REVIEW = norm_set(_DATA["review"])
PLOT = norm_set(_DATA["plot"])
DOCUMENTARY = norm_set(_DATA["documentary"])


def reviews_a_work(title: Paragraph | None) -> bool:
    """Whether the headline reviews a work of fiction (a film, a game, a series,
    a novel): مراجعة لعبة «جبهة الشتاء». A work named without a review word (a
    documentary, a game that killed real children) is news like any other."""
    if title is None:
        return False
    words = [t.text for t in title.tokens]
    return any(member(w, MEDIA, articles=True) for w in words) and any(
        member(w, REVIEW, articles=True) for w in words
    )


def names_a_work(title: Paragraph | None) -> bool:
    """The headline names a film, a game, a series or a novel (not a documentary)."""
    if title is None:
        return False
    words = [t.text for t in title.tokens]
    return any(member(w, MEDIA, articles=True) for w in words) and not any(
        member(w, DOCUMENTARY, articles=True) for w in words
    )


def tells_the_plot(words: Sequence[str]) -> bool:
    """A sentence that tells a work's plot ("ثلاثة قتلى سقطوا في الحكاية"): in an
    item whose headline names the work, its dead are fiction."""
    return any(member(w, PLOT, articles=True) for w in words) and not any(
        member(w, DOCUMENTARY, articles=True) for w in words
    )
