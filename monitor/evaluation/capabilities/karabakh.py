"""Karabakh relevance capabilities: the region's names in one passing sentence,
its towns with Armenia/Azerbaijan context, and look-alikes that are not the region."""

from __future__ import annotations

import random

from monitor.evaluation.capabilities import lexicon as lx
from monitor.evaluation.capabilities.casualties import Builder, Built, fill
from monitor.evaluation.capabilities.model import Expected

# Items about something else entirely, into which one sentence is inserted.
HOST_ITEMS: tuple[tuple[str, str], ...] = (
    (
        "ارتفعت أسعار النفط في التعاملات الآسيوية مع تراجع المخزونات الأمريكية.",
        "وتوقع محللون أن تواصل الأسعار صعودها خلال الأسابيع المقبلة.",
    ),
    (
        "اختتمت القمة الاقتصادية أعمالها في العاصمة الكازاخية أستانا.",
        "واتفق المشاركون على تعزيز التعاون في مجالي النقل والطاقة.",
    ),
    (
        "أعلنت شركة الطيران عن خط جديد يربط إسطنبول بعدد من المدن الأوروبية.",
        "وتبدأ الرحلات في الربيع المقبل بمعدل رحلتين أسبوعيا.",
    ),
    (
        "بحث وزير الخارجية الروسي مع نظيره التركي ملفات التعاون الثنائي.",
        "وتناول اللقاء أيضا التبادل التجاري ومشاريع الطاقة المشتركة.",
    ),
    (
        "نشرت منظمة دولية تقريرها السنوي عن حرية الصحافة في العالم.",
        "وأشار التقرير إلى تراجع عام في المؤشرات مقارنة بالعام الماضي.",
    ),
)
# A passing sentence naming the region; {KB} is one of its names.
PASSING: tuple[str, ...] = (
    "وعلى هامش اللقاء، بحث الجانبان الوضع في {KB}.",
    "كما تطرق البيان الختامي إلى التطورات في {KB}.",
    "وأشار التقرير إلى أن النزاع في {KB} أثر على طرق الإمداد في المنطقة.",
    "ولم يتطرق المتحدث إلى الأزمة الإنسانية في {KB}.",
    "ويأتي ذلك بعد أسابيع من التوتر بين أرمينيا وأذربيجان بشأن {KB}.",
)


def spellings(rng: random.Random) -> Built:
    """One passing mention of the region, in any common spelling, makes an item related."""
    first, last = rng.choice(HOST_ITEMS)
    name = rng.choice(lx.KARABAKH_NAMES)
    sentence = rng.choice(PASSING).format(KB=name)
    position = rng.choice((0, 1, 2))
    parts = [first, last]
    parts.insert(position, sentence)
    return fill(" ".join(parts)), Expected(karabakh=True), (name,)


TOWN_SENTENCES: tuple[str, ...] = (
    "زار الرئيس الأذربيجاني إلهام علييف مدينة {TOWN} واطلع على أعمال إعادة الإعمار.",
    "أعادت أذربيجان افتتاح مسجد في {TOWN} بعد ترميمه.",
    "قالت وزارة الدفاع الأرمينية إن قوات أذربيجانية تقدمت قرب {TOWN}.",
    "عاد مئات النازحين الأذربيجانيين إلى {TOWN} بعد ثلاثة عقود من مغادرتها.",
    "اتهمت يريفان باكو بتدمير كنيسة أرمينية في {TOWN}.",
    "أعلنت باكو بدء بناء مطار جديد في {TOWN}.",
)


def towns(rng: random.Random) -> Built:
    """A town of the region with Armenia/Azerbaijan context makes an item related."""
    town = rng.choice(lx.KARABAKH_TOWNS)
    sentence = rng.choice(TOWN_SENTENCES).format(TOWN=town)
    first, last = rng.choice(HOST_ITEMS)
    text = rng.choice((sentence, f"{sentence} {last}", f"{first} {sentence}"))
    return fill(text), Expected(karabakh=True), (town,)


