"""Casualty and displacement figures: kind, count, qualifier, claimant, sentence.

A figure is a number tied to a casualty word by one of a few shapes that
Arabic news uses (tokens are normalized words; K = a casualty word of some
kind, P = a word for people, N = a number):

  N K          32 قتيلا، عشرات الجرحى، مئات من المصابين
  N P V        32 شخصا قتلوا، خمسة جنود لقوا حتفهم
  N V          نحو 100 قتلوا، أكثر من 200 جرحوا
  V/M … N P    قتل 5 أشخاص، أجلت قوات حفظ السلام أكثر من 2000 مدني، مقتل 5 وإصابة 10
  K … to N     ارتفع عدد القتلى إلى 50، حصيلة الشهداء 30 ألفا (a cumulative toll)
  among N P    بينهم سبعة مدنيين (a part of the figure before it)
  dual         قتيلين، جريحين (the word carries the count: 2)

A number that no such shape ties to a casualty word (positions, villages,
years, ages, money, population) is not a figure. A negation just before the
figure ("لم تسجل إصابات"، "دون وقوع قتلى") cancels it, and sentences about
disease (كورونا، وباء) are skipped: "إصابة" there is an infection.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from monitor.detect import clause, constructions, genre, timeframe
from monitor.detect.lexicon import (
    ARTICLES,
    DEFINITE,
    WordMemo,
    clitic_variants,
    load,
    member,
    norm_phrase,
    norm_phrases,
    norm_set,
    norm_word,
    screen,
)
from monitor.detect.numbers import (
    NUMBER_WORDS,
    ONE_NEEDS_TEEN,
    TEEN,
    TENS,
    UNITS,
    VAGUE,
    Number,
    parse_number,
)
from monitor.detect.text import Paragraph, Sentence, Token, clause_breaks, paragraphs
from monitor.document import Document
from monitor.text.normalize import normalize
from schemas.analysis import CasualtyFigure

_DATA = load("casualties")
_GRAMMAR = _DATA["grammar"]


def _kind_table(part: str) -> dict[str, str]:
    return {norm_word(w): kind for kind, v in _DATA["kinds"].items() for w in v[part]}


NOUNS = _kind_table("nouns")
VERBS = _kind_table("verbs")
MASDARS = _kind_table("masdars")
DUALS = {norm_word(w): k for w, k in _DATA["duals"].items()}
NO_CLITIC = norm_set(_DATA["no_clitic"])
NO_PREPOSITION = norm_set(_DATA["no_preposition"])
PERSON_DUALS = norm_set(_DATA["person_duals"])
PERSONS = norm_set(_DATA["persons"])
PERSON_SINGULARS = norm_set(_DATA["person_singulars"])
ONE_AFTER = norm_set(_DATA["number_after_noun"]["1"])
TWO_AFTER = norm_set(_DATA["number_after_noun"]["2"])
NOT_PERSONS = norm_set(_DATA["not_persons"])
BROKEN_PLURAL = norm_set(_DATA["broken_plural_singulars"])
ADJACENT_ONLY = norm_set(_DATA["adjacent_only"])
ORDINAL_ONE = norm_set(_DATA["ordinal_one"])
TIME_UNITS = norm_set(_DATA["time_units"])
_COUNT_AFTER = ONE_AFTER | TWO_AFTER
DENIED_AFTER = norm_phrases(_DATA["denied_after"])
RELATIVE_OPENERS = norm_set(_DATA["relative_openers"])
#: Households count displaced and evacuated people, not the dead (in "60 عائلة
#: استشهد فيها 25 شخصا" the dead are the 25).
FAMILIES = norm_set(_DATA["families"])
PERSON_MODIFIERS = norm_set(_DATA["person_modifiers"])
SUB_COUNT = norm_set(_DATA["sub_count"])
QUALIFIERS = sorted(
    ((p, q) for q, ps in _DATA["qualifiers"].items() for p in norm_phrases(ps)),
    key=lambda e: -len(e[0]),
)
#: First words of the qualifier phrases (أكثر من، نحو): "واحد من أكثر من ..." is one of them.
_QUALIFIER_FIRST = frozenset(p[0] for p, _ in QUALIFIERS)
_ONE_WORD_QUALIFIERS = {p[0]: q for p, q in QUALIFIERS if len(p) == 1}
_QUALIFIERS_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
#: The same by first word (longest first), for the phrase that starts at a word.
_QUALIFIERS_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _qp, _qq in QUALIFIERS:
    _QUALIFIERS_BY_FIRST.setdefault(_qp[0], []).append((_qp, _qq))
for _qp, _qq in QUALIFIERS:  # longest first, as in QUALIFIERS
    _QUALIFIERS_BY_LAST.setdefault(_qp[-1], []).append((_qp, _qq))
QUALIFIERS_AFTER = [(p, q) for q, ps in _DATA["qualifiers_after"].items() for p in norm_phrases(ps)]
NEGATIONS = norm_set(_DATA["negations"])
CUMULATIVE = norm_set(_DATA["cumulative"])
_CUMULATIVE_FORMS = screen(CUMULATIVE)
HISTORICAL = norm_set(_DATA["historical"])
EXCLUDE = norm_set(_DATA["exclude"])
REPORTING = norm_set(_DATA["reporting_verbs"])
SOURCE_MARKERS = norm_set(_DATA["source_markers"])
TIME_WORDS = norm_set(_DATA["time_words"])
ADDRESSEES = norm_set(_DATA["addressees"])

_ALL_KIND_WORDS = set(NOUNS) | set(VERBS) | set(MASDARS) | set(DUALS)
#: Every casualty word as it may appear in a text (with a clitic or ال), for a
#: one-operation screen of a paragraph's words.
#: The possessive pronouns a casualty word may carry (قتلاها، أسراهم، شهداءنا).
_POSSESSIVE_SUFFIXES = ("هما", "هم", "ها", "نا", "ه")


def _possessive_forms(noun: str) -> set[str]:
    """A casualty noun with a possessive pronoun as `_possessed` reads it back
    (قتلى: قتلاها؛ مفقودين: مفقوديها؛ أسرى: أسراهم)."""
    if noun.startswith("ال"):
        return set()
    stems = {noun}
    if noun.endswith("ي"):
        stems.add(noun[:-1] + "ا")
    if noun.endswith("ين"):
        stems.add(noun[:-1])
    return {stem + suffix for stem in stems for suffix in _POSSESSIVE_SUFFIXES}


_SCREEN_WORDS = (
    _ALL_KIND_WORDS
    | constructions.SIGNAL_WORDS
    | {form for noun in NOUNS for form in _possessive_forms(noun)}
)
SCREEN = screen(_SCREEN_WORDS)

#: The dual relative pronoun after a noun in -ين makes it a dual, not the plural
#: its letters also spell (المسعفين اللذين).
_DUAL_RELATIVES = norm_set(_GRAMMAR["dual_relatives"])
_ASIDE_RELATIVES = norm_set(_GRAMMAR["aside_relatives"])
#: "بعد" before the death that made a toll rise
_AFTER_THAT = norm_set(_GRAMMAR["after_that"])
_RELEASES = norm_set(_GRAMMAR["releases"])
#: "إضافة إلى"، "بالإضافة إلى"، "فضلا عن": one more figure after a figure
_IN_ADDITION = frozenset(norm_phrase(p) for p in _GRAMMAR["in_addition"])
_BODIES = norm_set(_GRAMMAR["bodies"])
_MOURNING = norm_set(_GRAMMAR["mourning"])
_SUBJECT_STOPS = norm_set(_GRAMMAR["subject_stops"])
#: The article alone, and the tens behind it (الثلاثين، الخمسين).
_THE = ARTICLES[-1]
_DEFINITE_TENS = frozenset(_THE + w for w in TENS)
#: ... and the units and tens behind it after a definite people-word (الجنود الثلاثة),
#: but for the day names among them (الأحد Sunday, الاثنين Monday).
_DEFINITE_NUMBERS = frozenset(_THE + w for w in (*UNITS, *TENS)) - {
    _THE + w for w in (*ONE_NEEDS_TEEN, *TWO_AFTER)
}
_DEFINITE_TEEN_HEADS = frozenset(_THE + w for w in (*ONE_NEEDS_TEEN, *TWO_AFTER))
_DEFINITE_NUMBER_HEADS = _DEFINITE_NUMBERS | _DEFINITE_TEEN_HEADS
_HAS_DIGIT = re.compile(r"\d")
#: Number words, vague sizes and duals, with the clitics they can carry.
NUMBERISH = frozenset(
    {
        p + w
        for w in NUMBER_WORDS | set(VAGUE) | set(DUALS) | PERSON_DUALS | ONE_AFTER | TWO_AFTER
        for p in ("", "و", "ب", "ال", "وال")
    }
    | _DUAL_RELATIVES
)
_THAT = norm_set(_GRAMMAR["that"])
#: Words between a verb or masdar and its number (أسفر عن مقتل، ارتفع إلى ...).
_LINK = norm_set(_GRAMMAR["link"])
#: Words after a number that close its phrase without naming what it counts.
_AFTER_OK = norm_set(_GRAMMAR["after_ok"])
_PREP_OF = norm_set(_GRAMMAR["prep_of"])
_NOT_OF_WHOM = norm_set(_GRAMMAR["not_of_whom"])
_THEIR_NUMBER = norm_set(_GRAMMAR["their_number"])
_OF_THEM = norm_set(_GRAMMAR["of_them"])
#: "One of": a count of one only before a plural of people (أحد جنودها).
_ONE_OF = norm_set(_GRAMMAR["one_of"])
#: "One of them" after a comma: a part of one of the figure before it.
_ONE_OF_THEM = norm_set(_GRAMMAR["one_of_them"])
#: "هم" (they are) lists who all of them are: a singular after it is no part.
_THEY_ARE = norm_set(_GRAMMAR["they_are"])
_THE_OTHER = norm_set(_GRAMMAR["the_other"])


def _each_in_turn(words: list[str], breaks: list[bool], i: int) -> bool:
    """ "طفلان، أحدهما في التاسعة والآخر في الثانية عشرة": each described in
    turn (the aside names the other too), not one of them counted apart."""
    for j in range(i + 1, len(words)):
        if breaks[j]:
            return False
        if words[j] in _THE_OTHER:
            return True
    return False


#: Words before a year (and seasons and parts of a year: خريف 2020، مطلع 2023).
_YEAR_BEFORE = norm_set(_GRAMMAR["year_before"])
MONTHS = norm_set(_DATA["months"])
#: Words that open a date (بين عامي 1991 و1994، خلال عام 2023), and how far
#: back from its year a date may begin.
_DATE_OPENERS = norm_set(_GRAMMAR["date_openers"])
_DATE_REACH = 4
#: Words that open a toll (تقدر الأمم المتحدة عدد النازحين ...): a claimant ends there.
_TOLL_WORDS = norm_set(_GRAMMAR["toll_words"])
#: "المحتجزين منذ 2023": says who the counted people are, for a construction to read
_HELD_PARTICIPLES = norm_set(_GRAMMAR["held_participles"])
#: The second word of the Levantine months تشرين الأول، كانون الثاني.
_MONTH_ORDINALS = norm_set(_GRAMMAR["month_ordinals"])
_MONTH_PAIRED = norm_set(_GRAMMAR["month_paired"])
_MAX_SUBJECT = 14
_MAX_GAP_VERB = 4
#: A verb before a number that counts people may stand further off: a subject of
#: its own between them ("أجلت السلطات المحلية في إقليم سيونيك نحو 120 من سكان").
_MAX_GAP_SUBJECT = 6
#: Auxiliaries around a reporting verb that are not its subject.
_AUXILIARIES = norm_set(_GRAMMAR["auxiliaries"])
_FAMILY_KINDS = ("displaced", "evacuated")
#: Words that end a claimant's name: a time, "about" (أعلنت السلطات السبت عن ...).
_IN_PLACE = norm_word(_GRAMMAR["in_place"][0])
#: "في عداد المفقودين": counted among the missing.
_COUNTED_AMONG = norm_phrase(_GRAMMAR["counted_among"][0])
#: Words between a source marker and the claimant (وفق ما أعلنه، بحسب ما ذكرت).
_CLAIMANT_OPENERS = norm_set(_GRAMMAR["claimant_openers"])
_PHRASE_END = TIME_WORDS - {_IN_PLACE} | norm_set(_GRAMMAR["phrase_end"])


#: The four kind tables by identity, so that the cached look-up can take a
#: hashable key (dicts are not hashable); they are module constants.
_TABLES: dict[int, dict[str, str]] = {id(t): t for t in (NOUNS, VERBS, MASDARS, DUALS)}


def _lookup(word: str, table: dict[str, str], articles: bool = False) -> str | None:
    """The kind `word` names in `table`, behind at most one clitic (or ال)."""
    return _lookup_cached(word, id(table), articles)


@lru_cache(maxsize=1 << 16)
def _lookup_cached(word: str, table_id: int, articles: bool) -> str | None:
    table = _TABLES[table_id]
    for v in clitic_variants(word, articles=articles, min_rest=2):
        kind = table.get(v)
        if kind and (
            v == word or (v not in NO_CLITIC and (v not in NO_PREPOSITION or word[0] in "وف"))
        ):
            return kind
    return None


@dataclass
class _Link:
    kind: str
    first: int  # token span of the figure (number and the words that say what it counts)
    last: int
    via: str  # which shape tied it
    trigger: int  # token index of the casualty word


@lru_cache(maxsize=1 << 16)
def _person_dual(word: str) -> bool:
    """A people-word in the dual, which carries the count 2 itself (جنديان،
    جنديين، فتاتان، مواطنان). "-ين" is also the sound plural (مدنيين، محتجزين):
    it counts two only for nouns whose plural is broken (جندي/جنود)."""
    if word in PERSON_DUALS:
        return True
    for v in clitic_variants(word, articles=True, min_rest=4):
        for suffix in ("ان", "ين"):
            if not v.endswith(suffix):
                continue
            stem = v[: -len(suffix)]
            if stem.endswith("ت") and stem[:-1] + "ه" in PERSON_SINGULARS:
                return True  # فتاتان، امرأتين (ة becomes ت before the ending)
            if stem in PERSON_SINGULARS and (suffix == "ان" or stem in BROKEN_PLURAL):
                return True
    return False


@lru_cache(maxsize=1 << 16)
def _counts_itself(word: str) -> bool:
    """A word that can carry a count without a number: a dual or a singular
    people-word (جنديان، مقتل جندي)."""
    return _person_dual(word) or member(word, PERSON_SINGULARS, articles=True)


@lru_cache(maxsize=1 << 16)
def _personish(word: str) -> bool:
    """A people-word of any number (a cheap test before reading what follows)."""
    return _counts_itself(word) or _is_person(word)


def _counted_after(words: list[str], i: int) -> Number | None:
    """A people-word whose number follows it (جندي واحد، مدنيان اثنان, with up to
    two adjectives between: مدنيين أذربيجانيين اثنين), or a dual alone."""
    w = words[i]
    if i + 1 < len(words) and _of_a_single(words, Number(1, None, i + 1, i + 1, False)):
        return None  # "ثلاث نساء من عائلة واحدة": of a single family, nobody counted
    if (
        i + 1 < len(words)
        and _definite_number_at(words, i + 1)
        and w.startswith(DEFINITE)
        and _lookup(w, NOUNS, articles=True) is not None
    ):
        # "المعتقلين الأربعة": a casualty noun and its number (only people-words
        # take it: "الشركات الثلاث"، "صفقات المقاومة الثلاث" count nobody)
        return _definite_number(words, i, i + 1)
    if not _personish(w):
        # any noun whose number follows it outright: "عاملين اثنين"، "مسعف واحد"
        # (right after it, and not behind a preposition: "بحياة عاملين اثنين")
        nxt = i + 1
        if nxt >= len(words) or words[nxt] not in _COUNT_AFTER or w[0] in "بلك":
            return None
        compound = nxt + 1 < len(words) and words[nxt + 1].startswith("و")
        indefinite = not w.startswith(("ال", "وال", "بال", "لل"))
        if indefinite and not compound and _open_person(w) and len(w) > 3:
            if words[nxt] in TWO_AFTER:
                return Number(2, None, i, nxt, False)
            if words[nxt] in ONE_AFTER:
                return Number(1, None, i, nxt, False)
        return None
    dual = _person_dual(w)
    for j in range(i + 1, min(len(words), i + 4)):
        if (words[j] in ONE_AFTER or words[j] in ORDINAL_ONE) and not dual:
            return Number(1, None, i, j, False)  # جندي واحد، عامل ثالث
        if words[j] in TWO_AFTER:
            return Number(2, None, i, j, False)
        if _definite_number_at(words, j) and w.startswith(DEFINITE):
            return _definite_number(words, i, j)
        if not _adjective(words[j]):
            break  # only adjectives stand between a noun and its number
    return Number(2, None, i, i, False) if dual else None


def _definite_number_at(words: list[str], j: int) -> bool:
    """A number with the article at `j`: a unit or ten (الثلاثة، العشرون), or
    eleven and twelve (الأحد عشر، الاثنا عشر; alone those are Sunday and Monday)."""
    w = words[j]
    if w in _DEFINITE_NUMBERS:
        return True
    return w in _DEFINITE_TEEN_HEADS and j + 1 < len(words) and words[j + 1] in TEEN


def _definite_number(words: list[str], i: int, j: int) -> Number | None:
    """The number at `j` that is the adjective of the definite people-word at `i`
    ("الجنود الثلاثة"، "المتهمون الخمسة عشر"، "الجرحى الثلاثة والعشرون")."""
    bare = [*words[:j], words[j][len(_THE) :], *words[j + 1 :]]
    if j + 1 < len(bare) and bare[j + 1].startswith("و" + _THE):
        bare[j + 1] = "و" + bare[j + 1][1 + len(_THE) :]  # والعشرون: و + العشرون
    number = parse_number(bare, j)
    if number is None or number.value is None:
        return None
    return Number(number.value, None, i, number.last, False)


def _is_two_word(word: str) -> bool:
    """اثنان، واثنان: the word two (behind و)."""
    return word in TWO_AFTER or (word[0] == "و" and word[1:] in TWO_AFTER)


def _of_a_single(words: list[str], num: Number) -> bool:
    """ "من عائلة واحدة"، "من قرية واحدة": one after a noun behind من says the
    people are of a single one, and counts nobody."""
    k = num.first
    return num.first == num.last and words[k] in ONE_AFTER and k >= 2 and words[k - 2] in _PREP_OF


#: How far after its figure "بينهم" may name one of them ("قتل 12، بينهم قيادي").
_SUB_COUNT_REACH = 12


def _person_described(words: list[str], i: int) -> _Link | None:
    """A singular people-word described by a singular casualty noun: "عسكري
    قتيل"، "جندي جريح" (one killed, one wounded)."""
    if i + 1 >= len(words) or not _one_person(words[i]) or words[i][0] in "بلكو":
        return None
    nxt = words[i + 1]
    if nxt[0] == "و" or nxt.startswith(DEFINITE) or nxt not in PERSON_SINGULARS:
        return None  # "بين قتيل وجريح": an idiom of some of each, nobody counted
    kind = _lookup(nxt, NOUNS)
    # (جندي أسير names a captive, as a title; not news of a capture)
    return _Link(kind, i, i + 1, "noun", i + 1) if kind in _DESCRIBED_KINDS else None


