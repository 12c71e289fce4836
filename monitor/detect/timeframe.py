"""Whether a sentence reports the past or the present, from its own time words.

Historical versus current is a property of the clause's time expressions, not
of any year or war word anywhere near a figure: "a current toll since the 2020
war" is current (منذ opens a span that reaches today), "between 1991 and 1994"
and "last month's crash" are past. An explicit year counts as past when it is
earlier than the item's own year (the item's date is the reference); without
a date only a year of the 1900s does. The vocabulary is data
(`monitor/data/timeframe.json`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from monitor.detect.lexicon import clitic_variants, load, member, norm_phrases, norm_set, screen
from monitor.detect.numbers import NUMBER_WORDS, parse_number

_DATA = load("timeframe")
SINCE = norm_set(_DATA["since"])
PAST_PHRASES = norm_phrases(_DATA["past_phrases"])
ANNIVERSARY = norm_set(_DATA["anniversary"])
PERIODS = norm_set(_DATA["periods"])
_WAS = norm_set(_DATA["pluperfect"]["was"])
_HAD = norm_phrases([_DATA["pluperfect"]["had"]])[0][0]
#: How far after كان its قد may stand ("وكان أكثر من مئة ألف أرمني قد اضطروا").
HAD_REACH = 12


def pluperfect(words: Sequence[str]) -> bool:
    """The pluperfect of background, opening the sentence: "وكان ... قد ..."."""
    return bool(words) and words[0] in _WAS and _HAD in words[:HAD_REACH]


#: After a decade, an age (في الستينيات من العمر، في العشرينيات من عمره).
_OF_AGE = frozenset(norm_phrases(_DATA["of_age"]))
PRESENT = norm_set(_DATA["present"])
STILL = norm_set(_DATA["still"])
ORDINALS = norm_set(_DATA["ordinals"])
_FIRST_WORDS = frozenset(p[0] for p in PAST_PHRASES)
YEAR = re.compile(r"^(?:1[89]\d\d|20\d\d)$")
#: How far back a "since" word reaches over the words that name the start (منذ
#: انتهاء حرب عام 2020).
_SINCE_REACH = 14
#: How far back "after" reaches over a span's length (بعد ثلاث سنوات على ...).
_SPAN_REACH = 3


def since_before(words: Sequence[str], k: int) -> bool:
    """Whether a "since" word governs the word at `k` (منذ عام 2020): one start
    each, so a year after the since-year is not governed by it ("منذ 2022، ثم
    وصول مئة ألف نازح في خريف 2023")."""
    for j in range(k - 1, max(-1, k - 1 - _SINCE_REACH), -1):
        w = words[j]
        if w in _SINCE_SCREEN and member(w, SINCE):
            return True
        if YEAR.match(w):
            return False
    return False


def past_year(words: Sequence[str], k: int, year: int | None, war: bool = False) -> bool:
    """Whether words[k] is a year that dates its clause to the past."""
    w = words[k]
    if not YEAR.match(w) or since_before(words, k):
        return False
    if year is not None:
        return int(w) < year
    return w.startswith("1") or war


def past_phrase(words: Sequence[str]) -> bool:
    """A phrase that dates the sentence to a finished past (الشهر الماضي، آنذاك)."""
    return past_phrase_at(words) is not None


def past_phrase_at(words: Sequence[str]) -> int | None:
    """Where the first phrase that dates the sentence to a finished past starts."""
    if _PAST_SCREEN.isdisjoint(words):
        return None
    for i, w in enumerate(words):
        if w not in _PAST_SCREEN or since_before(words, i):
            continue  # "منذ بدء الحملة الشهر الماضي": the start of what goes on
        if any(words[j] in _SPAN_OPENERS for j in range(max(0, i - _SPAN_REACH), i)):
            continue  # "بعد ثلاث سنوات على حرب 2020": a span that reaches today
        if w in _RECENT_WINDOWS and i > 0 and words[i - 1] in _WINDOW_OPENERS:
            continue  # "خلال الشهر الماضي وحده": the last month, up to today
        if w in PERIODS:
            if tuple(words[i + 1 : i + 3]) in _OF_AGE:
                continue  # "في الستينيات من العمر": an age, not the 1960s
            return i
        if i + 1 < len(words) and words[i + 1] in ORDINALS and w.endswith(("ها", "ه")):
            continue  # "الهدنة في يومها الأول": its first day, not "that day"
        if w not in _FIRST_WORDS and not any(v in _FIRST_WORDS for v in clitic_variants(w)):
            continue
        if _years_ago(words, i):
            return i
        for phrase in PAST_PHRASES:
            n = len(phrase)
            cand = words[i : i + n]
            if (
                len(cand) == n
                and tuple(cand[1:]) == phrase[1:]
                and (cand[0] == phrase[0] or phrase[0] in clitic_variants(cand[0]))
            ):
                return i
    return None


_AGO = _DATA["years_ago"]
_AGO_BEFORE = norm_set([_AGO["before"]])
_AGO_QUALIFIERS = norm_set(_AGO["qualifiers"])
_AGO_UNITS = norm_set(_AGO["units"])


def _years_ago(words: Sequence[str], i: int) -> bool:
    """ "قبل نحو ثلاث سنوات"، "قبل 30 عاما": a number of years ago."""
    if not any(v in _AGO_BEFORE for v in (words[i], *clitic_variants(words[i]))):
        return False
    j = i + 1
    while j < len(words) and j <= i + 2 and words[j] in _AGO_QUALIFIERS:
        j += 1
    if j >= len(words):
        return False
    number = parse_number(words, j) if words[j][0].isdigit() or words[j] in NUMBER_WORDS else None
    if number is None:
        return False
    k = number.last + 1
    return k < len(words) and words[k] in _AGO_UNITS


def anniversary(words: Sequence[str]) -> bool:
    """A commemoration (ذكرى، أحيت): what it remembers is past."""
    return not _ANNIVERSARY_SCREEN.isdisjoint(words) and any(member(w, ANNIVERSARY) for w in words)


def present_marker(words: Sequence[str]) -> bool:
    """A word of the day's news (اليوم، الأحد، الجاري)."""
    return not _PRESENT_SCREEN.isdisjoint(words) and any(member(w, PRESENT) for w in words)


def past_sentence(words: Sequence[str], year: int | None) -> bool:
    """The whole sentence is about the past: a past phrase, or a past year with
    no word of the day's news beside it."""
    if past_phrase(words):
        return True
    return not present_marker(words) and any(past_year(words, k, year) for k in range(len(words)))


def still(words: Sequence[str]) -> bool:
    """A past beginning carried into the present (لا تزال صامدة); not "في ظل"
    ("amid"), which only looks like ظل "remained"."""
    if _STILL_SCREEN.isdisjoint(words):
        return False
    return any(
        member(w, STILL) and not (i > 0 and words[i - 1] in _IN and w in _SHADE)
        for i, w in enumerate(words)
    )


_AMID = norm_phrases(_DATA["amid"])
_IN = frozenset(p[0] for p in _AMID)
_SHADE = frozenset(p[-1] for p in _AMID)


_SINCE_SCREEN = screen(SINCE, articles=False)
_PAST_SCREEN = screen(_FIRST_WORDS | PERIODS, articles=False)
_ANNIVERSARY_SCREEN = screen(ANNIVERSARY, articles=False)
_PRESENT_SCREEN = screen(PRESENT, articles=False)
_STILL_SCREEN = screen(STILL, articles=False)


def commemorates(headline: Sequence[str]) -> bool:
    """A headline that marks an anniversary or a memorial ("تحيي الذكرى 33 لمجزرة
    خوجالي"، "31 عاما على هدنة بيشكيك"، "عامان على عملية سبتمبر"): what the item
    tells is the past it remembers. Not "بعد خمس سنوات على الحرب" (a span that
    reaches today)."""
    if anniversary(headline):
        return True
    return len(headline) > 2 and past_phrase(headline[:3]) and headline[0] not in _SPAN_OPENERS


_WINDOW_OPENERS = norm_set(_DATA["window_openers"])
_RECENT_WINDOWS = norm_set(_DATA["recent_windows"])
_SPAN_OPENERS = screen(norm_set(_DATA["span_openers"]), articles=False)
