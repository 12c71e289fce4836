"""The alert block `monitor watch` prints, its filters and `--since`, rendered
to text as a terminal of a given width would show it."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import pytest
from rich.console import Console

from monitor.cli.alert_view import matches, render_alert
from monitor.cli.watch import parse_since
from schemas.alert import Alert
from tests.monitor.cli.rtl_reading import read_rtl_paragraph

SENTENCE = "وقد أعلنت أرمينيا الأربعاء أن 32 شخصا قتلوا وأكثر من 200 جرحوا في أقل من 24 ساعة."


def _alert(**changes: object) -> dict[str, object]:
    alert = Alert(
        alert_id="a1",
        type="casualties",
        story_id="s1",
        version=3,
        karabakh_related=True,
        created_at=datetime(2023, 9, 20, 12, 30, tzinfo=UTC),
        figures=[
            {"kind": "killed", "count": 32, "attributed_to": "أرمينيا", "previous_count": 25},
            {"kind": "wounded", "count": 200, "qualifier": "more_than", "attributed_to": "أرمينيا"},
            {"kind": "killed", "count": 100, "qualifier": "about", "attributed_to": None},
        ],
        changed=[{"kind": "killed", "count": 32, "attributed_to": "أرمينيا", "previous_count": 25}],
        article_count=4,
        independent_source_count=2,
        evidence=[
            {
                "article": "x",
                "source": "watanalyoum",
                "paragraph": 3,
                "start": 0,
                "end": 9,
                "sentence": SENTENCE,
            }
        ],
        title="أرمينيا: 32 قتيلا في قره باغ",
    ).model_dump(mode="json")
    alert.update(changes)
    return alert


def _screen(alert: dict[str, object], width: int = 80, reorder: bool = True) -> list[str]:
    console = Console(file=io.StringIO(), width=width, record=True, color_system=None)
    console.print(render_alert(alert, width=width, reorder=reorder))
    return console.export_text().splitlines()


def _evidence_rows(screen: list[str]) -> list[str]:
    start = next(i for i, row in enumerate(screen) if "evidence (" in row)
    return [row.strip("│ ") for row in screen[start + 1 : -1]]


def test_a_casualty_alert_shows_figures_per_claimant_with_the_figure_before() -> None:
    screen = _screen(_alert())
    text = "\n".join(screen)
    assert "CASUALTIES" in screen[0] and "story s1" in screen[0] and "update 3" in screen[0]
    assert "2023-09-20 12:30:00 UTC" in screen[-1]
    assert "Karabakh" in text and "not Karabakh" not in text
    assert "4 article(s), 2 independent source(s)" in text
    killed = next(row for row in screen if "killed" in row and "32" in row)
    assert "25" in killed and "changed" in killed and "اينيمرأ" in killed  # claimant, visual
    assert any("more than 200" in row and "new" not in row for row in screen)
    assert any("about 100" in row and "(not said)" in row for row in screen)
    assert "evidence (watanalyoum, paragraph 4):" in text
    assert all(len(row) <= 80 for row in screen)


def test_the_evidence_reads_right_to_left_from_the_right_edge() -> None:
    screen = _screen(_alert(), width=60)
    rows = _evidence_rows(screen)
    assert len(rows) >= 2, screen
    assert read_rtl_paragraph(rows) == SENTENCE
    # right-aligned: each evidence row ends at the panel's right border
    for row in screen[screen.index(next(r for r in screen if "evidence (" in r)) + 1 : -1]:
        assert row.rstrip().endswith(" │") and not row[-3].isspace()


def test_no_bidi_leaves_the_sentence_in_reading_order() -> None:
    rows = _evidence_rows(_screen(_alert(), width=200, reorder=False))
    assert rows == [SENTENCE]


def test_a_ceasefire_alert_shows_its_status_and_a_story_outside_karabakh_says_so() -> None:
    screen = _screen(
        _alert(
            type="ceasefire", status="called_for", figures=[], changed=[], karabakh_related=False
        )
    )
    text = "\n".join(screen)
    assert "CEASEFIRE" in screen[0]
    assert "ceasefire: called for" in text
    assert "not Karabakh" in text
    assert "killed" not in text


@pytest.mark.parametrize(
    ("types", "karabakh_only", "alert", "shown"),
    [
        ((), False, {"type": "casualties", "karabakh_related": False}, True),
        (("ceasefire",), False, {"type": "casualties", "karabakh_related": True}, False),
        (("ceasefire", "casualties"), False, {"type": "casualties"}, True),
        ((), True, {"type": "ceasefire", "karabakh_related": False}, False),
        ((), True, {"type": "ceasefire", "karabakh_related": True}, True),
    ],
)
def test_filters(
    types: tuple[str, ...], karabakh_only: bool, alert: dict[str, object], shown: bool
) -> None:
    assert matches(alert, types, karabakh_only) is shown


def test_since_takes_durations_and_iso_times() -> None:
    now = datetime(2026, 1, 2, 12, 0, tzinfo=UTC)
    assert parse_since("90s", now) == datetime(2026, 1, 2, 11, 58, 30, tzinfo=UTC)
    assert parse_since("2h", now) == datetime(2026, 1, 2, 10, 0, tzinfo=UTC)
    assert parse_since("1d", now) == datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    assert parse_since("2023-09-20", now) == datetime(2023, 9, 20, tzinfo=UTC)
    assert parse_since("2023-09-20T09:00+04:00", now) == datetime(2023, 9, 20, 5, tzinfo=UTC)
    with pytest.raises(ValueError, match="neither a duration"):
        parse_since("yesterday", now)