_DESCRIBED_KINDS = frozenset({"killed", "wounded"})


def _conjunct_person(word: str) -> bool:
    """A singular people-word joined by و (وضابطا، وامرأة): one more person."""
    rest = word[1:]
    return (
        len(word) > 3
        and word[0] == "و"
        and not rest.startswith(DEFINITE)
        and (member(rest, PERSON_SINGULARS) or _accusative_one(rest))
    )


def _conjunct_one(words: list[str], i: int, last: _Link, breaks: list[bool] | None) -> _Link | None:
    """The one person joined by و to the people just counted, of their kind:
    "أربعة مسلحين وضابطا قتلوا" (before their verb), "بينهم طفلان وامرأة" (after
    a part of them); not inside an aside that says who they are ("مدنيين اثنين،
    رجلا وامرأة، قتلا")."""
    if (
        i > 1
        and tuple(words[i - 2 : i]) in _IN_ADDITION
        and _one_person(words[i])
        and i - 6 <= last.last < i
    ):
        # "قتل ثلاثة من عناصر الجيش واثنان من مقاتلي قسد، إضافة إلى امرأة": one more
        return _Link(last.kind, i, i, "conjunct", last.trigger)
    if not _conjunct_person(words[i]):
        return None
    if (
        last.via == "person_verb"
        and last.first < i < last.trigger
        and not (breaks is not None and any(breaks[last.first + 1 : i + 1]))
        # "أكثر من ألف طفل ومريض توفوا": a singular counted noun shares its
        # number with the one joined to it
        and not member(words[i - 1], PERSON_SINGULARS)
        and not _accusative_one(words[i - 1])
    ):
        return _Link(last.kind, i, i, "sub_count", last.trigger)
    if (
        last.via == "sub_count"
        and last.last < i
        and _counts_itself(words[last.first])
        and all(_adjective(w) for w in words[last.last + 1 : i])
    ):
        # "بينهم طفلان وامرأة"; not "بينهم 17 مسعفا وصحافيا", where 17 counts both
        return _Link(last.kind, i, i, "sub_count", last.trigger)
    return None


def _one_person(word: str) -> bool:
    """An indefinite singular people-word (جندي، شخص، وطفل), which counts one
    right after a casualty verb or masdar; "الجندي" names someone already told of."""
    return not word.startswith(DEFINITE) and member(word, PERSON_SINGULARS)


_SINGLE_OPENERS = norm_set(_GRAMMAR["single_openers"])
_ORDINALS = norm_set(_GRAMMAR["ordinals"])
_CHARGED_WITH = norm_set(_GRAMMAR["charged_with"])
_CHARGE_NOUNS = norm_set(_GRAMMAR["charge_nouns"])


def _one_of_more(words: list[str], i: int) -> bool:
    """The singular people-word at `i` is not the whole count: its verb's object
    follows with a number (قتل شاب أمريكي 4 أشخاص: he killed them), or another
    people-word is joined to it (أصيب طفل وسيدة فلسطينيان: two)."""
    j = i + 1
    while j < len(words) and _adjective(words[j]):
        if words[j] in _ORDINALS:
            return True  # "وفاة جندي ثان": the second of a toll, not a count of one
        j += 1
    if j >= len(words):
        return False
    nxt = words[j]
    if nxt in _ORDINALS:
        return True
    if _number_at_plain(words, j) is not None or nxt in _QUALIFIER_FIRST:
        return True
    return len(nxt) > 3 and nxt[0] == "و" and member(nxt[1:], PERSON_SINGULARS)


def _charge(words: list[str], k: int) -> bool:
    """The casualty word at `k` names a charge or an attempt (أدينوا بقتل، بتهمة
    قتل، الشروع في قتل), not a death."""
    return words[k] in _CHARGED_WITH or any(
        member(words[j], _CHARGE_NOUNS) for j in range(max(0, k - 2), k)
    )


#: The kinds a singular people-word after their verb counts as one.
_ONE_PERSON_KINDS = frozenset({"killed", "wounded", "captured"})
#: لقي counts a death only with its object (لقي جندي حتفه، لقي ضابط مصرعه).
_MET = norm_set(_GRAMMAR["met"])
_MET_DEATH = norm_set(_GRAMMAR["met_death"])


def _single_casualty(
    words: list[str], i: int, found: list[tuple[_Link, Number | None, str]]
) -> str | None:
    """The kind of a singular casualty noun that counts one itself: after
    "سقوط" (سقوط قتيل وجريحين), or joined by و to the figure right before it
    (سقوط قتيلين وجريح)."""
    word = words[i]
    if word.startswith(DEFINITE) or not member(word, PERSON_SINGULARS):
        return None
    if i + 1 < len(words) and words[i + 1] in _COUNT_AFTER:
        return None  # "سقوط قتيل واحد": the number after the noun counts it
    kind = _lookup(word, NOUNS)
    if kind is None:
        return None
    if i > 0 and words[i - 1] in _SINGLE_OPENERS:
        return kind
    last = found[-1][0] if found else None
    if (
        last is not None
        and last.kind != kind
        and i > 1
        and tuple(words[i - 2 : i]) in _IN_ADDITION
        and last.last >= i - 4
    ):
        return kind  # "قتيلان، إضافة إلى جريح": one more, of another kind

    if (
        word[0] == "و"
        and last is not None
        and last.last == i - 1
        and last.via in ("dual", "single")
        and last.kind != kind
    ):
        # "سقوط قتيلين وجريح"; not "ألفي أسير ومعتقل" nor "29 ألف شهيد ومفقود",
        # where the number counts both names
        return kind
    return None


def _number_at(words: list[str], i: int) -> Number | None:
    w = words[i]
    if w in PERSON_DUALS:
        return Number(2, None, i, i, False)  # جنديين: two soldiers
    if (
        w in ORDINAL_ONE
        and i > 0
        and (_lookup(words[i - 1], MASDARS, True) or _lookup(words[i - 1], VERBS))
        in _ONE_PERSON_KINDS
    ):
        # "مقتل جنديين وإصابة ثالث"، "وجرح آخر": one more; not "غادر آخر جندي" (the last)
        return Number(1, None, i, i, False)
    plain = _number_at_plain(words, i)
    if plain is not None:
        return plain
    if (
        i + 1 < len(words)
        and words[i + 1] in _DUAL_RELATIVES
        and w.endswith("ين")
        and _personish(w)
    ):
        return Number(2, None, i, i, False)  # "المسعفين اللذين استشهدا": the dual
    if w in _ONE_OF and i + 1 < len(words) and _one_of_people(words[i + 1]):
        return Number(1, None, i, i, False)  # "أودى بحياة أحد جنودها": one of them
    counted = _counted_after(words, i)
    if counted is None and i > 0 and _one_person(w) and not _charge(words, i - 1):
        kind = _lookup(words[i - 1], MASDARS, True) or _lookup(words[i - 1], VERBS)
        if (
            kind in _ONE_PERSON_KINDS
            and _TOLL_WORDS.isdisjoint(words)
            and not _one_of_more(words, i)
            # "لقي قائد الكتيبة استقبالا": met, but not his death
            and not (member(words[i - 1], _MET) and _MET_DEATH.isdisjoint(words))
            # "عملية لاعتقال قيادي": what an operation was for, not what it did
            and not (kind == "captured" and words[i - 1].startswith("ل"))
        ):
            # "مقتل جندي"، "أصيب شخص": one. Not "غادر آخر جندي" (one person
            # leaving is no displacement), nor "توفي جندي ثان، ليرتفع عدد القتلى
            # إلى اثنين" (the one is inside the toll the sentence gives).
            return Number(1, None, i, i, False)
    return counted


