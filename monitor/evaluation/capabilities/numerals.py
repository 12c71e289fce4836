"""Arabic numerals for the capability suite: digits in three scripts and number words.

The suite computes every expected count from the integer it inserts, so the
rendering must be faithful Modern Standard Arabic as news writes it: the
counted noun's gender reverses on 3–10 (ثلاثة جنود، ثلاث نساء), 11–99 take an
accusative singular noun (خمسة عشر جنديا), hundreds and thousands a genitive
singular (مئة جندي، ألف شخص), and the dual-like forms change with case
(اثنا عشر / اثني عشر، عشرون / عشرين، مئتان / مئتا). `parse_words` reads the
same forms back; it exists only so tests can check the renderer round-trips and
is independent of the detectors' own number reader (which this suite must not see).
"""

from __future__ import annotations

from typing import Literal

Gender = Literal["m", "f"]
Case = Literal["nom", "acc", "gen"]
Script = Literal["latin", "arabic_indic", "persian"]

_SCRIPT_ZERO = {"latin": 0x30, "arabic_indic": 0x0660, "persian": 0x06F0}

# Units 3–10 as they stand before a masculine noun (with ta marbuta) and before a
# feminine noun (without): the "reverse agreement" of Arabic numerals.
_UNITS_FOR_MASC = {
    3: "ثلاثة",
    4: "أربعة",
    5: "خمسة",
    6: "ستة",
    7: "سبعة",
    8: "ثمانية",
    9: "تسعة",
    10: "عشرة",
}
_UNITS_FOR_FEM = {
    3: "ثلاث",
    4: "أربع",
    5: "خمس",
    6: "ست",
    7: "سبع",
    8: "ثماني",
    9: "تسع",
    10: "عشر",
}
_TENS_NOM = {
    20: "عشرون",
    30: "ثلاثون",
    40: "أربعون",
    50: "خمسون",
    60: "ستون",
    70: "سبعون",
    80: "ثمانون",
    90: "تسعون",
}
# Hundreds 3–9 are written joined (ثلاثمئة), the unit in its short form.
_HUNDREDS = {
    1: "مئة",
    3: "ثلاثمئة",
    4: "أربعمئة",
    5: "خمسمئة",
    6: "ستمئة",
    7: "سبعمئة",
    8: "ثمانمئة",
    9: "تسعمئة",
}


def digits(n: int, script: Script = "latin") -> str:
    """`n` in the given digit script (Latin 12, Arabic-Indic ١٢, Persian ۱۲)."""
    zero = _SCRIPT_ZERO[script]
    return "".join(chr(zero + int(d)) for d in str(n))


def _oblique(case: Case) -> bool:
    return case != "nom"


def _tens(t: int, case: Case) -> str:
    word = _TENS_NOM[t]
    # عشرون → عشرين in the accusative and genitive (sound masculine plural ending).
    return word[:-2] + "ين" if _oblique(case) else word


def _below_hundred(r: int, noun_gender: Gender, case: Case) -> str:
    """1–99 as they count a noun of `noun_gender`."""
    fem = noun_gender == "f"
    if r == 1:
        return "واحدة" if fem else "واحد"
    if r == 2:
        if fem:
            return "اثنتين" if _oblique(case) else "اثنتان"
        return "اثنين" if _oblique(case) else "اثنان"
    if r <= 10:
        return (_UNITS_FOR_FEM if fem else _UNITS_FOR_MASC)[r]
    if r == 11:
        return "إحدى عشرة" if fem else "أحد عشر"
    if r == 12:
        if fem:
            return "اثنتي عشرة" if _oblique(case) else "اثنتا عشرة"
        return "اثني عشر" if _oblique(case) else "اثنا عشر"
    if r < 20:
        # 13–19: the unit reverses gender, the ten agrees (ثلاثة عشر / ثلاث عشرة).
        return f"{_UNITS_FOR_FEM[r - 10]} عشرة" if fem else f"{_UNITS_FOR_MASC[r - 10]} عشر"
    unit, ten = r % 10, r - r % 10
    if unit == 0:
        return _tens(ten, case)
    if unit == 1:
        first = "إحدى" if fem else "واحد"
    elif unit == 2:
        first = _below_hundred(2, noun_gender, case)
    else:
        first = (_UNITS_FOR_FEM if fem else _UNITS_FOR_MASC)[unit]
    return f"{first} و{_tens(ten, case)}"


def _hundreds(h: int, case: Case, construct: bool) -> str:
    if h == 2:
        # مئتان / مئتين; in construct with the counted noun the nun drops (مئتا جندي).
        if construct:
            return "مئتي" if _oblique(case) else "مئتا"
        return "مئتين" if _oblique(case) else "مئتان"
    return _HUNDREDS[h]


