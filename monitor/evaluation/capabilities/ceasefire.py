"""Ceasefire capabilities: statuses in varied wording, phrases split by
adjectives, other names for a ceasefire, figurative and historical uses, and
ceasefires that are rejected or denied.

`{M}` is a mediator and `{P}` a party, each with a verb that agrees (`{M_V}`
picks the form from a "masc|fem" pair in the template); `{BOTH}` names the two
sides; `{CF}` is the ceasefire phrase a capability varies.
"""

from __future__ import annotations

import random
import re

from monitor.evaluation.capabilities import lexicon as lx
from monitor.evaluation.capabilities.casualties import Builder, Built, fill
from monitor.evaluation.capabilities.model import Expected

# (statuses accepted, template). A "masc|fem" pair agrees with the actor before it
# is named: {M:دعا|دعت} becomes "دعت روسيا" or "دعا مجلس الأمن الدولي".
STATUS_TEMPLATES: dict[str, tuple[str, ...]] = {
    "called_for": (
        "{M:دعا|دعت} {BOTH} إلى وقف إطلاق النار فورا.",
        "{M:طالب|طالبت} بوقف إطلاق النار في قره باغ والعودة إلى المفاوضات.",
        "{M:حث|حثت} {BOTH} على وقف إطلاق النار وضبط النفس.",
        "{M:ناشد|ناشدت} أطراف النزاع الالتزام بوقف إطلاق النار في الإقليم.",
        "{M:جدد|جددت} الدعوة إلى وقف إطلاق النار بين أرمينيا وأذربيجان.",
    ),
    "proposed": (
        "{M:اقترح|اقترحت} وقفا لإطلاق النار بين {BOTH}.",
        "{M:طرح|طرحت} مبادرة لوقف إطلاق النار في قره باغ.",
        "{M:قدم|قدمت} مقترحا لوقف إطلاق النار على خط التماس.",
        "{M:عرض|عرضت} على {BOTH} خطة لوقف إطلاق النار تبدأ بهدنة إنسانية.",
    ),
    "agreed": (
        "اتفقت أرمينيا وأذربيجان على وقف إطلاق النار اعتبارا من منتصف الليل.",
        "توصل {BOTH_NOM} إلى اتفاق لوقف إطلاق النار بوساطة {M_NAME}.",
        "{P:وافق|وافقت} على وقف إطلاق النار الذي اقترحته روسيا.",
        "وقع وزيرا خارجية أرمينيا وأذربيجان اتفاقا لوقف إطلاق النار في موسكو.",
        "أبرم {BOTH_NOM} اتفاقا لوقف إطلاق النار بعد محادثات ماراثونية.",
    ),
    "announced": (
        "{P:أعلن|أعلنت} وقف إطلاق النار اعتبارا من ظهر اليوم.",
        "{M:أعلن|أعلنت} عن وقف لإطلاق النار في قره باغ يبدأ منتصف الليل.",
        "{P:أعلن|أعلنت} وقفا أحاديا لإطلاق النار.",
    ),
    "holding": (
        "لا يزال وقف إطلاق النار صامدا في قره باغ رغم التوتر.",
        "ساد هدوء حذر على خط التماس مع صمود وقف إطلاق النار.",
        "التزم الطرفان بوقف إطلاق النار طوال الليل، بحسب {M_NAME}.",
        "يبدو أن وقف إطلاق النار صامد لليوم الثالث على التوالي.",
    ),
    "violated": (
        "{P:اتهم|اتهمت} {OTHER} بخرق وقف إطلاق النار {PLACE}.",
        "تبادلت أرمينيا وأذربيجان الاتهامات بانتهاك وقف إطلاق النار.",
        "{P:قال|قالت} إن قوات {OTHER} انتهكت وقف إطلاق النار {PLACE}.",
        "سجلت بعثة المراقبة خروقات لوقف إطلاق النار {PLACE}.",
    ),
    "suspended": (
        "{P:علق|علقت} العمل بوقف إطلاق النار بعد هجوم {PLACE}.",
        "{P:أعلن|أعلنت} تعليق وقف إطلاق النار حتى إشعار آخر.",
        "{P:أوقف|أوقفت} التزامها بوقف إطلاق النار {PLACE}.",
    ),
}
# Per-template overrides of the accepted statuses where the wording admits two.
ALSO_ACCEPTED: dict[str, frozenset[str]] = {
    "{P:أعلن|أعلنت} وقفا أحاديا لإطلاق النار.": frozenset({"announced", "agreed"}),
    "{P:وافق|وافقت} على وقف إطلاق النار الذي اقترحته روسيا.": frozenset({"agreed", "proposed"}),
}
_AGREE = re.compile(r"\{([MP]):([^|}]+)\|([^}]+)\}")

CONTEXTS: tuple[str, ...] = (
    "",
    "تصاعد التوتر في إقليم ناغورني قره باغ خلال الأيام الأخيرة.",
    "جاء ذلك بعد يومين من المعارك العنيفة في قره باغ.",
)


