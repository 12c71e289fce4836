"""Run the Analyzer over the shared corpus and report what the detectors flag.

    python scripts/detect_report.py [--data ../shared/data] [--sample 15] [--seed 7]

Prints, per file: items, items flagged Karabakh-related, with a non-historical
ceasefire statement, with casualty figures, and alerts; then every item with a
Karabakh mention (id, related, score, mentions); then a seeded random sample of
ceasefire statements and casualty figures with their sentences, for a reader
to check by eye; and the throughput of the whole Analyzer.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from monitor.analyzer import Analyzer
from schemas.analysis import Analysis

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    files = sorted(p for p in args.data.glob("*.jsonl") if not p.name.startswith("near_"))
    if not files:
        raise SystemExit(f"no *.jsonl under {args.data}")
    rng = random.Random(args.seed)
    karabakh_hits: list[tuple[str, Analysis]] = []
    statements: list[tuple[str, str, str, bool, str]] = []
    figures: list[tuple[str, str]] = []
    total_items = 0
    total_time = 0.0
    print(
        f"{'file':45} {'items':>6} {'karabakh':>8} {'ceasefire':>9} {'casualty':>8} {'alerts':>6}"
    )
    for path in files:
        analyzer = Analyzer()  # one stream per file, as a service would see it
        items = kb = cf = cas = alerts = 0
        lines = path.read_bytes().splitlines()
        started = time.perf_counter()
        results = [analyzer.analyze_raw(line, n + 1) for n, line in enumerate(lines)]
        total_time += time.perf_counter() - started
        for a in results:
            if not isinstance(a, Analysis):
                continue
            items += 1
            kb += a.karabakh.related
            cf += a.ceasefire.detected
            cas += bool(a.casualties)
            alerts += len(a.alerts)
            if a.karabakh.mentions:
                karabakh_hits.append((path.name, a))
            for s in a.ceasefire.statements:
                statements.append((a.id, s.status, s.trigger, s.historical, s.sentence))
            for f in a.casualties:
                text = a.body if f.paragraph is not None else a.title or ""
                flags = (" cumulative" if f.cumulative else "") + (
                    " HISTORICAL" if f.historical else ""
                )
                desc = (
                    f"{f.kind} count={f.count} {f.qualifier} by={f.attributed_to!r}{flags}"
                    f" [{text[f.start : f.end]}]"
                )
                figures.append((f"{a.id}: {desc}", f.sentence))
        total_items += items
        print(f"{path.name:45} {items:6} {kb:8} {cf:9} {cas:8} {alerts:6}")
    print(
        f"\n{total_items} items in {total_time:.1f} s: "
        f"{total_items / total_time:,.0f} items/s (whole Analyzer, one core)"
    )

    print("\n== every item with a Karabakh mention ==")
    for name, a in karabakh_hits:
        print(
            f"{a.id} ({name}) related={a.karabakh.related} score={a.karabakh.score} "
            f"mentions={json.dumps(a.karabakh.mentions, ensure_ascii=False)}"
        )

    print(f"\n== sample of {args.sample} ceasefire statements (of {len(statements)}) ==")
    for sid, status, trigger, hist, sentence in rng.sample(
        statements, min(args.sample, len(statements))
    ):
        print(f"- {sid} {status}{' (historical)' if hist else ''} [{trigger}]\n    {sentence}")

    print(f"\n== sample of {args.sample} casualty figures (of {len(figures)}) ==")
    for desc, sentence in rng.sample(figures, min(args.sample, len(figures))):
        print(f"- {desc}\n    {sentence}")


if __name__ == "__main__":
    main()
