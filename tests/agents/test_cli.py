"""The service's CLI pieces that run without servers: demo formatting, registration."""

from __future__ import annotations

from click.testing import CliRunner

from monitor.cli import main
from monitor.cli.demo import COPY_ID, SEED_ID, seed_items


def test_service_commands_are_registered() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for name in ("run", "produce", "tail", "watch", "demo"):
        assert f"  {name} " in result.output


def test_tail_help_names_its_options() -> None:
    result = CliRunner().invoke(main, ["tail", "--help"])
    assert "--from-beginning" in result.output and "--timeout" in result.output


def test_seed_items_are_the_seed_and_a_copy_from_another_source(seed_body: str) -> None:
    seed, copy = seed_items(seed_body)
    assert (seed["id"], copy["id"]) == (SEED_ID, COPY_ID)
    assert seed["source"] != copy["source"]
    assert seed["body"] == copy["body"]
    assert len(seed["body"].splitlines()) == 24  # the seed's 24 non-empty lines


def test_the_seed_item_carries_its_date_and_no_invented_title(seed_body: str) -> None:
    seed, copy = seed_items(seed_body)
    assert seed["published_at"] == "2023-09-20"  # the day of the ceasefire it reports
    assert seed["source"] == "watanalyoum" and seed["language"] == "ar"
    assert "title" not in seed  # the page's headline is not kept: none rather than a made-up one
    assert copy["published_at"] == seed["published_at"]
