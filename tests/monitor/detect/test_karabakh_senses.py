"""Recall first, ambiguity by context: a brief mention makes an item related;
the region's letters naming something else do not (gazetteer-style senses)."""

from __future__ import annotations

import json

import pytest

from monitor.analyzer import Analyzer
from monitor.detect import detect_karabakh
from monitor.document import Document

REGION = ["قره باغ", "كاراباخ", "قرة باغ"]


def _doc(body: str, title: str | None = None) -> Document:
    return Document.from_text("t", title, body)


@pytest.mark.parametrize("name", REGION)
@pytest.mark.parametrize(
    "template",
    [
        "وفي سياق آخر، تطرق الوزير إلى ملف {name} خلال مؤتمر صحفي عن أسعار الطاقة.",
        "عادت العلاقات بين موسكو وأنقرة إلى التوتر، فيما بقي ملف {name} معلقا.\n"
        "وتناولت المحادثات أيضا صادرات الحبوب والسياحة.\nوقال مسؤولون إن الاجتماع كان بناء.",
        "خلص التقرير إلى أن النزاعات المجمدة، ومنها {name} وترانسنيستريا، تعيق التكامل.",
    ],
)
def test_one_passing_mention_makes_an_item_related(name: str, template: str) -> None:
    result = detect_karabakh(_doc(template.format(name=name)))
    assert result.related
    if "\n" in template:  # longer than a flash: the region is not its subject
        assert result.centrality == "passing" and result.score < 0.5


@pytest.mark.parametrize("name", REGION)
@pytest.mark.parametrize(
    "sentence",
    [
        "بيعت سجادة {name} الأثرية في مزاد بلندن بمبلغ قياسي.",
        "تتميز سجاجيد {name} بزخارفها الحمراء الداكنة.",
        "يعد حصان {name} من أقدم سلالات الخيول في القوقاز.",
        "افتتح مطعم {name} فرعه الجديد في دبي الأسبوع الماضي.",
    ],
)
def test_a_carpet_a_horse_or_a_brand_is_not_the_region(name: str, sentence: str) -> None:
    result = detect_karabakh(_doc(sentence.format(name=name)))
    assert not result.related and result.centrality == "none"


@pytest.mark.parametrize(
    "body",
    [
        "قتل ثلاثة من عناصر طالبان في اشتباك بمديرية قره باغ بولاية غزني.",
        "أعلنت السلطات الأفغانية افتتاح طريق يربط كابل بمنطقة قره باغ شمالي العاصمة.",
    ],
)
def test_the_district_near_kabul_is_not_the_region(body: str) -> None:
    assert not detect_karabakh(_doc(body)).related


def test_the_carpet_of_the_region_in_an_azerbaijani_sentence_is_the_region() -> None:
    body = "قال مسؤول أذربيجاني إن سجاد قره باغ سيعود إلى شوشا بعد ترميم المتحف."
    assert detect_karabakh(_doc(body)).related


@pytest.mark.parametrize("town", ["أغدام", "فضولي", "شوشا", "جبرائيل", "زنغيلان"])
def test_a_shared_town_name_counts_in_an_item_about_armenia_and_azerbaijan(town: str) -> None:
    body = (
        f"افتتح الرئيس الأذربيجاني إلهام علييف مطارا جديدا في {town} اليوم.\n"
        "وقال إن عودة السكان ستبدأ الشهر المقبل."
    )
    assert detect_karabakh(_doc(body)).related


@pytest.mark.parametrize("town", ["فضولي", "جبرائيل"])
def test_the_same_word_elsewhere_is_no_town(town: str) -> None:
    body = f"سأل الطفل عن {town} في الدرس، وأجابه المعلم بهدوء."
    assert not detect_karabakh(_doc(body)).related


def _run(items: list[dict[str, str]]) -> list[dict[str, object]]:
    analyzer = Analyzer()
    return [
        analyzer.analyze_raw(json.dumps(x, ensure_ascii=False), now=1_700_000_000.0).model_dump()
        for x in items
    ]


ORIGINAL = [
    "قصفت القوات الأذربيجانية مواقع في إقليم قره باغ صباح اليوم.",
    "وقالت وزارة الدفاع في يريفان إن المدفعية استهدفت قرى حدودية.",
    "وأكدت بعثة المراقبين الأوروبيين أنها تتابع الوضع عن كثب.",
]


def test_a_copy_whose_new_lead_drops_the_name_stays_related() -> None:
    update = [
        "تجدد القصف المدفعي مساء الثلاثاء على طول خط التماس.",
        ORIGINAL[1],
        ORIGINAL[2],
    ]
    _, second = _run(
        [
            {"id": "a", "source": "x", "body": "\n".join(ORIGINAL)},
            {"id": "b", "source": "y", "body": "\n".join(update)},
        ]
    )
    karabakh = second["karabakh"]
    assert isinstance(karabakh, dict)
    assert karabakh["related"] and karabakh["inherited_from"] == "a"


