"""Held-out evaluation, round 2: Arabic items written without looking at the rules.

The sentences below were written before reading ``monitor/detect``, ``monitor/data``
or the other detector tests, in several newswire styles. Each case asserts only
what a user of the monitor cares about: whether the item is about Karabakh, the
set of current (non-historical) ceasefire statuses, and the set of
(kind, count, qualifier) casualty figures, plus who gave a figure, whether it is a
running toll, and whether background history is flagged.

Score before any change to the rules: 45 of 72 cases passed (27 failed). By area:
relevance 9 of 21 (all 12 positives failed: a single mention of the region or a
town in a short item scored below the threshold; all 9 negatives passed);
ceasefire 4 of 15 (statuses right in 14 of 15 but relevance false, 'holding'
missed, the 2020 background not flagged historical); figures 30 of 32 ('ما يصل
إلى' with the verb after, a year taken as a count); attribution 4 of 4.

After the fixes that followed (general rules, see test_rules_round2.py): 72 of 72
pass, so the expected-failure markers are gone; the figure above, not this one, is the
generalization score, since the cases are no longer held out.
"""

from __future__ import annotations

import json

import pytest

from monitor.analyzer import Analyzer
from schemas.analysis import Analysis

NOW = 1_700_000_000.0


def analyze(body: str, item_id: str = "heldout2") -> Analysis:
    result = Analyzer().analyze_raw(
        json.dumps({"id": item_id, "body": body}, ensure_ascii=False), now=NOW
    )
    assert isinstance(result, Analysis), result
    return result


def current_statuses(a: Analysis) -> set[str]:
    return {s.status for s in a.ceasefire.statements if not s.historical}


def current_figures(a: Analysis) -> set[tuple[str, int | None, str]]:
    return {(f.kind, f.count, f.qualifier) for f in a.casualties if not f.historical}


def historical_figures(a: Analysis) -> set[tuple[str, int | None, str]]:
    return {(f.kind, f.count, f.qualifier) for f in a.casualties if f.historical}


# --- Karabakh relevance --------------------------------------------------------------