def _actors(rng: random.Random, template: str) -> str:
    mediator, mg = rng.choice(lx.MEDIATORS)
    party, pg = rng.choice(lx.PARTIES)
    other = "أرمينيا" if party in ("أذربيجان", "باكو") else "أذربيجان"

    def agree(m: re.Match[str]) -> str:
        name, gender = (mediator, mg) if m.group(1) == "M" else (party, pg)
        return f"{m.group(2) if gender == 'm' else m.group(3)} {name}"

    text = _AGREE.sub(agree, template)
    return fill(
        text,
        BOTH=rng.choice(lx.BOTH_SIDES),
        BOTH_NOM=rng.choice(("الطرفان", "البلدان", "الجانبان")),
        M_NAME=mediator,
        OTHER=other,
        PLACE=rng.choice((*lx.KARABAKH_PLACES, "")),
    )


def _with_context(rng: random.Random, sentence: str) -> str:
    context = rng.choice(CONTEXTS)
    return (
        f"{context} {sentence}".strip() if rng.random() < 0.5 else f"{sentence} {context}".strip()
    )


def status(name: str) -> Builder:
    """A builder for one status: the item reports the ceasefire with that status."""

    def build(rng: random.Random) -> Built:
        template = rng.choice(STATUS_TEMPLATES[name])
        accepted = ALSO_ACCEPTED.get(template, frozenset({name}))
        text = _with_context(rng, _actors(rng, template))
        return text, Expected(ceasefire=True, statuses=accepted), (name,)

    return build


# Discontinuous phrases: adjectives split وقف from لإطلاق النار.
SPLIT_ADJECTIVES: tuple[tuple[str, str], ...] = (
    ("فوري", "فوريا"),
    ("فوري وغير مشروط", "فوريا وغير مشروط"),
    ("شامل ودائم", "شاملا ودائما"),
    ("إنساني مؤقت", "إنسانيا مؤقتا"),
    ("كامل", "كاملا"),
    ("فوري وشامل", "فوريا وشاملا"),
)
SPLIT_TEMPLATES: tuple[tuple[str, str], ...] = (
    ("called_for", "{M:دعا|دعت} {BOTH} إلى وقف {ADJ_GEN} لإطلاق النار."),
    ("called_for", "{M:طالب|طالبت} بوقف {ADJ_GEN} لإطلاق النار في قره باغ."),
    ("proposed", "{M:اقترح|اقترحت} وقفا {ADJ_ACC} لإطلاق النار بين {BOTH}."),
    ("agreed", "اتفق {BOTH_NOM} على وقف {ADJ_GEN} لإطلاق النار."),
    ("announced", "{P:أعلن|أعلنت} وقفا {ADJ_ACC} لإطلاق النار اعتبارا من منتصف الليل."),
    ("called_for", "{M:شدد|شددت} على ضرورة التوصل إلى وقف {ADJ_GEN} لإطلاق النار."),
)


def discontinuous(rng: random.Random) -> Built:
    name, template = rng.choice(SPLIT_TEMPLATES)
    gen, acc = rng.choice(SPLIT_ADJECTIVES)
    filled = template.replace("{ADJ_GEN}", gen).replace("{ADJ_ACC}", acc)
    text = _with_context(rng, _actors(rng, filled))
    return text, Expected(ceasefire=True, statuses=frozenset({name})), (name,)


_FEMININE = ("هدنة", "الهدنة", "التهدئة")


def _swap_phrase(phrases: tuple[str, ...], ending: tuple[str, ...] = ()) -> Builder:
    """A builder that puts another name for a ceasefire in a status template;
    `ending` phrases (إنهاء ...) only where an end can be called for or agreed."""

    def build(rng: random.Random) -> Built:
        name = rng.choice(("called_for", "proposed", "agreed", "violated"))
        candidates = [t for t in STATUS_TEMPLATES[name] if "وقف إطلاق النار" in t]
        original = rng.choice(candidates)
        usable = phrases + ending if name in ("called_for", "agreed") else phrases
        phrase = rng.choice(usable)
        template = original.replace("وقف إطلاق النار", phrase)
        if phrase.startswith(_FEMININE):
            template = template.replace(" الذي ", " التي ")  # الهدنة التي اقترحتها
            template = template.replace("اقترحته", "اقترحتها")
        accepted = ALSO_ACCEPTED.get(original, frozenset({name}))
        text = _with_context(rng, _actors(rng, template))
        return text, Expected(ceasefire=True, statuses=accepted), (name,)

    return build


cessation_of_hostilities = _swap_phrase(
    ("وقف الأعمال العدائية", "وقف الأعمال القتالية", "وقف القتال"),
    ending=("إنهاء الأعمال العدائية",),
)
truce_words = _swap_phrase(
    ("الهدنة", "هدنة إنسانية", "التهدئة", "اتفاق التهدئة", "هدنة مؤقتة", "اتفاق الهدنة")
)