def _one_of_people(word: str) -> bool:
    """The plural after أحد / إحدى that makes it a count of people: a people-word
    (أحد الجنود) or a possessed plural (أحد جنودها); "إحدى السيارتين" is no one."""
    return _is_person(word, partitive=True) or (
        _open_person(word) and word.endswith(_PARTITIVE_POSSESSIVES)
    )


def _number_at_plain(words: list[str], i: int) -> Number | None:
    w = words[i]
    if (w in ONE_AFTER or w in TWO_AFTER) and i > 0 and member(words[i - 1], TIME_UNITS, True):
        return None  # "في غضون أسبوع واحد": the number of a time, not of people
    if w[0].isdigit() or w in NUMBER_WORDS or w in VAGUE:
        return parse_number(words, i)
    if len(w) > 2 and w[0] in "وب" and (w[1:] in NUMBER_WORDS or w[1:] in VAGUE):
        # وثلاثة، بعشرات: a clitic on the first number word
        return parse_number([*words[:i], w[1:], *words[i + 1 :]], i)
    if (
        w in _DEFINITE_TENS
        and i > 0
        and (words[i - 1] in _LINK or words[i - 1] in _QUALIFIERS_BY_LAST)
    ):
        # "تجاوز عدد الجرحى الثلاثين"، "ارتفع إلى الخمسين": a round number with the
        # article, after the word that leads to a toll (tens only: الاثنين is
        # Monday; "في الأربعين من عمرها" is an age)
        return parse_number([*words[:i], w[len(_THE) :], *words[i + 1 :]], i)
    return None


def _after_number(words: list[str], num: Number, breaks: list[bool] | None = None) -> _Link | None:
    """N K, N P V, N V (`breaks[k]`: punctuation before word k)."""
    n = len(words)
    k = num.last + 1
    counted = not num.digits and num.first < num.last and _personish(words[num.first])
    partitive = k < n and words[k] in _PREP_OF and not counted
    if counted:
        # "جنديا واحدا من وحدات الهندسة لقي حتفه": the people are in the number's
        # own words; a verb after what describes them counts them
        link = _people_verb(words, num, num.last, breaks, False, False, phrase_at_once=True)
        kind = None if link is not None else _lookup(words[num.first], NOUNS, articles=True)
        if kind is not None:
            # "ارتفعت الحصيلة إلى قتيل واحد": the casualty noun names its kind itself
            return _Link(kind, num.first, num.last, "noun", num.first)
        return link
    # past "اثنين" after the dual (شرطيين اثنين)
    after = k + 1 if k < n and words[k] in TWO_AFTER else k
    if (
        num.first == num.last
        and after < n
        and breaks is not None
        and breaks[after]
        and _opens_aside(words, after)
        and _person_dual(words[num.first])
    ):
        # "مسعفان، وهما متطوعان، أصيبا": a dual is its own people, and an aside
        # about them may stand before their verb
        verb = _people_verb(words, num, after - 1, breaks, False, False, phrase_at_once=True)
        if verb is not None:
            return verb
    if (
        num.first == num.last
        and k < n
        and words[k][0] == "و"
        and _conjunct_person(words[k])
        and _person_dual(words[num.first])
    ):
        # "جنديين ومدنيا واحدا قتلوا": a dual is its own people, and more people
        # joined to it share its verb
        verb = _people_verb(words, num, num.first, breaks, False, False)
        if verb is not None:
            return verb
    if partitive:
        k += 1  # عشرات من القتلى
    if k >= n:
        return None
    kind = (
        _lookup(words[k], NOUNS, articles=True)
        or (_noun_kind(words[k]) if partitive else None)  # "103 من أسراها"
        # "واثنان جريحان": the number and a dual that agrees with it
        or (_lookup(words[k], DUALS) if _is_two_word(words[num.last]) else None)
    )
    if (
        kind
        and not partitive
        and num.vague
        and num.first == num.last
        and words[num.first].startswith(_THE)
        and member(words[k], _BODIES)
    ):
        # "شيع الآلاف جثامين 12 شهيدا": "the thousands" are not in construct with
        # the bodies after them (آلاف الجثامين would be): a crowd that buried them
        # ("سقط المئات قتلى": the dead they fell as)
        kind = None
    if kind and not (words[k][0] in "لبكوف" and words[k] not in NOUNS):
        # (و: "عدد الشهداء 35 ألفا و233 والجرحى 79 ألفا": the noun after و is
        # the next conjunct, not what the number counts)
        # "N K" takes the bare noun: in "المية ومية للاجئين" (a camp's name)
        # the noun behind a preposition is not what the number counts.
        return _Link(kind, num.first, k, "noun", k)
    kind = _lookup(words[k], VERBS) if words[k][0] != "و" or words[k] in VERBS else None
    if kind:
        # "32 قتلوا"; but in "قتل 3 وأصيب 7" the و opens a new clause
        return _Link(kind, num.first, k, "verb_after", k)
    family = member(words[k], FAMILIES, articles=True)
    if family or _is_person(words[k], partitive) or _open_person(words[k]):
        return _people_verb(words, num, k, breaks, family, partitive)
    return None


def _people_verb(
    words: list[str],
    num: Number,
    k: int,
    breaks: list[bool] | None,
    family: bool,
    partitive: bool,
    phrase_at_once: bool = False,
) -> _Link | None:
    """N P … V: the verb after the people-word at `k` (and what describes them;
    `phrase_at_once`: a phrase may open right after `k`, as after "جنديا واحدا")."""
    n = len(words)
    relative = False
    #: "خمسة جنود من الفرقة المدرعة قتلوا": only a verb counts them after it
    of_whom = False
    possessor = False  # past the name of the group the people belong to
    aside_closed = False
    m = k
    reach = k + 16
    while m + 1 < min(n, reach):
        m += 1
        if breaks is not None and breaks[m] and _opens_aside(words, m):
            # "104 فلسطينيين على الأقل، بينهم 46 طفلا، قتلوا"، "ستة من عناصر
            # الأمن، كانوا في دورية عندما تعرضوا لكمين، لقوا مصرعهم": skip the
            # aside between commas; the words it takes do not count to the reach
            start = m
            while m + 1 < n and not breaks[m + 1]:
                m += 1
            reach += min(m - start + 1, _MAX_ASIDE)
            aside_closed = True
            continue
        if breaks is not None and breaks[m] and not aside_closed:
            break  # the clause ends before any verb
        aside_closed = False
        if words[m] in _TURNS:
            break  # "بينهم طفلان، فيما أصيب ستة": the verb is another clause's
        if (
            words[m][0] == "و"
            and words[m] not in VERBS
            and not (relative and not _lookup(words[m], VERBS))
            # "خمسة من عناصر وحدة المدفعية": a noun of the group's name whose own
            # first letter is و, not the conjunction
            and not (partitive and m <= k + 2 and words[m] in NOT_PERSONS)
        ):
            if _conjunct_person(words[m]):
                relative = True  # "أربعة مسلحين وضابطا برتبة نقيب قتلوا": one more of them
                continue
            if (
                m + 1 < n
                and words[m + 1] in _COUNT_AFTER
                and (_personish(words[m][1:]) or _open_person(words[m][1:]))
            ):
                # "ثلاثة جنود ومدنيين اثنين قتلوا": more people, their number after
                # them, and one verb for all
                relative = True
                m += 1
                continue
            break  # "260 مقاتلا واصيب": a new clause with its own subject
        if member(words[m], timeframe.STILL) or (
            words[m] in _NOT_YET and m + 1 < n and member(words[m + 1], timeframe.STILL)
        ):
            continue  # "ألف شخص ما زالوا مفقودين": still, then the predicate
        counted = _number_at_plain(words, m) is not None
        if counted and member(words[m - 1], _POSITION_WORDS):
            continue  # "من وحدة المدفعية التابعة للواء 58": a unit's number, not a count
        if counted or member(words[m], _THAT):
            break  # another count, or "that": a verb after it has another subject
        if words[m - 1] in _PP_OPENERS:
            continue  # "لضلوعهم في قتل": after a preposition the word is a masdar
        kind = _lookup(words[m], VERBS)
        if kind and member(words[m], _MOURNING):
            break  # "ملايين المنشورات التي تنعى": who mourns is not who died
        if possessor and not kind:
            # past a group's name only a verb counts them ("850 مليونا من القروض
            # للدول التي تستقبل لاجئين": no people, a noun of another phrase)
            of_whom = True
        if not kind and not of_whom:
            kind = _lookup(words[m], NOUNS)
            if kind and member(words[m], _BODIES):
                # "وشيع المئات من سكان المخيم جثامين الضحايا": bodies are what the
                # people counted carried or buried, never what those people are
                kind = None
        if kind:
            if family and kind not in _FAMILY_KINDS:
                return None
            return _Link(kind, num.first, m, "person_verb", m)
        if (
            tuple(words[m : m + 2]) == _COUNTED_AMONG
            or tuple(words[m - 1 : m + 1]) == _COUNTED_AMONG
        ):
            continue  # "سبعة جنود في عداد المفقودين": counted among the missing
        if member(words[m], RELATIVE_OPENERS) or (
            words[m] in _PP_OPENERS
            and (m > k + 1 or phrase_at_once or (of_whom := _of_whom(words, k, m)))
            # after "N of the <people> of <a group>": where the group is
            # ("45 من مقاتلي جيش الدفاع في قره باغ قتلوا")
            and (not partitive or (possessor and m > k + 2))
        ):
            # "كانوا في مهمة لإزالة الألغام"، "من وحدات الحدود والمشاة":
            # a clause or a phrase that describes them
            relative = True
            continue
        if m <= k + 3 and all(w.startswith("ال") for w in words[k + 1 : m + 1]):
            continue  # "عناصر الأمن العام"، "أفراد الشرطة": whose people they are
        if m == k + 1 and not partitive and _verb_follows(words, m + 1):
            continue  # "عمال إغاثة قتلوا": the noun whose workers they are
        if not (
            relative
            or member(words[m], PERSONS)
            or words[m] in PERSON_MODIFIERS
            or _adjective(words[m])
            # "خمسة من أفراد ميليشيا موالية للجيش قتلوا": after "N of the members
            # of", whose members they are: a group's name and what describes it
            # (the head in construct, so without the article: not "من القروض")
            or (
                possessor := partitive
                and m <= k + 4
                and not words[k].startswith(_THE)
                # a name's word, not كما، عندما; a thing's name in the chain too
                # ("ثلاثة من عمال نزع الألغام أصيبوا")
                and (_open_person(words[m]) or member(words[m], NOT_PERSONS, articles=True))
            )
        ):
            break
        if m - k > 4 and not relative:
            break
    return None


_PP_OPENERS = norm_set(_GRAMMAR["phrase_openers"])
#: The longest aside between a subject and its verb that is skipped whole.
_MAX_ASIDE = 20


_NOT_A_VERB = frozenset("لب")


def _of_whom(words: list[str], k: int, m: int) -> bool:
    """ "من" right after the people counted (at `k`) that says whose they are (خمسة
    جنود من الفرقة المدرعة), not a cause or a place (من جراء، من بين), and not
    after a casualty noun (عشرات القتلى والجرحى من الحوثيين)."""
    return (
        words[m] in _PREP_OF
        and m + 1 < len(words)
        and not member(words[m + 1], _NOT_OF_WHOM)
        and _lookup(words[k], NOUNS, articles=True) is None
    )


def _verb_follows(words: list[str], m: int) -> bool:
    """A casualty verb at `m`, or after one adjective there (عناصر أمن سعوديين قتلوا)."""
    for j in (m, m + 1):
        if j >= len(words):
            return False
        if _lookup(words[j], VERBS) and words[j][0] not in _NOT_A_VERB:
            return True  # (not لقتل، بقتل: "to kill", "of killing")
        if not _adjective(words[j]):
            return False
    return False


def _opens_aside(words: list[str], m: int) -> bool:
    """Whether the words after a comma at `m` are an aside about the people
    counted: a sub-count (بينهم، من بينهم) or a clause that describes them
    (كانوا في دورية، الذين ...)."""
    w = words[m]
    return (
        w in SUB_COUNT
        or (w in _PREP_OF and m + 1 < len(words) and words[m + 1] in SUB_COUNT)
        or member(w, RELATIVE_OPENERS)
        # "مدنيان، وهما شقيقان من سكان القرية، أصيبا"
        or w in _APPOSITION_PRONOUNS
        # "مدنيين اثنين، رجلا وامرأة في الستينيات من العمر، قتلا": who they are
        or _COUNTS_ITSELF[w]
    )


_APPOSITION_PRONOUNS = norm_set(_GRAMMAR["apposition_pronouns"])


#: Words before a number that make it a position (a minute, an article, a floor).
_POSITION_WORDS = norm_set(_GRAMMAR["position_words"])
_NOT_YET = norm_set(_GRAMMAR["negative_particles"])
_NISBA = ("ي", "يا", "ين", "يون", "يه", "يات", "يان", "يين", "يتين", "يتان")


def _adjective(word: str) -> bool:
    """A nationality or other nisba adjective (أذربيجانيين، الأرمينية، روسيا)."""
    return len(word) > 3 and word.endswith(_NISBA)


_POSSESSIVES = ("ها", "هم", "نا")
#: ه (his) only in the partitive "N من جنوده": after normalization a final ه is
#: also ة, and "1400 مدرسة" (schools) would read as "1400 of his teachers".
_PARTITIVE_POSSESSIVES = ("ها", "هم", "نا", "ه")


def _is_person(word: str, partitive: bool = False) -> bool:
    """A people-word, also with a possessive (جنودها، مقاتلينا، من عناصره)."""
    if member(word, PERSONS, articles=True):
        return True
    for suffix in _PARTITIVE_POSSESSIVES if partitive else _POSSESSIVES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return member(word[: -len(suffix)], PERSONS)
    return False


