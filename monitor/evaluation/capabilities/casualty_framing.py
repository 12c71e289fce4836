"""Casualty capabilities about framing: negation, denial, history, and numbers
that are not casualties. The expected figures follow from the frame: none for a
negated or denied statement, `historical` for a past war's toll."""

from __future__ import annotations

import random

from monitor.evaluation.capabilities import lexicon as lx
from monitor.evaluation.capabilities.casualties import (
    LARGE,
    SMALL,
    Built,
    _common,
    _np_slots,
    _verb_slots,
    fill,
    pick_count,
)
from monitor.evaluation.capabilities.grammar import Style, bare_number, render_number
from monitor.evaluation.capabilities.model import Expected, Figure

NEGATIONS: tuple[str, ...] = (
    "لم يسفر {EVENT} {PLACE} عن سقوط قتلى أو جرحى.",
    "لم تسجل أي إصابات في صفوف {GROUP} جراء {EVENT} {PLACE}.",
    "ولم يصب أحد بأذى في {EVENT} {PLACE} {TIME}.",
    "سقطت {N} قذائف {PLACE} {TIME} دون أن يسفر ذلك عن وقوع إصابات بشرية.",
    "ولم يصب أي من ركاب الحافلة البالغ عددهم {N} راكبا بأذى.",
    "لم يقتل أي جندي في {EVENT} {PLACE}، بحسب {SOURCE}.",
    "لم يتم تسجيل أي خسائر في الأرواح جراء {EVENT} {PLACE}.",
    "وأكدت السلطات المحلية عدم وقوع أي إصابات رغم سقوط {N} قذائف على {TOWN}.",
    "لم تقع إصابات في صفوف {GROUP} {TIME}، ولم يسجل نزوح للسكان.",
)
NEGATION_GROUPS = ("المدنيين", "الجنود", "العسكريين", "السكان", "قوات حفظ السلام")


def negation(rng: random.Random) -> Built:
    """A negated casualty statement is no figure (لم تسجل إصابات)."""
    template = rng.choice(NEGATIONS)
    slots = _common(rng)
    slots["GROUP"] = rng.choice(NEGATION_GROUPS)
    slots["TOWN"] = rng.choice(lx.KARABAKH_TOWNS)
    # Shells and passengers are counted with the numbers a figure would use.
    n = rng.choice([k for k in SMALL if k <= 10]) if "قذائف" in template else rng.choice(SMALL)
    number, style = bare_number(rng, n, "f" if "قذائف" in template else "m", "nom")
    if "راكبا" in template and n <= 10:
        number = str(n + 10)  # "N راكبا" needs an 11–99 count
    slots["N"] = number
    return fill(template, **slots), Expected(figures=()), (style,)


DENIALS: tuple[tuple[str, str], ...] = (
    ("killed", "{DENIER} {SOURCE} مقتل {NP_GEN} {EVENT_IN} {PLACE}."),
    ("killed", "{DENIER} {SOURCE} صحة التقارير التي تحدثت عن مقتل {NP_GEN} {PLACE}."),
    ("captured", "{DENIER} {SOURCE} الأنباء عن أسر {NP_GEN} {PLACE}."),
    ("wounded", "ووصفت باكو التقارير عن إصابة {NP_GEN} {PLACE} بأنها عارية عن الصحة."),
    ("killed", "كذبت يريفان ادعاءات باكو بمقتل {NP_GEN} {PLACE}."),
    ("killed", "{DENIER} {SOURCE} أن يكون {NP_NOM} قد {V} {EVENT_IN} {PLACE}."),
    ("killed", "{DENIER} {SOURCE} بشدة ما تردد عن مقتل {NP_GEN} {TIME}."),
)


