"""Lexicons that fill the templates' slots: nouns with their number and case
forms, agreeing adjectives and verbs, places, claimants, events.

Each noun carries every form a counted phrase needs, so agreement is looked up,
never guessed: the plural after 3–10, the accusative singular after 11–99, the
genitive singular after hundreds, and the dual in both cases. `dual_clear` says
whether the oblique dual is written differently from the plural (جنديين vs
جنود); where it is not (مدنيين), a dual is only used with اثنين after it.
"""

from __future__ import annotations

from dataclasses import dataclass

from monitor.evaluation.capabilities.numerals import Gender


@dataclass(frozen=True)
class Noun:
    sg: str
    sg_acc: str
    pl: str
    du_nom: str
    du_obl: str
    gender: Gender = "m"
    dual_clear: bool = True
    # The definite plural, for عشرات المدنيين and partitives (اثنان من الجنود).
    pl_def: str = ""
    # A noun that names the outcome itself (قتيل، جريح) fixes the figure's kind.
    kind: str | None = None

    @property
    def definite_plural(self) -> str:
        return self.pl_def or "ال" + self.pl


PEOPLE: tuple[Noun, ...] = (
    Noun("جندي", "جنديا", "جنود", "جنديان", "جنديين"),
    Noun("مدني", "مدنيا", "مدنيين", "مدنيان", "مدنيين", dual_clear=False),
    Noun("شخص", "شخصا", "أشخاص", "شخصان", "شخصين"),
    Noun("عسكري", "عسكريا", "عسكريين", "عسكريان", "عسكريين", dual_clear=False),
    Noun("مقاتل", "مقاتلا", "مقاتلين", "مقاتلان", "مقاتلين", dual_clear=False),
    Noun("ضابط", "ضابطا", "ضباط", "ضابطان", "ضابطين"),
    Noun("طفل", "طفلا", "أطفال", "طفلان", "طفلين"),
    Noun("مواطن", "مواطنا", "مواطنين", "مواطنان", "مواطنين", dual_clear=False),
    Noun("امرأة", "امرأة", "نساء", "امرأتان", "امرأتين", gender="f", pl_def="النساء"),
    Noun("فتاة", "فتاة", "فتيات", "فتاتان", "فتاتين", gender="f"),
)
SOLDIERS: tuple[Noun, ...] = (PEOPLE[0], PEOPLE[3], PEOPLE[4], PEOPLE[5])
CIVILIANS: tuple[Noun, ...] = (PEOPLE[1], PEOPLE[2], PEOPLE[6], PEOPLE[7], PEOPLE[8], PEOPLE[9])
ARMENIAN = Noun("أرمني", "أرمنيا", "أرمن", "أرمنيان", "أرمنيين", pl_def="الأرمن")
REFUGEE = Noun("لاجئ", "لاجئا", "لاجئين", "لاجئان", "لاجئين", dual_clear=False)
RESIDENT = Noun("ساكن", "ساكنا", "سكان", "ساكنان", "ساكنين")

KILLED_NOUN = Noun("قتيل", "قتيلا", "قتلى", "قتيلان", "قتيلين", kind="killed")
WOUNDED_NOUNS: tuple[Noun, ...] = (
    Noun("جريح", "جريحا", "جرحى", "جريحان", "جريحين", kind="wounded"),
    Noun("مصاب", "مصابا", "مصابين", "مصابان", "مصابين", dual_clear=False, kind="wounded"),
)
MISSING_NOUN = Noun("مفقود", "مفقودا", "مفقودين", "مفقودان", "مفقودين", dual_clear=False)
PRISONER = Noun("أسير", "أسيرا", "أسرى", "أسيران", "أسيرين", kind="captured")
DISPLACED_NOUN = Noun("نازح", "نازحا", "نازحين", "نازحان", "نازحين", dual_clear=False)


@dataclass(frozen=True)
class Adjective:
    """A nisba adjective's forms: masculine singular nominative/genitive,
    accusative, plural (oblique: it follows a genitive plural), duals; then the
    feminine ones."""

    m: str
    m_acc: str
    m_pl: str
    m_du_nom: str
    m_du_obl: str
    f: str
    f_pl: str
    f_du_nom: str
    f_du_obl: str


NATIONALITIES: tuple[Adjective, ...] = (
    Adjective(
        "أذربيجاني",
        "أذربيجانيا",
        "أذربيجانيين",
        "أذربيجانيان",
        "أذربيجانيين",
        "أذربيجانية",
        "أذربيجانيات",
        "أذربيجانيتان",
        "أذربيجانيتين",
    ),
    Adjective(
        "أرميني",
        "أرمينيا",
        "أرمن",
        "أرمينيان",
        "أرمينيين",
        "أرمينية",
        "أرمينيات",
        "أرمينيتان",
        "أرمينيتين",
    ),
    # روسيا is also "Russia": "12 جنديا روسيا" is a fair trap for a place gazetteer.
    Adjective("روسي", "روسيا", "روس", "روسيان", "روسيين", "روسية", "روسيات", "روسيتان", "روسيتين"),
)
ANOTHER = Adjective("آخر", "آخر", "آخرين", "آخران", "آخرين", "أخرى", "أخريات", "أخريان", "أخريين")

