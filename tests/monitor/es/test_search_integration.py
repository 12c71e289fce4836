"""Search on the real node: spelling variants, filters, hostile analyst input."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from elasticsearch import Elasticsearch

from monitor.es import names
from monitor.es.client import make_client
from monitor.es.query import build_search
from monitor.settings import Settings

from .conftest import COPY_ID, SEED_ID

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def seeded(seeded_settings: Settings) -> Iterator[Elasticsearch]:
    client = make_client(seeded_settings)
    try:
        yield client
    finally:
        client.close()


@pytest.fixture
def es_settings(seeded_settings: Settings) -> Settings:
    return seeded_settings


def _ids(client: Elasticsearch, settings: Settings, query: str, **options: object) -> list[str]:
    body = build_search(query, size=20, **options)  # type: ignore[arg-type]
    resp = client.search(index=names.articles_alias(settings), body=body)
    return [hit["_id"] for hit in resp["hits"]["hits"]]


VARIANTS = [
    "قره باغ",
    "قرة باغ",
    "ناغورنو",
    "ناغورني",
    "ناغورنو قره باغ",
    "ناغورني قرة باغ",
    "قَرَه بَاغ",  # diacritics
    "قـــره باغ",  # tatweel
    "ناغورنى قره باغ",  # alef maqsura for final ya
    "وقف اطلاق النار",  # bare alef for إ
    "وقف أطلاق النار",  # wrong hamza seat
    "الارمن",  # bare alef for الأرمن
    "آذربيجان",  # madda for hamza
    "٣٢ شخصا",  # Arabic-Indic digits
]


@pytest.mark.parametrize("query", VARIANTS)
def test_every_spelling_variant_finds_the_seed(
    seeded: Elasticsearch, es_settings: Settings, query: str
) -> None:
    assert SEED_ID in _ids(seeded, es_settings, query)


@pytest.mark.parametrize("query", ["ناغورنو قره باغ", "قرة باغ", "وقف اطلاق النار"])
def test_phrase_search_finds_the_seed(
    seeded: Elasticsearch, es_settings: Settings, query: str
) -> None:
    assert SEED_ID in _ids(seeded, es_settings, query, phrase=True)


def test_phrase_search_needs_the_words_in_order(
    seeded: Elasticsearch, es_settings: Settings
) -> None:
    assert _ids(seeded, es_settings, "باغ قره", phrase=True) == []


def test_unrelated_words_find_nothing(seeded: Elasticsearch, es_settings: Settings) -> None:
    assert _ids(seeded, es_settings, "كرة القدم الدوري الإسباني") == []


def test_filters_by_casualty_kind(seeded: Elasticsearch, es_settings: Settings) -> None:
    assert SEED_ID in _ids(seeded, es_settings, "قره باغ", casualty_kinds=["killed"])
    assert SEED_ID in _ids(seeded, es_settings, "", casualty_kinds=["wounded", "evacuated"])
    assert SEED_ID not in _ids(seeded, es_settings, "قره باغ", casualty_kinds=["captured"])


def test_filters_by_ceasefire_status(seeded: Elasticsearch, es_settings: Settings) -> None:
    assert SEED_ID in _ids(seeded, es_settings, "قره باغ", statuses=["agreed"])
    assert SEED_ID not in _ids(seeded, es_settings, "قره باغ", statuses=["violated"])


def test_karabakh_only(seeded: Elasticsearch, es_settings: Settings) -> None:
    assert SEED_ID in _ids(seeded, es_settings, "", karabakh_only=True)


def test_filters_by_source_date_and_republication(
    seeded: Elasticsearch, es_settings: Settings
) -> None:
    both = _ids(seeded, es_settings, "قره باغ")
    assert set(both) == {SEED_ID, COPY_ID}
    assert _ids(seeded, es_settings, "قره باغ", sources=["وطنا اليوم"]) == [SEED_ID]
    assert _ids(seeded, es_settings, "قره باغ", sources=["watanalyoum.net"]) == [SEED_ID]
    assert _ids(seeded, es_settings, "قره باغ", exclude_republications=True) == [SEED_ID]
    assert _ids(seeded, es_settings, "قره باغ", date_from="2023-09-20T13:00:00Z") == [COPY_ID]
    assert _ids(seeded, es_settings, "قره باغ", date_to="2023-09-19") == []
    assert set(_ids(seeded, es_settings, "قره باغ", date_from="2023-09-01")) == {SEED_ID, COPY_ID}


HOSTILE = [
    '"قره باغ',
    'قره باغ"',
    '""""',
    "قره باغ) OR (*",
    "title:* OR body:*",
    "*:*",
    "body:/.*/",
    "[* TO *]",
    "{* TO *}",
    '{"match_all": {}}',
    '"}}, {"match_all": {}}, {"x": {"',
    '{"query": {"bool": {"must_not": []}}}',
    "\\",
    "\\\\\"'",
    "+قره -باغ | ~2 ^5 && || !",
    "قره~ باغ* ?ناغورني",
    "<script>alert(1)</script>",
    "${jndi:ldap://x}",
    "\u0000\u200f\ufeff",
    "(((((((((((((((((",
    "a" * 5000,
    "   ",
    "",
]


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_input_is_only_data(
    seeded: Elasticsearch, es_settings: Settings, query: str
) -> None:
    """No error, and the same hits as the bare words: the syntax does nothing."""
    index = names.articles_alias(es_settings)
    resp = seeded.search(index=index, body=build_search(query, size=20))
    hits = {hit["_id"] for hit in resp["hits"]["hits"]}
    bare = re.sub(r"[^\w]+", " ", query)
    bare_hits = {
        hit["_id"]
        for hit in seeded.search(index=index, body=build_search(bare, size=20))["hits"]["hits"]
    }
    assert hits == bare_hits, query
    if not re.search("[\u0600-\u06ff]", query) and re.search(r"[^\W_]", query):
        # Nothing in the article matches these words: no match_all, wildcard or range got in.
        assert hits == set(), query


def test_hostile_input_with_real_words_still_matches_them(
    seeded: Elasticsearch, es_settings: Settings
) -> None:
    # Punctuation around real words is dropped by the analyzer, the words still count.
    assert SEED_ID in _ids(seeded, es_settings, '"قره باغ"')
    assert SEED_ID in _ids(seeded, es_settings, "(قره) [باغ]")
