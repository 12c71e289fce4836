"""The core on the seed article and on bad input."""

from __future__ import annotations

import json
from pathlib import Path

from monitor.analyzer import Analyzer
from monitor.settings import Settings
from schemas.analysis import Analysis, AnalysisError

NOW = 1_700_000_000.0


def run(analyzer: Analyzer, item: dict) -> Analysis:
    result = analyzer.analyze_raw(json.dumps(item, ensure_ascii=False), now=NOW)
    assert isinstance(result, Analysis), result
    return result


def test_seed_paragraphs_and_inner_duplicates(seed_text: str) -> None:
    analysis = run(Analyzer(), {"id": "seed", "source": "watanalyoum", "body": seed_text})
    assert len(analysis.paragraphs) == 24
    assert analysis.duplicate_paragraphs == 2
    dups = {p.index: p.duplicate_of for p in analysis.paragraphs if p.duplicate_of}
    assert set(dups) == {22, 23}
    assert (dups[22].article, dups[22].paragraph) == ("seed", 6)
    assert (dups[23].article, dups[23].paragraph) == ("seed", 7)
    assert analysis.republication_of is None


def test_seed_paragraph_offsets_point_into_the_body(seed_text: str) -> None:
    analysis = run(Analyzer(), {"id": "seed", "body": seed_text})
    non_empty = [line.strip() for line in seed_text.splitlines() if line.strip()]
    assert [p.text for p in analysis.paragraphs] == non_empty
    for p in analysis.paragraphs:
        assert analysis.body[p.start : p.end] == p.text


def test_seed_republished_under_another_source(seed_text: str) -> None:
    analyzer = Analyzer()
    run(analyzer, {"id": "seed", "source": "watanalyoum", "body": seed_text})
    copy = run(analyzer, {"id": "copy", "source": "another-outlet", "body": seed_text})
    assert copy.duplicate_paragraphs == 24
    assert all(p.duplicate_of and p.duplicate_of.article == "seed" for p in copy.paragraphs)
    assert copy.republication_of is not None
    assert copy.republication_of.article == "seed"
    assert copy.republication_of.source == "watanalyoum"


def test_state_round_trip_keeps_dedup(seed_text: str, tmp_path: Path) -> None:
    first = Analyzer()
    run(first, {"id": "seed", "body": seed_text})
    path = tmp_path / "state.json"
    first.save_state(path)
    second = Analyzer()
    second.load_state(path)
    copy = run(second, {"id": "copy", "body": seed_text})
    assert copy.republication_of is not None and copy.republication_of.article == "seed"


def test_html_body_is_cleaned_and_split() -> None:
    body = "<p>أعلنت أرمينيا &quot;التعبئة&quot;</p><p>وقالت باكو إن العملية مستمرة</p>"
    analysis = run(Analyzer(), {"id": "h", "body": body})
    assert [p.text for p in analysis.paragraphs] == [
        'أعلنت أرمينيا "التعبئة"',
        "وقالت باكو إن العملية مستمرة",
    ]


def test_item_without_id_gets_a_stable_one() -> None:
    item = {"url": "https://example.com/a?x=قره", "body": "نص الخبر"}
    a = run(Analyzer(), item)
    b = run(Analyzer(), item)
    assert a.id == b.id and a.id.startswith("url:")


def test_bad_inputs_give_error_codes() -> None:
    analyzer = Analyzer(Settings(max_body_bytes=100))
    cases = {
        b"\xff\xfe{}": "invalid_utf8",
        b"{not json": "invalid_json",
        b"[1, 2]": "not_an_object",
        b'{"title": "x"}': "missing_body",
        b'{"body": "   "}': "empty_body",
        b'{"body": 12}': "invalid_item",
        b'{"body": "x", "published_at": "yesterday"}': "invalid_item",
        json.dumps({"id": "big", "body": "ا" * 200}).encode(): "body_too_large",
    }
    for raw, code in cases.items():
        result = analyzer.analyze_raw(raw, line=7)
        assert isinstance(result, AnalysisError), raw
        assert result.error.code == code, (raw, result.error)
        assert result.line == 7
    big = analyzer.analyze_raw(json.dumps({"id": "big", "body": "ا" * 200}))
    assert isinstance(big, AnalysisError) and big.id == "big"


def test_title_evidence_offsets_slice_the_title_the_output_carries() -> None:
    item = {
        "id": "t1",
        "title": "<b>عاجل:</b> مقتل 3 جنود في قره باغ",
        "body": "قتل ثلاثة جنود في قصف على قره باغ.",
    }
    result = Analyzer().analyze_raw(json.dumps(item, ensure_ascii=False), now=1_700_000_000.0)
    assert isinstance(result, Analysis)
    assert result.title == "عاجل: مقتل 3 جنود في قره باغ"
    titled = [m for m in result.karabakh.mention_spans if m.paragraph is None]
    assert titled and all(result.title[m.start : m.end] == m.text for m in titled)
