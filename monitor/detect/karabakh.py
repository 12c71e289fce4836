"""Karabakh relevance: mentions of the region, its places and actors, a
centrality score, and whether the item is related at all.

Two questions, answered apart (DESIGN: "even in one passing mention; how
central the region is to the item is a separate graded field"):

- **related** is recall first: one unambiguous name of the region, its towns,
  corridor, institutions or war makes the item related, however briefly it is
  named. Ambiguous names are resolved by context, as gazetteer geoparsers do:
  a bare region name among football words is the club Qarabağ FK, among carpet,
  horse or brand words it is that product, in an Afghan story it is the district
  near Kabul, unless the sentence also names Armenia or Azerbaijan; weak names
  (فضولي 'nosy', جبرائيل 'Gabriel', أغدام) count when the item is about Armenia
  and Azerbaijan (names them anywhere) or beside a strong mention.
- **score / centrality** grades how central the region is: a mention in the
  title, in the opening paragraph, the share of paragraphs that name it and
  conflict words around the mentions add up; a single aside scores low and is
  `passing`, a story about the region is `central`.

Whole-word matching keeps كارباخال (a footballer) apart from كارباخ, and
ناغورني counts only as part of the region's name (a columnist called ناغورني is
no mention).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from monitor.detect.lexicon import clitic_variants, load, norm_phrase, norm_set
from monitor.detect.matcher import PhraseMatch, PhraseMatcher
from monitor.detect.text import Paragraph, Sentence, paragraphs
from monitor.document import Document
from schemas.analysis import KarabakhRelevance, Mention

#: The centrality score from which the region is a subject of the item.
CENTRAL = 0.5
SINGLE_MENTION_CAP = 0.45
#: Share of sentences naming the region that keeps it central without the headline.
_CENTRAL_SHARE = 0.34


@dataclass(frozen=True, slots=True)
class Entry:
    canonical: str
    kind: str
    strong: bool
    region: bool  # a name of the region itself (the one the football club shares)
    #: Weak, but strong in a sentence that names Armenia or Azerbaijan (الإقليم الانفصالي).
    in_context: bool = False
    #: The same letters name other things (a carpet, a district near Kabul).
    ambiguous: bool = False
    #: A weak place whose letters are a common word (أقدام 'feet', فضولي 'nosy').
    common: bool = False


def _build() -> PhraseMatcher[Entry]:
    data = load("karabakh")
    phrases: dict[tuple[str, ...], Entry] = {}
    region = Entry("Nagorno-Karabakh", "region", True, True, ambiguous=True)
    for name in data["region_names"]:
        phrases[norm_phrase(name)] = region
        for q in data["region_qualifiers"]:
            phrases[norm_phrase(f"{q} {name}")] = Entry("Nagorno-Karabakh", "region", True, False)
    for e in data["entries"]:
        entry = Entry(
            e["canonical"],
            e["kind"],
            e["weight"] == "strong",
            False,
            bool(e.get("strong_in_context", False)),
            bool(e.get("ambiguous", False)),
            bool(e.get("common_word", False)),
        )
        for form in e["forms"]:
            phrases.setdefault(norm_phrase(form), entry)
    for e in data["entries"]:
        if e["kind"] != "place":
            continue
        listed = phrases[norm_phrase(e["forms"][0])]
        # A spelling no one listed is weak: it counts beside Armenia or Azerbaijan
        # ("خوجلي" is also a surname).
        entry = Entry(
            listed.canonical, listed.kind, False, False, listed.in_context, common=listed.common
        )
        for form in e["forms"]:
            words = norm_phrase(form)
            if len(words) == 1:
                for variant in transliterations(words[0]):
                    phrases.setdefault((variant,), entry)
    # "محافظة أغدام"، "بلدة فضولي": an administrative unit before a listed place
    # names the place, whatever the weight of its name alone
    units = [norm_phrase(u) for u in data["place_units"]]
    for e in data["entries"]:
        if e["kind"] != "place":
            continue
        listed = phrases[norm_phrase(e["forms"][0])]
        named = Entry(listed.canonical, listed.kind, True, False)
        for form in e["forms"]:
            words = norm_phrase(form)
            if words[:1] in units:
                continue
            for unit in units:
                phrases.setdefault((*unit, *words), named)
    return PhraseMatcher(phrases.items(), generic=norm_set(data["generic_words"]))


#: Letters outlets write for one sound of a transliterated name (Zangilan: زنغيلان،
#: زنجيلان، زنكيلان).
_G_SOUNDS = "غجك"
_LONG_VOWELS = "يا"
#: Names shorter than this are left as listed: a variant would be a common word.
_MIN_TRANSLITERATED = 5


def transliterations(name: str) -> set[str]:
    """The spellings outlets give a place name besides the listed one: one of its
    g-sounds written with another letter, or one inner long vowel left out
    (زنغيلان -> زنجيلان، زنغلان)."""
    if len(name) < _MIN_TRANSLITERATED:
        return set()
    out: set[str] = set()
    for k, ch in enumerate(name):
        if ch in _G_SOUNDS:
            out.update(name[:k] + other + name[k + 1 :] for other in _G_SOUNDS if other != ch)
        if ch in _LONG_VOWELS and 1 < k < len(name) - 1:
            out.add(name[:k] + name[k + 1 :])
    out.discard(name)
    return {v for v in out if len(v) >= _MIN_TRANSLITERATED}


MATCHER = _build()
FOOTBALL = norm_set(load("karabakh")["football_context"])
CONTEXT = norm_set(load("karabakh")["conflict_context"])
ANCHORS = norm_set(load("karabakh")["context_anchors"])
#: The region around it (القوقاز): an anchor for the weak places only.
REGIONAL_ANCHORS = norm_set(load("karabakh")["regional_anchors"])


@dataclass(frozen=True, slots=True)
class _Sense:
    name: str
    document: bool  # the cue counts anywhere in the item, not only in the sentence
    words: frozenset[str]


OTHER_SENSES = tuple(
    _Sense(name, v["scope"] == "document", norm_set(v["words"]))
    for name, v in load("karabakh")["other_senses"].items()
    if not name.startswith("_")
)
#: One-word names of the other conflicts (conflicts.json): a single Karabakh
#: mention beside them is a comparison ("as in Libya and Karabakh"), not the subject.
OTHER_CONFLICTS = frozenset(
    w
    for key, names in load("conflicts")["conflicts"].items()
    if key != "karabakh"
    for name in names
    if len(words := norm_phrase(name)) == 1
    for w in words
)
#: A body this short whose opening paragraph names the region is about it.
_SHORT_ITEM = 2
#: Football words around a bare region name that make it the club.
_FOOTBALL_WINDOW = 12


@dataclass(frozen=True, slots=True)
class _Found:
    para: Paragraph
    sentence: Sentence
    match: PhraseMatch[Entry]


def _sentence_of(para: Paragraph, match: PhraseMatch[Entry]) -> Sentence:
    for s in para.sentences:
        if s.start <= match.start < s.end:
            return s
    return para.sentences[-1]


def _is_club(found: _Found, doc_football: int, lede_football: int) -> bool:
    """A bare region name among football words is the club Qarabağ FK."""
    if not found.match.payload.region:
        return False
    toks = found.para.tokens
    lo = max(0, found.match.first - _FOOTBALL_WINDOW)
    hi = found.match.last + _FOOTBALL_WINDOW + 1
    near = sum(1 for t in toks[lo:hi] if t.text in FOOTBALL)
    if found.para.index is None:
        # A headline is terse ("سيلتيك يفوز على قرة باغ"): its context is the lede.
        near += lede_football
    return near >= 1 and doc_football >= 2


def _in_context(f: _Found) -> _Found:
    """A described region (الإقليم الانفصالي) in a sentence naming Armenia or
    Azerbaijan, outside the mention itself, is the Karabakh region: strong."""
    entry = f.match.payload
    if not entry.in_context or entry.strong:
        return f
    for t in f.sentence.tokens:
        if f.match.start <= t.start < f.match.end:
            continue
        if any(v in ANCHORS for v in clitic_variants(t.text, articles=False)):
            return _promoted(f)
    return f


def _has_anchor(words: frozenset[str] | set[str]) -> bool:
    return any(v in ANCHORS for w in words for v in clitic_variants(w, articles=False))


def _has_cue(words: frozenset[str] | set[str], cues: frozenset[str]) -> bool:
    return any(v in cues for w in words for v in clitic_variants(w, articles=False))


def _cue_count(words: frozenset[str] | set[str], cues: frozenset[str]) -> int:
    return sum(1 for w in words if any(v in cues for v in clitic_variants(w, articles=True)))


#: Distinct words of another sense in a sentence that make it about that thing
#: even beside Armenia or Azerbaijan.
_SENSE_MANY = 3
#: How close before a name a sense word makes it that thing (سجاد قره باغ،
#: خيول سلالة «قره باغ»، مطعم «قره باغ»): the name is then a modifier of it.
_ADJACENT = 2


_PLACE_PREPOSITIONS = norm_set(load("karabakh")["place_prepositions"])


def _adjacent_sense(f: _Found) -> str | None:
    """The sense a word just before the name gives it (construct state)."""
    toks = f.para.tokens
    if f.match.first > 0 and toks[f.match.first - 1].text in _PLACE_PREPOSITIONS:
        return None  # "مصنع للشاي في قره باغ": a place the thing is in
    for k in range(max(0, f.match.first - _ADJACENT), f.match.first):
        for sense in OTHER_SENSES:
            if not sense.document and _has_cue({toks[k].text}, sense.words):
                return sense.name
    return None


def _other_sense(f: _Found, doc_words: set[str], doc_anchor: bool) -> str | None:
    """The other thing a bare region name means here (carpet, horse, a district
    near Kabul, a brand), or None when it is the region."""
    if not f.match.payload.ambiguous:
        return None
    adjacent = _adjacent_sense(f)
    if adjacent is not None:
        return adjacent  # "سجاد قره باغ" is a carpet even in a sentence about Baku
    sent_words = f.sentence.words
    for sense in OTHER_SENSES:
        if not sense.document and _cue_count(sent_words, sense.words) >= _SENSE_MANY:
            # "معرض للسجاد اليدوي الأذربيجاني يضم 120 قطعة، بينها سجادات من مدرسة
            # قره باغ": a sentence this full of carpets is about carpets, whatever
            # country it names
            return sense.name
    if _has_anchor(sent_words):
        return None  # "the Karabakh carpet, Azerbaijan's pride" is still about the place
    for sense in OTHER_SENSES:
        if sense.document or not doc_anchor:
            # an item that never names Armenia or Azerbaijan takes its sense from
            # anywhere in it (a carpet fair: "سجادات «قره باغ»" two sentences on)
            if not doc_anchor and _has_cue(doc_words, sense.words):
                return sense.name
        if not sense.document and _has_cue(sent_words, sense.words):
            return sense.name
    return None


def _promoted(f: _Found) -> _Found:
    entry = f.match.payload
    if entry.strong:
        return f
    strong = Entry(
        entry.canonical,
        entry.kind,
        True,
        entry.region,
        entry.in_context,
        entry.ambiguous,
        entry.common,
    )
    m = f.match
    return _Found(f.para, f.sentence, PhraseMatch(m.first, m.last, m.start, m.end, strong))


def _scan(para: Paragraph) -> list[_Found]:
    if not MATCHER.screen(para.words):
        return []
    return [_Found(para, _sentence_of(para, m), m) for m in MATCHER.find(para.tokens)]


def detect_karabakh(doc: Document) -> KarabakhRelevance:
    """Whether the item names the Nagorno-Karabakh region or conflict, and how
    central it is to the item."""
    paras, title = paragraphs(doc)
    parts = ([title] if title else []) + paras
    found: list[_Found] = []
    for p in parts:
        found.extend(_scan(p))
    if not found:
        return KarabakhRelevance()
    football = sum(len(FOOTBALL & p.words) for p in parts)
    lede_football = len(FOOTBALL & paras[0].words) if paras else 0
    doc_words: set[str] = set().union(*(p.words for p in parts))
    doc_anchor = _has_anchor(doc_words)
    senses = [
        "club" if _is_club(f, football, lede_football) else _other_sense(f, doc_words, doc_anchor)
        for f in found
    ]
    if any(senses) and all(
        sense is not None or f.match.payload.ambiguous or not f.match.payload.strong
        for f, sense in zip(found, senses, strict=True)
    ):
        # One sense per discourse: an item that calls the name a carpet, a horse
        # or a restaurant once, and never names the region unambiguously, means
        # that thing by every bare mention ("مدرسة قره باغ" of carpet weaving).
        found = [f for f in found if not f.match.payload.ambiguous]
    else:
        found = [f for f, sense in zip(found, senses, strict=True) if sense is None]
    found = [_in_context(f) for f in found]
    # A weak alias of a place the item also names unambiguously is that place
    # (the headline's "أغدام" beside the body's "مدينة أغدام").
    named = {f.match.payload.canonical for f in found if f.match.payload.strong}
    found = [_promoted(f) if f.match.payload.canonical in named else f for f in found]
    if doc_anchor and not football:
        # A town whose name is also a common word (فضولي، أغدام، شوشا) is the
        # town in an item about Armenia and Azerbaijan.
        found = [_promoted(f) for f in found]
    elif not football and _has_cue(doc_words, REGIONAL_ANCHORS):
        # "مركز المراقبة المشترك ... في أغدام" in a talk on the South Caucasus:
        # a town's name that is no common word is the town there
        found = [
            _promoted(f) if f.match.payload.kind == "place" and not f.match.payload.common else f
            for f in found
        ]
    # Two different places of the region vouch for each other (لاجين and شوشي: a
    # given name and a spelling that alone could be anything), unless one of them
    # is a common word ("أقدام" and "جبرائيل" in a sermon).
    places = {f.match.payload for f in found if f.match.payload.kind == "place"}
    weak = {e.canonical for e in places if not e.strong}
    if (
        weak
        and len({e.canonical for e in places}) >= 2
        and not any(e.common for e in places if not e.strong)
    ):
        found = [_promoted(f) if f.match.payload.canonical in weak else f for f in found]
    if not any(f.match.payload.strong for f in found):
        # Weak names alone (a village name that is also a common word) say nothing.
        return KarabakhRelevance()

    mentions = [_mention(f) for f in found]
    # A flash with any football word is left to the usual evidence (a club's
    # result reads like a flash: "هزم أتلتيكو قره باغ بثلاثية").
    short_lede = (
        len(paras) <= _SHORT_ITEM
        and not football
        and not any(_names_other_conflict(p) for p in parts)
    )
    score = _score(found, paras, title is not None, short_lede)
    return KarabakhRelevance(
        related=True,
        score=round(score, 3),
        centrality="central" if score >= CENTRAL else "passing",
        mentions=list(dict.fromkeys(m.text for m in mentions)),
        mention_spans=mentions,
    )


def _mention(f: _Found) -> Mention:
    s, e = f.para.span(f.match.start, f.match.end)
    text = f.para.original(f.match.start, f.match.end)
    return Mention(
        paragraph=f.para.index,
        start=s,
        end=e,
        text=text,
        canonical=f.match.payload.canonical,
        kind=f.match.payload.kind,
    )


def _names_other_conflict(para: Paragraph) -> bool:
    return any(v in OTHER_CONFLICTS for w in para.words for v in clitic_variants(w, articles=False))


def _score(
    found: list[_Found], paras: list[Paragraph], has_title: bool, short_lede: bool = False
) -> float:
    n_paragraphs = len(paras)
    strong = [f for f in found if f.match.payload.strong]
    in_title = any(f.para.index is None for f in strong)
    in_lede = any(f.para.index == 0 for f in strong)
    strong_paras = {f.para.index for f in strong if f.para.index is not None}
    share = len(strong_paras) / n_paragraphs if n_paragraphs else 0.0
    # Conflict words in the sentences that carry the mentions: a region named
    # beside Azerbaijan, Armenia or fighting is the subject, not an aside.
    context: set[str] = set()
    for f in found:
        context.update(t.text for t in f.sentence.tokens if t.text in CONTEXT)
    weak = sum(1 for f in found if not f.match.payload.strong)
    x = (
        1.5 * in_title
        + 0.5 * in_lede
        + 1.6 * share
        + 0.25 * min(len(strong) - 1, 4)
        + 0.1 * min(weak, 3)
        + 0.08 * min(len(context), 6)
    )
    score = 1.0 - math.exp(-x)
    if not in_title and len(strong) == 1 and not (in_lede and short_lede):
        # One mention outside the headline is an aside ("as Turkey did in Libya
        # and Karabakh"), however short the text around it, unless it opens a
        # flash of a paragraph or two that names no other conflict: a wire item
        # without its headline ("وصلت قافلة إلى ستيباناكيرت ...") is about the place.
        score = min(score, SINGLE_MENTION_CAP)
    if has_title and not in_title:
        # A headline says what the item is about: one that names neither the
        # region nor its places leaves it central only when most of the text
        # speaks of it (an opposition rally in Yerevan that cites Karabakh twice
        # is about the rally).
        sentences = [s for p in paras for s in p.sentences]
        named = {(f.para.index, f.sentence.start) for f in strong}
        if sentences and len(named) / len(sentences) < _CENTRAL_SHARE:
            score = min(score, SINGLE_MENTION_CAP)
    return score
