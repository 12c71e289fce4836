"""Which alerts a reader gets, at the boundaries a mutmut run over the alert state
left unguarded (docs/mutation.md): stories that touch, late reports, vague tolls,
repeated sources, and what an alert carries."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from monitor.alerts import AlertState
from monitor.analyzer import Analyzer
from schemas.alert import Alert
from schemas.analysis import Analysis, RepublicationRef
from schemas.news import NewsItem

T0 = datetime(2023, 9, 20, 8, 0, tzinfo=UTC)
HOUR = 3600.0
DAY = 24 * HOUR

TOLL = "قالت وزارة الصحة في قره باغ إن {} شخصا قتلوا في القصف الأذربيجاني على ستيباناكيرت."
CEASEFIRE = "أعلنت أرمينيا وأذربيجان التوصل إلى اتفاق لوقف إطلاق النار في قره باغ."
VAGUE = "وقالت وزارة الدفاع الأرمينية إن {} من جنودها قتلوا في القصف الأذربيجاني على قره باغ."


def analyze(body: str, *, id: str, source: str = "aa_arabic", title: str = "قره باغ") -> Analysis:
    """One item through a fresh Analyzer (no dedup between the test's items)."""
    item = NewsItem(id=id, source=source, title=title, published_at=T0, body=body)
    return Analyzer(clock=lambda: T0.timestamp()).analyze(item)


def killed(alert: Alert) -> list[tuple[int | None, str, int | None]]:
    return [(c.count, c.qualifier, c.previous_count) for c in alert.changed if c.kind == "killed"]


def test_an_alert_carries_the_articles_title_event_time_evidence_and_the_storys_figures() -> None:
    state = AlertState()
    at = T0.timestamp()
    toll = analyze(TOLL.format(12), id="toll", title="قصف على ستيباناكيرت")
    (casualties,) = state.update(toll, at)
    truce = analyze(CEASEFIRE, id="truce", title="تطورات قره باغ")
    ceasefire = state.update(truce, at + HOUR)[0]
    assert casualties.created_at == T0
    assert casualties.title == "قصف على ستيباناكيرت"
    assert [(e.sentence, e.source) for e in casualties.evidence] == [(TOLL.format(12), "aa_arabic")]
    assert ceasefire.type == "ceasefire"
    assert ceasefire.created_at == T0 + timedelta(hours=1)
    assert ceasefire.title == "تطورات قره باغ"
    assert [e.article for e in ceasefire.evidence] == ["truce"]
    assert ceasefire.evidence[0].sentence == CEASEFIRE
    # The ceasefire alert tells the reader the toll the story stands at.
    assert [(f.kind, f.count, f.qualifier) for f in ceasefire.figures] == [("killed", 12, "exact")]


def test_the_same_toll_in_two_conflicts_raises_two_alerts_with_different_ids() -> None:
    # A consumer drops repeats by alert id: Gaza's 12 must not look like Karabakh's.
    state = AlertState()
    karabakh = state.update(analyze(TOLL.format(12), id="k"), T0.timestamp())
    gaza_text = "قالت وزارة الصحة في غزة إن 12 شخصا قتلوا في القصف الإسرائيلي على خان يونس."
    gaza = state.update(analyze(gaza_text, id="g", title="غزة"), T0.timestamp() + HOUR)
    assert len(karabakh) == len(gaza) == 1
    assert karabakh[0].story_id != gaza[0].story_id
    assert karabakh[0].alert_id != gaza[0].alert_id


def test_an_article_exactly_one_gap_away_joins_the_story_and_one_second_more_does_not() -> None:
    at = T0.timestamp()
    for offset, joins in [(HOUR, True), (HOUR + 1, False), (-HOUR, True), (-HOUR - 1, False)]:
        state = AlertState(story_gap=HOUR)
        first = state.update(analyze(TOLL.format(12), id="first"), at)[0]
        state.update(analyze(CEASEFIRE, id="next"), at + offset)
        story = state.story_of("next")
        assert story is not None
        assert (story.id == first.story_id) is joins, offset


def _two_stories(state: AlertState) -> tuple[str, str]:
    """Two Karabakh stories: one on day 0, one on day 4 (the gap is 3 days)."""
    at = T0.timestamp()
    one = state.update(analyze(TOLL.format(12), id="day0"), at)[0].story_id
    two = state.update(analyze(TOLL.format(20), id="day4", source="rt_arabic"), at + 4 * DAY)
    assert two and two[0].story_id != one
    return one, two[0].story_id


def test_a_late_article_joins_the_story_of_its_own_days() -> None:
    # Days 1.5 and 2.5 lie within both stories' reach; each joins the nearer one, and
    # on day 2 (as near to both) the later story.
    for day, nearer in [(1.5, 0), (2.5, 1), (2.0, 1)]:
        state = AlertState(story_gap=3 * DAY)
        stories = _two_stories(state)
        state.update(analyze(CEASEFIRE, id="late"), T0.timestamp() + day * DAY)
        story = state.story_of("late")
        assert story is not None and story.id == stories[nearer], day


def test_forgetting_an_old_story_keeps_the_newer_story_of_its_conflict_open() -> None:
    # The day-0 story is forgotten on day 6.5 (idle over 6 days); the day-4 story is
    # still open, so a third ceasefire report joins it and is no news.
    state = AlertState(story_gap=3 * DAY, max_age=6 * DAY)
    at = T0.timestamp()
    state.update(analyze(CEASEFIRE, id="day0"), at)
    day4 = state.update(analyze(CEASEFIRE, id="day4", source="rt_arabic"), at + 4 * DAY)
    assert day4, "a ceasefire after a quiet spell is a new story"
    again = state.update(analyze(CEASEFIRE, id="day6", source="alghad"), at + 6.5 * DAY)
    assert again == []
    story = state.story_of("day6")
    assert story is not None and story.id == day4[0].story_id


def test_a_figure_restated_beside_a_new_one_does_not_hide_the_new_one() -> None:
    state = AlertState()
    at = T0.timestamp()
    state.update(analyze(TOLL.format(12), id="first"), at)
    both = (
        "قالت وزارة الصحة في قره باغ إن 12 شخصا قتلوا في القصف الأذربيجاني.\n"
        "وقالت وزارة الصحة في قره باغ إن 30 شخصا أصيبوا بجروح في القصف."
    )
    (alert,) = state.update(analyze(both, id="second", source="rt_arabic"), at + HOUR)
    assert [(c.kind, c.count) for c in alert.changed] == [("wounded", 30)]


def test_a_new_toll_published_the_same_minute_as_the_last_is_alerted() -> None:
    state = AlertState()
    at = T0.timestamp()
    state.update(analyze(TOLL.format(12), id="first"), at)
    (alert,) = state.update(analyze(TOLL.format(15), id="second", source="rt_arabic"), at)
    assert killed(alert) == [(15, "exact", 12)]


def test_a_late_report_of_an_earlier_toll_changes_nothing_and_keeps_the_timeline() -> None:
    state = AlertState()
    at = T0.timestamp()
    assert state.update(analyze(TOLL.format(12), id="noon"), at + 2 * HOUR)
    # Published at 08:00, arriving after the 10:00 report: history, no alert.
    assert state.update(analyze(TOLL.format(15), id="morning", source="rt_arabic"), at) == []
    # Restating the late value later is no news either: the claimant gave it.
    assert (
        state.update(analyze(TOLL.format(15), id="restated", source="alghad"), at + 3 * HOUR) == []
    )
    (rise,) = state.update(analyze(TOLL.format(20), id="evening"), at + 4 * HOUR)
    assert killed(rise) == [(20, "exact", 12)]
    # The story's figure: 20 now, 12 the claimant's value just before it in time.
    assert [(f.count, f.previous_count) for f in rise.figures if f.kind == "killed"] == [(20, 12)]


def test_an_exact_figure_stands_for_a_vague_one_in_the_same_article() -> None:
    body = (
        "قالت وزارة الصحة في قره باغ إن العشرات قتلوا في القصف الأذربيجاني، وإن عدد القتلى بلغ "
        "40 شخصا."
    )
    (alert,) = AlertState().update(analyze(body, id="a"), T0.timestamp())
    assert killed(alert) == [(40, "exact", None)]


def test_vague_tolls_alert_when_they_grow_and_not_when_repeated() -> None:
    state = AlertState()
    at = T0.timestamp()
    (tens,) = state.update(analyze(VAGUE.format("العشرات"), id="t1"), at)
    assert killed(tens) == [(None, "tens", None)]
    again = analyze(VAGUE.format("العشرات"), id="t2", source="rt_arabic")
    assert state.update(again, at + HOUR) == []
    hundreds = analyze(VAGUE.format("المئات"), id="h1", source="alghad")
    (grown,) = state.update(hundreds, at + 2 * HOUR)
    assert killed(grown) == [(None, "hundreds", None)]
    assert [(f.count, f.qualifier) for f in grown.figures] == [(None, "hundreds")]


def test_one_outlet_reporting_twice_is_one_independent_source() -> None:
    state = AlertState()
    at = T0.timestamp()
    state.update(analyze(TOLL.format(12), id="a1", source="aa_arabic"), at)
    (second,) = state.update(analyze(TOLL.format(15), id="a2", source="aa_arabic"), at + HOUR)
    assert (second.article_count, second.independent_source_count) == (2, 1)
    (third,) = state.update(analyze(TOLL.format(20), id="r1", source="rt_arabic"), at + 2 * HOUR)
    assert (third.article_count, third.independent_source_count) == (3, 2)


def test_at_its_bound_the_state_forgets_the_oldest_articles_not_the_newest() -> None:
    state = AlertState(max_articles=2)
    at = T0.timestamp()
    for n in range(3):
        state.update(analyze(TOLL.format(12 + n), id=f"a{n}"), at + n * HOUR)
    assert state.story_of("a0") is None
    assert state.story_of("a2") is not None
    assert state.karabakh_article(["a0", "a2"]) == "a2"


def test_after_a_restart_nothing_already_alerted_is_alerted_again() -> None:
    # The state saved as JSON and read back (what a restarted service does) keeps
    # the statuses, vague figures, timelines, articles and Karabakh flags.
    state = AlertState(karabakh_only=True)
    at = T0.timestamp()
    assert state.update(analyze(CEASEFIRE, id="truce"), at)
    assert state.update(analyze(VAGUE.format("العشرات"), id="tens"), at + 2 * HOUR)
    assert state.update(analyze(TOLL.format(12), id="toll"), at + 2 * HOUR)
    saved = json.loads(json.dumps(state.to_json(), ensure_ascii=False))
    restored = AlertState.from_json(saved, karabakh_only=True)

    assert restored.karabakh_article(["truce"]) == "truce"
    story = restored.story_of("truce")
    assert story is not None and story.karabakh_article == "truce"
    again = [
        analyze(CEASEFIRE, id="truce-again", source="rt_arabic"),
        analyze(VAGUE.format("العشرات"), id="tens-again", source="rt_arabic"),
        analyze(TOLL.format(12), id="toll-again", source="rt_arabic"),
    ]
    assert [restored.update(a, at + 3 * HOUR) for a in again] == [[], [], []]
    # A late report of an earlier toll is still history after the restart.
    late = analyze(TOLL.format(9), id="late", source="alghad")
    assert restored.update(late, at + HOUR) == []
    # A republished copy of an article seen before the restart joins its story.
    copy = analyze(TOLL.format(12), id="copy", source="sputnik")
    copy = copy.model_copy(
        update={
            "republication_of": RepublicationRef(
                article="toll", source="aa_arabic", shared_paragraphs=1
            )
        }
    )
    assert restored.update(copy, at + 3 * HOUR) == []
    assert restored.story_of("copy") is story  # where its updates inherit relatedness from
    (rise,) = restored.update(analyze(TOLL.format(20), id="rise"), at + 4 * HOUR)
    assert rise.karabakh_related
    assert killed(rise) == [(20, "exact", 12)]
    # Three articles before the restart, three restated, the late one, the copy, this one.
    assert rise.article_count == 9


def test_every_alert_setting_reaches_the_state() -> None:
    from monitor.analyzer import Analyzer
    from monitor.settings import Settings

    settings = Settings(
        alerts_karabakh_only=True,
        alerts_story_gap_seconds=7200,
        alerts_max_age_seconds=86400,
        alerts_max_stories=70,
        alerts_max_articles=900,
    )
    state = Analyzer(settings).alerts
    assert (
        state.karabakh_only,
        state.story_gap,
        state.max_age,
        state.max_stories,
        state.max_articles,
    ) == (True, 7200, 86400, 70, 900)


def _story_key(title: str, body: str) -> str:
    state = AlertState()
    analysis = analyze(body, id="x", title=title)
    assert state.update(analysis, T0.timestamp())
    story = state.story_of("x")
    assert story is not None
    return story.key


def test_the_title_outweighs_two_mentions_in_the_body_and_not_four() -> None:
    title = "قصف إسرائيلي على جنوب لبنان"
    two = "قالت وزارة الصحة إن 6 أشخاص قتلوا في الغارة قرب الحدود مع سوريا، وفرّ آخرون إلى سوريا."
    four = two + " ونقلت وسائل إعلام في سوريا أن الطيران حلق فوق سوريا طوال الليل."
    assert _story_key(title, two) == "lebanon"
    assert _story_key(title, four) == "syria"


def test_an_article_naming_no_known_conflict_is_a_story_of_its_own() -> None:
    # Neither the Karabakh story nor a story shared with another unrelated attack.
    state = AlertState()
    at = T0.timestamp()
    bodies = [
        "قتل 7 جنود في هجوم شنه مسلحون على قاعدة عسكرية في شمال بوركينا فاسو.",
        "قتل 4 جنود في هجوم شنه مسلحون على دورية للجيش في غرب النيجر.",
    ]
    alerts = [
        state.update(analyze(body, id=f"x{n}", title="هجوم مسلح"), at + n * HOUR)
        for n, body in enumerate(bodies)
    ]
    assert [len(a) for a in alerts] == [1, 1]
    assert alerts[0][0].story_id != alerts[1][0].story_id
    assert not any(a[0].karabakh_related for a in alerts)
