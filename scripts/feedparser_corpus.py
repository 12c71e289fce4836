"""Run feedparser's own test corpus (from its source distribution on PyPI) through
the poller's parsing: every file must parse or be refused with a reason, none may
crash the parser or hang it.

    python scripts/feedparser_corpus.py            # fetches the sdist once (pip download)
    python scripts/feedparser_corpus.py --tests DIR --json

Prints counts (parsed, refused by reason, crashed), the slowest files and the
total time; exits non-zero if anything crashed or took longer than --budget.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import time
from collections import Counter
from pathlib import Path

from monitor.feeds.config import FeedSpec
from monitor.feeds.parse import FeedError, parse_feed

CACHE = Path.home() / ".cache" / "karabakh-monitor" / "feedparser-sdist"


def corpus_dir() -> Path:
    """feedparser's tests/ directory, from the sdist of the installed version."""
    import feedparser

    version = feedparser.__version__
    root = CACHE / f"feedparser-{version}"
    if not (root / "tests").is_dir():
        CACHE.mkdir(parents=True, exist_ok=True)
        spec = f"feedparser=={version}"
        pip = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps"]
        subprocess.run([*pip, "--no-binary", ":all:", spec, "-d", str(CACHE)], check=True)
        with tarfile.open(CACHE / f"feedparser-{version}.tar.gz") as tar:
            members = [m for m in tar.getmembers() if "/tests/" in m.name and m.isfile()]
            tar.extractall(CACHE, members=members, filter="data")
    return root / "tests"


def run(tests: Path, budget: float) -> dict[str, object]:
    files = sorted(
        p
        for p in tests.rglob("*")
        if p.is_file() and p.suffix in {".xml", ".gz", ".z", ".rdf", ".atom", ".rss"} | {""}
    )
    feed = FeedSpec(name="corpus", url="https://corpus.example/feed")
    outcomes: Counter[str] = Counter()
    refused: Counter[str] = Counter()
    crashed: list[str] = []
    slow: list[tuple[float, str]] = []
    items = 0
    started = time.monotonic()
    for path in files:
        data = path.read_bytes()
        t = time.monotonic()
        try:
            parsed = parse_feed(data, feed)
            outcomes["parsed"] += 1
            items += len(parsed.items)
        except FeedError as exc:
            outcomes["refused"] += 1
            refused[str(exc).split(":")[0][:60]] += 1
        except Exception as exc:  # noqa: BLE001 - what this script exists to find
            outcomes["crashed"] += 1
            crashed.append(f"{path.relative_to(tests)}: {type(exc).__name__}: {exc}"[:300])
        slow.append((time.monotonic() - t, str(path.relative_to(tests))))
    slow.sort(reverse=True)
    return {
        "files": len(files),
        "parsed": outcomes["parsed"],
        "refused": outcomes["refused"],
        "crashed": outcomes["crashed"],
        "items": items,
        "refused_by_reason": dict(refused.most_common()),
        "crashes": crashed,
        "slowest": [{"file": f, "seconds": round(s, 3)} for s, f in slow[:5]],
        "over_budget": [f for s, f in slow if s > budget],
        "seconds": round(time.monotonic() - started, 1),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", type=Path, help="feedparser's tests/ directory")
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per file at most")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    report = run(args.tests or corpus_dir(), args.budget)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(
            f"feedparser corpus: {report['files']} files, {report['parsed']} parsed "
            f"({report['items']} items), {report['refused']} refused, "
            f"{report['crashed']} crashed, {report['seconds']} s"
        )
        for reason, n in report["refused_by_reason"].items():  # type: ignore[attr-defined]
            print(f"  refused {n:5d}  {reason}")
        for row in report["slowest"]:  # type: ignore[attr-defined]
            print(f"  slowest {row['seconds']:6.3f} s  {row['file']}")
        for line in report["crashes"]:  # type: ignore[attr-defined]
            print(f"  CRASH {line}")
    return 1 if report["crashed"] or report["over_budget"] else 0


if __name__ == "__main__":
    sys.exit(main())
