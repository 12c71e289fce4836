"""Generated Arabic news items for the integration tests (not copied from any corpus).

Deterministic for a seed. Each item has a few paragraphs composed from small
vocabularies with numbers and names varied, so paragraphs differ between items;
every `story_every`-th item reports a ceasefire or casualty figures about a
region, and `copy_every`-th items republish an earlier item under another source.
"""

from __future__ import annotations

import json
import random
from typing import Any

PLACES = [
    "قره باغ",
    "ستيباناكيرت",
    "شوشا",
    "لاتشين",
    "أغدام",
    "كلبجار",
    "زنغلان",
    "فضولي",
    "جبرائيل",
    "قبادلي",
]
CITIES = ["باكو", "يريفان", "موسكو", "أنقرة", "طهران", "تبليسي", "باريس", "جنيف", "فيينا"]
OFFICIALS = [
    "وزارة الدفاع الأذربيجانية",
    "وزارة الخارجية الأرمينية",
    "مسؤول محلي",
    "متحدث باسم قوات حفظ السلام الروسية",
    "الصليب الأحمر",
    "مكتب حقوق الإنسان",
]
TOPICS = [
    "الطاقة",
    "الزراعة",
    "التعليم",
    "الطرق",
    "المياه",
    "الصحة",
    "السياحة",
    "الاتصالات",
    "الإسكان",
    "النقل",
]
VERBS = ["أعلن", "أكد", "ذكر", "أفاد", "قال", "أوضح"]
SOURCES = ["wakala-a", "wakala-b", "sahifa-c", "mawqi-d", "qanat-e"]


def _number(rng: random.Random) -> int:
    return rng.randint(3, 900)


def routine_paragraphs(rng: random.Random, n: int, tag: int) -> list[str]:
    out = []
    for i in range(n):
        out.append(
            f"{rng.choice(VERBS)} {rng.choice(OFFICIALS)} في {rng.choice(CITIES)} أن مشروع "
            f"{rng.choice(TOPICS)} رقم {tag * 10 + i} سيكلف {_number(rng)} مليون دولار "
            f"ويستفيد منه {_number(rng)} ألف شخص في {rng.choice(PLACES)} "
            f"خلال {rng.randint(2, 30)} شهرا."
        )
    return out


def story_paragraphs(rng: random.Random, tag: int) -> list[str]:
    place = rng.choice(PLACES)
    official = rng.choice(OFFICIALS)
    if rng.random() < 0.5:
        first = (
            f"{rng.choice(VERBS)} {official} أن {_number(rng)} شخصا قتلوا وأصيب {_number(rng)} "
            f"آخرون في اشتباكات قرب {place} في ناغورني قره باغ، في الحادثة رقم {tag}."
        )
    else:
        first = (
            f"{rng.choice(VERBS)} {official} التوصل إلى اتفاق لوقف إطلاق النار في {place} "
            f"بإقليم ناغورني قره باغ بوساطة من {rng.choice(CITIES)}، وفق البيان رقم {tag}."
        )
    return [first, *routine_paragraphs(rng, 2, tag)]


def generate(
    n: int,
    *,
    seed: int = 7,
    prefix: str = "gen",
    story_every: int = 10,
    copy_every: int = 25,
) -> list[dict[str, Any]]:
    """`n` items with unique ids `<prefix>-<i>`."""
    rng = random.Random(seed)
    items: list[dict[str, Any]] = []
    for i in range(n):
        if copy_every and i % copy_every == copy_every - 1 and items:
            original = items[rng.randrange(len(items))]
            item = {**original, "id": f"{prefix}-{i}", "source": f"copy-{rng.choice(SOURCES)}"}
        else:
            story = story_every and i % story_every == 0
            paras = story_paragraphs(rng, i) if story else routine_paragraphs(rng, 3, i)
            item = {
                "id": f"{prefix}-{i}",
                "source": rng.choice(SOURCES),
                "title": f"خبر رقم {i} من {rng.choice(CITIES)}",
                "body": "\n".join(paras),
                "published_at": f"2024-05-{1 + i % 28:02d}T{i % 24:02d}:00:00Z",
            }
        items.append(item)
    return items


def jsonl(items: list[dict[str, Any]]) -> list[bytes]:
    return [json.dumps(it, ensure_ascii=False).encode() for it in items]