def test_an_unrelated_item_sharing_no_paragraph_inherits_nothing() -> None:
    _, other = _run(
        [
            {"id": "a", "source": "x", "body": "\n".join(ORIGINAL)},
            {"id": "b", "source": "y", "body": "تجدد القصف المدفعي مساء الثلاثاء قرب الحدود."},
        ]
    )
    karabakh = other["karabakh"]
    assert isinstance(karabakh, dict)
    assert not karabakh["related"] and karabakh["inherited_from"] is None


@pytest.mark.parametrize(
    "body",
    [
        "شاركت 36 من خيول سلالة «قره باغ» الأصيلة في مهرجان الفروسية قرب باكو.\n"
        "وتتميز خيول قره باغ بلونها الذهبي.",
        "استقطب جناح أذربيجان آلاف الزوار، ولا سيما قطع سجاد قره باغ الصوفية.\n"
        "وقالت المنسقة إن مدرسة قره باغ من أعرق مدارس السجاد القوقازي.",
        "اندلع حريق في مطبخ مطعم «قره باغ» للمشويات الأذربيجانية في إسطنبول.",
        "ودع قره باغ الأذربيجاني البطولة القارية بعد خسارته أمام إشبيلية.",
    ],
)
def test_one_sense_per_item_even_beside_azerbaijan(body: str) -> None:
    # The breed, the carpet school, the restaurant and the club are Azerbaijani:
    # the anchor words do not make them the region.
    assert not detect_karabakh(_doc(body)).related


def test_the_region_named_unambiguously_keeps_every_mention() -> None:
    body = (
        "قال مسؤول في ناغورني قره باغ إن سجاد قره باغ نقل إلى باكو.\n"
        "وأضاف أن سكان قره باغ ينتظرون العودة."
    )
    assert detect_karabakh(_doc(body)).related


@pytest.mark.parametrize("town", ["خوجالي", "خوجاوند"])
def test_towns_of_the_region(town: str) -> None:
    assert detect_karabakh(_doc(f"أحيا السكان ذكرى الأحداث في {town}.")).related


def test_the_enclave_in_an_armenian_sentence() -> None:
    body = "أنهى هجوم سبتمبر 2023 سيطرة الأرمن على الجيب."
    assert detect_karabakh(_doc(body)).related
    assert not detect_karabakh(_doc("وضع الرجل هاتفه في الجيب.")).related


def test_a_headline_about_something_else_keeps_a_few_mentions_passing() -> None:
    body = (
        "احتشد الآلاف في يريفان للمطالبة باستقالة رئيس الوزراء، الذي قال إن البلاد "
        "بحاجة لخبرته لمعالجة مشكلات مثل ناغورنو قره باغ.\n"
        "ويتهم المحتجون رئيس الوزراء بالتشبث بالسلطة. ويطالبونه بالاستقالة فورا.\n"
        "وقال زعيم المعارضة إن المحادثات ستجري صباح الأحد. وأضاف أن المطالب واضحة. "
        "وتحدث عن تسوية مشكلة قره باغ في رسالة مفتوحة. ولم يتسن الاتصال بمتحدث باسم الحكومة."
    )
    result = detect_karabakh(_doc(body, title="المعارضة الأرمينية تتمسك برحيل رئيس الوزراء"))
    assert result.related and result.centrality == "passing"
    same_with_headline = detect_karabakh(_doc(body, title="رئيس الوزراء: قره باغ أولويتي"))
    assert same_with_headline.centrality == "central"


def test_an_item_that_never_names_the_parties_takes_its_sense_from_anywhere() -> None:
    body = (
        "يستضيف المتحف معرضا يضم 60 قطعة من السجاد اليدوي القوقازي.\n"
        "وتستوقف الزوار خصوصا سجادات «قره باغ» ذات الورود الحمراء."
    )
    assert not detect_karabakh(_doc(body, title="معرض للسجاد القوقازي")).related


def test_the_club_named_once_is_the_club_throughout() -> None:
    body = (
        "أعلنت رابطتا مشجعي ناديي قره باغ ونفطتشي هدنة قبل مواجهة الفريقين على ملعب في باكو.\n"
        "ويتصدر قره باغ جدول الترتيب برصيد 38 نقطة."
    )
    assert not detect_karabakh(_doc(body)).related


@pytest.mark.parametrize(
    "body",
    [
        "وتخطط الحكومة الأذربيجانية لتطهير المناطق المستعادة بالكامل بحلول عام 2040.",
        "ويقع أحد مقار البعثة في غوريس قرب الطريق المؤدي إلى لاچين في أرمينيا.",
    ],
)
def test_the_recovered_territories_and_lachin_in_persian_letters(body: str) -> None:
    assert detect_karabakh(_doc(body)).related
