"""Rendering counted phrases with agreement, and orthographic perturbations.

A counted phrase is rendered from an integer, a noun and a syntactic case; the
style (digit script, words, digits with a thousands word) is drawn from the
case's seeded generator and recorded as a tag, while the integer stays the
expected count.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from typing import Literal

from monitor.evaluation.capabilities.lexicon import PRONOUNS, VERBS, Adjective, Noun
from monitor.evaluation.capabilities.numerals import (
    Case,
    Gender,
    counted_form,
    digits,
    hybrid,
    supports_words,
    words,
)

Style = Literal["latin", "arabic_indic", "persian", "words", "hybrid"]
ALL_STYLES: tuple[Style, ...] = ("latin", "arabic_indic", "persian", "words", "hybrid")
DIGIT_STYLES: tuple[Style, ...] = ("latin", "arabic_indic", "persian")


def agreement(n: int, gender: Gender) -> int:
    """Index into a `VerbForms` tuple for `n` people of `gender`."""
    number = 0 if n == 1 else 1 if n == 2 else 2
    return number * 2 + (gender == "f")


def verb(name: str, n: int, gender: Gender) -> str:
    """A passive verb agreeing with `n` people who precede it (ثلاثة جنود قتلوا)."""
    return VERBS[name][agreement(n, gender)]


def verb_first(name: str, gender: Gender) -> str:
    """A verb before its subject stays singular (قتل ثلاثة جنود، قتلت ثلاث نساء)."""
    return VERBS[name][gender == "f"]


def pronoun(n: int, gender: Gender) -> str:
    return PRONOUNS[agreement(n, gender)]


def feasible_styles(n: int, styles: Sequence[Style] = ALL_STYLES) -> list[Style]:
    out: list[Style] = []
    for style in styles:
        if style == "words" and not supports_words(n):
            continue
        if style == "hybrid" and (n % 1000 or n < 3000):
            continue
        out.append(style)
    return out


def render_number(
    n: int,
    style: Style,
    gender: Gender = "m",
    case: Case = "nom",
    construct: bool = True,
) -> str:
    if style == "words":
        return words(n, gender, case, construct)
    if style == "hybrid":
        return hybrid(n)
    return digits(n, style)


def _adjective(adj: Adjective, gender: Gender, form: str) -> str:
    fem = gender == "f"
    table = {
        "sg": adj.f if fem else adj.m,
        "sg_acc": adj.f if fem else adj.m_acc,
        "pl": adj.f_pl if fem else adj.m_pl,
        "du_nom": adj.f_du_nom if fem else adj.m_du_nom,
        "du_obl": adj.f_du_obl if fem else adj.m_du_obl,
    }
    return table[form]


def counted_phrase(
    rng: random.Random,
    n: int,
    noun: Noun,
    case: Case,
    adjective: Adjective | None = None,
    styles: Sequence[Style] = ALL_STYLES,
) -> tuple[str, str]:
    """`n` `noun`s in `case`, with an optional agreeing adjective; returns
    (text, style tag). One is "noun adjective واحد", two a dual (with اثنين
    when the dual alone would read as a plural), three and more a numeral."""
    g = noun.gender
    if n == 1:
        head = noun.sg_acc if case == "acc" else noun.sg
        adj = (
            ""
            if adjective is None
            else " " + _adjective(adjective, g, "sg_acc" if case == "acc" else "sg")
        )
        one = "واحدة" if g == "f" else "واحدا" if case == "acc" else "واحد"
        return f"{head}{adj} {one}", "after_noun"
    if n == 2:
        oblique = case != "nom"
        head = noun.du_obl if oblique else noun.du_nom
        adj = (
            ""
            if adjective is None
            else " " + _adjective(adjective, g, "du_obl" if oblique else "du_nom")
        )
        text = f"{head}{adj}"
        if (oblique and not noun.dual_clear) or rng.random() < 0.3:
            text += " " + words(2, g, case)
            return text, "dual_with_number"
        return text, "dual"
    style = rng.choice(feasible_styles(n, styles))
    number = render_number(n, style, g, case)
    form = "singular_gen" if style == "hybrid" else counted_form(n)
    if form == "plural":
        head, adj_form = noun.pl, "pl"
    elif form == "singular_acc":
        head, adj_form = noun.sg_acc, "sg_acc"
    else:
        head, adj_form = noun.sg, "sg"
    adj = "" if adjective is None else " " + _adjective(adjective, g, adj_form)
    return f"{number} {head}{adj}", style


def bare_number(
    rng: random.Random,
    n: int,
    gender: Gender,
    case: Case,
    styles: Sequence[Style] = ALL_STYLES,
) -> tuple[str, str]:
    """A number standing alone (ارتفع العدد إلى 12، ثلاثة من الجنود)."""
    style = rng.choice(feasible_styles(n, styles))
    return render_number(n, style, gender, case, construct=False), style


# --- orthographic perturbations ---------------------------------------------------------

_ALIF_HAMZA = re.compile("[\u0623\u0625\u0622]")  # أ إ آ
_FINAL_YA = re.compile("\u064a(?=\\s|$|[،.])")  # ي at a word's end
_FINAL_TA_MARBUTA = re.compile("\u0629(?=\\s|$|[،.])")  # ة at a word's end
# The final alif of an accusative nisba (جنديا → جنديًا), but not of a country name.
_ACC_NISBA = re.compile("([\u0621-\u064a]{2,}\u064a)\u0627(?=\\s|$|[،.])")
_COUNTRIES_IN_YA = {"روسي", "أرميني", "سوري", "تركي", "أوكراني", "ألماني", "بريطاني", "إيطالي"}
_WORD = re.compile("[\u0621-\u064a]{4,}")
# Letters that do not join the next one: tatweel after them would be misplaced.
_NON_JOINING = set("\u0627\u0623\u0625\u0622\u062f\u0630\u0631\u0632\u0648\u0629\u0621\u0649")
_HARAKAT = ("\u064e", "\u064f", "\u0650", "\u0652", "\u0651")  # fatha damma kasra sukun shadda
# Vocalized forms of frequent words, as a vocalizing editor writes them.
_VOCALIZED = {
    "قتل": "قُتِلَ",
    "أصيب": "أُصِيبَ",
    "مقتل": "مَقْتَل",
    "إصابة": "إِصَابَة",
    "وقف": "وَقْف",
    "إطلاق": "إِطْلَاق",
    "النار": "النَّار",
    "هدنة": "هُدْنَة",
    "نزوح": "نُزُوح",
    "جنود": "جُنُود",
    "قره": "قَرَه",
    "أكثر": "أَكْثَر",
}

Perturbation = Literal["none", "tashkeel", "bare_alif", "final_ya", "ta_marbuta_ha", "tatweel"]
PERTURBATIONS: tuple[Perturbation, ...] = (
    "tashkeel",
    "bare_alif",
    "final_ya",
    "ta_marbuta_ha",
    "tatweel",
)


def _tashkeel(text: str, rng: random.Random) -> str:
    words_ = [_VOCALIZED.get(w, w) for w in text.split(" ")]
    text = " ".join(words_)
    if rng.random() < 0.5:
        text = _ACC_NISBA.sub(
            lambda m: m.group(0) if m.group(1) in _COUNTRIES_IN_YA else m.group(1) + "\u064b\u0627",
            text,
        )
    # One more word gets a vowel after its first letter, as partial vocalization does.
    candidates = list(_WORD.finditer(text))
    if candidates:
        m = rng.choice(candidates)
        text = text[: m.start() + 1] + rng.choice(_HARAKAT) + text[m.start() + 1 :]
    return text


def _tatweel(text: str, rng: random.Random) -> str:
    candidates = [m for m in _WORD.finditer(text) if m.group()[1] not in _NON_JOINING]
    for m in sorted(rng.sample(candidates, min(3, len(candidates))), key=lambda m: -m.start()):
        cut = m.start() + 2
        text = text[:cut] + "\u0640" * rng.choice((1, 2)) + text[cut:]
    return text


def perturb(text: str, kind: Perturbation, rng: random.Random) -> str:
    """Spell `text` as some Arabic news sites do; the meaning is unchanged."""
    if kind == "tashkeel":
        return _tashkeel(text, rng)
    if kind == "bare_alif":
        return _ALIF_HAMZA.sub("\u0627", text)
    if kind == "final_ya":
        return _FINAL_YA.sub("\u0649", text)
    if kind == "ta_marbuta_ha":
        return _FINAL_TA_MARBUTA.sub("\u0647", text)
    if kind == "tatweel":
        return _tatweel(text, rng)
    return text