LOOKALIKES: dict[str, tuple[str, ...]] = {
    "club": (
        "فاز فريق قره باغ الأذربيجاني على {CLUB} بهدفين مقابل هدف في دوري أبطال أوروبا.",
        "تعادل قره باغ أغدام مع {CLUB} في الدوري الأوروبي لكرة القدم.",
        "أعلن نادي قره باغ تعاقده مع مهاجم برازيلي لمدة موسمين.",
        "يستضيف قرة باغ فريق {CLUB} في العاصمة الأذربيجانية باكو مساء الخميس.",
        "ودع قره باغ الأذربيجاني البطولة القارية بعد خسارته أمام {CLUB}.",
    ),
    "footballer": (
        "سجل داني كارباخال هدف الفوز لريال مدريد في مرمى {CLUB}.",
        "غاب الظهير الإسباني كارباخال عن تدريبات ريال مدريد بسبب الإصابة.",
        "جدد ريال مدريد عقد مدافعه كارباخال حتى عام 2026.",
    ),
    "person": (
        "قال الخبير الاقتصادي الروسي ألكسندر ناغورني إن العقوبات أثرت على الاقتصاد.",
        "كتب المحلل السياسي ناغورني مقالا عن العلاقات الروسية الصينية.",
        "استضاف البرنامج الباحث الروسي ناغورني للحديث عن أسعار الطاقة.",
    ),
    "carpet_horse": (
        "يضم المعرض قطعا نادرة من سجاد قره باغ المنسوج يدويا.",
        "بيعت سجادة من طراز قره باغ بسعر قياسي في مزاد بلندن.",
        "فاز حصان من سلالة قره باغ بسباق للخيول العربية والأصيلة.",
        "تشتهر خيول قره باغ بلونها الذهبي وقدرتها على التحمل.",
    ),
    "afghanistan": (
        "قالت حركة طالبان إن مسلحين هاجموا نقطة تفتيش في مديرية قره باغ بولاية غزني.",
        "افتتحت السلطات الأفغانية مدرسة جديدة في مديرية قره باغ شمالي كابل.",
        "ضربت سيول مديرية قره باغ في ولاية غزني الأفغانية.",
    ),
}
CLUBS = ("أياكس", "أولمبياكوس", "إشبيلية", "تشيلسي", "فرايبورغ", "بنفيكا")
TAILS = ("", "وتحظى المباراة باهتمام كبير.", "وذكرت وسائل إعلام محلية التفاصيل.")


def lookalike(group: str) -> Builder:
    def build(rng: random.Random) -> Built:
        sentence = rng.choice(LOOKALIKES[group]).format(CLUB=rng.choice(CLUBS))
        tail = rng.choice(TAILS) if group in ("club", "footballer") else ""
        first, _ = rng.choice(HOST_ITEMS)
        text = rng.choice((sentence, f"{sentence} {tail}", f"{first} {sentence}"))
        return fill(text), Expected(karabakh=False), (group,)

    return build


ARMENIA_AZERBAIJAN_OTHER: tuple[str, ...] = (
    "تستعد باكو لاستضافة مؤتمر الأمم المتحدة للمناخ بمشاركة وفود من أنحاء العالم.",
    "خفض البنك المركزي الأرميني سعر الفائدة الرئيسي في خطوة متوقعة.",
    "ارتفعت صادرات الغاز الأذربيجاني إلى أوروبا عبر خط الأنابيب العابر للأدرياتيكي.",
    "فاز لاعب الشطرنج الأرميني ببطولة دولية أقيمت في يريفان.",
    "افتتح مهرجان النبيذ السنوي في العاصمة الأرمينية يريفان.",
    "أطلقت أذربيجان قمرا صناعيا جديدا للاتصالات.",
)


def armenia_azerbaijan_other(rng: random.Random) -> Built:
    """Armenia or Azerbaijan in news that is not about the region."""
    first, second = rng.sample(ARMENIA_AZERBAIJAN_OTHER, 2)
    host, _ = rng.choice(HOST_ITEMS)
    text = rng.choice((first, f"{first} {second}", f"{host} {first}"))
    return fill(text), Expected(karabakh=False), ()
