"""The alert state machine, driven through the real Analyzer (dedup included)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest

from monitor.alerts import AlertState
from monitor.analyzer import Analyzer
from monitor.settings import Settings
from schemas.alert import Alert
from schemas.analysis import Analysis
from schemas.news import NewsItem

T0 = datetime(2023, 9, 20, 8, 0, tzinfo=UTC)

FIRST = NewsItem(
    id="a1",
    source="agency_a",
    title="وقف لإطلاق النار في قره باغ",
    published_at=T0,
    body="\n".join(
        [
            "وافق الانفصاليون الأرمن في قره باغ على وقف لإطلاق النار "
            "اقترحته قوات حفظ السلام الروسية.",
            "وأعلنت أرمينيا أن 32 شخصا قتلوا في العملية العسكرية الأذربيجانية في الإقليم.",
            "وتقول أذربيجان إن عمليتها تستهدف نزع سلاح التشكيلات المسلحة في المنطقة.",
        ]
    ),
)
#: The same wire story republished by a newspaper, with a different opening word.
COPY = NewsItem(
    id="b1",
    source="paper_b",
    title="وقف لإطلاق النار في قره باغ",
    published_at=T0 + timedelta(minutes=20),
    body=FIRST.body,
)
RISE = NewsItem(
    id="a2",
    source="agency_c",
    title="ارتفاع حصيلة القتلى في قره باغ",
    published_at=T0 + timedelta(hours=3),
    body="\n".join(
        [
            "أعلنت أرمينيا أن عدد القتلى في قره باغ ارتفع إلى 100.",
            "وكانت أرمينيا قد أعلنت أن 32 شخصا قتلوا في اليوم الأول.",
        ]
    ),
)
VIOLATION = NewsItem(
    id="a3",
    source="agency_d",
    title="يريفان تتهم باكو بخرق الهدنة في قره باغ",
    published_at=T0 + timedelta(hours=6),
    body="\n".join(
        [
            "اتهمت وزارة الدفاع الأرمينية القوات الأذربيجانية بخرق وقف إطلاق النار في قره باغ.",
            "وقالت وزارة الدفاع الأذربيجانية إن 5 جنود قتلوا في هجوم للانفصاليين.",
        ]
    ),
)
HISTORY = NewsItem(
    id="a4",
    source="agency_a",
    title="خلفية: الصراع على قره باغ",
    published_at=T0 + timedelta(hours=7),
    body="وقتل أكثر من 6500 جندي خلال حرب 2020 في قره باغ التي انتهت باتفاق لوقف إطلاق النار.",
)
GAZA = NewsItem(
    id="g1",
    source="agency_a",
    title="هدنة في غزة",
    published_at=T0 + timedelta(hours=8),
    body="أعلن الوسطاء التوصل إلى اتفاق لوقف إطلاق النار في غزة يبدأ غدا.",
)
STREAM = [FIRST, COPY, RISE, VIOLATION, HISTORY, GAZA]


def _run(items: list[NewsItem], settings: Settings | None = None) -> list[Analysis]:
    analyzer = Analyzer(settings, clock=lambda: T0.timestamp())
    return [analyzer.analyze(item) for item in items]


def _summary(alert: Alert) -> tuple[object, ...]:
    changed = tuple(
        (c.kind, c.count, c.qualifier, c.attributed_to, c.previous_count) for c in alert.changed
    )
    return (
        alert.type,
        alert.status,
        changed,
        alert.version,
        alert.karabakh_related,
        alert.article_count,
        alert.independent_source_count,
    )


def test_the_stream_raises_exactly_these_alerts() -> None:
    out = _run(STREAM)
    got = {a.id: [_summary(x) for x in a.alerts] for a in out}
    assert got == {
        "a1": [
            ("ceasefire", "agreed", (), 1, True, 1, 1),
            ("casualties", None, (("killed", 32, "exact", "أرمينيا", None),), 2, True, 1, 1),
        ],
        "b1": [],  # a republished copy: counted, never alerted
        "a2": [("casualties", None, (("killed", 100, "exact", "أرمينيا", 32),), 3, True, 3, 2)],
        "a3": [
            ("ceasefire", "violated", (), 4, True, 4, 3),
            (
                "casualties",
                None,
                (("killed", 5, "exact", "وزارة الدفاع الأذربيجانية", None),),
                5,
                True,
                4,
                3,
            ),
        ],
        "a4": [],  # history only
        # the mediators announced an agreement: agreed, and announced
        "g1": [
            ("ceasefire", "agreed", (), 1, False, 1, 1),
            ("ceasefire", "announced", (), 2, False, 1, 1),
        ],
    }
    assert out[1].republication_of is not None and out[1].republication_of.article == "a1"


def test_claimants_are_kept_apart_never_summed() -> None:
    last = _run(STREAM)[3].alerts[-1]
    figures = {(f.kind, f.attributed_to): (f.count, f.previous_count) for f in last.figures}
    assert figures == {
        ("killed", "أرمينيا"): (100, 32),
        ("killed", "وزارة الدفاع الأذربيجانية"): (5, None),
    }


def test_evidence_points_at_the_words() -> None:
    out = _run(STREAM)
    for analysis in out:
        for alert in analysis.alerts:
            assert alert.story_id
            for ev in alert.evidence:
                assert ev.article == analysis.id
                text = analysis.body if ev.paragraph is not None else analysis.title or ""
                assert text[ev.start : ev.end] in ev.sentence
    casualty = out[0].alerts[1]
    ev = casualty.evidence[0]
    assert (ev.paragraph, out[0].body[ev.start : ev.end]) == (1, "32 شخصا قتلوا")


def test_one_story_for_the_karabakh_items_another_for_gaza() -> None:
    out = _run(STREAM)
    karabakh = {x.story_id for a in out[:4] for x in a.alerts}
    assert len(karabakh) == 1
    assert out[5].alerts[0].story_id not in karabakh


def test_alert_ids_are_deterministic_and_unique() -> None:
    first = [x.alert_id for a in _run(STREAM) for x in a.alerts]
    again = [x.alert_id for a in _run(STREAM) for x in a.alerts]
    assert first == again
    assert len(set(first)) == len(first)


def test_karabakh_only_narrows_the_alerts() -> None:
    out = _run(STREAM, Settings(alerts_karabakh_only=True))
    assert out[5].alerts == []
    assert [len(a.alerts) for a in out[:5]] == [2, 0, 1, 2, 0]


def test_restating_a_known_figure_raises_nothing() -> None:
    restated = NewsItem(
        id="a9",
        source="agency_z",
        title="قره باغ",
        published_at=T0 + timedelta(hours=9),
        body="وقالت أرمينيا إن 100 شخص قتلوا في قره باغ حتى الآن، وكانت قد أعلنت مقتل 32 شخصا.",
    )
    out = _run([FIRST, RISE, restated])
    assert out[2].alerts == []


def test_state_round_trips_through_json() -> None:
    analyzer = Analyzer(clock=lambda: T0.timestamp())
    for item in STREAM[:2]:
        analyzer.analyze(item)
    saved = json.loads(json.dumps(analyzer.state_json(), ensure_ascii=False))
    restored = Analyzer(clock=lambda: T0.timestamp())
    restored.load_state_json(saved)
    rest = [restored.analyze(item) for item in STREAM[2:]]
    straight = _run(STREAM)[2:]
    assert [[_summary(x) for x in a.alerts] for a in rest] == [
        [_summary(x) for x in a.alerts] for a in straight
    ]


def test_state_is_bounded() -> None:
    state = AlertState(max_stories=2, max_articles=3)
    analyzer = Analyzer(clock=lambda: T0.timestamp())
    analyzer.alerts = state
    for n, place in enumerate(["غزة", "اليمن", "السودان", "ليبيا"]):
        analyzer.analyze(
            NewsItem(
                id=f"x{n}",
                source=f"s{n}",
                body=f"أعلن الجيش مقتل {n + 3} جنود في هجوم في {place}.",
                published_at=T0 + timedelta(minutes=n),
            )
        )
    assert len(state.stories) == 2
    assert len(state.articles) == 3


def test_a_quiet_spell_starts_a_new_story_and_old_ones_are_forgotten() -> None:
    state = AlertState(story_gap=3600, max_age=3 * 3600)
    first = _run([FIRST])[0]
    start = T0.timestamp()
    story_one = state.update(first, start)[0].story_id
    later = first.model_copy(update={"id": "later", "published_at": T0 + timedelta(hours=2)})
    alerts = state.update(later, start + 2 * 3600)
    assert alerts, "the same facts in a new story are news again"
    assert {a.story_id for a in alerts} != {story_one}
    assert len(state.stories) == 2
    state.update(_run([GAZA])[0], start + 4.5 * 3600)
    assert story_one not in state.stories  # idle longer than max_age
    assert len(state.stories) == 2


def test_from_json_refuses_foreign_state() -> None:
    with pytest.raises(ValueError, match="format"):
        AlertState.from_json({"format": 99})


def test_seed_raises_alerts_and_its_republished_copy_none(seed_text: str) -> None:
    analyzer = Analyzer(clock=lambda: T0.timestamp())
    original = analyzer.analyze(NewsItem(id="seed", source="watanalyoum", body=seed_text))
    copy = analyzer.analyze(NewsItem(id="seed-copy", source="other", body=seed_text))
    assert {a.type for a in original.alerts} == {"ceasefire", "casualties"}
    assert {a.status for a in original.alerts if a.type == "ceasefire"} >= {"agreed", "called_for"}
    (casualties,) = [a for a in original.alerts if a.type == "casualties"]
    assert {(c.kind, c.count, c.qualifier) for c in casualties.changed} == {
        ("killed", 32, "exact"),
        ("wounded", 200, "more_than"),
        ("killed", 100, "about"),
        ("wounded", None, "hundreds"),
        ("evacuated", 2000, "more_than"),
    }
    assert all(a.karabakh_related for a in original.alerts)
    assert copy.republication_of is not None
    assert copy.alerts == []


def test_a_second_outlet_naming_the_same_toll_raises_nothing() -> None:
    first = NewsItem(
        id="s1",
        source="agency_a",
        title="قصف على غزة",
        published_at=T0,
        body="قالت وزارة الصحة في غزة إن 400 شخص قتلوا في الغارات الإسرائيلية.",
    )
    second = NewsItem(
        id="s2",
        source="agency_b",
        title="غارات على غزة",
        published_at=T0 + timedelta(hours=2),
        body="خلفت الضربات الإسرائيلية على غزة 400 قتيل، بحسب السلطات الصحية في القطاع.",
    )
    out = _run([first, second])
    assert [a.type for a in out[0].alerts] == ["casualties"]
    assert out[1].alerts == []


def test_a_passing_mention_does_not_make_another_conflicts_story_karabakh() -> None:
    gaza = NewsItem(
        id="p1",
        source="agency_a",
        title="غارات على غزة",
        published_at=T0,
        body=(
            "قالت وزارة الصحة في غزة إن 30 شخصا قتلوا في غارات إسرائيلية على خان يونس.\n"
            "وقال محللون إن الوساطة تذكر بمحادثات قره باغ.\n"
            "ودعت الأمم المتحدة إلى حماية المدنيين في القطاع."
        ),
    )
    (out,) = _run([gaza])
    assert out.karabakh.related and out.karabakh.centrality == "passing"
    assert out.alerts and all(not a.karabakh_related for a in out.alerts)
    only = _run([gaza], Settings(alerts_karabakh_only=True))
    assert only[0].alerts == []


def test_the_bounds_are_settings() -> None:
    from monitor.analyzer import Analyzer

    settings = Settings(alerts_story_gap_seconds=3600, alerts_max_stories=7)
    state = Analyzer(settings).alerts
    assert (state.story_gap, state.max_stories) == (3600, 7)
    restored = Analyzer(settings)
    restored.load_state_json(Analyzer(settings).state_json())
    assert (restored.alerts.story_gap, restored.alerts.max_stories) == (3600, 7)