RELEVANCE = [
    pytest.param(
        "قالت وزارة الدفاع الأذربيجانية إن قواتها ردت على إطلاق نار من مواقع أرمينية "
        "في إقليم قرة باغ مساء الثلاثاء.",
        True,
        id="rel-qara-bagh-ta-marbuta",
    ),
    pytest.param(
        "أعلنت سلطات كاراباخ الانفصالية حل جميع مؤسساتها بحلول الأول من يناير المقبل.",
        True,
        id="rel-karabakh",
    ),
    pytest.param(
        "قال مسؤول أذربيجاني إن عودة النازحين الأذربيجانيين إلى قاراباغ ستبدأ في الربيع.",
        True,
        id="rel-qarabagh",
    ),
    pytest.param(
        "ناغورنو كاراباخ: يريفان تتهم باكو بالتطهير العرقي بعد نزوح السكان الأرمن.",
        True,
        id="rel-nagorno-karabakh",
    ),
    pytest.param(
        "قال رئيس جمهورية آرتساخ المعلنة من جانب واحد إن الحصار دخل شهره التاسع.",
        True,
        id="rel-artsakh",
    ),
    pytest.param(
        "زار الرئيس إلهام علييف مدينة شوشا التي استعادتها قواته خلال الحرب الأخيرة.",
        True,
        id="rel-shusha",
    ),
    pytest.param(
        "عبرت أولى الشاحنات المحملة بالمساعدات الإنسانية ممر لاتشين الذي يربط أرمينيا "
        "بالإقليم بعد أشهر من الإغلاق.",
        True,
        id="rel-lachin-corridor",
    ),
    pytest.param(
        "وصلت قافلة للصليب الأحمر إلى ستيباناكيرت لإجلاء المرضى والجرحى.",
        True,
        id="rel-stepanakert",
    ),
    pytest.param(
        "رفع العلم الأذربيجاني فوق مبنى البرلمان السابق في خانكندي يوم الأحد.",
        True,
        id="rel-khankendi",
    ),
    pytest.param(
        "تتواصل أعمال إعادة الإعمار في مدينة أغدام التي دمرت بالكامل خلال حرب التسعينيات.",
        True,
        id="rel-aghdam",
    ),
    pytest.param(
        "استعادت أذربيجان خلال حرب الأيام الأربعة والأربعين عام 2020 مساحات واسعة من "
        "الأراضي التي سيطر عليها الانفصاليون الأرمن منذ التسعينيات.",
        True,
        id="rel-2020-war-44-days",
    ),
    pytest.param(
        "وصل أكثر من مئة ألف لاجئ أرمني إلى أرمينيا بعد فرارهم من ناغورني قره باغ إثر "
        "الهجوم الأذربيجاني الخاطف في سبتمبر 2023.",
        True,
        id="rel-2023-exodus",
    ),
    pytest.param(
        "فاز قره باغ الأذربيجاني على ضيفه فرينكفاروش المجري بهدفين دون رد في دوري أبطال أوروبا.",
        False,
        id="neg-football-qarabag",
    ),
    pytest.param(
        "تعادل فريق قاراباغ أغدام مع مضيفه في ذهاب الملحق المؤهل إلى الدوري الأوروبي، "
        "وسجل المهاجم البرازيلي هدف التعادل في الدقيقة 88.",
        False,
        id="neg-football-qarabag-agdam",
    ),
    pytest.param(
        "تمثل المغنية الأرمينية بلادها في مسابقة يوروفيجن للأغنية هذا العام في مدينة مالمو "
        "السويدية.",
        False,
        id="neg-eurovision",
    ),
    pytest.param(
        "خفض البنك المركزي الأذربيجاني سعر الفائدة إلى 7 في المئة لدعم النمو الاقتصادي "
        "مع تراجع أسعار النفط.",
        False,
        id="neg-azerbaijan-economy",
    ),
    pytest.param(
        "تستضيف باكو مؤتمر الأمم المتحدة للمناخ كوب 29 في نوفمبر المقبل بمشاركة أكثر من "
        "مئة رئيس دولة.",
        False,
        id="neg-baku-cop29",
    ),
    pytest.param(
        "سجل داني كارباخال هدف الفوز لريال مدريد في الدقيقة الأخيرة من المباراة.",
        False,
        id="neg-carvajal",
    ),
    pytest.param(
        "قال المحلل الاقتصادي سامر ناغورني لسكاي نيوز عربية إن أسعار النفط مرشحة للارتفاع.",
        False,
        id="neg-analyst-named-nagorni",
    ),
    pytest.param(
        "عاد مئات المسيحيين إلى بلدة قره قوش في سهل نينوى بعد سنوات من النزوح.",
        False,
        id="neg-qaraqosh-iraq",
    ),
    pytest.param(
        "شهدت ناحية قره داغ في محافظة السليمانية تساقطا كثيفا للثلوج.",
        False,
        id="neg-qaradagh-iraq",
    ),
]


@pytest.mark.parametrize(("body", "related"), RELEVANCE)
def test_relevance(body: str, related: bool) -> None:
    assert analyze(body).karabakh.related is related


# --- Ceasefire statements ------------------------------------------------------------

