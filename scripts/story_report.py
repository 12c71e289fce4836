"""Stories, alerts and independent sources per story, from `monitor analyze` over
each corpus in ../shared/data: what an archive replay says (issue 10).

    python scripts/story_report.py [--data ../shared/data] [--repo .] [--reorder S] [--json]

It runs `python -m monitor analyze FILE` in `--repo` (another checkout, e.g. an
older commit, to compare before and after) and reads its output: per corpus, the
items, the items published earlier than one already seen (out of order), the
stories that raised alerts, the alerts, and per story the largest number of
independent sources and of articles its alerts report.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"


def report(path: Path, repo: Path, reorder: float) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "monitor", "analyze", str(path), "--no-progress"]
    if reorder:
        cmd += ["--reorder", str(reorder)]
    started = time.perf_counter()
    out = subprocess.run(cmd, cwd=repo, capture_output=True, check=True).stdout
    seconds = time.perf_counter() - started
    items = late = alerts = 0
    newest = ""
    sources: dict[str, int] = defaultdict(int)
    articles: dict[str, int] = defaultdict(int)
    by_type: dict[str, int] = defaultdict(int)
    for line in out.splitlines():
        a = json.loads(line)
        if "error" in a:
            continue
        items += 1
        published = a.get("published_at") or ""
        if published and published < newest:
            late += 1
        newest = max(newest, published)
        for alert in a.get("alerts", []):
            alerts += 1
            by_type[alert["type"]] += 1
            story = alert["story_id"]
            sources[story] = max(sources[story], alert["independent_source_count"])
            articles[story] = max(articles[story], alert["article_count"])
    stories = len(sources)
    return {
        "file": path.name,
        "items": items,
        "out_of_order": late,
        "stories": stories,
        "alerts": alerts,
        "alerts_by_type": dict(by_type),
        "stories_with_2_plus_sources": sum(1 for n in sources.values() if n >= 2),
        "mean_sources_per_story": round(sum(sources.values()) / stories, 2) if stories else 0,
        "max_sources_per_story": max(sources.values(), default=0),
        "mean_articles_per_story": round(sum(articles.values()) / stories, 2) if stories else 0,
        "seconds": round(seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repo", type=Path, default=ROOT, help="the checkout to run")
    parser.add_argument("--reorder", type=float, default=0.0, help="monitor analyze --reorder")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()
    files = sorted(p for p in args.data.glob("*.jsonl") if not p.name.startswith("near_"))
    rows = [report(p, args.repo.resolve(), args.reorder) for p in files]
    print(
        f"{'corpus':42} {'items':>6} {'late':>5} {'stories':>7} {'alerts':>6} "
        f"{'2+src':>5} {'src/st':>6} {'max':>4} {'art/st':>6}"
    )
    for r in rows:
        print(
            f"{r['file']:42} {r['items']:>6} {r['out_of_order']:>5} {r['stories']:>7} "
            f"{r['alerts']:>6} {r['stories_with_2_plus_sources']:>5} "
            f"{r['mean_sources_per_story']:>6} {r['max_sources_per_story']:>4} "
            f"{r['mean_articles_per_story']:>6}"
        )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