_FUNCTION_WORDS = norm_set(_GRAMMAR["function_words"])


def _open_person(word: str) -> bool:
    """A word that can name the people a number counts: a known people-word, or
    any noun not known to count something else (units, money, time, weapons,
    buildings: `not_persons`). The list of people-words cannot be complete
    (مقتل 6 معتمرين، إصابة 4 وافدين); the list of what is not people can be
    close to it."""
    if _is_person(word):
        return True
    if len(word) < 3 or word[0].isdigit() or word[0] == "و" or word in _FUNCTION_WORDS:
        return False
    if word in _TURNS or word in SUB_COUNT:
        return False  # "فيما"، "بينهم": a clause or an aside begins, nobody is named
    if word in _AFTER_OK or word in TIME_WORDS or member(word, NOT_PERSONS, articles=True):
        return False
    if any(_lookup(word, t, articles=True) for t in (NOUNS, VERBS, MASDARS)):
        return False
    return not (word in NUMBER_WORDS or word in VAGUE or member(word, MONTHS))


def _person_after(words: list[str], num: Number, kind: str | None = None) -> int | None:
    """Index of the people-word after the number, or -1 when the phrase just ends."""
    if words[num.last] in PERSON_DUALS or (
        num.last > num.first
        and not num.digits
        and (words[num.last] in ONE_AFTER or words[num.last] in TWO_AFTER)
    ):
        return num.last
    if _person_dual(words[num.last]) or _counted_after(words, num.first) is not None:
        return num.last
    if not num.digits and num.first == num.last and _personish(words[num.last]):
        return num.last  # "بينهم صبي": the word is both the count and the people
    k = num.last + 1
    if k >= len(words):
        return -1
    if words[k] in _PREP_OF and k + 1 < len(words) and _open_person(words[k + 1]):
        return k + 1  # partitive: "326 من المقاتلين"
    if _open_person(words[k]):
        return k
    if kind in _FAMILY_KINDS and member(words[k], FAMILIES, articles=True):
        return k
    if words[k] in _AFTER_OK or words[k][0] == "و":
        return -1
    if (
        num.vague
        and num.first == num.last
        and words[num.first].startswith(_THE)
        and num.first > 0
        and (_KINDS_BEFORE[words[num.first - 1]][0] or _KINDS_BEFORE[words[num.first - 1]][1])
    ):
        # "وأصيب العشرات بضربة صاروخية": the tens are the people its verb names
        return -1
    return None


def _before_number(
    toks: tuple[Token, ...],
    words: list[str],
    num: Number,
    q_first: int,
    used: frozenset[int] | set[int] = frozenset(),
) -> _Link | None:
    """V/M … N P and the cumulative K … N."""
    if (
        num.last + 1 < len(words)
        and not toks[num.last + 1].broken
        and words[num.last + 1] not in TIME_WORDS  # "وأصيب ثالث اليوم": today
        and member(words[num.last + 1], TIME_UNITS, articles=True)
    ):
        return None  # "تستعيد روحها بعد ثلاثة عقود": a duration, nobody counted
    broken_after = num.last + 1 < len(toks) and toks[num.last + 1].broken
    gap = 0
    k = q_first
    counted = _person_after(words, num)
    max_gap = _MAX_GAP_SUBJECT if counted is not None and counted >= 0 else _MAX_GAP_VERB
    if toks[q_first].broken and counted is not None and counted >= 0:
        # "قتل في ذلك الهجوم، الذي انتهى بوقف لإطلاق النار، نحو 200 جندي": a
        # relative clause between commas stands between the verb and its number
        # (which must count people: "مات ريتشي، الذي سددها ... (68)" is a minute)
        for b in range(q_first - 1, max(0, q_first - _MAX_ASIDE) - 1, -1):
            if toks[b].broken:
                if words[b] in _ASIDE_RELATIVES:
                    k = b
                break
    stop = max(-1, k - 1 - max_gap - 4)
    while k - 1 > stop:
        k -= 1
        w = words[k]
        if toks[k + 1].broken and gap:
            break
        since = _date_span(words, k)
        if since is not None:
            # "قتل منذ انتهاء حرب عام 2020 نحو 412 شخصا": the span that dates the
            # toll stands between the verb and its number and counts as no gap
            stop = max(-1, stop - (k - since))
            k = since
            continue
        masdar, verb, noun = _KINDS_BEFORE[w]
        kind = masdar or verb or noun
        if kind:
            person = _person_after(words, num, kind)
            if person is None and not broken_after:
                return None
            last = person if person is not None and person >= 0 else num.last
        if kind and gap and member(w, ADJACENT_ONLY):
            return None  # "فقد قرر ثلاثة أعضاء": the particle, not "lost"
        if masdar and gap <= 1:
            if (
                k > 0
                and w[0] == "و"
                and k - 1 not in used  # "مدنيا واحدا قتل وجرح 15": قتل has its own
                and _lookup(words[k - 1], MASDARS, articles=True)
                not in (
                    None,
                    masdar,
                )
            ):
                return None  # "مقتل وإصابة 15": one count for two kinds, neither alone
            return _Link(masdar, k if gap <= 1 else num.first, last, "masdar", k)
        if verb and gap <= max_gap:
            return _Link(verb, k if gap == 0 else num.first, last, "verb_before", k)
        if noun and (
            gap <= 3
            # "عدد النازحين داخليا في السودان يتجاوز الآن 9 ملايين": a count of
            # them reaches further
            or (
                gap <= _TOLL_GAP
                and k > 0
                and member(words[k - 1], _TOLL_WORDS, articles=True)
                and _reaches_its_number(words, q_first)
            )
        ):
            # ارتفع عدد القتلى إلى 50 / حصيلة الشهداء 30 ألفا
            return _Link(noun, num.first, last, "toll", k)
        if (
            _number_at(words, k) is not None
            and not _is_year(words, k)
            and not (k > 0 and member(words[k - 1], _POSITION_WORDS))  # "حركة إم 23": a name
        ):
            break
        if w not in _LINK:
            gap += 1
        if max_gap > _MAX_GAP_VERB and (member(w, _SUBJECT_STOPS) or w.startswith(("وي", "وت"))):
            # "حين أطلقت الشرطة النار على مئات"، "ويبقى نحو 75 ألفا" (و and a
            # verb in the present): another clause or another verb's object
            # stands between; no subject
            max_gap = _MAX_GAP_VERB
        if gap > max_gap:
            break
    return None


def _evacuation_before(toks: tuple[Token, ...], words: list[str], q_first: int) -> int | None:
    """A verb or masdar of evacuation a few words before a count, in its clause
    (a subject may stand between: "أجلت فرق الهلال الأحمر 45 مصابا")."""
    k = q_first - 1
    while k >= 0 and q_first - k <= _MAX_GAP_SUBJECT and not toks[k + 1].broken:
        masdar, verb, _ = _KINDS_BEFORE[words[k]]
        if "evacuated" in (masdar, verb):
            return k
        if _number_at_plain(words, k) is not None:
            return None
        k -= 1
    return None


def _kinds_before(word: str) -> tuple[str | None, str | None, str | None]:
    """The kind a word before a number names as a masdar, a verb and a noun."""
    return (
        _lookup(word, MASDARS, articles=True) or _possessed(word, MASDARS),
        _lookup(word, VERBS),
        _noun_kind(word),  # also with a possessive: "عدد مفقوديها بنحو ألف"
    )


#: `_kinds_before` remembered per word (`_before_number` asks it of every word it
#: walks back over).
_KINDS_BEFORE: WordMemo[tuple[str | None, str | None, str | None]] = WordMemo(_kinds_before)


def _date_span(words: list[str], k: int) -> int | None:
    """Where the date that ends with the year at `k` begins: a "since" span (منذ
    انتهاء حرب عام 2020) or a year with the words that introduce it (بين عامي
    1991 و1994، خلال عام 2023)."""
    if not timeframe.YEAR.match(words[k]):
        return None
    if timeframe.since_before(words, k):
        for j in range(k - 1, -1, -1):
            if member(words[j], timeframe.SINCE):
                return j
    j = k - 1
    while (
        j >= 0
        and k - j <= _DATE_REACH
        and (
            member(words[j], _YEAR_BEFORE)
            or member(words[j], _DATE_OPENERS)
            or timeframe.YEAR.match(words[j])
            or words[j] == "و"
        )
    ):
        j -= 1
    return j + 1 if j + 1 < k else None


def _is_year(words: list[str], k: int) -> bool:
    """A year, not a count: 2011 in "منذ عام 2011", 2023 in "19 سبتمبر 2023"."""
    if not timeframe.YEAR.match(words[k]) or k == 0:
        return False
    before = words[k - 1]
    if before == "و" and k > 1 and timeframe.YEAR.match(words[k - 2]):
        return True  # "بين عامي 1988 و1994"
    return (
        member(before, _YEAR_BEFORE)
        or member(before, MONTHS)
        or (before in _MONTH_ORDINALS and k > 1 and member(words[k - 2], _MONTH_PAIRED))
    )


_MAY = norm_set(_GRAMMAR["may"])
_REACH = norm_set(_GRAMMAR["reach"])


_THEIR_COUNT = norm_set(_GRAMMAR["their_count"])
_REACHED = norm_set(_GRAMMAR["reached"])
_TO = norm_word(_GRAMMAR["to"][0])
#: Before a verb of reaching: it may reach, it is expected to (أن يرتفع، التوقع بأن).
_EXPECTED = norm_set(_GRAMMAR["expected"])


_LIVES = norm_set(_GRAMMAR["lives"])
#: How far after the verb of losing its object, their lives, may stand.
_LIVES_REACH = 8


def _lost_lives(words: list[str], link: _Link) -> bool:
    """ "فقد ثلاثة جنود حياتهم": the lost lost their lives; they are the dead."""
    lo = min(link.trigger, link.first)
    return any(w in _LIVES for w in words[lo : max(link.trigger, link.last) + _LIVES_REACH])


def _their_number_reaches(words: list[str], q_first: int) -> bool:
    """A count right after "their number reaches / rose to" (يصل عددهم إلى،
    ارتفع العدد إلى): a new count of the figure the sentence told before."""
    return (
        q_first >= 3
        and words[q_first - 1] == _TO
        and words[q_first - 2] in _THEIR_COUNT
        and (member(words[q_first - 3], _REACH) or member(words[q_first - 3], _REACHED))
    )


def _may_reach(words: list[str], trigger: int) -> bool:
    """A toll that "may reach" its number (قد يصل عدد القتلى إلى ...)."""
    for k in range(max(1, trigger - 4), trigger):
        if words[k] in _REACH and member(words[k - 1], _MAY):
            return True
    return False


def _is_clock(text: str, tok: Token) -> bool:
    """Part of a time of day (10:30), not a count."""
    before = text[tok.start - 2 : tok.start]
    after = text[tok.end : tok.end + 2]
    return (len(before) == 2 and before[1] == ":" and before[0].isdigit()) or (
        len(after) == 2 and after[0] == ":" and after[1].isdigit()
    )


def _is_day(words: list[str], k: int) -> bool:
    """A day of the month, not a count: 19 in "في 19 سبتمبر"."""
    return k + 1 < len(words) and words[k + 1] in MONTHS and len(words[k]) <= 2


#: How far a toll noun after عدد or حصيلة may stand before its number.
_TOLL_GAP = 5
#: "Now" between a verb of qualifying and its number (يتجاوز الآن 9 ملايين).
_NOW = norm_set(_GRAMMAR["now"])
_UNTIL = norm_word("حتى")


def _reaches_its_number(words: list[str], q_first: int) -> bool:
    """A verb of reaching or exceeding right before the number (now between
    them or not): يتجاوز الآن 9 ملايين، بلغ 500، ارتفع إلى 40."""
    j = q_first - 1
    if j > 0 and words[j] in _NOW:
        j -= 1
    if j > 0 and words[j] == _TO:
        j -= 1
    return j >= 0 and (
        words[j] in _ONE_WORD_QUALIFIERS or member(words[j], _REACH) or member(words[j], _REACHED)
    )


def _qualifier(words: list[str], num: Number) -> tuple[str, int]:
    """The qualifier before the number and the index where the figure's phrase starts."""
    i = num.first
    if i == 0:
        return "exact", i
    if i > 1 and words[i - 1] in _NOW and words[i - 2] != _UNTIL:  # not "حتى الآن"
        qual, start = _qualifier(words, Number(num.value, num.vague, i - 1, num.last, num.digits))
        if qual != "exact":
            return qual, start
    prev = words[i - 1]
    # Only phrases that end with the word before the number (or, for one-word
    # phrases, with that word behind a clitic) can match: a dict look-up
    # instead of a pass over every phrase.
    # ("يقدر بنحو" ends with the word itself, "نحو" with it behind a clitic: both)
    candidates = (*_QUALIFIERS_BY_LAST.get(prev, ()), *_QUALIFIERS_BY_LAST.get(prev[1:], ()))
    for phrase, q in candidates:
        k = len(phrase)
        if i - k < 0:
            continue
        cand = words[i - k : i]
        first = cand[0]
        if tuple(cand[1:]) == phrase[1:] and (
            first == phrase[0] or (first[0] in "وفب" and first[1:] == phrase[0])
        ):
            return q, i - k
    return _qualifying_verb(words, i) or "exact", i