FIGURATIVE: tuple[str, ...] = (
    "تستأنف مباريات الدوري الألماني بعد انتهاء الهدنة الشتوية مطلع الشهر المقبل.",
    "أعلن مدرب {CLUB} هدنة مع الصحافة بعد أسابيع من الانتقادات.",
    "فاز فيلم «وقف إطلاق النار» بجائزة أفضل فيلم في مهرجان {FEST}.",
    "تتيح اللعبة الجديدة للاعبين عقد هدنة مؤقتة مع خصومهم لجمع الموارد.",
    "يبدو أن الهدنة بين الحكومة والمعارضة حول الموازنة لن تصمد طويلا.",
    "اتفقت شركتا الاتصالات على وقف إطلاق النار في حرب الأسعار بينهما.",
    "دعا النقاد إلى هدنة في الجدل الدائر حول نهاية المسلسل.",
    "يروي المسلسل قصة زوجين يتفقان على هدنة بعد سنوات من الخلاف.",
    "انتهت الهدنة القصيرة بين عملاقي التكنولوجيا في معركة براءات الاختراع.",
    "طالب رئيس النادي بوقف إطلاق النار الإعلامي بين الجماهير قبل المباراة.",
)
CLUBS = ("ريال مدريد", "برشلونة", "الأهلي", "الزمالك", "الهلال", "ليفربول")
FESTIVALS = ("القاهرة السينمائي", "كان", "البحر الأحمر", "برلين")
FIGURATIVE_TAILS = (
    "",
    "وتحظى القصة باهتمام واسع على مواقع التواصل الاجتماعي.",
    "ويأتي ذلك وسط اهتمام جماهيري كبير.",
    "وقال متابعون إن الأمر كان متوقعا.",
)


def figurative(rng: random.Random) -> Built:
    """Truce as metaphor (sport, film, games, politics): no ceasefire."""
    first = rng.choice(FIGURATIVE).format(CLUB=rng.choice(CLUBS), FEST=rng.choice(FESTIVALS))
    text = fill(f"{first} {rng.choice(FIGURATIVE_TAILS)}")
    return text, Expected(ceasefire=False), ()


HISTORICAL: tuple[str, ...] = (
    "تحل اليوم الذكرى الثلاثون لاتفاق وقف إطلاق النار الذي وقع في بيشكيك عام 1994.",
    "ظل خط التماس الذي رسمته هدنة 1994 قائما لأكثر من ربع قرن.",
    "منذ اتفاق وقف إطلاق النار عام 1994 ظل النزاع مجمدا حتى اندلاع حرب 2020.",
    "وبموجب اتفاق وقف إطلاق النار الموقع في مايو/أيار 1994 توقفت الحرب الأولى.",
    "وكانت الحرب الأولى قد انتهت بهدنة هشة عام 1994 رعتها موسكو.",
    "يستعيد الكتاب الجديد تفاصيل مفاوضات هدنة 1994 بين أرمينيا وأذربيجان.",
)
HISTORICAL_HOSTS: tuple[str, ...] = (
    "افتتح متحف في يريفان معرضا عن تاريخ النزاع.",
    "نظمت جامعة باكو ندوة عن تاريخ المنطقة.",
    "صدر كتاب جديد لمؤرخ أرميني عن تسعينيات القرن الماضي.",
    "",
)


def historical(rng: random.Random) -> Built:
    """The 1994 truce remembered is not a current ceasefire statement."""
    text = fill(f"{rng.choice(HISTORICAL_HOSTS)} {rng.choice(HISTORICAL)}")
    return text, Expected(ceasefire=False), ()


# (statuses the sentence denies, template)
REJECTED: tuple[tuple[frozenset[str], str], ...] = (
    (frozenset({"agreed", "holding"}), "{P:رفض|رفضت} مقترحا روسيا لوقف إطلاق النار."),
    (frozenset({"agreed", "announced"}), "{P:نفى|نفت} التوصل إلى اتفاق لوقف إطلاق النار."),
    (frozenset({"agreed"}), "نفى الكرملين أن يكون الطرفان قد اتفقا على هدنة."),
    (
        frozenset({"agreed", "holding"}),
        "{P:رفض|رفضت} الدعوات إلى وقف إطلاق النار قبل انسحاب القوات.",
    ),
    (frozenset({"agreed"}), "لم يتم التوصل إلى اتفاق لوقف إطلاق النار رغم جولات التفاوض."),
    (frozenset({"agreed", "announced"}), "{P:نفى|نفت} صحة الأنباء عن إعلان هدنة في الإقليم."),
)


def rejected(rng: random.Random) -> Built:
    """A rejected proposal or a denied agreement does not assert the denied status."""
    forbidden, template = rng.choice(REJECTED)
    text = _with_context(rng, _actors(rng, template))
    return text, Expected(forbidden_statuses=forbidden), ()
