"""`monitor feeds` from the command line (offline: --dry-run prints instead of producing)."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from monitor.cli import main

from .fixtures import ARABIC_FEED, SAMPLE_FEED


def test_once_dry_run_prints_new_items_then_nothing(tmp_path: Path) -> None:
    runner = CliRunner()
    config = SAMPLE_FEED.parent / "feeds.toml"
    args = [
        "feeds",
        "--once",
        "--dry-run",
        "--config",
        str(config),
        "--state",
        str(tmp_path / "s.json"),
    ]
    first = runner.invoke(main, args)
    assert first.exit_code == 0, first.output
    items = [json.loads(line) for line in first.stdout.splitlines()]
    assert len(items) == 4 and all(i["source"] == "sample-caucasus" for i in items)
    second = runner.invoke(main, args)
    assert second.exit_code == 0 and second.stdout == ""


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "feeds.toml"
    bad.write_text('[[feeds]]\nname = "x"\nurl = "file:///etc/passwd"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["feeds", "--once", "--dry-run", "--config", str(bad)])
    assert result.exit_code == 1
    assert "not http(s)" in result.output


def test_all_feeds_failing_is_a_failed_run(tmp_path: Path) -> None:
    cfg = tmp_path / "feeds.json"
    broken = tmp_path / "broken.xml"
    broken.write_bytes(ARABIC_FEED[:40])
    cfg.write_text(json.dumps({"feeds": [{"name": "b", "path": "broken.xml"}]}), encoding="utf-8")
    result = CliRunner().invoke(
        main, ["feeds", "--once", "--dry-run", "--config", str(cfg), "--state", str(tmp_path / "s")]
    )
    assert result.exit_code == 1