def _qualifier_after(words: list[str], last: int, num_last: int | None = None) -> str | None:
    """A qualifier just after the figure, or between its number and its verb
    ("170 شخصا على الأقل لقوا حتفهم")."""
    lo = last + 1 if num_last is None else min(num_last + 1, last + 1)
    for phrase, q in QUALIFIERS_AFTER:
        for start in range(lo, last + 3):
            seg = tuple(words[start : start + len(phrase)])
            if seg == phrase:
                return q
    return None


def _negated(words: list[str], lo: int) -> bool:
    if clause.negated(words, lo, NEGATIONS):
        return True
    # "لم يسفر القصف عن مقتل خمسة": a negated verb of result governs the figure
    # through عن / إلى, however long its subject
    if lo > 0 and words[lo - 1] in _RESULT_PREPOSITIONS:
        for k in range(lo - 2, max(-1, lo - 2 - _MAX_SUBJECT), -1):
            if member(words[k], _RESULT_VERBS):
                return k > 0 and member(words[k - 1], NEGATIONS)
    return False


_RESULT_PREPOSITIONS = norm_set(_GRAMMAR["result_prepositions"])
_RESULT_VERBS = norm_set(_GRAMMAR["result_verbs"])


#: Source markers and reporting verbs in every form behind clitics (`member`'s).
_SOURCE_MARKER_FORMS = screen(SOURCE_MARKERS, articles=False)
_REPORTING_FORMS = screen(REPORTING, articles=False)


def _attribution(para: Paragraph, toks: tuple[Token, ...], words: list[str], at: int) -> str | None:
    n = len(words)
    for k, w in enumerate(words if not _SOURCE_MARKER_FORMS.isdisjoint(words) else ()):
        if member(w, SOURCE_MARKERS):
            lo = k + 1
            while lo < n and (
                words[lo] in _CLAIMANT_OPENERS
                or (words[lo].endswith("ه") and member(words[lo][:-1], REPORTING))
            ):
                lo += 1  # وفق ما أعلنه الدفاع المدني: the claimant follows the verb
            return _phrase(para, toks, words, lo, min(n, lo + 6))
    if _REPORTING_FORMS.isdisjoint(words):
        return None  # no reporting verb before the figure or after it
    verb = None
    for k in range(at - 1, -1, -1):
        if member(words[k], REPORTING):
            verb = k
            break
    if verb is None:
        for k in range(at + 1, n):
            if member(words[k], REPORTING):
                if k + 1 < n and _number_at(words, k + 1) is not None:
                    return None  # "ونقل ثلاثة منهم إلى المستشفى": moved, not reported
                return _phrase(para, toks, words, k + 1, min(n, k + 6))
        return None
    end = None
    for k in range(verb + 1, min(n, verb + 1 + _MAX_SUBJECT)):
        if words[k] in _THAT:
            end = k
            break
        if (
            _lookup(words[k], MASDARS, True)
            or (k > verb + 1 and _number_at(words, k))
            or (k > verb + 1 and (words[k] in _TOLL_WORDS or member(words[k], CUMULATIVE, True)))
        ):
            end = k  # the claimant ends where the figure's words begin
            break
    if end is None:
        end = min(n, verb + 6)
    if verb + 1 < n and _number_at(words, verb + 1) is not None:
        end = verb + 1  # the verb counts people (نقل ثلاثة منهم): no claimant after it
    found = _phrase(para, toks, words, verb + 1, end)
    if found is None:
        # Subject before the verb: "وكانت أرمينيا قد أعلنت أن ..."
        lo = verb
        while lo > 0 and verb - lo < 4 and not toks[lo].broken:
            lo -= 1
        while lo < verb and member(words[lo], _AUXILIARIES):
            lo += 1
        hi = verb
        while hi > lo and member(words[hi - 1], _AUXILIARIES):
            hi -= 1
        if lo < hi:
            found = _phrase(para, toks, words, lo, hi)
    return found


def _phrase(
    para: Paragraph, toks: tuple[Token, ...], words: list[str], lo: int, hi: int
) -> str | None:
    """The claimant's words, trimmed of time words and trailing 'in ...' phrases:
    in "روبن فاردانيان في إدارة قره باغ" the phrase after في describes the
    speaker; the name before it is what a reader needs."""
    return clause.phrase(
        para,
        toks,
        lo,
        hi,
        skip=TIME_WORDS.__contains__,
        ends=lambda pos, w: (
            (pos >= 2 and w == _IN_PLACE)
            or w in _PHRASE_END
            or w in ADDRESSEES
            # "أعلنت وزارة الدفاع الروسية استعادة 140": what it announced
            or (pos >= 1 and _lookup(w, MASDARS, True) is not None)
        ),
        max_words=hi - lo,
        strip_tail=lambda w: w in TIME_WORDS or member(w, _THAT),
    )


_HEADLINE_SOURCE = re.compile(r"^\s*([^\W\d_][^:\n\d]{1,40}?)\s*:\s*\S")


#: Headline prefixes that are no speaker: labels, and the places of conflicts
#: ("سوريا: قتلى في غارات" is about Syria, not said by it).
_HEADLINE_NOT_SOURCE = norm_set(_GRAMMAR["headline_not_source"]) | frozenset(
    w for names in load("conflicts")["conflicts"].values() for n in names for w in norm_phrase(n)
)


def _headline_source(sentence: str) -> str | None:
    """The speaker of a news-style lead "الصحة: 32 قتيلا ..." (up to four words)."""
    m = _HEADLINE_SOURCE.match(sentence)
    if not m or len(m.group(1).split()) > 4:
        return None
    words = normalize(m.group(1)).split()
    if (
        not SCREEN.isdisjoint(words)
        or words[0][0] == "و"
        or not _HEADLINE_NOT_SOURCE.isdisjoint(words)
    ):
        return None  # "قتلى وجرحى: ..."، "عاجل: ..."، "سوريا: ..." (a place) name no speaker
    return m.group(1)


def _is_percent(text: str, tok: Token, words: list[str], first: int) -> bool:
    """A rate, not a count: "20%", "بنسبة 20 في المئة"."""
    after = text[tok.end : tok.end + 2].lstrip()
    return after.startswith("%") or (first > 0 and member(words[first - 1], _RATE))


_RATE = norm_set(_GRAMMAR["rate_words"])
#: "بين القتلى 125 عنصرا": a part of the toll named before it.
_AMONG = norm_set(_GRAMMAR["among"])
#: What may follow a bare part of a figure: how they are (في حالة حرجة، بحالة خطرة).
_STATE_OPENERS = norm_set(_GRAMMAR["state_openers"])


def _among_the(words: list[str], i: int) -> bool:
    """ "بين القتلى N ..." introduces a part of a toll of the kind it names."""
    return i > 1 and member(words[i - 2], _AMONG) and _lookup(words[i - 1], NOUNS, True) is not None


def _explains_the_rise(
    words: list[str],
    figure: tuple[_Link, Number | None, str],
    found: list[tuple[_Link, Number | None, str]],
) -> bool:
    """ "ارتفع عدد القتلى إلى أربعة، بعد وفاة أحد الجنديين المصابين": the death
    after بعد is how the toll before it rose, no figure of its own."""
    link, num, _ = figure
    k = link.trigger
    if (
        num is not None
        and num.value == 1
        and any(
            f is not figure
            and f[0].kind == link.kind
            and f[1] is not None
            and (f[1].value or 0) > 1  # a toll told first, of more than one
            and f[0].last < min(k, link.first)
            and not _AFTER_THAT.isdisjoint(words[f[0].last + 1 : min(k, link.first)])
            for f in found
        )
    ):
        # "ارتفعت حصيلة القتلى إلى خمسة، بعد ... عثور الفرق على جثة عسكري آخر":
        # one more after the toll, told after "بعد", is how the toll rose
        return True
    if link.via != "masdar" or num is None or words[num.first] not in _ONE_OF:
        return False  # "بعد مقتل جنديين في قصف جديد" is news of its own
    if k < 1 or words[k - 1] not in _AFTER_THAT:
        return False
    return any(f[0].kind == link.kind and f[0].last < k for f in found if f is not figure)


def _latest_of_its_toll(
    words: list[str],
    figure: tuple[_Link, Number | None, str],
    found: list[tuple[_Link, Number | None, str]],
) -> bool:
    """ "وفاة عسكري ثالث ...، ليرتفع عدد قتلى الحادث إلى ثلاثة": an ordinal
    person is the latest of a toll of the same kind that the sentence gives; of
    another kind he is one more (لقيا حتفهما، وأصيب شخص ثالث: one wounded)."""
    link, num, _ = figure
    if num is None or num.value != 1 or words[num.last] not in _ORDINALS:
        return False
    return any(
        f is not figure and f[0].kind == link.kind and f[1] is not None and (f[1].value or 0) > 1
        for f in found
    )


def _partitive_people(words: list[str], k: int) -> bool:
    """ "من المدنيين" at `k`: the people a number before it counts ("أجلت السلطات
    2000 من المدنيين" is no year 2000)."""
    return k + 1 < len(words) and words[k] in _PREP_OF and _open_person(words[k + 1])


def _a_release(words: list[str], link: _Link) -> bool:
    """A release or an exchange (أفرجت عن، إطلاق سراح، تبادل) that governs a figure
    of captured people, at its trigger or just before its people: today's news,
    whenever they were taken ("جنديين عبرا الحدود العام الماضي")."""
    if link.kind != "captured":
        return False
    near = (link.trigger, *range(max(0, link.first - 4), link.first))
    return any(0 <= k < len(words) and member(words[k], _RELEASES, articles=True) for k in near)


def _taken_earlier(words: list[str], end: int, year: int | None) -> bool:
    """The first past time after a released figure (ending at `end`) belongs to a
    clause about its people ("جنديين أذربيجانيين عبرا الحدود العام الماضي"، "12 أسيرا
    اعتقلوا قبل عامين"): words stand between that are no phrase of the figure's own
    (not "في غزة العام الماضي", not "عام 2019" right after it)."""
    phrase = timeframe.past_phrase_at(words[end + 1 :])
    times = [end + 1 + phrase] if phrase is not None else []
    times += [k for k in range(end + 1, len(words)) if timeframe.past_year(words, k, year)]
    if not times:
        return False
    between = words[end + 1 : min(times)]
    return bool(between) and not (member(between[0], _FUNCTION_WORDS) or between[0] in _YEAR_BEFORE)


def _listed_after_colon(
    sent: Sentence, i: int, found: list[tuple[_Link, Number | None, str]]
) -> bool:
    """A count right after a colon that ends a figure lists its parts: "أودت
    الاشتباكات بحياة أربعة جنود: ثلاثة أذربيجانيين وجندي أرميني واحد"."""
    toks = sent.tokens
    if not found or i == 0 or not toks[i].broken:
        return False
    if ":" not in sent.text[toks[i - 1].end : toks[i].start]:
        return False
    return _previous(found, i).last == i - 1


def _next_in_list(
    words: list[str], i: int, found: list[tuple[_Link, Number | None, str]], breaks: list[bool]
) -> bool:
    """The next item of a list of sub-counts: "بينهم 20 طفلا و25 سيدة و3 مسعفين"
    (every item is a part of the same toll)."""
    if not found or i < 2 or words[i - 1] != "و":
        return False
    prev = _previous(found, i)
    return prev.via == "sub_count" and i - 3 <= prev.last < i and not breaks[i - 1]


def _glued_next_in_list(
    words: list[str], i: int, found: list[tuple[_Link, Number | None, str]]
) -> bool:
    """The same, with و glued to the item: "وجندي واحد"، "وتسعة عسكريين"."""
    if not found or not words[i].startswith("و") or len(words[i]) < 3:
        return False
    prev = _previous(found, i)
    return prev.via == "sub_count" and i - 2 <= prev.last < i


def _conjunct(
    words: list[str],
    i: int,
    num: Number,
    found: list[tuple[_Link, Number | None, str]],
    breaks: list[bool],
    q_first: int,
) -> _Link | None:
    """A number joined by و to a figure just before it counts the same kind:
    "مقتل 40 مدنيا، بينهم 15 طفلا، و11 عسكريا"، "174 طفلا و89 امرأة". After a
    comma that closes a sub-count, it joins the figure the sub-count belongs to.
    `q_first`: where the number's qualifier begins (the number if none)."""
    glued = (
        words[i].startswith("و")
        and len(words[i]) > 2
        and words[i] not in NUMBER_WORDS  # واحد، وحيد are words, not و + a word
        and words[i] not in _COUNT_AFTER
    )
    # "أودت بحياة 6500 جندي، إلى جانب مئات المدنيين": more of the same kind,
    # joined by "in addition to" (across the comma before it)
    added = q_first >= 2 and tuple(words[q_first - 2 : q_first]) in _IN_ADDITION
    if not found or not (glued or added or (i > 0 and words[i - 1] == "و")):
        return None
    at = q_first - 2 if added else i if glued else i - 1  # the word that carries و
    prev = _previous(found, at)
    if prev.last >= at:
        return None  # the figures found so far are all further on (a construction's)
    between = range(prev.last + 1, at)
    if len(between) > 8 or any(
        _number_at_plain(words, k) is not None or _lookup(words[k], VERBS) for k in between
    ):
        return None  # "125 عنصرا من قوات الأمن العام ووزارة الدفاع، و148 مسلحا" still joins
    person = _person_after(words, num)
    if person is None or (added and person < 0):
        return None  # (what is added is people named: "إلى جانب 3 دبابات" is not)
    if person >= 0 and person + 1 < len(words):
        named = _lookup(words[person + 1], MASDARS, articles=True) or _lookup(
            words[person + 1], NOUNS, articles=True
        )
        if named is not None and named != prev.kind:
            return None  # "66 جريمة قتل، فضلا عن 64 حالة إصابة": its own kind
    last = person if person >= 0 else num.last
    if not added and any(breaks[k] for k in range(prev.last + 1, at + 1)):
        if prev.via != "sub_count":
            return None
        heads = [f[0] for f in found if f[0].via != "sub_count" and f[0].last < prev.first]
        # "بين القتلى 125 عنصرا ...، و148 مسلحا": the sub-count named its kind itself
        head = max(heads, key=lambda link: link.last) if heads else prev
        return _Link(head.kind, num.first, last, "conjunct", head.trigger)
    via = "sub_count" if prev.via == "sub_count" else "conjunct"
    return _Link(prev.kind, num.first, last, via, prev.trigger)


