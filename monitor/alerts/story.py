"""Stories: the articles about one event, and the facts already alerted for it.

The grouping rule is deliberately simple and documented, because consumers
need to predict it: an article belongs to the open story of its *conflict*
(Karabakh if the Karabakh detector says so, else the conflict whose places
and actors it names most, the title counting triple); a story stays open
while articles keep coming within `story_gap` seconds of each other, and a new
one starts after a quiet spell. An article that names no known conflict forms
a story of its own. A republished copy joins the story of the article it
copies. Finer grouping (by incident) would need event extraction the
detectors do not do; per-claimant figures make the coarse grouping safe: two
incidents' tolls from different claimants never overwrite each other.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from monitor.detect.lexicon import clitic_variants, load, norm_phrase, norm_set, norm_word, screen
from monitor.detect.matcher import PhraseMatcher
from monitor.detect.text import token_texts
from monitor.text.normalize import normalize
from schemas.analysis import Analysis

_CONFLICTS_DATA = load("conflicts")


#: The vote of the states at war over Karabakh (conflicts.json "karabakh_parties").
PARTIES = "karabakh_parties"


def _conflict_matcher() -> PhraseMatcher[str]:
    phrases: dict[tuple[str, ...], str] = {}
    for key, names in _CONFLICTS_DATA["conflicts"].items():
        for name in names:
            phrases.setdefault(norm_phrase(name), key)
    for name in _CONFLICTS_DATA[PARTIES]:
        phrases.setdefault(norm_phrase(name), PARTIES)
    return PhraseMatcher(phrases.items())


CONFLICTS = _conflict_matcher()
#: wider conflict -> the conflicts fought within its names (باكستان -> كشمير)
WITHIN: dict[str, list[str]] = _CONFLICTS_DATA["within"]
_INCIDENTS = load("incidents")
ACCIDENT = norm_set(_INCIDENTS["accident"])
VIOLENCE = norm_set(_INCIDENTS["violence"])
CRIME = norm_set(_INCIDENTS["crime"])
SUSPECTS = norm_set(_INCIDENTS["suspects"])
WAR_ACTS = norm_set(_INCIDENTS["war_acts"])
#: Every written form of each vocabulary (behind clitics or the article).
_ACCIDENT_FORMS = screen(ACCIDENT)
_VIOLENCE_FORMS = screen(VIOLENCE)
_CRIME_FORMS = screen(CRIME)
_SUSPECT_FORMS = screen(SUSPECTS)
_WAR_ACTS_FORMS = screen(WAR_ACTS)
#: accident or crime word -> the words after it that make it armed violence
#: (الحادث الحدودي، جرائم حرب)
MARTIAL: dict[str, frozenset[str]] = {
    norm_word(head): norm_set(nexts) for head, nexts in _INCIDENTS["martial"].items()
}
_MARTIAL_FORMS = screen(MARTIAL)
KARABAKH = "karabakh"
_LEDE_CHARS = 1500


def conflict_key(analysis: Analysis) -> str:
    """The conflict an analysed article is about, or `article:<id>` if none."""
    if analysis.karabakh.related and analysis.karabakh.centrality != "passing":
        return KARABAKH
    votes: Counter[str] = Counter()
    if analysis.title:
        for conflict in CONFLICTS.payloads(token_texts(normalize(analysis.title))):
            votes[conflict] += 3
    # The opening of the body says what the article is about; reading all of
    # a long piece would cost more than it tells.
    for conflict in CONFLICTS.payloads(token_texts(normalize(analysis.body[:_LEDE_CHARS]))):
        votes[conflict] += 1
    votes.pop(KARABAKH, None)  # named in passing: the story is the other conflict's
    if PARTIES in votes:
        # the war between Armenia and Azerbaijan is the Karabakh conflict
        votes[KARABAKH] = votes.pop(PARTIES)
    for wide, narrower in WITHIN.items():
        inner = [n for n in narrower if n in votes]
        if wide in votes and inner:
            # "باكستان: مقتل مدنيين بقصف هندي ... من كشمير" is a Kashmir story
            votes[max(inner, key=lambda n: (votes[n], n))] += votes.pop(wide)
    if not votes:
        return KARABAKH if analysis.karabakh.related else f"article:{analysis.id}"
    # Ties are broken by name so that a replay groups the same way.
    return min(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def incident_words(text: str) -> set[str]:
    """The words of `text` for telling an incident's kind: every word, except an
    accident or crime word that the next word makes armed violence ("الحادث
    الحدودي" is a border clash, "جرائم حرب" a charge of the war)."""
    toks = list(token_texts(normalize(text)))
    words = set(toks)
    if words.isdisjoint(_MARTIAL_FORMS):
        return words
    kept: set[str] = set()
    for k, word in enumerate(toks):
        if word in _MARTIAL_FORMS and k + 1 < len(toks):
            nexts = [MARTIAL[v] for v in clitic_variants(word, articles=True) if v in MARTIAL]
            after = clitic_variants(toks[k + 1], articles=True)
            if any(v in n for n in nexts for v in after):
                continue
        kept.add(word)
    return kept


def is_accident(analysis: Analysis) -> bool:
    """An accident, a disaster or a crime: the item names one and nothing of
    armed violence (DESIGN: their figures are figures, but only conflict
    stories raise alerts)."""
    text = " ".join(filter(None, [analysis.title, analysis.body[: _LEDE_CHARS * 2]]))
    words = incident_words(text)
    if words.isdisjoint(_WAR_ACTS_FORMS) and _crime(analysis, words):
        return True  # a brawl with a gunshot is a crime, not a battle
    return not words.isdisjoint(_ACCIDENT_FORMS) and words.isdisjoint(_VIOLENCE_FORMS)


def _crime(analysis: Analysis, words: set[str]) -> bool:
    crime = not words.isdisjoint(_CRIME_FORMS)
    suspects = not words.isdisjoint(_SUSPECT_FORMS)
    if not (crime or suspects):
        return False
    if analysis.karabakh.related and (
        analysis.karabakh.centrality == "central"
        or any(m.kind == "actor" for m in analysis.karabakh.mention_spans)
    ):
        # the trials of the conflict's leaders (named: فاردانيان، هاروتيونيان),
        # its war crimes
        return False
    # Suspects are arrested after an attack on a Kashmir checkpoint as after a
    # robbery: they tell a crime only where no conflict is named.
    return crime or conflict_key(analysis).startswith("article:")


@lru_cache(maxsize=4096)
def accident_sentence(sentence: str) -> bool:
    """A figure's own sentence that tells an accident or a disaster and nothing of
    armed violence ("أجلت وزارة الطوارئ 35 من السكان بعد أن امتد حريق"): in an item
    that also speaks of war (the fire is in an old front line), the figure is still
    the fire's."""
    words = incident_words(sentence)
    return not words.isdisjoint(_ACCIDENT_FORMS) and words.isdisjoint(
        _VIOLENCE_FORMS | _WAR_ACTS_FORMS
    )


def digest(*parts: str) -> str:
    """A short stable id from its parts (sha1: not for security, for stability)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


@dataclass
class Figure:
    """One claimant's latest figure of one kind, and its timeline: every value seen
    from it as (count, qualifier, event time), oldest first."""

    kind: str
    claimant: str | None
    count: int | None
    qualifier: str
    seen: list[tuple[int | None, str, float]] = field(default_factory=list)

    @property
    def at(self) -> float:
        """The event time of the latest value."""
        return max((s[2] for s in self.seen), default=0.0)

    def gave(self, value: tuple[int | None, str]) -> bool:
        """Whether the claimant gave this figure at any time: the same count, however
        qualified ("40 على الأقل" restated as "40"), or the same vague quantity."""
        count, qualifier = value
        if count is not None:
            return any(s[0] == count for s in self.seen)
        return any(s[0] is None and s[1] == qualifier for s in self.seen)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "claimant": self.claimant,
            "count": self.count,
            "qualifier": self.qualifier,
            "seen": [list(s) for s in self.seen],
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Figure:
        return cls(
            d["kind"],
            d["claimant"],
            d["count"],
            d["qualifier"],
            # Format 1 had no times: its values count as older than any new one.
            [(s[0], s[1], float(s[2]) if len(s) > 2 else 0.0) for s in d["seen"]],
        )


@dataclass
class Story:
    id: str
    key: str
    karabakh: bool
    first_seen: float
    last_seen: float
    version: int = 0
    article_count: int = 0
    #: The first Karabakh-related article of the story: updates that no longer
    #: name the region inherit relatedness from it.
    karabakh_article: str | None = None
    sources: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    figures: dict[str, Figure] = field(default_factory=dict)

    @staticmethod
    def figure_key(kind: str, claimant: str | None) -> str:
        return f"{kind}\x1f{normalize(claimant) if claimant else ''}"

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "key": self.key,
            "karabakh": self.karabakh,
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "version": self.version,
            "article_count": self.article_count,
            "karabakh_article": self.karabakh_article,
            "sources": self.sources,
            "statuses": self.statuses,
            "figures": {k: f.to_json() for k, f in self.figures.items()},
        }

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Story:
        return cls(
            id=d["id"],
            key=d["key"],
            karabakh=d["karabakh"],
            first_seen=d["first_seen"],
            last_seen=d["last_seen"],
            version=d["version"],
            article_count=d["article_count"],
            karabakh_article=d.get("karabakh_article"),
            sources=list(d["sources"]),
            statuses=list(d["statuses"]),
            figures={k: Figure.from_json(f) for k, f in d["figures"].items()},
        )