# (body, statuses that must be present among current statements, statuses that must
#  not be present, expected Karabakh relevance)
CEASEFIRE = [
    pytest.param(
        "اقترحت روسيا هدنة إنسانية في ناغورني قره باغ لتبادل جثث القتلى والأسرى.",
        {"proposed"},
        {"violated", "suspended"},
        True,
        id="cf-proposed",
    ),
    pytest.param(
        "اتفقت أرمينيا وأذربيجان على وقف إطلاق النار في قره باغ اعتبارا من منتصف الليل، "
        "حسبما أعلنت وزارة الخارجية الروسية.",
        {"agreed"},
        {"violated", "suspended"},
        True,
        id="cf-agreed",
    ),
    pytest.param(
        "أعلنت السلطات الانفصالية في كاراباخ وقفا لإطلاق النار يبدأ عند الساعة الواحدة ظهرا "
        "بالتوقيت المحلي.",
        {"announced"},
        {"violated", "suspended"},
        True,
        id="cf-announced",
    ),
    pytest.param(
        "قال المتحدث باسم قوات حفظ السلام الروسية إن وقف إطلاق النار في قره باغ صامد ولم "
        "تسجل أي خروقات منذ صباح الأحد.",
        {"holding"},
        {"violated"},
        True,
        id="cf-holding",
    ),
    pytest.param(
        "تبادلت باكو ويريفان الاتهامات بخرق الهدنة في ناغورني قره باغ بعد ساعات من دخولها "
        "حيز التنفيذ.",
        {"violated"},
        set(),
        True,
        id="cf-violated-truce",
    ),
    pytest.param(
        "اتهمت وزارة الدفاع الأرمينية القوات الأذربيجانية بانتهاك وقف إطلاق النار قرب لاتشين.",
        {"violated"},
        set(),
        True,
        id="cf-violated-lachin",
    ),
    pytest.param(
        "علقت أذربيجان العمل بالهدنة الإنسانية في قرة باغ متهمة القوات الأرمينية بقصف مدينة كنجة.",
        {"suspended"},
        set(),
        True,
        id="cf-suspended",
    ),
    pytest.param(
        "دعا الأمين العام للأمم المتحدة إلى وقف فوري لإطلاق النار في ناغورنو كاراباخ وحث "
        "الطرفين على العودة إلى طاولة المفاوضات.",
        {"called_for"},
        {"agreed", "violated"},
        True,
        id="cf-called-for-un",
    ),
    pytest.param(
        "طالب الاتحاد الأوروبي بوقف الأعمال العدائية في قره باغ فورا وحماية المدنيين.",
        {"called_for"},
        {"agreed", "violated"},
        True,
        id="cf-called-for-hostilities",
    ),
    pytest.param(
        "أعلنت وزارة الخارجية القطرية التوصل إلى اتفاق لوقف إطلاق النار في غزة يبدأ سريانه "
        "صباح الأحد.",
        {"agreed"},
        {"violated"},
        False,
        id="cf-other-conflict-gaza",
    ),
    pytest.param(
        "دعت مصر إلى هدنة في السودان خلال شهر رمضان لإيصال المساعدات الإنسانية.",
        {"called_for"},
        {"agreed"},
        False,
        id="cf-other-conflict-sudan",
    ),
]


@pytest.mark.parametrize(("body", "present", "absent", "related"), CEASEFIRE)
def test_ceasefire_status(body: str, present: set[str], absent: set[str], related: bool) -> None:
    a = analyze(body)
    got = current_statuses(a)
    assert a.ceasefire.detected
    assert present <= got, got
    assert not (absent & got), got
    assert a.karabakh.related is related


HISTORY_ONLY = [
    pytest.param(
        "وانتهت الحرب الأولى على قره باغ بوقف لإطلاق النار عام 1994، لكن الاشتباكات تجددت "
        "مرارا على خط التماس.",
        id="hist-1994",
    ),
    pytest.param(
        "واستعادت أذربيجان معظم الأراضي المحيطة بالإقليم في حرب عام 2020 التي انتهت باتفاق "
        "لوقف إطلاق النار برعاية روسية في قره باغ.",
        id="hist-2020",
    ),
]


@pytest.mark.parametrize("body", HISTORY_ONLY)
def test_ceasefire_history_only_is_not_current(body: str) -> None:
    a = analyze(body)
    assert current_statuses(a) == set()
    assert not a.ceasefire.detected
    assert a.karabakh.related


def test_ceasefire_current_violation_with_2020_background() -> None:
    a = analyze(
        "اتهمت يريفان باكو بخرق وقف إطلاق النار في قره باغ. وكان اتفاق وقف إطلاق النار "
        "الذي رعته موسكو في نوفمبر 2020 قد أنهى حربا استمرت 44 يوما."
    )
    assert "violated" in current_statuses(a)
    assert "agreed" not in current_statuses(a)
    assert any(s.historical for s in a.ceasefire.statements)


def test_no_ceasefire_in_offensive_report() -> None:
    a = analyze(
        "أطلق الجيش الأذربيجاني ما وصفه بعمليات محلية لمكافحة الإرهاب في قره باغ، وطالب "
        "الانفصاليين بإلقاء السلاح."
    )
    assert not a.ceasefire.detected
    assert a.karabakh.related


# --- Casualty and displacement figures --------------------------------------------------