def _died_of(words: list[str], num: Number, q_first: int, link: _Link) -> _Link:
    """ "وفاة اثنين من المصابين": the death before the number counts them; the
    wounded they were are where they came from."""
    k = q_first - 1
    if k < 0 or num.last + 1 >= len(words) or words[num.last + 1] not in _PREP_OF:
        return link
    if (_lookup(words[k], MASDARS, True) or _lookup(words[k], VERBS)) == "killed":
        return _Link("killed", num.first, link.last, "partitive_death", k)
    return link


def _qualifying_verb(words: list[str], first: int) -> str | None:
    """The qualifier verb of "يقارب عددهم N" (the number's own word between) or of
    "تجاوز عدد المصابين N" (the toll word and its people between)."""
    if first >= 2 and words[first - 1] in _THEIR_NUMBER:
        return _ONE_WORD_QUALIFIERS.get(words[first - 2])
    if first >= 3 and member(words[first - 2], _TOLL_WORDS, articles=True):
        verb = words[first - 3]
        return _ONE_WORD_QUALIFIERS.get(verb) or _ONE_WORD_QUALIFIERS.get(verb[1:])
    return None


def _accusative_one(word: str) -> bool:
    """The accusative of a singular people-word (جنديا، مدنيا): a count of one."""
    return len(word) >= 4 and word.endswith("ا") and member(word[:-1], PERSON_SINGULARS)


def _one_before_its_verb(words: list[str], i: int) -> bool:
    """An indefinite singular people-word that is the subject of a casualty verb
    right after it (its adjectives between): "أن جنديا أذربيجانيا قتل"."""
    if not _accusative_one(words[i]):
        return False
    j = i + 1
    while j < len(words) and j <= i + 2 and _adjective(words[j]):
        j += 1
    return j < len(words) and _lookup(words[j], VERBS) is not None


def _bare_part(words: list[str], i: int, num: Number, breaks: list[bool] | None) -> bool:
    """A number right after بينهم / منهم (`i`: where its phrase starts, after a
    qualifier) with no noun of its own: a part of the figure before it, followed
    by nothing, by how they are ("في حالة حرجة") or by what they did ("عبروا")."""
    if i == 0 or words[i - 1] not in SUB_COUNT:
        return False
    k = num.last + 1
    return (
        k >= len(words)
        or (breaks is not None and breaks[k])
        or member(words[k], _STATE_OPENERS)
        or (len(words[k]) > 3 and words[k].endswith("وا"))  # a past verb of theirs
    )


def _noun_before(words: list[str], i: int) -> tuple[str, int] | None:
    """The casualty noun nearest before `i` in the sentence, and where it is."""
    for j in range(i - 1, -1, -1):
        kind = _lookup(words[j], NOUNS, True)
        if kind is not None:
            return kind, j
    return None


def _previous(found: list[tuple[_Link, Number | None, str]], i: int) -> _Link:
    """The figure that ends nearest before word i (the one a sub-count belongs to)."""
    before = [f[0] for f in found if f[0].last < i]
    return max(before, key=lambda link: link.last) if before else found[-1][0]


@lru_cache(maxsize=1 << 16)
def _could_start_figure(word: str) -> bool:
    """Whether a construction's FIGURE may begin at this word: a qualifier, a number
    (digits, words, vague sizes, behind و or ب), a dual or a people-word."""
    return (
        word[0].isdigit()
        or word in _QUALIFIER_FIRST
        or word in NUMBER_WORDS
        or word in VAGUE
        or (len(word) > 2 and word[0] in "وب" and (word[1:] in NUMBER_WORDS or word[1:] in VAGUE))
        or word in _ONE_OF
        or word in ORDINAL_ONE
        or _personish(word)
    )


def _may_count(word: str) -> bool:
    """Whether `_figures`' scan can find anything at this word whatever its
    neighbours (a dual, a number, a people-word, one of them, a third one),
    except for the number after a noun (عاملين اثنين), which the scan tests by
    the next word. Every other word is passed over with one look-up."""
    if word not in _COUNT_FORMS and not word[0].isdigit() and not word.endswith(_COUNT_ENDINGS):
        return False  # what every test of `_may_count_exactly` needs, checked in C first
    return _may_count_exactly(word)


def _may_count_exactly(word: str) -> bool:
    return bool(
        _lookup(word, DUALS, articles=True)
        or word in PERSON_DUALS
        or word in ORDINAL_ONE
        or word in _ONE_OF
        or word in _ONE_OF_THEM
        or word[0].isdigit()
        or word in NUMBER_WORDS
        or word in VAGUE
        or (len(word) > 2 and word[0] in "وب" and (word[1:] in NUMBER_WORDS or word[1:] in VAGUE))
        or word in _DEFINITE_TENS
        or _personish(word)
        or _accusative_one(word)
    )


#: Every word `_may_count` can be true of, but for digits and the endings of a
#: dual (ان، ين), an accusative (ا) or a possessive (ها، هم، نا): the listed words
#: behind every prefix their tests strip.
_COUNT_FORMS = (
    screen([*DUALS, *PERSON_SINGULARS, *PERSONS])
    | PERSON_DUALS
    | ORDINAL_ONE
    | _ONE_OF
    | _ONE_OF_THEM
    | NUMBER_WORDS
    | frozenset(VAGUE)
    | frozenset(c + w for c in "وب" for w in (*NUMBER_WORDS, *VAGUE))
    | _DEFINITE_TENS
)
_COUNT_ENDINGS = ("ا", "ان", "ين", "هم")
#: `_may_count` and "may count itself" (the paragraph screen of
#: `detect_casualties`), remembered per word.
_MAY_COUNT: WordMemo[bool] = WordMemo(_may_count)
_COUNTS_ITSELF: WordMemo[bool] = WordMemo(lambda w: _counts_itself(w) or _accusative_one(w))


def _construction_figure(words: Sequence[str], i: int) -> tuple[tuple[Number, str], int] | None:
    """The counted people a construction's FIGURE slot holds at word i: an
    optional qualifier, a number (or a dual, or a singular people-word: one),
    then the people-word and its adjectives."""
    ws = words if isinstance(words, list) else list(words)
    qual, j = "exact", i
    for phrase, q in _QUALIFIERS_BY_FIRST.get(ws[i], ()):
        if tuple(ws[i : i + len(phrase)]) == phrase:
            qual, j = q, i + len(phrase)
            break
    if j >= len(ws):
        return None
    num = _number_at(ws, j)
    if num is not None and num.digits and num.last + 1 < len(ws) and ws[num.last + 1].isdigit():
        return None  # "نحو 6,1 ملايين": a decimal the tokens split, no count to read
    # the people-word counts itself (a dual, a singular): its adjectives follow it
    itself = (
        num is None
        or _person_dual(ws[j])
        # the number after its noun: "مواطنان اثنان"، "عسكري روسي واحد"
        or (num.last > num.first and ws[num.last] in _COUNT_AFTER)
    )
    if num is None and _person_dual(ws[j]):
        num = Number(2, None, j, j, False)  # "فيما يتلقى جنديان العلاج": two
    elif num is None:
        if not member(ws[j], PERSON_SINGULARS):  # indefinite: "الأذربيجاني" is an adjective
            return None
        num = Number(1, None, j, j, False)  # "راح ضحيته جندي": one
    elif num.digits and (_is_year(ws, j) or _is_day(ws, j)):
        return None
    elif num.last + 1 < len(ws) and member(ws[num.last + 1], TIME_UNITS):
        return None  # "قضى 20 عاما خلف القضبان": a duration, nobody counted
    last = num.last
    if last + 1 < len(ws) and member(ws[last + 1], _PREP_OF) and last + 2 < len(ws):
        last += 1  # partitive: 5 من الجنود
    if itself or (last + 1 < len(ws) and _open_person(ws[last + 1])):
        last += 0 if itself else 1
        while (
            last + 1 < len(ws)
            and _adjective(ws[last + 1])
            and ws[last + 1] not in _HELD_PARTICIPLES
            # "بحياة 6500 جندي ومئات المدنيين": a count of more people, which
            # its letters (-يات) would make an adjective
            and _number_at_plain(ws, last + 1) is None
        ):
            last += 1
    if itself and last + 1 < len(ws) and ws[last + 1] in _COUNT_AFTER:
        last += 1  # the number after its noun: "مواطنان اثنان"، "عسكري روسي واحد"
    if num.vague:
        qual = num.vague
    elif qual == "exact":
        qual = _qualifier(ws, num)[0]  # "تجاوز 350": the link word is the qualifier
    return (num, qual), last


def _is_count(words: Sequence[str], k: int) -> bool:
    """A number a construction's gap may not run over (a year, a day of the month
    or a duration may: "التي اندلعت قبل خمسة أيام")."""
    ws = words if isinstance(words, list) else list(words)
    num = _number_at_plain(ws, k)
    if num is None or (k > 0 and member(ws[k - 1], _POSITION_WORDS)):
        return False  # (للواء 58: a unit's number)
    if num.last + 1 < len(ws) and (
        member(ws[num.last + 1], TIME_UNITS) or member(ws[num.last + 1], NOT_PERSONS, articles=True)
    ):
        return False  # "مبنى مؤلف من أربعة طوابق": a count of things, not of people
    return not (num.digits and (_is_year(ws, k) or _is_day(ws, k)))


def _possessed(
    word: str, table: dict[str, str], min_stem: int = 4, final_alif: bool = False
) -> str | None:
    """The kind of a word with a possessive pronoun: a masdar ("إفراجها عن 97
    أسيرا") or, with `final_alif`, a noun whose final ى is written ا before the
    pronoun (قتلاها، جرحاهم), or a sound plural that drops its ن (مفقوديها).
    A definite word takes no possessive: "اللاجئة" is no "اللاجئ" + ـه."""
    if word.startswith(("ال", "لل")) or (word[:1] in "وفبك" and word[1:3] == "ال"):
        return None
    for suffix in _POSSESSIVE_SUFFIXES:
        stem = word.removesuffix(suffix)
        if stem != word and len(stem) >= min_stem:
            if final_alif and stem.endswith("ا"):
                stem = stem[:-1] + "ي"
            kind = _lookup(stem, table, articles=True)
            if kind:
                return kind
            if final_alif and suffix != "ه" and stem.endswith("ي"):
                # a sound plural loses its ن before the pronoun (مفقوديها: مفقودين);
                # not before ـه, which is also a normalized ة (لاجئة)
                kind = _lookup(stem + "ن", table, articles=True)
                if kind:
                    return kind
    return None


def _noun_kind(word: str) -> str | None:
    """The kind of a casualty noun, also with a possessive."""
    return _lookup(word, NOUNS, articles=True) or _possessed(word, NOUNS, 3, final_alif=True)


#: `_noun_kind` remembered per word (the constructions ask it of every word).
_NOUN_KIND: WordMemo[str | None] = WordMemo(_noun_kind)

_DENIED_AFTER_FIRST = frozenset(p[0] for p in DENIED_AFTER)
_DENIAL_SCREEN = _DENIED_AFTER_FIRST | screen(clause.DENIALS, articles=False)


def _undenied(
    words: list[str], found: list[tuple[_Link, Number | None, str]]
) -> list[tuple[_Link, Number | None, str]]:
    """Drop the figures a denial governs (`clause.denied`), and those of a clause
    that a phrase after it denies (... وهو ما نفته الوزارة)."""
    if _DENIAL_SCREEN.isdisjoint(words):
        return found
    denied_before = [
        k
        for k in range(len(words))
        if words[k] in _DENIED_AFTER_FIRST
        and any(tuple(words[k : k + len(p)]) == p for p in DENIED_AFTER)
    ]
    return [
        f
        for f in found
        if not clause.denied(words, f[0].first) and not any(f[0].first < k for k in denied_before)
    ]


def _dating(
    words: list[str],
    counts: frozenset[int],
    year: int | None,
    breaks: list[bool] | None,
) -> Callable[[int], bool]:
    """Whether the sentence dates the figure at a word to the past (see
    `timeframe`), read once for all its figures: `counts` are the figures' own
    numbers ("مقتل 1802 منذ ..." is no year 1802), `year` the item's own year. A
    year after the figure dates it only inside its own clause: "يحتجز الجنديان
    منذ أبريل، فيما أسر معظم العسكريين خلال مواجهات عامي 2020 و2022" keeps the
    two held today."""
    if timeframe.anniversary(words) or (words and words[0] in _BACKGROUND_LABELS):
        return lambda at: True  # a commemoration; a live blog's "خلفية:" entry
    phrase = timeframe.past_phrase_at(words)
    if phrase is not None:
        # "قتل 12 جنديا اليوم ...، بعد ثلاث سنوات من الحرب الأولى": a word of the
        # day's news between the figure and a past phrase after it keeps it today's
        return lambda at: phrase < at or not timeframe.present_marker(words[at:phrase])
    years = [k for k, w in enumerate(words) if k not in counts and timeframe.YEAR.match(w)]
    if not years:
        return lambda at: False
    war = any(member(w, HISTORICAL, articles=True) for w in words)
    # "الاتفاق المبرم بين البلدين في مايو 2025": the year dates the agreement
    past = [
        k
        for k in years
        if timeframe.past_year(words, k, year, war) and not _agreement_date(words, k)
    ]
    if past and timeframe.pluperfect(words):
        # "وكان أكثر من مئة ألف أرمني قد اضطروا ... بعد العملية ... في سبتمبر 2023":
        # background told as such, whatever the clauses
        return lambda at: True

    def dated(at: int) -> bool:
        if any(k < at and _when_clause(words, k, at, year) for k in years):
            return True  # "منذ عام 2015، حين أودى زلزال نيبال بحياة 9 آلاف": that year's
        # A past year after the figure dates it unless its clause turns first or
        # says it is today's (قتل 3 جنود اليوم في القرية التي دمرتها حرب 2020)
        return any(
            k < at
            or not (_clause_turns(words, breaks, at, k) or timeframe.present_marker(words[at:k]))
            for k in past
        )

    return dated


