"""The casualty constructions written as data (monitor/data/constructions.json)."""

from __future__ import annotations

import json

import pytest

from monitor.detect import detect_casualties
from monitor.detect.constructions import CONSTRUCTIONS
from monitor.detect.lexicon import load
from monitor.document import Document


def figs(body: str) -> set[tuple[str, int | None, str]]:
    doc = Document.from_text("t", None, body)
    return {(f.kind, f.count, f.qualifier) for f in detect_casualties(doc)}


def test_every_construction_in_the_data_is_loaded() -> None:
    names = [c["name"] for c in load("constructions")["constructions"]]
    assert [c.name for c in CONSTRUCTIONS] == names
    assert len(set(names)) == len(names)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("وقع هجوم بطائرة مسيرة أمس راح ضحيته ثلاثة مواطنين.", ("killed", 3, "exact")),
        ("وقع انفجار في السوق راح ضحيته جندي.", ("killed", 1, "exact")),
        ("أودى القتال على الحدود بين البلدين بحياة ۴۰ مواطنا.", ("killed", 40, "exact")),
        ("أودت الغارات بحياة نحو 70 شخصا.", ("killed", 70, "about")),
        ("حصد القصف المدفعي قرب أغدام أرواح 600 جندي.", ("killed", 600, "exact")),
        ("لقي عسكري أذربيجاني حتفه إثر انفجار لغم.", ("killed", 1, "exact")),
        ("لقي جنديان أرمينيان مصرعهما في الهجوم.", ("killed", 2, "exact")),
        (
            "ارتفعت حصيلة المصابين في الانفجار الذي وقع قرب أغدام، وفق ما أفادت به "
            "السلطات في بيان نشرته صباح اليوم، إلى ٢٤.",
            ("wounded", 24, "exact"),
        ),
        (
            "ارتفع عدد الشهداء منذ السابع من أكتوبر 2023 إلى 46 ألفا و707.",
            ("killed", 46707, "exact"),
        ),
        ("وقد يصل عدد القتلى إلى 300 شخص.", ("killed", 300, "up_to")),
        ("انقطعت أخبار خمسة عشر مواطنا منذ القصف.", ("missing", 15, "exact")),
        ("ما زال مصير ٩ ضباط مجهولا بعد القصف.", ("missing", 9, "exact")),
        ("أجبرت المعارك 50 ألف شخص على النزوح من الإقليم.", ("displaced", 50000, "exact")),
        ("وصل ١٢٠٠٠٠ أرمني إلى أرمينيا قادمين من الإقليم.", ("displaced", 120000, "exact")),
    ],
)
def test_constructions_whose_words_stand_apart(body: str, expected: tuple[str, int, str]) -> None:
    assert expected in figs(body)


def test_a_sub_count_after_a_construction_belongs_to_it() -> None:
    body = "أودت الغارات بحياة 73 فلسطينيا، بينهم 20 طفلا و25 سيدة."
    assert {c for _, c, _ in figs(body)} == {73, 20, 25}


@pytest.mark.parametrize(
    "body",
    [
        # the same words, nothing counted
        "راح الوفد إلى العاصمة لحضور المؤتمر.",
        "حصد الفيلم أرباحا قياسية في شباك التذاكر.",
        "وصل الوفد المكون من 12 دبلوماسيا إلى يريفان.",
        "ارتفع عدد القتلى في السنوات الماضية بنسبة 20% في الحوادث.",
        # a negated idiom
        "لم يودِ الانفجار بحياة أي شخص.",
    ],
)
def test_look_alikes_of_constructions(body: str) -> None:
    assert figs(body) == set()


def test_the_data_file_parses_as_documented() -> None:
    text = json.dumps(load("constructions"), ensure_ascii=False)
    assert "FIGURE" in text and "_doc" in load("constructions")


def test_people_held_by_a_verb_with_their_pronoun() -> None:
    body = "استأنفت المحكمة محاكمة 15 مسؤولا سابقا في الإدارة الانفصالية، تحتجزهم السلطات منذ 2023."
    assert ("captured", 15, "exact") in figs(body)