FIGURES = [
    pytest.param(
        "قالت وزارة الصحة الأرمينية إن ٣٢ شخصا قتلوا وأصيب أكثر من ٢٠٠ آخرين في القصف.",
        {("killed", 32, "exact"), ("wounded", 200, "more_than")},
        id="fig-arabic-indic-digits",
    ),
    pytest.param(
        "وأفادت وكالة الأنباء الأذربيجانية الرسمية بمقتل ۱۲ جنديا في هجوم بطائرة مسيرة.",
        {("killed", 12, "exact")},
        id="fig-persian-digits",
    ),
    pytest.param(
        "أعلنت السلطات المحلية ارتفاع حصيلة القتلى إلى مئة وعشرين شخصا.",
        {("killed", 120, "exact")},
        id="fig-compound-120",
    ),
    pytest.param(
        "لقي خمسة عشر مدنيا حتفهم في انفجار مستودع للوقود قرب ستيباناكيرت.",
        {("killed", 15, "exact")},
        id="fig-fifteen-words",
    ),
    pytest.param(
        "أسفر القصف عن سقوط قتيلين وجريحين في قرية حدودية.",
        {("killed", 2, "exact"), ("wounded", 2, "exact")},
        id="fig-duals",
    ),
    pytest.param(
        "أسفر الهجوم عن سقوط 12 قتيلا و30 جريحا، وفق حصيلة أولية.",
        {("killed", 12, "exact"), ("wounded", 30, "exact")},
        id="fig-qatilan-jarihan",
    ),
    pytest.param(
        "نزح نحو ثلاثة آلاف شخص من القرى الحدودية خلال الأيام الماضية.",
        {("displaced", 3000, "about")},
        id="fig-three-thousand-about",
    ),
    pytest.param(
        "أجلت قوات حفظ السلام الروسية ألفين من السكان المدنيين من مناطق القتال.",
        {("evacuated", 2000, "exact")},
        id="fig-alfayn",
    ),
    pytest.param(
        "وتقول الأمم المتحدة إن أكثر من مليون شخص نزحوا من ديارهم منذ بدء الحرب في السودان.",
        {("displaced", 1_000_000, "more_than")},
        id="fig-million",
    ),
    pytest.param(
        "فر أكثر من عشرين ألفا من سكان الإقليم باتجاه الحدود الأرمينية.",
        {("displaced", 20_000, "more_than")},
        id="fig-twenty-thousand-alfan",
    ),
    pytest.param(
        "وصل أكثر من 100 ألف لاجئ أرمني إلى أرمينيا قادمين من قره باغ.",
        {("displaced", 100_000, "more_than")},
        id="fig-100-alf-refugees",
    ),
    pytest.param(
        "قتل ما لا يقل عن 27 شخصا في غارة جوية على مخيم للنازحين.",
        {("killed", 27, "at_least")},
        id="fig-at-least-ma-la-yaqil",
    ),
    pytest.param(
        "أصيب 14 شخصا على الأقل في انفجار سيارة مفخخة.",
        {("wounded", 14, "at_least")},
        id="fig-at-least-trailing",
    ),
    pytest.param(
        "فقد حوالي 300 جندي منذ بدء المعارك، بحسب جمعية لأهالي المفقودين.",
        {("missing", 300, "about")},
        id="fig-missing-about",
    ),
    pytest.param(
        "قالت السلطات إن ما يصل إلى 40 شخصا ربما قتلوا تحت الأنقاض.",
        {("killed", 40, "up_to")},
        id="fig-up-to",
    ),
    pytest.param(
        "وأجلي حتى الآن 650 شخصا من المنطقة المتضررة.",
        {("evacuated", 650, "exact")},
        id="fig-hatta-alan-is-not-up-to",
    ),
    pytest.param(
        "قتل عشرات الجنود وأصيب المئات في المعارك التي استمرت يومين.",
        {("killed", None, "tens"), ("wounded", None, "hundreds")},
        id="fig-vague-tens-hundreds",
    ),
    pytest.param(
        "فر آلاف الأرمن من الإقليم باتجاه الحدود مع أرمينيا.",
        {("displaced", None, "thousands")},
        id="fig-vague-thousands",
    ),
    pytest.param(
        "أسرت القوات الأذربيجانية ستة جنود أرمن خلال العملية.",
        {("captured", 6, "exact")},
        id="fig-captured-verb",
    ),
    pytest.param(
        "قتل 18 شخصا بينهم خمسة أطفال في القصف.",
        {("killed", 18, "exact"), ("killed", 5, "exact")},
        id="fig-subcount",
    ),
    pytest.param(
        "لقي 3 جنود مصرعهم وأصيب 5 آخرون بجروح في انفجار لغم.",
        {("killed", 3, "exact"), ("wounded", 5, "exact")},
        id="fig-masra-jurouh",
    ),
    pytest.param(
        "في 19 سبتمبر 2023 قتل 3 جنود في هجوم على مواقع القوات الأرمينية.",
        {("killed", 3, "exact")},
        id="fig-date-is-not-a-figure",
    ),
    # negatives: numbers that count something else, negations
    pytest.param(
        "قالت أذربيجان إنها سيطرت على أكثر من 60 موقعا عسكريا ودمرت 20 عربة قتالية.",
        set(),
        id="neg-positions-vehicles",
    ),
    pytest.param(
        "استعاد الجيش 12 قرية في محيط الإقليم خلال يومين.",
        set(),
        id="neg-villages",
    ),
    pytest.param(
        "تراجع عدد السياح بنسبة 40 في المئة بعد الحرب.",
        set(),
        id="neg-percentage",
    ),
    pytest.param(
        "خصصت الحكومة 50 مليون دولار لإعادة إعمار المناطق المتضررة وإيواء النازحين.",
        set(),
        id="neg-money",
    ),
    pytest.param(
        "ولم تسجل إصابات في صفوف المدنيين، بحسب الدفاع المدني.",
        set(),
        id="neg-no-injuries-recorded",
    ),
    pytest.param(
        "ولم يسفر الهجوم عن سقوط قتلى أو جرحى.",
        set(),
        id="neg-no-dead-or-wounded",
    ),
    pytest.param(
        "كان يعيش في الإقليم نحو 120 ألف أرمني قبل الهجوم الأخير.",
        set(),
        id="neg-population",
    ),
]


