"""The two stages of the service apart, and what the message between them costs.

    python scripts/bench_stages.py [--limit N]

Over the corpus of `scripts/bench_core.py` (../shared/data, built at run time),
in one process: per article, the CPU of `Analyzer.prepare` (the stateless stage,
which spreads over workers), of `Analyzer.decide` (the ordered stage, on one
worker), and of the hop between them: `to_message` on the preparing worker
and `from_message` on the ordered one (JSON, base64 word hashes, the body split
again). Also the message's size next to the news.raw line's. No Kafka.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_core import load  # this directory: the same corpus as bench_core

from monitor.analyzer import Analyzer, gc_for_stream
from monitor.items import ItemError, parse_item
from monitor.service.prepare import from_message, item_digest, to_message


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="at most N items")
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    lines = load(args.data, args.limit)
    analyzer = Analyzer()
    spent = dict.fromkeys(("parse", "prepare", "to_message", "from_message", "decide"), 0.0)
    raw_bytes = message_bytes = n = 0
    with gc_for_stream():
        for number, raw in enumerate(lines, 1):
            t0 = time.process_time()
            try:
                item = parse_item(raw, analyzer.settings.max_body_bytes)
            except ItemError:
                continue
            t1 = time.process_time()
            prepared = analyzer.prepare(item)
            t2 = time.process_time()
            value = to_message(prepared, item_digest(item))
            t3 = time.process_time()
            again, _ = from_message(value)
            t4 = time.process_time()
            analyzer.decide(again, 1_700_000_000.0 + number)
            t5 = time.process_time()
            for stage, a, b in zip(spent, (t0, t1, t2, t3, t4), (t1, t2, t3, t4, t5), strict=True):
                spent[stage] += b - a
            raw_bytes += len(raw)
            message_bytes += len(value)
            n += 1
    print(f"items: {n:,}; CPU per article (µs):")
    for stage, seconds in spent.items():
        print(f"  {stage:<13} {1e6 * seconds / n:8.1f}")
    hop = spent["to_message"] + spent["from_message"]
    ordered = spent["from_message"] + spent["decide"]
    print(f"  the hop (to + from message): {1e6 * hop / n:.1f} µs an article")
    print(
        f"  ordered stage (from_message + decide): {1e6 * ordered / n:.1f} µs an article, "
        f"{n / ordered:,.0f} articles/s on one core"
    )
    print(
        f"message size: {message_bytes / n:,.0f} B an article on average, "
        f"{message_bytes / raw_bytes:.2f} x the news.raw line ({raw_bytes / n:,.0f} B)"
    )


if __name__ == "__main__":
    main()
