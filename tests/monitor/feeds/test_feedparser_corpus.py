"""feedparser's own test corpus (2,000+ real-world and ill-formed feeds from its
source distribution, fetched from PyPI once) through the poller's parsing:
nothing crashes, nothing hangs, most of it still parses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "feedparser_corpus.py"


def test_feedparser_corpus_parses_or_is_refused_never_crashes_or_hangs() -> None:
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), "--json", "--budget", "5"],
        capture_output=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr.decode()[-2000:]
    report = json.loads(proc.stdout)
    assert report["files"] > 2000
    assert report["crashes"] == [] and report["over_budget"] == []
    assert report["parsed"] > 0.8 * report["files"]