def denial(rng: random.Random) -> Built:
    """A figure a ministry denies is no figure (نفت الوزارة مقتل 12 جنديا)."""
    kind, template = rng.choice(DENIALS)
    noun = rng.choice(lx.SOLDIERS)
    n = pick_count(rng)
    np, style = _np_slots(rng, n, noun)
    slots = _common(rng) | np | _verb_slots(kind, noun.gender, n)
    source, gender = rng.choice(lx.CLAIMANTS)
    slots["SOURCE"] = source
    slots["DENIER"] = lx.DENY[gender]
    return fill(template, **slots), Expected(figures=()), (style,)


# {NP_*} is the past toll; the frames carry their own years, which are no figures.
HISTORICAL: tuple[tuple[str, str], ...] = (
    ("killed", "وخلال حرب قره باغ الأولى بين عامي 1988 و1994 قتل {NP_NOM}."),
    ("killed", "وكانت الحرب الأولى في أوائل التسعينيات قد أودت بحياة {NP_GEN}."),
    ("killed", "وفي حرب عام 2020 التي استمرت 44 يوما، قتل {NP_NOM} من الجانبين."),
    ("killed", "يذكر أن {NP_ACC} قتلوا في مجزرة خوجالي عام 1992."),
    ("killed", "وأسفرت حرب التسعينيات عن مقتل {NP_GEN}، وفق تقديرات تلك الفترة."),
    ("displaced", "وكانت حرب التسعينيات قد أدت إلى نزوح {NP_GEN} من الإقليم والمناطق المحيطة به."),
    ("displaced", "ونزح {NP_NOM} خلال الحرب الأولى التي انتهت عام 1994."),
    ("missing", "ولا يزال مصير {NP_GEN} فقدوا خلال حرب التسعينيات مجهولا منذ ذلك الحين."),
)
CURRENT_LEADS: tuple[str, ...] = (
    "{VF} {NP_NOM} {EVENT_IN} {PLACE} {TIME}.",
    "أسفر {EVENT} {PLACE} {TIME} عن مقتل {NP_GEN}.",
)


def historical(rng: random.Random) -> Built:
    """A past war's toll is a figure with historical true; half the cases also
    carry a current figure, which must stay current."""
    kind, template = rng.choice(HISTORICAL)
    people = (lx.PEOPLE[2], lx.PEOPLE[1], lx.PEOPLE[0]) if kind == "killed" else lx.PEOPLE[1:3]
    noun = rng.choice(people)
    n = rng.choice((*LARGE, 613, 6500, 30000, 700000)) if kind != "missing" else rng.choice(SMALL)
    np, style = _np_slots(rng, n, noun)
    text = fill(template, **np, **_verb_slots("killed", noun.gender, n))
    figures = [Figure(kind, n, historical=True)]
    tags = [style]
    if rng.random() < 0.5:
        m = rng.choice(SMALL)
        np2, _ = _np_slots(rng, m, lx.PEOPLE[0])
        slots = _common(rng) | np2 | _verb_slots("killed", "m", m)
        text = fill(rng.choice(CURRENT_LEADS), **slots) + " " + text
        figures.append(Figure("killed", m))
        tags.append("with_current")
    return text, Expected(figures=tuple(figures)), tuple(tags)


SINCE_PAST: tuple[tuple[str, str], ...] = (
    ("killed", "{VF} {NP_NOM} في اشتباكات حدودية منذ انتهاء حرب 2020، بحسب {SOURCE}."),
    ("wounded", "أصيب {NP_NOM} بانفجار ألغام منذ وقف إطلاق النار عام 2020."),
    ("killed", "{ANNOUNCER} أن {NP_ACC} قتلوا منذ بدء الهجوم الأذربيجاني في سبتمبر 2023."),
    ("killed", "ارتفع عدد الجنود الذين قتلوا منذ حرب 2020 إلى {N}."),
    ("displaced", "نزح {NP_NOM} من الإقليم منذ بدء الهجوم الأخير في سبتمبر 2023."),
    ("killed", "قتل {NP_NOM} في حوادث ألغام منذ عام 2020، وفق {SOURCE}."),
)