# Past passive verbs and their agreement with a subject that precedes them:
# (masc sg, fem sg, masc dual, fem dual, masc pl, fem pl).
VerbForms = tuple[str, str, str, str, str, str]
VERBS: dict[str, VerbForms] = {
    "killed": ("قتل", "قتلت", "قتلا", "قتلتا", "قتلوا", "قتلن"),
    "wounded": ("أصيب", "أصيبت", "أصيبا", "أصيبتا", "أصيبوا", "أصبن"),
    "missing": ("فقد", "فقدت", "فقدا", "فقدتا", "فقدوا", "فقدن"),
    "captured": ("أسر", "أسرت", "أسرا", "أسرتا", "أسروا", "أسرن"),
    "evacuated": ("أجلي", "أجليت", "أجليا", "أجليتا", "أجلوا", "أجلين"),
    "displaced": ("نزح", "نزحت", "نزحا", "نزحتا", "نزحوا", "نزحن"),
    "laqi": ("لقي", "لقيت", "لقيا", "لقيتا", "لقوا", "لقين"),
    "kana": ("كان", "كانت", "كانا", "كانتا", "كانوا", "كن"),
    "istushhida": ("استشهد", "استشهدت", "استشهدا", "استشهدتا", "استشهدوا", "استشهدن"),
}
# The attached pronoun that refers back to the counted people (حتفهم، منازلهن).
PRONOUNS: VerbForms = ("ه", "ها", "هما", "هما", "هم", "هن")

# Places in and around Karabakh, written as prepositional phrases; none holds a number.
KARABAKH_PLACES: tuple[str, ...] = (
    "في إقليم ناغورني قره باغ",
    "على خط التماس في قره باغ",
    "قرب مدينة أغدام",
    "في منطقة كلبجار",
    "في محيط ستيباناكرت",
    "قرب بلدة مارتاكيرت",
    "على الحدود بين أرمينيا وأذربيجان",
    "في قرية تاليش شمالي الإقليم",
    "على طريق ممر لاتشين",
    "قرب مدينة شوشا",
)
KARABAKH_FROM: tuple[str, ...] = (
    "إقليم ناغورني قره باغ",
    "قره باغ",
    "مدينة ستيباناكرت",
    "القرى الحدودية",
    "منطقة مارتوني",
    "بلدة هادروت",
)
# Definite and masculine, so "أسفر {EVENT}" and "{EVENT} الذي ..." agree.
EVENTS: tuple[str, ...] = (
    "القصف المدفعي",
    "الهجوم بطائرة مسيرة",
    "انفجار اللغم الأرضي",
    "القتال",
    "القصف الصاروخي",
)
EVENTS_IN: tuple[str, ...] = (
    "في قصف مدفعي",
    "في هجوم بطائرة مسيرة",
    "في انفجار لغم أرضي",
    "في اشتباكات عنيفة",
    "جراء قصف صاروخي",
)
TIMES: tuple[str, ...] = ("أمس", "اليوم الثلاثاء", "فجر الأحد", "مساء الجمعة", "خلال الليل")

# Who gives a figure, with the gender its verb agrees with.
CLAIMANTS: tuple[tuple[str, Gender], ...] = (
    ("وزارة الدفاع الأذربيجانية", "f"),
    ("وزارة الدفاع الأرمينية", "f"),
    ("السلطات الانفصالية في الإقليم", "f"),
    ("مكتب المدعي العام الأذربيجاني", "m"),
    ("أمين المظالم في قره باغ", "m"),
    ("اللجنة الدولية للصليب الأحمر", "f"),
    ("المتحدث باسم الحكومة", "m"),
)
ANNOUNCE = {"m": "أعلن", "f": "أعلنت"}
SAY = {"m": "قال", "f": "قالت"}
DENY = {"m": "نفى", "f": "نفت"}

