"""Which story an article joins: a wider conflict's name does not pull a narrower
conflict's article away (Pakistan / Kashmir), and the war between Armenia and
Azerbaijan is the Karabakh conflict, whose updates stay Karabakh-related."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from monitor.alerts.story import conflict_key
from monitor.analyzer import Analyzer
from monitor.settings import Settings
from schemas.analysis import Analysis
from schemas.news import NewsItem

T0 = datetime(2026, 10, 18, 6, tzinfo=UTC)


def _run(*items: tuple[str, str, str | None, str]) -> list[Analysis]:
    analyzer = Analyzer(Settings())
    out = []
    for n, (source, title, _, body) in enumerate(items):
        item = NewsItem(
            id=f"a{n}",
            source=source,
            title=title,
            body=body,
            published_at=T0 + timedelta(hours=6 * n),
        )
        out.append(analyzer.analyze(item))
    return out


def test_a_pakistani_statement_on_kashmir_is_the_kashmir_story() -> None:
    india, pakistan = _run(
        (
            "alarabiya",
            "الجيش الهندي: مقتل جندي بنيران باكستانية في كشمير",
            None,
            "قال الجيش الهندي إن القوات الباكستانية انتهكت وقف إطلاق النار على خط المراقبة "
            "في كشمير، ما أدى إلى مقتل جندي هندي واحد.",
        ),
        (
            "aljazeera",
            "باكستان: مقتل مدنيين اثنين بقصف هندي",
            None,
            "أعلن الجيش الباكستاني أن مدنيين اثنين قتلا جراء قصف هندي استهدف قرى في الشطر "
            "الخاضع لإدارة باكستان من كشمير، متهما الهند بخرق وقف إطلاق النار.",
        ),
    )
    assert conflict_key(pakistan) == "kashmir"
    assert pakistan.alerts and india.alerts
    assert {a.story_id for a in pakistan.alerts} == {india.alerts[0].story_id}
    # the violation was already alerted in the story: only the new figures are news
    assert [a.type for a in pakistan.alerts] == ["casualties"]


def test_pakistan_alone_is_still_its_own_conflict() -> None:
    (only,) = _run(
        (
            "dawn",
            "باكستان: مقتل خمسة جنود في وزيرستان",
            None,
            "قتل خمسة جنود باكستانيين في هجوم لمسلحين على نقطة تفتيش في شمال وزيرستان.",
        ),
    )
    assert conflict_key(only) == "pakistan"


CLASH = (
    "قالت وزارة الدفاع الأذربيجانية إن ثلاثة من جنودها قتلوا في اشتباكات مع القوات "
    "الأرمينية قرب لاتشين في إقليم قره باغ."
)
UPDATE = (
    "اتفقت أرمينيا وأذربيجان، صباح الاثنين، على وقف إطلاق النار على طول حدودهما "
    "المشتركة بعد اشتباكات قالت باكو إنها أودت بحياة ثلاثة من جنودها."
)


def test_an_armenia_azerbaijan_update_joins_the_karabakh_story_and_stays_related() -> None:
    clash, update = _run(("apa", None, None, CLASH), ("skynews_arabia", None, None, UPDATE))
    assert clash.karabakh.related and update.karabakh.related is not False
    assert update.karabakh.inherited_from == clash.id
    # one story: the agreement is news, the restated toll is not
    assert [(a.type, a.status) for a in update.alerts] == [("ceasefire", "agreed")]
    assert update.alerts[0].story_id == clash.alerts[0].story_id
    assert update.alerts[0].karabakh_related


def test_an_armenia_azerbaijan_clash_with_no_karabakh_story_is_not_karabakh() -> None:
    (alone,) = _run(
        (
            "trend_arabic",
            None,
            None,
            "أصيب جنديان أذربيجانيان بنيران قناص أرميني على الحدود بين البلدين قرب توفوز، وفق "
            "وزارة الدفاع في باكو.",
        ),
    )
    assert not alone.karabakh.related
    assert alone.alerts and not any(a.karabakh_related for a in alone.alerts)


def test_a_gaza_story_naming_azerbaijan_in_passing_stays_gaza() -> None:
    (gaza,) = _run(
        (
            "aljazeera",
            "غارات إسرائيلية على غزة",
            None,
            "استشهد 12 فلسطينيا في غارات إسرائيلية على قطاع غزة، بحسب وزارة الصحة في غزة. "
            "ويأتي ذلك بينما تواصل أذربيجان تصدير النفط عبر تركيا.",
        ),
    )
    assert conflict_key(gaza) == "gaza"
    assert not gaza.karabakh.related


def test_a_restated_count_with_another_qualifier_is_no_news() -> None:
    first, restated, higher = _run(
        (
            "aljazeera",
            None,
            None,
            "أعلنت السلطات الصحية في شمال كردفان مقتل ما لا يقل عن 40 مدنيا في هجوم بطائرة "
            "مسيرة على سوق في الأبيض بالسودان.",
        ),
        (
            "skynews_arabia",
            None,
            None,
            "قالت السلطات الصحية إن الهجوم بمسيرة على سوق الأبيض في السودان أودى بحياة 40 مدنيا.",
        ),
        (
            "bbc_arabic",
            None,
            None,
            "ارتفع عدد قتلى الهجوم على سوق الأبيض في السودان إلى 52 مدنيا، وفق السلطات الصحية.",
        ),
    )
    assert [c.count for a in first.alerts for c in a.changed] == [40]
    assert restated.alerts == []
    assert [c.count for a in higher.alerts for c in a.changed] == [52]