def _below_thousand(n: int, noun_gender: Gender, case: Case, construct: bool) -> list[str]:
    parts: list[str] = []
    h, r = divmod(n, 100)
    if h:
        parts.append(_hundreds(h, case, construct and r == 0))
    if r:
        parts.append(_below_hundred(r, noun_gender, case))
    return parts


def supports_words(n: int) -> bool:
    """Whether `words` renders `n`: 1–999,999, except a hundreds or thousands
    figure ending in 1 or 2 (مئة وواحد جندي), which news writes in digits."""
    if not 1 <= n <= 999_999:
        return False
    return not (n > 100 and n % 100 in (1, 2))


def words(n: int, noun_gender: Gender = "m", case: Case = "nom", construct: bool = True) -> str:
    """`n` in words, agreeing with a counted noun of `noun_gender` in `case`.

    `construct` says the counted noun follows directly (مئتا جندي, ألفا شخص);
    a number standing alone (ارتفع العدد إلى مئتين) passes False.
    """
    if not supports_words(n):
        raise ValueError(f"no word rendering for {n}")
    thousands, rest = divmod(n, 1000)
    parts: list[str] = []
    if thousands:
        if thousands == 1:
            parts.append("ألف")
        elif thousands == 2:
            if construct and rest == 0:
                parts.append("ألفي" if _oblique(case) else "ألفا")
            else:
                parts.append("ألفين" if _oblique(case) else "ألفان")
        elif thousands <= 10:
            # ألف is masculine, so its count takes the ta marbuta whatever the noun.
            parts.append(f"{_UNITS_FOR_MASC[thousands]} آلاف")
        else:
            # خمسة عشر ألف شخص: news keeps ألف in construct with the counted noun.
            head = " و".join(_below_thousand(thousands, "m", case, construct=True))
            parts.append(f"{head} ألف")
    if rest:
        parts.extend(_below_thousand(rest, noun_gender, case, construct))
    return " و".join(parts)


NounForm = Literal["plural", "singular_acc", "singular_gen"]


def counted_form(n: int) -> NounForm:
    """Which form of the counted noun follows `n` (n ≥ 3): the last part decides."""
    r = n % 100
    if 3 <= r <= 10:
        return "plural"
    if r >= 11:
        return "singular_acc"
    return "singular_gen"


def hybrid(n: int, script: Script = "latin") -> str:
    """Digits with a thousands word, as news writes large figures (100 ألف، 5 آلاف)."""
    if n % 1000 or n < 3000:
        raise ValueError(f"no hybrid rendering for {n}")
    t = n // 1000
    word = "آلاف" if 3 <= t <= 10 else "ألف"
    return f"{digits(t, script)} {word}"


# --- reading words back (tests only) ------------------------------------------------

_WORD_VALUES: dict[str, int] = {
    "واحد": 1,
    "واحدة": 1,
    "أحد": 1,
    "إحدى": 1,
    "اثنان": 2,
    "اثنين": 2,
    "اثنتان": 2,
    "اثنتين": 2,
    "اثنا": 2,
    "اثني": 2,
    "اثنتا": 2,
    "اثنتي": 2,
    "عشر": 10,
    "عشرة": 10,
    "مئة": 100,
    "مئتان": 200,
    "مئتين": 200,
    "مئتا": 200,
    "مئتي": 200,
}
for _v, _w in _UNITS_FOR_MASC.items():
    _WORD_VALUES[_w] = _v
for _v, _w in _UNITS_FOR_FEM.items():
    _WORD_VALUES[_w] = _v
for _v, _w in _TENS_NOM.items():
    _WORD_VALUES[_w] = _v
    _WORD_VALUES[_w[:-2] + "ين"] = _v
for _v, _w in _HUNDREDS.items():
    _WORD_VALUES[_w] = _v * 100
_THOUSAND_WORDS = {"ألف", "آلاف", "ألفا"}
_TWO_THOUSAND = {"ألفان", "ألفين", "ألفي"}


def parse_words(text: str) -> int:
    """The integer that `words` rendered as `text` (a reader for tests, not for news)."""
    total = 0
    current = 0
    tokens = text.split()
    for i, token in enumerate(tokens):
        word = token[1:] if token.startswith("و") and token[1:] in _WORD_VALUES else token
        if word in _TWO_THOUSAND or (word == "ألفا" and i == 0):
            total += 2000
        elif word in _THOUSAND_WORDS:
            total += max(current, 1) * 1000
            current = 0
        elif word in ("عشر", "عشرة") and i > 0 and tokens[i - 1] in _WORD_VALUES:
            # The ten of 11–19 follows its unit: أحد عشر، ثلاث عشرة.
            current += 10
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        else:
            raise ValueError(f"not a number word: {token!r}")
    return total + current
