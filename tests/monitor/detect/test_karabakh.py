"""Karabakh relevance: spellings, places, actors, offsets, and the look-alikes."""

from __future__ import annotations

import pytest

from monitor.detect import detect_karabakh
from monitor.document import Document


def _doc(body: str, title: str | None = None) -> Document:
    return Document.from_text("t", title, body)


SPELLINGS = [
    "قره باغ",
    "قرة باغ",
    "كاراباخ",
    "كارباخ",
    "قاراباغ",
    "كاراباغ",
    "قرباغ",
    "ناغورني قره باغ",
    "ناغورنو قرة باغ",
    "ناجورني كارباخ",
    "ناغورنو كاراباخ",
    "آرتساخ",
    "أرتساخ",
    "ارتساخ",
]


@pytest.mark.parametrize("name", SPELLINGS)
def test_every_spelling_is_found_with_offsets(name: str) -> None:
    body = (
        f"تجددت الاشتباكات بين أذربيجان وأرمينيا في {name} اليوم.\nوقالت باكو إن {name} شهد قصفا."
    )
    doc = _doc(body)
    result = detect_karabakh(doc)
    assert result.related
    assert result.mentions == [name]
    assert [doc.body[m.start : m.end] for m in result.mention_spans] == [name, name]


@pytest.mark.parametrize(
    "text",
    ["ستيباناكيرت", "خانكندي", "ممر لاتشين", "جمهورية آرتساخ", "مدينة شوشا", "كلبجار", "هادروت"],
)
def test_places_in_a_headline(text: str) -> None:
    result = detect_karabakh(
        _doc("وقالت مصادر محلية إن القصف مستمر منذ الصباح.", title=f"قصف على {text}")
    )
    assert result.related
    m = result.mention_spans[0]
    assert m.paragraph is None  # in the title: offsets are into the title
    assert f"قصف على {text}"[m.start : m.end] == text


def test_diacritics_tatweel_and_hyphen_are_spelling() -> None:
    doc = _doc(
        "تصاعد التوتر في ناغورنو-قَرَه بـاغ بعد مقتل جنديين أذربيجانيين.", title="توتر في كاراباخ"
    )
    result = detect_karabakh(doc)
    assert result.related
    assert (
        doc.body[result.mention_spans[1].start : result.mention_spans[1].end] == "ناغورنو-قَرَه بـاغ"
    )


def test_clitics_on_names() -> None:
    doc = _doc(
        "وصل وفد أوروبي إلى ستيباناكيرت ثم توجه لقره باغ الجبلية وبكاراباخ.", title="وفد في قره باغ"
    )
    texts = [
        doc.body[m.start : m.end] for m in detect_karabakh(doc).mention_spans if m.paragraph == 0
    ]
    assert texts == ["ستيباناكيرت", "قره باغ الجبلية", "كاراباخ"]


def test_football_club_is_not_the_region() -> None:
    doc = _doc(
        "وفي لقاء آخر تغلب سيلتيك الاسكتلندي على ضيفه قرة باغ بهدف دون رد "
        "في تصفيات دوري أبطال أوروبا.\n"
        "وتلقى الفريق ضربة بإصابة لاعبه قبل مباراة الإياب مع قرة باغ في أذربيجان.",
        title="سيلتيك يفوز على قرة باغ",
    )
    result = detect_karabakh(doc)
    assert not result.related
    assert result.mentions == []


def test_footballer_carvajal_is_a_longer_word() -> None:
    doc = _doc(
        "ويرجح أن يغيب كارباخال الظهير الأيمن لريال مدريد عن المباراة.", title="كارباخال مصاب"
    )
    assert detect_karabakh(doc) == detect_karabakh(_doc("لا شيء"))


def test_columnist_nagourney_is_a_surname() -> None:
    doc = _doc("من بين الذين انتقدوه، أدام ناغورني، كاتب عمود في صحيفة نيويورك تايمز.")
    result = detect_karabakh(doc)
    assert not result.related and not result.mentions


def test_unrelated_azerbaijan_and_armenia_news() -> None:
    doc = _doc(
        "وقعت أذربيجان اتفاقا لتصدير الغاز إلى أوروبا عبر تركيا.\n"
        "وفي يريفان، افتتح رئيس وزراء أرمينيا معرضا للكتاب.",
        title="باكو توقع صفقة غاز",
    )
    assert not detect_karabakh(doc).related


def test_weak_place_words_alone_are_not_mentions() -> None:
    # فضولي is "nosy", جبرائيل is Gabriel: only beside a strong mention do they count.
    doc = _doc("كان الطفل فضوليا، وسأل عن الملاك جبرائيل وعن فضولي الناس.")
    assert detect_karabakh(doc).mentions == []


def test_weak_places_count_beside_the_region() -> None:
    doc = _doc("استعادت القوات الأذربيجانية فضولي وجبرائيل في قره باغ.", title="معارك في قره باغ")
    result = detect_karabakh(doc)
    assert {m.canonical for m in result.mention_spans} >= {"Fuzuli", "Jabrayil", "Nagorno-Karabakh"}


def test_a_passing_mention_is_related_with_a_low_centrality() -> None:
    # An aside in a piece about something else names the region: related (recall
    # first), but the region is not its subject.
    body = "\n".join(
        [
            "تصاعد السجال بين تركيا وإسرائيل بعد تصريحات للرئيس التركي.",
            "وقال إن بلاده كما تدخلت بليبيا وقره باغ تستطيع فعل الشيء نفسه.",
            "وردت الخارجية الإسرائيلية ببيان شديد اللهجة.",
        ]
    )
    result = detect_karabakh(_doc(body))
    assert result.mentions == ["قره باغ"]
    assert result.related and result.centrality == "passing"
    assert 0 < result.score < 0.5


def test_score_grows_with_evidence() -> None:
    one = detect_karabakh(_doc("وتحدث عن قره باغ.\nثم انتقل إلى الاقتصاد.\nوختم بالتعليم."))
    many = detect_karabakh(
        _doc(
            "قصفت أذربيجان مواقع في قره باغ.\nوردت أرمينيا بقصف قرب ستيباناكيرت.",
            title="قتال في كاراباخ",
        )
    )
    assert one.score < many.score
    assert many.related and many.score > 0.9
