"""Arabic numbers in text: digits, number words, multipliers, duals and vague sizes.

Works on normalized tokens (digits are already Latin: normalization folds
Arabic-Indic and Persian digits). `parse_number` reads the longest number that
starts at a token: "32", "2,000", "1.5 مليون", "مئة وعشرون", "ثلاثة عشر",
"خمسة وعشرين ألفا", "ألفي", or a vague size: "عشرات", "مئات", "آلاف",
"عشرات الآلاف".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from monitor.detect.lexicon import load, norm_set, norm_word


def _table(name: str) -> dict[str, int]:
    return {norm_word(k): int(v) for k, v in load("numbers")[name].items()}


_DATA = load("numbers")
UNITS = _table("units")
ONE_NEEDS_TEEN = _table("one_needs_teen")
TEEN = norm_set(_DATA["teen"])
TENS = _table("tens")
HUNDREDS = _table("hundreds")
HUNDRED_AFTER_UNIT = norm_set(_DATA["hundred_after_unit"])
MULTIPLIERS = _table("multipliers")
DUAL_MULTIPLIERS = norm_set(_DATA["dual_multipliers"])
DUAL_CONSTRUCT = norm_set(_DATA["dual_construct"])
VAGUE = {norm_word(k): str(v) for k, v in _DATA["vague"].items()}
#: Words that can take part in a number (a cheap first test).
_HALF = norm_word(_DATA["half"][0])
NUMBER_WORDS = frozenset(
    set(UNITS) | set(ONE_NEEDS_TEEN) | TEEN | set(TENS) | set(HUNDREDS) | set(MULTIPLIERS) | {_HALF}
)

_AND_HALF = norm_word(_DATA["and_half"][0])
#: The multiplier repeated after "and a half" (مليون ونصف المليون).
_HALF_OF = norm_set(_DATA["half_of"])

#: A bare year is not a count (and a count this large is not a casualty figure
#: in one statement anyway); callers decide, this only helps them.
MAX_PLAUSIBLE = 50_000_000


@dataclass(frozen=True, slots=True)
class Number:
    value: int | None  # None for a vague size
    vague: str | None  # tens / hundreds / thousands
    first: int  # token index of the first word
    last: int  # token index of the last word (inclusive)
    digits: bool  # written with digits


def _strip_and(word: str) -> str | None:
    """The number word inside a word that may carry a leading و (وعشرون)."""
    if word in NUMBER_WORDS:
        return word
    if len(word) > 2 and word[0] == "و" and word[1:] in NUMBER_WORDS:
        return word[1:]
    return None


#: More digits than this is an id, a phone number or garbage, never a count;
#: refusing it early also keeps float() away from values it cannot hold.
_MAX_DIGITS = 15


def _digits_value(text: str) -> float | None:
    plain = text.replace(",", "")
    if len(plain) > _MAX_DIGITS:
        return None
    try:
        return float(plain)
    except ValueError:
        return None


def parse_number(words: Sequence[str], i: int) -> Number | None:
    """The number starting at `words[i]`, or None.

    Words are normalized tokens. A leading clitic on the first word is the
    caller's business (tokens split digits from letters already).
    """
    w = words[i]
    n = len(words)
    if w[0].isdigit():
        value = _digits_value(w)
        if value is None:
            return None
        last = i
        if i + 1 < n and words[i + 1] in MULTIPLIERS and words[i + 1] not in DUAL_MULTIPLIERS:
            mult = MULTIPLIERS[words[i + 1]]
            value *= mult
            last = i + 1
            # "12 ألفا و500": the rest after the thousands (و is its own token
            # before digits)
            if i + 3 < n and words[i + 2] == "و" and words[i + 3].isdigit():
                rest, rest_last = int(words[i + 3]), i + 3
                after = words[i + 4] if i + 4 < n else ""
                if after in MULTIPLIERS and after not in DUAL_MULTIPLIERS:
                    rest, rest_last = rest * MULTIPLIERS[after], i + 4  # "5 ملايين و900 ألف"
                if rest < mult:
                    value += rest
                    last = rest_last
        elif value != int(value):
            return None  # a decimal without a multiplier is a rate, not a count
        return Number(int(value), None, i, last, True)
    if w in VAGUE and not (i > 0 and _strip_and(words[i - 1]) in UNITS):
        # عشرات الآلاف / مئات الآلاف: a vague number of thousands
        last = i
        kind = VAGUE[w]
        if i + 1 < n and words[i + 1] in VAGUE and VAGUE[words[i + 1]] == "thousands":
            last, kind = i + 1, "thousands"
        return Number(None, kind, i, last, False)
    if w == _HALF:
        # نصف مليون: half of the multiplier after it (alone, نصف is no count)
        if i + 1 < n and words[i + 1] in _HALF_OF:
            of = words[i + 1]
            value = MULTIPLIERS.get(of) or MULTIPLIERS[of.removeprefix("ال")]
            return Number(value // 2, None, i, i + 1, False)
        return None
    return _parse_words(words, i)


def _parse_words(words: Sequence[str], i: int) -> Number | None:
    n = len(words)
    total = 0  # finished groups (before a multiplier)
    group = 0  # the group being read
    j = i
    last = -1
    prev_unit = False
    while j < n:
        raw = words[j] if j == i else _strip_and(words[j])
        if raw is None:
            break
        if j > i and words[j] == raw and raw not in TEEN and raw not in HUNDRED_AFTER_UNIT:
            # After the first word, the parts of a compound are joined by و
            # (مئة وعشرون); a bare word directly after is a new phrase, except
            # the teen (ثلاثة عشر), a hundred after a unit (ثلاث مئة) and the
            # multiplier (خمسة آلاف).
            if raw not in MULTIPLIERS:
                break
        if raw in ONE_NEEDS_TEEN:
            if j + 1 < n and words[j + 1] in TEEN:
                group += ONE_NEEDS_TEEN[raw] + 10
                j += 2
                last = j - 1
                prev_unit = False
                continue
            tens = _strip_and(words[j + 1]) if j + 1 < n else None
            if tens is not None and tens != words[j + 1] and TENS.get(tens, 0) >= 20:
                # "إحدى وعشرين امرأة"، "أحد وثلاثون": one, then و and the tens
                group += ONE_NEEDS_TEEN[raw]
                last = j
                j += 1
                prev_unit = False
                continue
            break
        if prev_unit and raw in TEEN and words[j] == raw:
            group += 10
            prev_unit = False
        elif prev_unit and raw in HUNDRED_AFTER_UNIT and words[j] == raw:
            group = (group - (group % 10)) + (group % 10) * 100
            prev_unit = False
        elif raw in MULTIPLIERS:
            mult = MULTIPLIERS[raw]
            half = mult // 2
            if raw in DUAL_MULTIPLIERS:
                if group:
                    break  # "خمسة ألفين" is not a number
                total += mult
                half = mult // 4  # a half of one of the two: مليونين ونصف مليون
            elif (
                j == i and raw in DUAL_CONSTRUCT and j + 1 < n and _strip_and(words[j + 1]) is None
            ):
                total += 2 * mult  # "ألفا مقاتل": the dual before its noun
            else:
                total += (group or 1) * mult
            group = 0
            prev_unit = False
            if j + 1 < n and words[j + 1] == _AND_HALF:
                # مليون ونصف، ثلاثة آلاف ونصف (المليون): and a half of the multiplier
                total += half
                j += 1
                if j + 1 < n and words[j + 1] in _HALF_OF:
                    j += 1
                last = j
                j += 1
                continue
        elif raw in UNITS:
            group += UNITS[raw]
            prev_unit = True
        elif raw in TENS:
            group += TENS[raw]
            prev_unit = False
        elif raw in HUNDREDS:
            group += HUNDREDS[raw]
            prev_unit = False
        else:
            break
        last = j
        j += 1
    if last < i:
        return None
    value = total + group
    if value <= 0:
        return None
    return Number(value, None, i, last, False)