_WHEN_CLAUSE = norm_set(_GRAMMAR["when_clause"])
_RELATIVE_WHEN = norm_set(_GRAMMAR["relative_when"])
#: The first words of the constructions that start with a word (أودى، حصد).
_IDIOM_STARTS = constructions.FIRST_WORDS
_BACKGROUND_LABELS = norm_set(_GRAMMAR["background_labels"])
_ILLNESS_PLACES = norm_set(_GRAMMAR["illness_places"])


def _of_illness(words: list[str]) -> bool:
    """A disease is named as a cause, not as the name of a ward or a hospital
    ("حريق في ردهة الأمراض الصدرية" kills by fire)."""
    return any(
        member(w, EXCLUDE, articles=True)
        and not (k and member(words[k - 1], _ILLNESS_PLACES, articles=True))
        for k, w in enumerate(words)
    )


_CONCLUDED = norm_set(_GRAMMAR["concluded"])
#: How far before its year the participle of a concluded agreement may stand.
_CONCLUDED_REACH = 6


def _agreement_date(words: list[str], k: int) -> bool:
    """The year at `k` is when an agreement was concluded (المبرم بين البلدين في
    مايو 2025، الموقع عام 2020): it dates the agreement, not a figure."""
    return any(
        member(words[j], _CONCLUDED, articles=True) for j in range(max(0, k - _CONCLUDED_REACH), k)
    )


def _when_clause(words: list[str], k: int, at: int, year: int | None) -> bool:
    """A past year followed by "when ..." that holds the figure: the figure is of
    that year, even after "since"."""
    w = words[k]
    if not timeframe.YEAR.match(w) or (year is not None and int(w) >= year):
        return False
    return any(
        member(words[j], _WHEN_CLAUSE)
        or (
            member(words[j], _RELATIVE_WHEN)
            and j + 1 <= at
            and (_KINDS_BEFORE[words[j + 1]][1] is not None or words[j + 1] in _IDIOM_STARTS)
        )
        for j in range(k + 1, min(at, k + 4))
    )


#: Words that open another clause after a figure (while, whereas, and then).
_TURNS = norm_set(_GRAMMAR["clause_turns"])


def _clause_turns(words: list[str], breaks: list[bool] | None, lo: int, hi: int) -> bool:
    return any(
        (breaks is not None and breaks[k] and not _continues(words, k)) or member(words[k], _TURNS)
        for k in range(lo + 1, hi)
    )


def _continues(words: list[str], k: int) -> bool:
    """A comma before an apposition or a phrase of the same clause ("، أي قرابة كامل
    سكان الإقليم، في غضون أيام من هجوم 2023"), not before "في حين"."""
    return words[k] in _SAME_CLAUSE and not (k + 1 < len(words) and words[k + 1] in _TURN_NOUNS)


_SAME_CLAUSE = norm_set(_GRAMMAR["same_clause"])
_TURN_NOUNS = norm_set(_GRAMMAR["turn_nouns"])


def _figures(para: Paragraph, sent: Sentence, year: int | None = None) -> list[CasualtyFigure]:
    toks = sent.tokens
    words = [t.text for t in toks]
    if not words:
        return []
    breaks = clause_breaks(sent.text, toks)
    found: list[tuple[_Link, Number | None, str]] = []
    used: set[int] = set()
    # The constructions written as data first: their words stand apart, and a
    # sub-count after them (أودت بحياة 73 فلسطينيا، بينهم 20 طفلا) belongs to them.
    for m in constructions.find(
        words, breaks, _construction_figure, _NOUN_KIND.__getitem__, _is_count, _could_start_figure
    ):
        num, qual = m.figure
        span = range(m.figure_first, m.figure_last + 1)
        if any(k in used for k in span) or _negated(words, m.trigger):
            continue
        if m.construction.counted and _number_at(words, num.first) is None:
            continue  # "هاجم أسير ... الأسرى المحتجزين لدى": nobody counted
        if m.construction.slots[0].kind == "figure":
            # (two words back: "وفاة إسرائيليين اثنين" counts from the noun)
            governor = next(
                (
                    g
                    for j in range(max(0, m.figure_first - 2), m.figure_first)
                    if (g := _lookup(words[j], MASDARS, True) or _lookup(words[j], VERBS))
                ),
                None,
            )
            if governor is not None and governor != m.kind:
                # "وفاة إسرائيليين اثنين … أسرتهما": the death before them is what
                # counts them; the capture is their story
                continue
        if (
            m.construction.slots[0].kind == "figure"
            and m.figure_first > 0
            and words[m.figure_first - 1] in SUB_COUNT
        ):
            # "تسعة عشر آخرين، من بينهم ثمانية مسؤولين، ما زالوا خلف القضبان": the
            # part in the aside is not who the clause is about
            continue
        if qual == "exact":
            # "أودى بحياة 40 مدنيا على الأقل": the qualifier after the people;
            # "الذين يقارب عددهم ثلاثة آلاف": the verb before their number
            qual = (
                _qualifier_after(words, m.figure_last)
                or _qualifying_verb(words, m.figure_first)
                or "exact"
            )
        if qual == "exact" and m.construction.name == "toll_far" and _may_reach(words, m.trigger):
            qual = "up_to"
        built = _Link(m.kind, m.figure_first, m.figure_last, m.construction.name, m.trigger)
        found.append((built, num, qual))
        used.update(span)
    i = 0
    n = len(words)
    # Where the scan may find something: most words can start nothing, and are
    # passed over by `list.index` in C.
    stops = list(map(_MAY_COUNT.__getitem__, words))
    if not _COUNT_AFTER.isdisjoint(words) or not _DEFINITE_NUMBER_HEADS.isdisjoint(words):
        for k in range(1, n):
            if words[k] in _COUNT_AFTER or _definite_number_at(words, k):
                # a noun whose number follows it: "عاملين اثنين"، "المتهمون الخمسة عشر"
                stops[k - 1] = True
    while i < n:
        if not stops[i]:
            try:
                i = stops.index(True, i)
            except ValueError:
                break  # nothing further can start a figure
        if i in used and not (_lookup(words[i], DUALS, articles=True)):
            i += 1
            continue
        dual = _lookup(words[i], DUALS, articles=True)
        single = None if dual or i in used else _single_casualty(words, i, found)
        if single is not None:
            if not _negated(words, i):
                found.append(
                    (_Link(single, i, i, "single", i), Number(1, None, i, i, False), "exact")
                )
            i += 1
            continue
        if dual and i not in used:
            if not _negated(words, i):
                found.append((_Link(dual, i, i, "dual", i), None, "exact"))
            i += 1
            continue
        num = _number_at(words, i)
        if (
            num is None
            and i > 0
            and words[i - 1] in SUB_COUNT
            and words[i - 1] not in _THEY_ARE
            and member(words[i], PERSON_SINGULARS)
            # "بينهم رجل الأعمال روبن فاردانيان": a title in construct names one
            # of them, whom the count before already holds
            and not (i + 1 < n and words[i + 1].startswith(_THE))
        ):
            # "بينهم صبي": one among them; not "هم شاب وطفلاه", who they all are
            if not found or _previous(found, i).last >= i - _SUB_COUNT_REACH:
                num = Number(1, None, i, i, False)
        conjunct = _conjunct_one(words, i, found[-1][0], breaks) if num is None and found else None
        if num is None and conjunct is None:
            conjunct = _person_described(words, i)
        if conjunct is not None:
            num = Number(1, None, i, i, False)
        if num is None and _one_before_its_verb(words, i):
            num = Number(1, None, i, i, False)  # "أن جنديا أذربيجانيا قتل": one soldier
        one_of_them = (
            num is None
            and found
            and breaks is not None
            and breaks[i]
            and words[i] in _ONE_OF_THEM
            and not _each_in_turn(words, breaks, i)
            # who one of them is (أحدهما مسعف), not the state he is in (أحدهما
            # بجروح بالغة، أحدهم في حالة خطرة): the one is already counted
            and not (i + 1 < n and words[i + 1] in _STATE_OPENERS)
        )
        if one_of_them:
            num = Number(1, None, i, i, False)  # "مواطنان، أحدهما مسعف،": one of them
        if num is None:
            i += 1
            continue
        if num.digits and (
            _is_percent(sent.text, toks[num.last], words, num.first)
            or (
                num.last == i
                and (_is_year(words, i) or _is_day(words, i) or _is_clock(sent.text, toks[i]))
            )
        ):
            i = num.last + 1
            continue
        if _of_a_single(words, num):
            i = num.last + 1  # "ثلاث نساء من عائلة واحدة": of a single family
            continue
        if i > 0 and (member(words[i - 1], _POSITION_WORDS) or words[i - 1] == "ال"):
            # "في الدقيقة 52"، "المادة 8"، "حرب الأيام الـ44": a position or a name
            i = num.last + 1
            continue
        if (
            num.last + 2 < n
            and words[num.last + 1] in _PREP_OF
            and (
                _number_at_plain(words, num.last + 2) is not None
                or words[num.last + 2] in _QUALIFIER_FIRST
            )
        ):
            i = num.last + 1  # "واحدة من أكثر من 100 ألف": one of a count, not a count
            continue
        qual, q_first = _qualifier(words, num)
        link = conjunct or _after_number(words, num, breaks)
        if link is not None and link.via == "noun" and link.kind != "killed":
            link = _died_of(words, num, q_first, link)
        if link is not None and link.via == "noun" and link.kind == "wounded" and q_first > 0:
            # "أُجلي نحو 300 جريح إلى مستشفيات"، "أجلت الفرق 45 مصابا": the wounded
            # a verb of evacuation counts are the evacuated
            verb = _evacuation_before(toks, words, q_first)
            if verb is not None:
                link = _Link("evacuated", link.first, link.last, "verb_before", verb)
        if link is not None and link.via == "person_verb" and q_first > 0:
            # "أصيب 14 آخرون كانوا ... ": the verb right before the number is
            # what counts them; a verb further on belongs to a clause about them.
            before = _before_number(toks, words, num, q_first, used)
            if before is not None and before.trigger == q_first - 1:
                link = before
        if one_of_them and found:
            prev = _previous(found, i)
            link = _Link(prev.kind, num.first, num.last, "sub_count", prev.trigger)
        if (
            link is not None
            and link.via == "verb_after"
            and found
            and q_first > 0
            and words[q_first - 1] in SUB_COUNT
            and _previous(found, i).kind == link.kind
        ):
            # "أفرجت عن أربعة معتقلين، بينهم عسكريان اعتقلا قبل عامين": a part of
            # the figure before; the verb after it tells about them (when they were
            # taken), it does not make a figure of its own.
            prev = _previous(found, i)
            person = _person_after(words, num)
            last = person if person is not None and person >= 0 else num.last
            link = _Link(prev.kind, num.first, last, "sub_count", prev.trigger)
        if (
            (link is None and q_first > 0 and words[q_first - 1] in SUB_COUNT)
            or (link is None and _listed_after_colon(sent, q_first, found))
            or (i > 1 and words[i - 2] in _PREP_OF and words[i - 1] in SUB_COUNT)
            or _among_the(words, i)
            or _next_in_list(words, i, found, breaks)
            or _glued_next_in_list(words, i, found)
        ):
            person = _person_after(words, num)
            if (
                (person is None or person < 0)
                and link is None
                and _bare_part(words, q_first, num, breaks)
            ):
                person = num.last  # "31، بينهم أربعة في حالة حرجة": four of them
            if person is not None and person >= 0 and link is None:
                among = _lookup(words[i - 1], NOUNS, True) if _among_the(words, i) else None
                if among is not None:
                    link = _Link(among, num.first, person, "sub_count", i - 1)
                elif found:
                    prev = _previous(found, i)
                    link = _Link(prev.kind, num.first, person, "sub_count", prev.trigger)
                elif (noun := _noun_before(words, q_first)) is not None:
                    # "ونقل المصابين إلى الطوارئ، ومن بينهم ثلاثة في حالة حرجة"
                    link = _Link(noun[0], num.first, person, "sub_count", noun[1])
        if link is None and num.last + 1 < n and words[num.last + 1] in _OF_THEM and q_first > 0:
            # "قتل 7 عناصر وجرح أربعة منهم": the verb right before the part gives its kind
            before = _before_number(toks, words, num, q_first, used)
            if before is not None and before.trigger == q_first - 1:
                link = before
        if (
            link is None
            and num.last + 1 < n
            and words[num.last + 1] in _OF_THEM
            and not _negated(words, q_first)
        ):
            # "ستين شخصا أصيبوا، نقل 38 منهم إلى المستشفيات": a part of the figure;
            # "المصابين نقلوا ...، حالة سبعة منهم حرجة": of the people named nearest
            noun = _noun_before(words, q_first)
            if noun is None and found:
                prev = _previous(found, i)
                noun = (prev.kind, prev.trigger)
            if noun is not None:
                link = _Link(noun[0], num.first, num.last + 1, "sub_count", noun[1])
        if link is None and found and _their_number_reaches(words, q_first):
            # "قُتل ثمانية مسلحين، وقد يصل عددهم إلى 12": a new count of the
            # figure before (its trigger is عددهم, so "قد يصل" makes it a ceiling)
            prev = _previous(found, i)
            link = _Link(prev.kind, num.first, num.last, "toll", q_first - 2)
            if (
                qual == "exact"
                and member(words[q_first - 3], _REACH)  # present: "قد وصل" is done
                and any(member(w, _EXPECTED) for w in words[max(0, q_first - 5) : q_first - 3])
            ):
                qual = "up_to"  # "يتوقع أن يرتفع العدد إلى 15"، "مع التوقع بأن يصل"
        if link is None:
            link = _before_number(toks, words, num, q_first, used)
        if link is None:
            link = _conjunct(words, i, num, found, breaks, q_first)
        if (
            link is not None
            and link.trigger in used
            and link.via == "verb_after"
            and i > 0
            and words[i - 1] in SUB_COUNT
            and found
        ):
            # "خمسة أشخاص، بينهم امرأتان، قتلوا": the verb counts the whole; the
            # aside is a part of it
            prev = _previous(found, i)
            link = _Link(prev.kind, num.first, num.last, "sub_count", prev.trigger)
        if (
            link is not None
            and link.kind in _HURT_KINDS
            and link.via == "person_verb"
            and q_first > 0
            and words[q_first - 1] in SUB_COUNT
            and found
            and _previous(found, i).kind in _MOVED_KINDS
        ):
            # "أجلت 18 مريضا، بينهم سبعة أطفال مصابين بالسرطان": a part of the
            # people moved, said to be hurt or ill; they were moved all the same
            prev = _previous(found, i)
            link = _Link(prev.kind, num.first, link.last, "sub_count", prev.trigger)
        if link is None or (link.trigger in used and link.via in ("noun", "verb_after")):
            i = num.last + 1
            continue
        if (
            num.digits
            and timeframe.YEAR.match(words[num.first])
            and link.via != "noun"
            and link.trigger != q_first - 1  # "مقتل 1802 منذ بداية الحرب" is a count
            and not (num.last + 1 < n and _is_person(words[num.last + 1]))
            and not (
                _partitive_people(words, num.last + 1)
                and not (q_first > 0 and words[q_first - 1] in (_IN_PLACE, *_YEAR_BEFORE))
            )
        ):
            i = num.last + 1  # "في 1984 حين سقط": a year, with nobody counted
            continue
        if _negated(words, min(q_first, link.first, link.trigger)):
            i = num.last + 1
            continue
        if num.vague:
            qual = num.vague
        elif qual == "exact":
            qual = _qualifier_after(words, link.last, num.last) or "exact"
            if qual == "exact" and link.via == "toll" and _may_reach(words, link.trigger):
                qual = "up_to"  # "قد يصل عدد القتلى إلى 300": a ceiling, not a count
        found.append((link, num, qual))
        used.add(link.trigger)
        if link.via == "person_verb":
            # the words between the people and their verb may hold a sub-count
            # ("104 فلسطينيين، بينهم 46 طفلا، قتلوا"); a dual is its own people,
            # and the word after it may count more of them (جنديين ومدنيا واحدا)
            own = num.first == num.last and _person_dual(words[num.first])
            used.update(range(num.first, num.last + (1 if own else 2)))
        else:
            used.update(range(link.first, link.last + 1))
        if link.via == "person_verb":
            i = num.last + 1  # a sub-count may stand before the verb
        else:
            i = max(num.last, link.last if link.first >= num.first else num.last) + 1
    found = _undenied(words, found)
    if len(found) > 1 and not _TOLL_WORDS.isdisjoint(words):
        found = [
            f
            for f in found
            if not _explains_the_rise(words, f, found) and not _latest_of_its_toll(words, f, found)
        ]
    if found and _of_illness(words):
        # deaths and injuries from a disease are no casualties of war; patients
        # evacuated or displaced people who are ill still are
        found = [f for f in found if f[0].kind not in ("killed", "wounded")]
    if not found:
        return []
    sentence = para.original(sent.start, sent.end)
    counts = frozenset(
        k for _, num, _ in found if num is not None for k in range(num.first, num.last + 1)
    )
    dated = _dating(words, counts, year, breaks)
    cumulative_sent = not _CUMULATIVE_FORMS.isdisjoint(words) and any(
        member(w, CUMULATIVE, articles=True) for w in words
    )
    out = []
    heads: dict[int, bool] = {}  # a head figure's trigger -> whether it is the past
    for link, num, qual in found:
        at = link.first
        if link.kind == "missing" and _lost_lives(words, link):
            link = _Link("killed", link.first, link.last, link.via, link.trigger)
        s, e = para.span(toks[link.first].start, toks[link.last].end)
        historical = dated(link.first) and not (
            _a_release(words, link) and _taken_earlier(words, link.last, year)
        )
        if link.via == "sub_count" and link.trigger in heads:
            # a part of a figure (بينهم عسكريان اعتقلا قبل عامين) is of its time
            historical = heads[link.trigger]
        elif link.via != "sub_count":
            heads.setdefault(link.trigger, historical)
        out.append(
            CasualtyFigure(
                paragraph=para.index,
                start=s,
                end=e,
                kind=link.kind,  # type: ignore[arg-type]
                count=(2 if num is None else num.value),
                approximate=qual != "exact",
                qualifier=qual,  # type: ignore[arg-type]
                attributed_to=_attribution(para, toks, words, at)
                or (_headline_source(sentence) if para.index is None else None),
                cumulative=link.via in ("toll", "toll_far") or cumulative_sent,
                historical=historical,
                sentence=sentence,
            )
        )
    return out