def current_since_past(rng: random.Random) -> Built:
    """A current toll counted "since the 2020 war" is not historical."""
    kind, template = rng.choice(SINCE_PAST)
    noun = rng.choice((lx.PEOPLE[2], lx.PEOPLE[1], lx.PEOPLE[0]))
    n = pick_count(rng)
    np, style = _np_slots(rng, n, noun)
    slots = _common(rng) | np | _verb_slots(kind, noun.gender, n)
    slots["N"], _ = bare_number(rng, n, "m", "gen")
    return fill(template, **slots), Expected(figures=(Figure(kind, n),)), (style,)


# {N} is a number that is not a casualty figure: (template, gender of what it
# counts, values, whether news would write it in words).
NON_CASUALTY: tuple[tuple[str, str, tuple[int, ...], bool], ...] = (
    ("واندلعت الحرب في {N} سبتمبر/أيلول 2020 واستمرت أسابيع.", "m", (27,), False),
    ("وقال الوزير البالغ من العمر {N} عاما إن المفاوضات مستمرة.", "m", (45, 58, 63), True),
    ("ويقع الموقع على بعد {N} كيلومترا من ستيباناكرت.", "m", (12, 15, 30, 40), True),
    ("وأعلنت الحكومة تخصيص مساعدات بقيمة {N} مليون دولار للإعمار.", "m", (15, 20, 200), True),
    ("وارتفعت أسعار الوقود بنسبة {N}% خلال الشهر الماضي.", "m", (12, 25, 7), False),
    ("وتراجعت الصادرات بنسبة {N} في المئة.", "m", (12, 18, 30), True),
    ("وتمركزت وحدات من اللواء {N} قرب الحدود.", "m", (12, 4, 7), False),
    ("ويبلغ عدد سكان المدينة نحو {N} ألف نسمة.", "m", (50, 120), True),
    ("وقالت الوزارة إن قواتها دمرت {N} دبابات وعربات مدرعة.", "f", (3, 5, 8), True),
    ("وأسقطت الدفاعات الجوية {N} طائرات مسيرة.", "f", (3, 4, 6), True),
    ("وسيطرت القوات على {N} قرية خلال الهجوم.", "f", (12, 20, 30), True),
    ("وانطلقت المحادثات في تمام الساعة {N} صباحا بتوقيت باكو.", "m", (10, 9, 11), False),
    ("وشارك في الاجتماع ممثلون عن {N} دولة.", "f", (12, 27, 40), True),
    ("وأعيد فتح الطريق رقم {N} أمام حركة الشاحنات.", "m", (5, 12), False),
    ("ونص القرار رقم {N} على انسحاب القوات.", "m", (884, 853), False),
)
NEUTRAL_LEADS: tuple[str, ...] = (
    "تواصلت الاتصالات الدبلوماسية بين أرمينيا وأذربيجان بشأن إقليم قره باغ.",
    "أكدت وزارة الخارجية الأذربيجانية أن الوضع في قره باغ مستقر.",
    "",
)


def non_casualty_numbers(rng: random.Random) -> Built:
    """Dates, ages, distances, money, percentages, units: numbers, but no figure."""
    chosen = rng.sample(NON_CASUALTY, rng.choice((1, 2, 3)))
    parts = [rng.choice(NEUTRAL_LEADS)]
    styles = []
    for template, gender, values, in_words in chosen:
        n = rng.choice(values)
        style: Style = rng.choice(("latin", "arabic_indic", "persian", "words"))
        if style == "words" and not in_words:
            style = "latin"  # dates, hours, unit and resolution numbers stay in digits
        number = render_number(n, style, "f" if gender == "f" else "m", "gen")
        parts.append(template.format(N=number))
        styles.append(style)
    return fill(" ".join(parts)), Expected(figures=()), tuple(styles)