# Soldiers' units and relative clauses inserted between the counted noun and its verb.
UNITS: tuple[str, ...] = (
    "من وحدة الهندسة",
    "من قوات حرس الحدود",
    "من الفرقة المدرعة",
    "من جيش الدفاع في قره باغ",
    "من قوات حفظ السلام",
)
# "{kana}" agrees with the counted people; the clauses after the first two use
# masculine plural forms, so they go with masculine nouns only.
RELATIVE_CLAUSES: tuple[str, ...] = (
    "{kana} في مهمة لإزالة الألغام",
    "{kana} داخل حافلة على الطريق",
    "{kana} يقومون بدورية على خط التماس",
    "{kana} يستقلون سيارة عسكرية",
    "{kana} متمركزين في موقع متقدم",
)
# Partitive groups: "N من {group}", with the gender the bare number agrees with.
PARTITIVE_GROUPS: tuple[tuple[str, Gender], ...] = (
    ("أفراد الجيش الأذربيجاني", "m"),
    ("عناصر الشرطة", "m"),
    ("جنود حفظ السلام الروس", "m"),
    ("المدنيين", "m"),
    ("سكان القرية", "m"),
    ("مقاتلي جيش الدفاع في قره باغ", "m"),
    ("عناصر حرس الحدود", "m"),
    # a group named in construct, with what describes it, before the verb
    ("عناصر ميليشيا محلية موالية للجيش", "m"),
    # a name that runs on with things (mines, a helicopter, a unit)
    ("عمال نزع الألغام", "m"),
    ("أفراد طاقم المروحية", "m"),
    ("عناصر وحدة المدفعية", "m"),
    # a participle that tells whose they are
    ("الجنود التابعين للفرقة الثالثة", "m"),
    ("النساء", "f"),
)

QUALIFIERS: dict[str, tuple[str, ...]] = {
    "about": ("نحو", "حوالي", "قرابة", "زهاء"),
    "more_than": ("أكثر من", "ما يزيد على", "ما يزيد عن", "أزيد من"),
    "at_least": ("ما لا يقل عن",),
    "up_to": ("ما يصل إلى",),
}
# Postposed at_least: "مقتل 12 جنديا على الأقل".
AT_LEAST_AFTER = "على الأقل"
VAGUE: dict[str, tuple[str, ...]] = {
    "tens": ("عشرات",),
    "hundreds": ("مئات",),
    "thousands": ("آلاف",),
}

# Parties and mediators for ceasefire statements, with their verb's gender.
PARTIES: tuple[tuple[str, Gender], ...] = (
    ("أرمينيا", "f"),
    ("أذربيجان", "f"),
    ("يريفان", "f"),
    ("باكو", "f"),
    ("السلطات الانفصالية في قره باغ", "f"),
)
MEDIATORS: tuple[tuple[str, Gender], ...] = (
    ("روسيا", "f"),
    ("فرنسا", "f"),
    ("الولايات المتحدة", "f"),
    ("الاتحاد الأوروبي", "m"),
    ("مجموعة مينسك", "f"),
    ("الأمين العام للأمم المتحدة", "m"),
    ("مجلس الأمن الدولي", "m"),
    ("تركيا", "f"),
    ("إيران", "f"),
    ("الرئيس الفرنسي", "m"),
)
BOTH_SIDES: tuple[str, ...] = ("أرمينيا وأذربيجان", "الطرفين", "يريفان وباكو", "البلدين")

# Karabakh's names as Arabic news writes them.
KARABAKH_NAMES: tuple[str, ...] = (
    "قره باغ",
    "قرة باغ",
    "كاراباخ",
    "قاراباغ",
    "ناغورنو قره باغ",
    "ناغورني قره باغ",
    "ناجورنو قره باغ",
    "ناغورنو كاراباخ",
    "إقليم قره باغ الجبلي",
    "آرتساخ",
    "ستيباناكرت",
    "خانكندي",
    "ممر لاتشين",
)
KARABAKH_TOWNS: tuple[str, ...] = (
    "شوشا",
    "أغدام",
    "فضولي",
    "لاتشين",
    "كلبجار",
    "هادروت",
    "جبرائيل",
    "زنغيلان",
    "قبادلي",
    "خوجالي",
    "مارتاكيرت",
)

# Places in other conflicts: figures expected, Karabakh not related.
# (place, who gives the figure there, that claimant's gender)
OTHER_CONFLICTS: tuple[tuple[str, str, Gender], ...] = (
    ("في مخيم جباليا شمالي قطاع غزة", "وزارة الصحة في غزة", "f"),
    ("في مدينة خان يونس جنوبي قطاع غزة", "الدفاع المدني في غزة", "m"),
    ("في مدينة الفاشر بإقليم دارفور السوداني", "لجنة أطباء السودان", "f"),
    ("في أحياء أم درمان بالسودان", "مصادر طبية سودانية", "f"),
    ("في مدينة خاركيف الأوكرانية", "السلطات الأوكرانية", "f"),
    ("في العاصمة الأوكرانية كييف", "رئيس بلدية كييف", "m"),
    ("في ريف إدلب شمال غربي سوريا", "المرصد السوري لحقوق الإنسان", "m"),
)
OTHER_CONFLICT_EVENTS_IN: tuple[str, ...] = (
    "في غارة جوية",
    "في قصف مدفعي",
    "في هجوم بطائرات مسيرة",
    "في اشتباكات",
)
