"""On the real corpus (../shared/data): the look-alikes stay unrelated and the
genuine passing mentions its README lists are related with a low centrality."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from monitor.analyzer import Analyzer
from schemas.analysis import Analysis
from tests.conftest import SHARED_DATA

PASSING = {
    "ant:SK-internationalNews-1077-20180421",  # Armenian protests citing the conflict
    "ant:SK-internationalNews-813-20180405",  # infographic of de-facto states
    "ant:BB-economy-185-20180710",  # Erdogan in Baku
    "snn:2015-07-25:0150",  # opinion column
    "ajgaza:016fa7340c06",  # "as in Libya and Karabakh"
}
LOOK_ALIKES = {
    "snn:2015-07-31:1560",  # Qarabağ FK
    "snn:2015-08-03:0468",  # Qarabağ FK
    "ant:SK-sport-2785-20181005",  # Qarabağ FK
    "snn:2015-08-03:0177",  # columnist Adam Nagourney
    "ant:BB-sport-136-20180501",  # Carvajal
    "ant:BB-sport-172-20180526",
    "ant:SK-sport-1340-20180526",
    "ant:SK-sport-1343-20180526",
    "ant:SK-sport-1346-20180526",
}

pytestmark = pytest.mark.skipif(not SHARED_DATA.exists(), reason="needs ../shared/data")


def _analyses() -> Iterator[Analysis]:
    wanted = PASSING | LOOK_ALIKES
    for path in sorted(SHARED_DATA.glob("*.jsonl")):
        if path.name == "near_duplicate_pairs.jsonl":
            continue
        analyzer = Analyzer()
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                if json.loads(line)["id"] in wanted:
                    result = analyzer.analyze_raw(line, now=1_700_000_000.0)
                    assert isinstance(result, Analysis)
                    yield result


@pytest.fixture(scope="module")
def found() -> dict[str, Analysis]:
    return {a.id: a for a in _analyses()}


def test_every_listed_item_is_in_the_corpus(found: dict[str, Analysis]) -> None:
    assert set(found) == PASSING | LOOK_ALIKES


def test_passing_mentions_are_related_with_a_low_centrality(found: dict[str, Analysis]) -> None:
    for item_id in PASSING:
        k = found[item_id].karabakh
        assert k.related and k.centrality == "passing" and k.score < 0.5, item_id


def test_the_club_the_footballer_and_the_columnist_are_not_the_region(
    found: dict[str, Analysis],
) -> None:
    assert [i for i in LOOK_ALIKES if found[i].karabakh.related] == []
