"""Casualty and displacement capabilities: templates and how each case is built.

Templates are data: strings with slots. `{NP_NOM}`, `{NP_ACC}`, `{NP_GEN}` are
the counted phrase in the case its position governs; `{V}`, `{LAQI}`, `{PRON}`,
`{KANA}` agree with it; `{PLACE}`, `{EVENT}`, `{EVENT_IN}`, `{TIME}`,
`{ANNOUNCER}`, `{SOURCE}`, `{FROM}` are drawn from the lexicon. The expected
figure is computed from the integer put into the phrase, the kind the template
declares and the qualifier chosen, never typed per case.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from monitor.evaluation.capabilities import lexicon as lx
from monitor.evaluation.capabilities.grammar import (
    ALL_STYLES,
    DIGIT_STYLES,
    bare_number,
    counted_phrase,
    pronoun,
    verb,
    verb_first,
)
from monitor.evaluation.capabilities.lexicon import Noun
from monitor.evaluation.capabilities.model import Expected, Figure
from monitor.evaluation.capabilities.numerals import Gender

Built = tuple[str, Expected, tuple[str, ...]]
Builder = Callable[[random.Random], Built]

SMALL = (*range(3, 31), 34, 40, 45, 49, 50, 58, 63, 77, 99)
LARGE = (100, 120, 150, 200, 250, 300, 450, 500, 600, 1000, 1200, 1500, 2000, 3000, 5000)
DISPLACED_COUNTS = (300, 500, 1200, 1500, 3000, 5000, 12000, 20000, 50000, 100000, 120000)


def pick_count(rng: random.Random) -> int:
    return rng.choice(SMALL) if rng.random() < 0.75 else rng.choice(LARGE)


def fill(template: str, **slots: str) -> str:
    """Fill the slots a template names; collapse the gaps an empty slot leaves."""
    text = template.format(**slots)
    return " ".join(text.split()).replace(" ،", "،").replace(" .", ".")


def _common(rng: random.Random) -> dict[str, str]:
    claimant, gender = rng.choice(lx.CLAIMANTS)
    return {
        "PLACE": rng.choice(lx.KARABAKH_PLACES),
        "EVENT": rng.choice(lx.EVENTS),
        "EVENT_IN": rng.choice(lx.EVENTS_IN),
        "TIME": rng.choice((*lx.TIMES, "")),
        "SOURCE": claimant,
        "ANNOUNCER": f"{lx.ANNOUNCE[gender]} {claimant}",
        "SAY": lx.SAY[gender],
        "FROM": rng.choice(lx.KARABAKH_FROM),
    }


def _np_slots(
    rng: random.Random, n: int, noun: Noun, **kwargs: object
) -> tuple[dict[str, str], str]:
    """Slots for one counted phrase in every case, and the rendering style used."""
    slots: dict[str, str] = {}
    style = ""
    # One rendering decision per case (the same seed draw), so NOM/ACC/GEN agree.
    state = rng.getstate()
    for case in ("nom", "acc", "gen"):
        rng.setstate(state)
        text, style = counted_phrase(rng, n, noun, case, **kwargs)  # type: ignore[arg-type]
        slots["NP_" + case.upper()] = text
    g = noun.gender
    slots["PRON"] = pronoun(n, g)
    slots["KANA"] = verb("kana", n, g)
    slots["LAQI"] = verb("laqi", n, g)
    slots["LAQI_VF"] = verb_first("laqi", g)
    return slots, style


# --- templates ------------------------------------------------------------------------
# (kind, template). {V} is the kind's verb agreeing after the subject; {VF} before it.

VERB_FIRST: tuple[tuple[str, str], ...] = (
    ("killed", "{VF} {NP_NOM} {EVENT_IN} {PLACE} {TIME}، بحسب {SOURCE}."),
    ("killed", "أسفر {EVENT} {PLACE} {TIME} عن مقتل {NP_GEN}."),
    ("killed", "{ANNOUNCER} {TIME} مقتل {NP_GEN} {EVENT_IN} {PLACE}."),
    ("killed", "تأكد مقتل {NP_GEN} {EVENT_IN} {PLACE}."),
    ("killed", "تم تسجيل مقتل {NP_GEN} {PLACE} {TIME}."),
    ("wounded", "{VF} {NP_NOM} بجروح {EVENT_IN} {PLACE} {TIME}."),
    ("wounded", "أسفر {EVENT} {PLACE} عن إصابة {NP_GEN} بجروح متفاوتة."),
    ("wounded", "{ANNOUNCER} إصابة {NP_GEN} {EVENT_IN} {PLACE}."),
    ("wounded", "جرح {NP_NOM} {EVENT_IN} {PLACE} {TIME}."),
    # receiving treatment: the wounded, with no wound word
    ("wounded", "وقع {EVENT} {PLACE}، فيما يتلقى {NP_NOM} العلاج في المستشفى."),
)
NOUN_FIRST: tuple[tuple[str, str], ...] = (
    ("killed", "{NP_NOM} {V} {EVENT_IN} {PLACE} {TIME}."),
    ("killed", "{SAY} {SOURCE} إن {NP_ACC} {V} {EVENT_IN} {PLACE}."),
    ("killed", "وأضافت المصادر أن {NP_ACC} {V} {PLACE} {TIME}."),
    ("wounded", "{NP_NOM} {V} بجروح {EVENT_IN} {PLACE}."),
    ("wounded", "{SAY} {SOURCE} إن {NP_ACC} {V} {EVENT_IN} {PLACE} {TIME}."),
)
IDIOMS: tuple[tuple[str, str], ...] = (
    ("killed", "أودى {EVENT} {PLACE} بحياة {NP_GEN}."),
    ("killed", "حصد {EVENT} {PLACE} أرواح {NP_GEN}."),
    ("killed", "وقع هجوم بطائرة مسيرة {PLACE} {TIME} راح ضحيته {NP_NOM}."),
    ("killed", "{LAQI_VF} {NP_NOM} حتف{PRON} {EVENT_IN} {PLACE}."),
    ("killed", "{LAQI_VF} {NP_NOM} مصرع{PRON} {EVENT_IN} {PLACE} {TIME}."),
    ("killed", "{NP_NOM} {LAQI} حتف{PRON} {EVENT_IN} {PLACE}."),
    ("killed", "{NP_NOM} {LAQI} مصرع{PRON} {PLACE} {TIME}."),
    # reaping as a participle after the event
    ("killed", "سقط صاروخ على سوق شعبي {PLACE} حاصدا أرواح {NP_GEN}."),
    # lost their lives: the dead, not the missing
    ("killed", "فقد {NP_NOM} حيات{PRON} {EVENT_IN} {PLACE}."),
)
# Idioms whose noun is the outcome itself: {N_KILLED_*} is a count of قتيل.
KIND_NOUN_IDIOMS: tuple[tuple[str, str], ...] = (
    ("killed", "أسفر {EVENT} {PLACE} عن سقوط {K_GEN}."),
    ("killed", "سقط {K_NOM} {EVENT_IN} {PLACE} {TIME}."),
    ("killed", "خلف {EVENT} {PLACE} {K_ACC}."),
)
QUALIFIED: tuple[tuple[str, str], ...] = (
    ("killed", "أسفر {EVENT} {PLACE} عن مقتل {Q} {NP_GEN}."),
    ("killed", "{ANNOUNCER} مقتل {Q} {NP_GEN} {EVENT_IN} {PLACE}."),
    ("wounded", "أصيب {Q} {NP_GEN} بجروح {EVENT_IN} {PLACE}."),
    ("wounded", "أسفر {EVENT} عن إصابة {Q} {NP_GEN} {PLACE}."),
    ("displaced", "أدت المعارك إلى نزوح {Q} {NP_GEN} من {FROM}."),
)
VAGUE: tuple[tuple[str, str], ...] = (
    ("killed", "أسفر {EVENT} {PLACE} عن مقتل {V_WORD} {DEF_PL}."),
    ("wounded", "أصيب {V_WORD} {DEF_PL} بجروح {EVENT_IN} {PLACE}."),
    ("displaced", "نزح {V_WORD} {DEF_PL} من {FROM} {TIME}."),
    ("killed", "سقط {V_WORD} القتلى {EVENT_IN} {PLACE}."),
    ("wounded", "أسفر {EVENT} {PLACE} عن سقوط {V_WORD} الجرحى."),
)
CAPTURED: tuple[tuple[str, str], ...] = (
    ("captured", "{ANNOUNCER} أسر {NP_GEN} {PLACE} {TIME}."),
    ("captured", "{VF} {NP_NOM} خلال المعارك {PLACE}."),
    ("captured", "اعتقلت القوات الأذربيجانية {NP_ACC} {PLACE}."),
    ("captured", "لا تزال باكو تحتجز {NP_ACC} منذ انتهاء المعارك."),
    ("captured", "لا يزال {NP_NOM} في قبضة القوات الأذربيجانية."),
    ("captured", "أفرجت أذربيجان {TIME} عن {P_GEN} بوساطة أمريكية."),
    ("captured", "جرت عملية تبادل شملت {P_ACC} على الحدود بين البلدين."),
    ("captured", "تم تبادل {P_GEN} بين أرمينيا وأذربيجان {TIME}."),
    ("captured", "{SAY} {SOURCE} إن {NP_ACC} {V} {PLACE}."),
    # an arrest told without ألقى
    ("captured", "{ANNOUNCER} القبض على {NP_GEN} {PLACE}."),
    ("captured", "تم القبض على {NP_GEN} {PLACE} {TIME}."),
    ("captured", "قبضت قوات الأمن {TIME} على {NP_GEN} {PLACE}."),
    ("captured", "{ANNOUNCER} توقيف {NP_GEN} {PLACE}."),
)
MISSING: tuple[tuple[str, str], ...] = (
    ("missing", "لا يزال {NP_NOM} في عداد المفقودين منذ بدء المعارك {PLACE}."),
    ("missing", "{ANNOUNCER} فقدان {NP_GEN} {PLACE}."),
    ("missing", "انقطعت أخبار {NP_GEN} منذ {EVENT} {PLACE}."),
    ("missing", "ما زال مصير {NP_GEN} مجهولا بعد {EVENT} {PLACE}."),
    ("missing", "{SAY} {SOURCE} إن {NP_ACC} {V} {PLACE} {TIME}."),
    ("missing", "ولا يزال {M_NOM} {PLACE} بحسب {SOURCE}."),
    # the toll noun with a possessive (its missing)
    ("missing", "وبلغ عدد مفقوديها منذ بدء المعارك {PLACE} {NP_ACC}."),
    # the news of the people, then cut off
    ("missing", "{SAY} {SOURCE} إن أخبار {NP_GEN} انقطعت منذ {EVENT} {PLACE}."),
)
DISPLACED: tuple[tuple[str, str], ...] = (
    ("displaced", "نزح {NP_NOM} من {FROM} {TIME}."),
    ("displaced", "أجبرت المعارك {NP_ACC} على النزوح من {FROM}."),
    ("displaced", "اضطر {NP_NOM} إلى مغادرة منازل{PRON} في {FROM}."),
    ("displaced", "أدى {EVENT} إلى تهجير {NP_GEN} من {FROM}."),
    ("displaced", "فر {NP_NOM} من {FROM} باتجاه أرمينيا."),
    ("displaced", "{ANNOUNCER} نزوح {NP_GEN} من {FROM}."),
    ("displaced", "وصل {NP_NOM} إلى أرمينيا قادمين من {FROM}."),
)
EVACUATED: tuple[tuple[str, str], ...] = (
    ("evacuated", "أجلت السلطات {NP_ACC} من {FROM} {TIME}."),
    ("evacuated", "تم إجلاء {NP_GEN} من {FROM}."),
    ("evacuated", "{VF} {NP_NOM} من {FROM} إلى مناطق آمنة."),
    ("evacuated", "تمكنت فرق الصليب الأحمر من إجلاء {NP_GEN} من {FROM}."),
    ("evacuated", "{ANNOUNCER} إجلاء {NP_GEN} من {FROM} {TIME}."),
    # a subject of its own between the verb and its count
    ("evacuated", "أجلت السلطات المحلية في إقليم سيونيك {NP_ACC} من {FROM}."),
    # how many they number, after the evacuated are named
    ("evacuated", "أجلت فرق الدفاع المدني سكان الحي البالغ عددهم {NP_ACC} {TIME}."),
)


def _verb_slots(kind: str, gender: str, n: int) -> dict[str, str]:
    g: Gender = "f" if gender == "f" else "m"
    return {"V": verb(kind, n, g), "VF": verb_first(kind, g)}


def _people_for(kind: str) -> tuple[Noun, ...]:
    if kind == "displaced":
        return (lx.PEOPLE[1], lx.PEOPLE[2], lx.PEOPLE[7], lx.ARMENIAN, lx.RESIDENT)
    if kind == "captured":
        return (*lx.SOLDIERS, lx.PEOPLE[1], lx.ARMENIAN)
    return lx.PEOPLE


def from_templates(
    templates: tuple[tuple[str, str], ...],
    *,
    counts: Callable[[random.Random], int] = pick_count,
    adjective: bool = False,
    modifier: bool = False,
    historical: bool = False,
) -> Builder:
    """A builder that fills one of `templates` with a counted phrase."""

    def build(rng: random.Random) -> Built:
        kind, template = rng.choice(templates)
        noun = rng.choice(_people_for(kind))
        n = counts(rng)
        adj = rng.choice((*lx.NATIONALITIES, lx.ANOTHER)) if adjective else None
        np, style = _np_slots(rng, n, noun, adjective=adj)
        slots = _common(rng) | np | _verb_slots(kind, noun.gender, n)
        tags = [style]
        if modifier:
            # A unit name only fits soldiers; a masculine clause only masculine nouns.
            soldier = noun in lx.SOLDIERS
            extra = rng.choice(lx.UNITS) if soldier and rng.random() < 0.5 else ""
            clauses = lx.RELATIVE_CLAUSES if noun.gender == "m" else lx.RELATIVE_CLAUSES[:2]
            clause = rng.choice(clauses).format(kana=slots["KANA"])
            extra = f"{extra} {clause}".strip() if rng.random() < 0.6 else extra or clause
            for case in ("NOM", "ACC", "GEN"):
                slots["NP_" + case] += " " + extra
            tags.append("modifier")
        for key, noun_ in (("P", lx.PRISONER), ("M", lx.MISSING_NOUN)):
            p, _ = _np_slots(rng, n, noun_)
            for case in ("NOM", "ACC", "GEN"):
                slots[f"{key}_{case}"] = p["NP_" + case]
        text = fill(template, **slots)
        return text, Expected(figures=(Figure(kind, n, historical=historical),)), tuple(tags)

    return build


def kind_noun_idioms(rng: random.Random) -> Built:
    """سقوط 12 قتيلا: the noun names the outcome."""
    kind, template = rng.choice(KIND_NOUN_IDIOMS)
    n = pick_count(rng) if rng.random() < 0.85 else 2
    slots = _common(rng)
    for case in ("nom", "acc", "gen"):
        state = rng.getstate()
        slots["K_" + case.upper()] = counted_phrase(rng, n, lx.KILLED_NOUN, case)[0]  # type: ignore[arg-type]
        rng.setstate(state)
    return fill(template, **slots), Expected(figures=(Figure(kind, n),)), ("kind_noun",)


def idioms(rng: random.Random) -> Built:
    if rng.random() < 0.3:
        return kind_noun_idioms(rng)
    return from_templates(IDIOMS)(rng)


def qualifiers(rng: random.Random) -> Built:
    kind, template = rng.choice(QUALIFIED)
    qualifier = rng.choice(tuple(lx.QUALIFIERS))
    word = rng.choice(lx.QUALIFIERS[qualifier])
    noun = rng.choice(_people_for(kind))
    n = rng.choice(DISPLACED_COUNTS) if kind == "displaced" else pick_count(rng)
    np, style = _np_slots(rng, n, noun)
    slots = _common(rng) | np
    if qualifier == "at_least" and rng.random() < 0.4:
        slots["Q"] = ""
        slots["NP_GEN"] += " " + lx.AT_LEAST_AFTER
        word = lx.AT_LEAST_AFTER
    else:
        slots["Q"] = word
    text = fill(template, **slots)
    return text, Expected(figures=(Figure(kind, n, qualifier),)), (style, qualifier)


def vague(rng: random.Random) -> Built:
    kind, template = rng.choice(VAGUE)
    qualifier = rng.choice(tuple(lx.VAGUE))
    noun = rng.choice(_people_for(kind))
    slots = _common(rng)
    slots["V_WORD"] = rng.choice(lx.VAGUE[qualifier])
    slots["DEF_PL"] = noun.definite_plural
    text = fill(template, **slots)
    return text, Expected(figures=(Figure(kind, None, qualifier),)), (qualifier,)


def qualifiers_all(rng: random.Random) -> Built:
    return vague(rng) if rng.random() < 0.35 else qualifiers(rng)


def number_after_noun(rng: random.Random) -> Built:
    """جندي واحد، مدنيان اثنان: the number word follows the noun."""
    n = rng.choice((1, 2))
    kind, template = rng.choice(VERB_FIRST + NOUN_FIRST)
    noun = rng.choice(lx.PEOPLE)
    adj = rng.choice(lx.NATIONALITIES) if rng.random() < 0.4 else None
    # Force the number word after the dual, so this capability is about it.
    while True:
        np, style = _np_slots(rng, n, noun, adjective=adj)
        if n == 1 or style == "dual_with_number":
            break
    slots = _common(rng) | np | _verb_slots(kind, noun.gender, n)
    return fill(template, **slots), Expected(figures=(Figure(kind, n),)), (style,)


def duals(rng: random.Random) -> Built:
    """جنديان، مقتل جنديين، امرأتان أذربيجانيتان، سقوط قتيلين وثلاثة جرحى."""
    if rng.random() < 0.25:
        wounded = rng.choice(lx.WOUNDED_NOUNS)
        m = rng.choice(SMALL)
        hurt, style = counted_phrase(rng, m, wounded, "gen")
        dead = "قتيلين" if rng.random() < 0.5 else "قتيل واحد"
        k = 2 if dead == "قتيلين" else 1
        slots = _common(rng)
        text = fill("أسفر {EVENT} {PLACE} عن سقوط " + dead + " و" + hurt + ".", **slots)
        return text, Expected(figures=(Figure("killed", k), Figure("wounded", m))), (style,)
    kind, template = rng.choice(VERB_FIRST + NOUN_FIRST + IDIOMS)
    noun = rng.choice(lx.PEOPLE)
    adj = rng.choice(lx.NATIONALITIES) if rng.random() < 0.5 else None
    np, style = _np_slots(rng, 2, noun, adjective=adj)
    slots = _common(rng) | np | _verb_slots(kind, noun.gender, 2)
    return fill(template, **slots), Expected(figures=(Figure(kind, 2),)), (style,)


#: Asides about who the people counted are, between commas before their verb:
#: (for two, for more) per gender.
APPOSITIONS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "m": (
        ("وهما شقيقان من سكان البلدة", "وهما من المتطوعين في الهلال الأحمر"),
        ("وهم من سكان القرى الحدودية", "وهم مزارعون كانوا يعملون في حقولهم"),
    ),
    "f": (
        ("وهما شقيقتان من سكان البلدة", "وهما من العاملات في المستشفى"),
        ("وهن من سكان القرى الحدودية", "وهن مزارعات كن يعملن في الحقول"),
    ),
}


def apposition(rng: random.Random) -> Built:
    """The people counted, an aside on who they are between commas, then their
    verb: "مدنيان، وهما شقيقان من سكان البلدة، قتلا"."""
    kind, template = rng.choice(NOUN_FIRST)
    noun = rng.choice(lx.PEOPLE)
    n = 2 if rng.random() < 0.4 else pick_count(rng)
    adj = rng.choice(lx.NATIONALITIES) if rng.random() < 0.4 else None
    np, style = _np_slots(rng, n, noun, adjective=adj)
    aside = rng.choice(APPOSITIONS[noun.gender][0 if n == 2 else 1])
    for case in ("NOM", "ACC", "GEN"):
        np["NP_" + case] += f"، {aside}،"
    slots = _common(rng) | np | _verb_slots(kind, noun.gender, n)
    return fill(template, **slots), Expected(figures=(Figure(kind, n),)), (style, "apposition")


PARTITIVE: tuple[tuple[str, str], ...] = (
    ("killed", "{VF} {N_NOM} من {GROUP} {EVENT_IN} {PLACE}."),
    ("killed", "أسفر {EVENT} {PLACE} عن مقتل {N_GEN} من {GROUP}."),
    ("wounded", "أصيب {N_NOM} من {GROUP} بجروح {EVENT_IN} {PLACE}."),
    ("killed", "{N_NOM} من {GROUP} {V} {EVENT_IN} {PLACE} {TIME}."),
    ("wounded", "{ANNOUNCER} إصابة {N_GEN} من {GROUP} {PLACE}."),
    # mourned: the dead are the object of the mourning verb
    ("killed", "نعت الحركة في بيان {N_GEN} من {GROUP} سقطوا {PLACE}."),
)


def partitive(rng: random.Random) -> Built:
    """N من أفراد/عناصر/جنود ..., and أحد/إحدى for one."""
    kind, template = rng.choice(PARTITIVE)
    group, g = rng.choice(lx.PARTITIVE_GROUPS)
    n = pick_count(rng) if rng.random() < 0.85 else 2
    slots = _common(rng) | _verb_slots(kind, g, n)
    style = ""
    for case in ("nom", "gen"):
        state = rng.getstate()
        # A bare "2 من" is not how news writes it: two is اثنان / اثنين.
        styles = ("words",) if n == 2 else ALL_STYLES
        number, style = bare_number(rng, n, g, case, styles)  # type: ignore[arg-type]
        rng.setstate(state)
        slots["N_" + case.upper()] = number
    return fill(template, GROUP=group, **slots), Expected(figures=(Figure(kind, n),)), (style,)


SUB_LISTS: tuple[tuple[str, str], ...] = (
    ("killed", "{VF} {NP_NOM} {EVENT_IN} {PLACE}، {AMONG} {SUBS}."),
    ("killed", "أسفر {EVENT} {PLACE} عن مقتل {NP_GEN}، {AMONG} {SUBS}."),
    ("wounded", "أصيب {NP_NOM} بجروح {EVENT_IN} {PLACE}، {AMONG} {SUBS}."),
)
SUB_NOUNS: tuple[Noun, ...] = (
    lx.PEOPLE[6],
    lx.PEOPLE[8],
    lx.PEOPLE[0],
    lx.PEOPLE[3],
    lx.PEOPLE[1],
)


def sub_count_lists(rng: random.Random) -> Built:
    """بينهم A و B و C: every sub-count is a figure of the same kind."""
    kind, template = rng.choice(SUB_LISTS)
    nouns = rng.sample(SUB_NOUNS, rng.choice((1, 2, 2, 3, 3)))
    subs = [rng.choice((1, 2, *range(3, 13))) for _ in nouns]
    total = sum(subs) + rng.choice((0, 1, 3, 5, 10))
    total = max(total, 3)
    np, style = _np_slots(rng, total, rng.choice((lx.PEOPLE[2], lx.PEOPLE[1])))
    parts = [counted_phrase(rng, k, noun, "nom")[0] for k, noun in zip(subs, nouns, strict=True)]
    slots = _common(rng) | np | _verb_slots(kind, "m", total)
    slots["AMONG"] = rng.choice(("بينهم", "من بينهم", "بينهم"))
    slots["SUBS"] = " و".join(parts)
    figures = (Figure(kind, total), *(Figure(kind, k) for k in subs))
    return fill(template, **slots), Expected(figures=figures), (style, f"subs{len(subs)}")


RUNNING_TOLL: tuple[tuple[str, str], ...] = (
    ("killed", "ارتفعت حصيلة قتلى {EVENT} {FAR} إلى {K_GEN}."),
    ("killed", "ارتفعت حصيلة ضحايا {EVENT} {FAR} إلى {N_GEN} قتيلا."),
    ("killed", "بلغت حصيلة القتلى جراء {EVENT} {FAR} {K_ACC}."),
    ("killed", "{ANNOUNCER} أن عدد القتلى في {EVENT} {FAR} ارتفع إلى {N_GEN}."),
    ("wounded", "ارتفع عدد الجرحى جراء {EVENT} {FAR} إلى {N_GEN}."),
    ("wounded", "ارتفعت حصيلة المصابين في {EVENT} {FAR} إلى {N_GEN}."),
)
# What stands between the toll word and its number: a relative clause on the
# event, then an attribution, either or both.
FAR_RELATIVE: tuple[str, ...] = (
    "الذي استهدف سوقا شعبية في بلدة مارتوني مساء الأحد",
    "الذي تعرضت له المواقع الواقعة على طول خط التماس بين القوات الأرمينية والأذربيجانية",
    "الذي وقع قرب مدينة أغدام",
)
FAR_ATTRIBUTION: tuple[str, ...] = (
    "وفق ما أفادت به السلطات المحلية في بيان نشرته صباح اليوم على موقعها الإلكتروني",
    "بحسب آخر حصيلة رسمية",
    "وفق مصادر طبية في المنطقة",
)


def running_toll_far(rng: random.Random) -> Built:
    """حصيلة ... clause ... ارتفعت إلى N: the count is far from its kind word."""
    kind, template = rng.choice(RUNNING_TOLL)
    n = pick_count(rng)
    if "قتيلا" in template:
        n = rng.choice([k for k in SMALL if k >= 11])  # "N قتيلا" needs an 11–99 count
    slots = _common(rng)
    far = rng.choice(((FAR_RELATIVE,), (FAR_ATTRIBUTION,), (FAR_RELATIVE, FAR_ATTRIBUTION)))
    slots["FAR"] = "، ".join(rng.choice(options) for options in far) + "،"
    state = rng.getstate()
    number, style = bare_number(rng, n, "m", "gen")
    rng.setstate(state)
    slots["N_GEN"] = number
    for case in ("acc", "gen"):
        rng.setstate(state)
        slots["K_" + case.upper()] = counted_phrase(rng, n, lx.KILLED_NOUN, case)[0]  # type: ignore[arg-type]
    if "قتيلا" in template and style not in DIGIT_STYLES:
        slots["N_GEN"] = str(n)
        style = "latin"
    return fill(template, **slots), Expected(figures=(Figure(kind, n),)), (style,)


def other_conflicts(rng: random.Random) -> Built:
    """Gaza, Sudan, Ukraine, Syria: a figure, and not Karabakh."""
    kind, template = rng.choice(VERB_FIRST)
    noun = rng.choice(lx.CIVILIANS)
    n = pick_count(rng)
    np, style = _np_slots(rng, n, noun)
    slots = _common(rng) | np | _verb_slots(kind, noun.gender, n)
    place, source, gender = rng.choice(lx.OTHER_CONFLICTS)
    slots["PLACE"] = place
    slots["EVENT"] = "القصف"
    slots["EVENT_IN"] = rng.choice(lx.OTHER_CONFLICT_EVENTS_IN)
    slots["SOURCE"] = source
    slots["ANNOUNCER"] = f"{lx.ANNOUNCE[gender]} {source}"
    text = fill(template, **slots)
    return text, Expected(figures=(Figure(kind, n),), karabakh=False), (style,)