_PLUPERFECT = norm_set(_GRAMMAR["pluperfect"])
_QAD = norm_word("قد")


def _pluperfect(words: list[str]) -> bool:
    """ "وكانت الكارثة قد أودت بحياة 38": كان at the start, قد a few words on."""
    return any(member(w, _PLUPERFECT) for w in words[:2]) and _QAD in words[1:6]


def _refers_back_to_the_past(words: list[str], previous: list[str], year: int | None) -> bool:
    """ "لم تكن حرب 2020 مجرد مواجهة؛ فقد قتل فيها أكثر من ستة آلاف": a sentence with
    no time of its own, whose figures are "in it" (فيها، خلالها) or told in the
    pluperfect (وكانت الكارثة قد أودت), of a sentence before it about the past."""
    if not previous or not (any(w in _BACK_REFERENCES for w in words) or _pluperfect(words)):
        return False
    if timeframe.present_marker(words) or any(timeframe.YEAR.match(w) for w in words):
        return False
    return timeframe.past_sentence(previous, year)


_BACK_REFERENCES = norm_set(_GRAMMAR["back_references"])
#: The counts a vague size stands for (عشرات: tens of them).
_VAGUE_RANGES = {"tens": (10, 99), "hundreds": (100, 999), "thousands": (1000, 10**9)}


def _told_exactly(vague: CasualtyFigure, figures: list[CasualtyFigure]) -> bool:
    """A headline's vague size ("مقتل العشرات") that the body counts ("لقي ما لا يقل
    عن 27 شخصا مصرعهم"): the same figure, said once."""
    lo, hi = _VAGUE_RANGES.get(vague.qualifier, (0, -1))
    return any(
        f.kind == vague.kind and f.count is not None and lo <= f.count <= hi for f in figures
    )


def _dated_by_the_body(headline: CasualtyFigure, figures: list[CasualtyFigure]) -> CasualtyFigure:
    """A headline's count of remains that the body gives only as the past is the
    past: "تسلم رفات 12 جنديا" above "رفات ۱۲ جنديا قتلوا خلال معارك خريف 2020"
    (remains handed over are of people who died before; other headlines are news)."""
    same = [
        f
        for f in figures
        if f is not headline
        and f.paragraph != headline.paragraph
        and (f.kind, f.count) == (headline.kind, headline.count)
    ]
    if headline.historical or not same or not all(f.historical for f in same):
        return headline
    return headline.model_copy(update={"historical": True})


def _qualified_by_the_body(
    headline: CasualtyFigure, figures: list[CasualtyFigure]
) -> CasualtyFigure:
    """A headline's count that the body gives with a qualifier is that figure
    rounded off by the headline: "مئة قتيل" above "لقي أكثر من مئة شخص حتفهم" is
    more than a hundred, "يقتلون 52 مدنيا" above "ما لا يقل عن 52" at least 52;
    "أكثر من 400 شهيد" above a body's 412 is 412."""
    if headline.qualifier in _ROUNDED_UP and headline.count:
        # "أكثر من 400 شهيد" above "ارتفع إلى 412": the body's figure, rounded down
        for f in figures:
            if (
                f.paragraph is not None
                and (f.kind, f.historical) == (headline.kind, headline.historical)
                and f.count is not None
                and headline.count < f.count <= headline.count * _ROUNDING
            ):
                return headline.model_copy(update={"count": f.count, "qualifier": f.qualifier})
        return headline
    if headline.qualifier != "exact":
        return headline
    for f in figures:
        if (
            f.paragraph is not None
            and (f.kind, f.count, f.historical)
            == (headline.kind, headline.count, headline.historical)
            and f.qualifier in _ROUNDED_OFF
        ):
            return headline.model_copy(update={"qualifier": f.qualifier})
    return headline


#: The qualifiers a headline leaves out when it repeats the body's figure.
_ROUNDED_OFF = frozenset({"more_than", "at_least", "about"})
#: A headline's "more than N" for a body's figure up to a quarter above N.
_ROUNDED_UP = frozenset({"more_than", "at_least"})
_ROUNDING = 1.25


#: People hurt, and people moved: a part of the moved said to be hurt was moved.
_HURT_KINDS = frozenset({"wounded", "killed"})
_MOVED_KINDS = frozenset({"evacuated", "displaced"})
#: The kinds of a state that lasts: people still missing, held or displaced.
_ONGOING_KINDS = frozenset({"missing", "captured", "displaced"})


def detect_casualties(doc: Document, year: int | None = None) -> list[CasualtyFigure]:
    """Every casualty or displacement figure the item states (title and body);
    `year`, the item's own, tells past years from this year's."""
    paras, title = paragraphs(doc)
    out: list[CasualtyFigure] = []
    if genre.reviews_a_work(title):
        return out  # a review of a film or a game: its dead are fiction
    # An item whose headline commemorates ("تحيي الذكرى 33 لمجزرة خوجالي"، "31 عاما
    # على هدنة بيشكيك") tells the figures of what it remembers.
    head = [t.text for t in title.tokens] if title is not None else []
    commemoration = timeframe.commemorates(head)
    work = genre.names_a_work(title)
    ongoing: set[int] = set()
    headline: set[int] = set()  # the title's vague sizes
    titled: set[int] = set()  # the title's counts of bodies or remains
    last: Sentence | None = None  # the sentence before the paragraph's first
    counted: set[int] = set()  # the title's counts
    for p in ([title] if title else []) + paras:
        if SCREEN.isdisjoint(p.words):
            continue
        if (
            not _HAS_DIGIT.search(p.norm)
            and NUMBERISH.isdisjoint(p.words)
            and not any(map(_COUNTS_ITSELF.__getitem__, p.words))
        ):
            continue  # a casualty word but no number of any kind
        previous: Sentence | None = last  # a pluperfect reaches across the break
        for sent in p.sentences:
            if not SCREEN.isdisjoint(sent.words):
                figures = _figures(p, sent, year)
                if figures and work and genre.tells_the_plot([t.text for t in sent.tokens]):
                    figures = []  # "ثلاثة قتلى سقطوا في الحكاية": the work's fiction
                if (
                    figures
                    and previous is not None
                    and (
                        (previous.text is sent.text and not _BACK_REFERENCES.isdisjoint(sent.words))
                        or _pluperfect([t.text for t in sent.tokens])
                    )
                    and _refers_back_to_the_past(
                        [t.text for t in sent.tokens], [t.text for t in previous.tokens], year
                    )
                ):
                    figures = [f.model_copy(update={"historical": True}) for f in figures]
                if commemoration and timeframe.still([t.text for t in sent.tokens]):
                    ongoing.update(id(f) for f in figures if f.kind in _ONGOING_KINDS)
                if p is title:
                    headline.update(id(f) for f in figures if f.count is None)
                    counted.update(id(f) for f in figures if f.count is not None)
                    if not _BODIES.isdisjoint(sent.words):
                        titled.update(id(f) for f in figures if f.count is not None)
                out.extend(figures)
            previous = sent
        last = previous
    if headline:
        out = [f for f in out if id(f) not in headline or not _told_exactly(f, out)]
    if titled:
        out = [_dated_by_the_body(f, out) if id(f) in titled else f for f in out]
    if counted:
        out = [_qualified_by_the_body(f, out) if id(f) in counted else f for f in out]
    if commemoration:
        # The war remembered is the past; its missing and captives "still" missing
        # or held are the present ("لا يزالون في عداد المفقودين منذ الحرب").
        out = [f if id(f) in ongoing else f.model_copy(update={"historical": True}) for f in out]
    return out
