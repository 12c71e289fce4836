"""The service's CLI pieces that run without servers: demo formatting, registration."""

from __future__ import annotations

from click.testing import CliRunner

from monitor.cli import main
from monitor.cli.demo import COPY_ID, SEED_ID, format_alert, seed_items


def test_service_commands_are_registered() -> None:
    result = CliRunner().invoke(main, ["--help"])
    for name in ("run", "produce", "tail", "demo"):
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


def test_format_alert_is_readable() -> None:
    text = format_alert(
        {
            "type": "casualties",
            "story_id": "s1",
            "version": 2,
            "karabakh_related": True,
            "changed": [
                {"kind": "killed", "count": 32, "qualifier": "exact", "attributed_to": "أرمينيا"},
                {"kind": "wounded", "count": None, "qualifier": "hundreds"},
            ],
            "evidence": [{"article": "a", "source": "watanalyoum", "sentence": "قتل 32 شخصا"}],
        }
    )
    assert "[casualties] story s1  v2" in text
    assert "killed: 32 [exact] (أرمينيا)" in text
    assert "wounded: ? [hundreds]" in text
    assert "« قتل 32 شخصا »  — watanalyoum" in text