@pytest.mark.parametrize(("body", "expected"), FIGURES)
def test_figures(body: str, expected: set[tuple[str, int | None, str]]) -> None:
    assert current_figures(analyze(body)) == expected


def test_age_is_not_a_count() -> None:
    a = analyze("وكان الجندي القتيل يبلغ من العمر 19 عاما، بحسب عائلته.")
    assert all(f.count != 19 for f in a.casualties)


def test_cumulative_toll_rose_to() -> None:
    a = analyze("ارتفعت حصيلة قتلى انفجار مستودع الوقود في قره باغ إلى 170 قتيلا.")
    figs = [f for f in a.casualties if f.kind == "killed" and f.count == 170]
    assert figs and all(f.cumulative for f in figs)


def test_background_war_toll_is_historical() -> None:
    a = analyze(
        "وأسفرت حرب التسعينيات في قره باغ عن مقتل نحو 30 ألف شخص ونزوح مئات الآلاف من السكان."
    )
    assert current_figures(a) == set()
    assert ("killed", 30_000, "about") in historical_figures(a)


ATTRIBUTION = [
    pytest.param(
        "قال المتحدث باسم وزارة الدفاع الأذربيجانية إن 192 جنديا قتلوا في العمليات.",
        ("killed", 192),
        ("وزارة الدفاع",),
        id="attr-ministry-spokesman",
    ),
    pytest.param(
        "وبحسب أمين المظالم في قره باغ، فإن 200 شخص قتلوا بينهم عشرة مدنيين.",
        ("killed", 200),
        ("أمين المظالم",),
        id="attr-bihasab-ombudsman",
    ),
    pytest.param(
        "ونقلت وكالة تاس عن مصدر طبي قوله إن 7 أشخاص أصيبوا بجروح.",
        ("wounded", 7),
        ("مصدر طبي", "تاس"),
        id="attr-naqalat-source",
    ),
    pytest.param(
        "وبلغ عدد الجرحى 290 جريحا، وفق وزارة الصحة في يريفان.",
        ("wounded", 290),
        ("وزارة الصحة",),
        id="attr-trailing-wifq",
    ),
]


@pytest.mark.parametrize(("body", "figure", "claimants"), ATTRIBUTION)
def test_attribution(body: str, figure: tuple[str, int], claimants: tuple[str, ...]) -> None:
    a = analyze(body)
    matches = [f for f in a.casualties if (f.kind, f.count) == figure]
    assert matches, [(f.kind, f.count) for f in a.casualties]
    who = matches[0].attributed_to or ""
    assert any(c in who for c in claimants), who
