"""One poll round over hostile feeds beside good ones, as a user runs it
(`monitor feeds --once --dry-run` in a child process, feeds served on loopback):
under 600 MB peak, under 60 s, every good entry delivered intact, nothing from
the hostile feeds, and the entry with a bad byte held back until it is fixed."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .hostile import bad_byte_feed, good_routes, hostile_routes
from .server import feed_server

# Runs the command as a grandchild and reports its peak RSS (KB, Linux).
PEAK = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], capture_output=True)
sys.stdout.buffer.write(proc.stdout)
sys.stderr.buffer.write(proc.stderr)
sys.stderr.write(f"\\nrc={proc.returncode} peak_kb="
                 f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
"""


def poll_round(config: Path, state: Path) -> tuple[list[dict[str, Any]], str, int, float]:
    """(items printed, stderr, peak RSS in KB, seconds) of one `monitor feeds --once`."""
    started = time.monotonic()
    command = ["feeds", "--once", "--dry-run", "--config", str(config), "--state", str(state)]
    proc = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "monitor", *command],
        capture_output=True,
        timeout=180,
        check=False,
    )
    elapsed = time.monotonic() - started
    err = proc.stderr.decode(errors="replace")
    report = err.strip().splitlines()[-1]
    assert report.startswith("rc=0 "), err[-3000:]
    items = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    return items, err, int(report.split("peak_kb=")[1]), elapsed


def test_hostile_feeds_beside_good_ones_in_one_round(tmp_path: Path) -> None:
    with feed_server() as server:
        routes = {**hostile_routes(), **good_routes()}
        server.routes.update(routes)
        config = tmp_path / "feeds.json"
        feeds = [
            {"name": path.strip("/").removesuffix(".xml"), "url": server.url(path)}
            for path in routes
        ]
        config.write_text(
            json.dumps(
                {"poller": {"timeout_seconds": 5, "parse_timeout_seconds": 20}, "feeds": feeds}
            ),
            encoding="utf-8",
        )
        state = tmp_path / "state.json"
        items, log, peak_kb, seconds = poll_round(config, state)

        print(f"\nhostile round: {seconds:.1f} s, peak RSS {peak_kb / 1024:.0f} MB")
        assert seconds < 60
        assert peak_kb < 600 * 1024
        by_source: dict[str, list[dict[str, Any]]] = {}
        for it in items:
            by_source.setdefault(it["source"], []).append(it)
        assert set(by_source) == {"good", "good-cp1256", "bad-bytes"}, log[-3000:]
        assert [i["title"] for i in by_source["good"]] == ["خبر 1", "خبر 2", "خبر 3"]
        assert [i["title"] for i in by_source["good-cp1256"]] == ["خبر 1", "خبر 2", "خبر 3"]
        # the good entries of the feed with one bad byte, exactly as written
        assert [i["body"] for i in by_source["bad-bytes"]] == [
            "خبر سليم أول عن قره باغ.",
            "خبر سليم ثالث عن لاتشين.",
        ]
        assert "invalid_bytes" in log
        for path in hostile_routes():
            name = path.strip("/").removesuffix(".xml")
            assert f"feed={name} status=" in log, path  # polled, and (above) nothing sent
            if name.startswith("bomb-") and name != "bomb-comment":
                assert f"feed={name} status=error error='the document declares XML entities" in log

        # The outlet fixes its feed: the held-back entry arrives, correct, once.
        server.routes["/bad-bytes.xml"].body = bad_byte_feed(fixed=True)
        again, _, _, _ = poll_round(config, state)
        assert [i["body"] for i in again] == ["خبر فيه قره بايت تالف."]
