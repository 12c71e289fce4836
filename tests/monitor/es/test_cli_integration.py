"""`monitor es setup` and `monitor search` end to end on the real node."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from elasticsearch import Elasticsearch

from monitor.cli import main
from monitor.settings import Settings

from .conftest import COPY_ID, SEED_ID, index_seed

pytestmark = pytest.mark.integration


def _env(settings: Settings) -> dict[str, str]:
    return {"MONITOR_ES_INDEX_PREFIX": settings.es_index_prefix, "MONITOR_ES_URL": settings.es_url}


def test_es_setup_then_search(es: Elasticsearch, es_settings: Settings) -> None:
    runner = CliRunner()
    env = _env(es_settings)
    result = runner.invoke(main, ["es", "setup"], env=env)
    assert result.exit_code == 0, result.output
    assert "text analyzer:" in result.output and "lifecycle:" in result.output
    again = runner.invoke(main, ["es", "setup"], env=env)
    assert again.exit_code == 0 and "is current" in again.output

    index_seed(es, es_settings)
    found = runner.invoke(main, ["search", "قرة باغ", "--status", "agreed"], env=env)
    assert found.exit_code == 0, found.output
    assert "2 article(s)" in found.output
    assert SEED_ID in found.output and "ceasefire: " in found.output
    assert "«" in found.output  # highlighted fragment

    as_json = runner.invoke(
        main, ["search", "ناغورنو", "--no-republications", "--kind", "killed", "--json"], env=env
    )
    assert as_json.exit_code == 0, as_json.output
    rows = [json.loads(line) for line in as_json.output.splitlines()]
    assert [r["id"] for r in rows] == [SEED_ID]
    assert "body_normalized" not in rows[0]

    phrase = runner.invoke(main, ["search", "باغ قره", "--phrase"], env=env)
    assert phrase.exit_code == 0 and "0 article(s)" in phrase.output

    copy = runner.invoke(main, ["search", "", "--source", "copy-outlet", "--json"], env=env)
    assert [json.loads(line)["id"] for line in copy.output.splitlines()] == [COPY_ID]


def test_search_reports_bad_options_and_missing_node(es_settings: Settings) -> None:
    runner = CliRunner()
    bad_date = runner.invoke(main, ["search", "x", "--from", "yesterday"], env=_env(es_settings))
    assert bad_date.exit_code == 2 and "not a date" in bad_date.output
    bad_kind = runner.invoke(main, ["search", "x", "--kind", "dead"], env=_env(es_settings))
    assert bad_kind.exit_code == 2
    down = runner.invoke(
        main, ["search", "x"], env={**_env(es_settings), "MONITOR_ES_URL": "http://127.0.0.1:1"}
    )
    assert down.exit_code == 1 and "Elasticsearch request failed" in down.output
