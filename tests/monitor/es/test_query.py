"""The query builder, offline: analyst input only ever lands in match-query values."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any

import pytest

from monitor.es.query import MAX_QUERY_CHARS, build_search
from monitor.text.normalize import normalize

HOSTILE = [
    '"}}]}, {"match_all": {}}',
    "title:* OR body:/.*/",
    "[* TO *] AND NOT (x",
    "قره \\\"\\'",
    "${jndi:ldap://x}",
    'قرة باغ" OR "*',
]


def _strings_outside_query_values(node: Any, under_query_key: bool = False) -> list[str]:
    """Every string in the body except the values of `query` keys."""
    out = []
    if isinstance(node, dict):
        for key, value in node.items():
            out.append(key)
            out.extend(
                _strings_outside_query_values(value, key == "query" and isinstance(value, str))
            )
    elif isinstance(node, list):
        for v in node:
            out.extend(_strings_outside_query_values(v))
    elif isinstance(node, str) and not under_query_key:
        out.append(node)
    return out


def _text_queries(body: dict[str, Any]) -> list[dict[str, Any]]:
    should = body["query"]["bool"]["must"][0]["bool"]["should"]
    return [clause["multi_match"] for clause in should]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_is_only_a_match_value(text: str) -> None:
    body = build_search(text)
    clean = build_search("x")
    # The body's shape and every other string are the same as for a harmless query.
    assert _strings_outside_query_values(body) == _strings_outside_query_values(clean)
    normalized, raw = _text_queries(body)
    assert normalized["query"] == normalize(text)
    assert raw["query"] == text.strip()
    json.loads(json.dumps(body))


@pytest.mark.parametrize("text", ['""', "*:*", "((( ]]]", "\\", "\u200f", "&& || !"])
def test_input_without_words_is_no_text_criterion(text: str) -> None:
    assert build_search(text)["query"]["bool"]["must"] == [{"match_all": {}}]


def test_no_query_parser_is_ever_used() -> None:
    dumped = json.dumps(build_search('a:b AND "c"', phrase=True))
    for parser in ("query_string", "simple_query_string", "regexp", "wildcard", "script"):
        assert parser not in dumped


def test_spelling_variants_normalize_to_the_same_query() -> None:
    variants = ["قرة باغ", "قره باغ", "قَرَه بَاغ", "قـره باغ"]
    assert {_text_queries(build_search(v))[0]["query"] for v in variants} == {"قره باغ"}


def test_fields_come_from_the_allow_list() -> None:
    normalized, raw = _text_queries(build_search("قره"))
    assert normalized["fields"] == ["title_normalized^2", "body_normalized"]
    assert raw["fields"] == ["title^2", "body"]
    assert normalized["operator"] == "and"


def test_phrase_mode() -> None:
    normalized, _ = _text_queries(build_search("ناغورنو قره باغ", phrase=True))
    assert normalized["type"] == "phrase" and "operator" not in normalized


def test_empty_query_matches_all_with_filters() -> None:
    body = build_search("   ", casualty_kinds=["killed"], karabakh_only=True)
    bool_q = body["query"]["bool"]
    assert bool_q["must"] == [{"match_all": {}}]
    assert {"terms": {"casualty_kinds": ["killed"]}} in bool_q["filter"]
    assert {"term": {"karabakh.related": True}} in bool_q["filter"]


def test_filters() -> None:
    body = build_search(
        "قره",
        date_from=date(2023, 9, 1),
        date_to=datetime(2023, 9, 30, tzinfo=UTC),
        sources=["وطنا اليوم"],
        statuses=["agreed", "violated"],
        exclude_republications=True,
        size=5,
    )
    bool_q = body["query"]["bool"]
    assert {
        "range": {"@timestamp": {"gte": "2023-09-01", "lte": "2023-09-30T00:00:00+00:00"}}
    } in bool_q["filter"]
    assert {"terms": {"ceasefire.statuses": ["agreed", "violated"]}} in bool_q["filter"]
    assert bool_q["must_not"] == [{"term": {"is_republication": True}}]
    assert body["size"] == 5


@pytest.mark.parametrize("value", ["2023-09-01", "2023-09-01T10:00:00+03:00", "now-7d/d", "now"])
def test_accepted_dates(value: str) -> None:
    build_search("x", date_from=value)


@pytest.mark.parametrize("value", ["yesterday", "now-7d||+1d", "2023-13-01", '"; drop', "now-"])
def test_refused_dates(value: str) -> None:
    with pytest.raises(ValueError, match="not a date"):
        build_search("x", date_from=value)


def test_unknown_status_and_kind_are_refused() -> None:
    with pytest.raises(ValueError, match="ceasefire status"):
        build_search("x", statuses=["agreed", "maybe"])
    with pytest.raises(ValueError, match="casualty kind"):
        build_search("x", casualty_kinds=["dead"])


def test_size_bounds() -> None:
    with pytest.raises(ValueError):
        build_search("x", size=-1)
    with pytest.raises(ValueError):
        build_search("x", size=100_000)


def test_very_long_input_is_cut() -> None:
    _, raw = _text_queries(build_search("ق" * 50_000))
    assert len(raw["query"]) == MAX_QUERY_CHARS
