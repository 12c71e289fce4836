"""Run the capability suite and print the pass rate per capability.

    python scripts/capability_report.py [--seed N] [--only PREFIX] [--examples 2] [--json PATH]

Prints one row per capability (cases, passed, rate, its floor from
floors.json, and the perturbation tags that fail most), then a few failing
examples with expected and observed output. `--json PATH` writes the full
results. A report, not a gate: it exits 0 whatever the rates
(tests/capabilities/test_capabilities.py holds the floors).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from monitor.evaluation.capabilities.generator import DEFAULT_SEED
from monitor.evaluation.capabilities.run import FLOORS_PATH, load_floors, summary, timed_run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--only", help="capabilities whose name starts with this")
    parser.add_argument("--examples", type=int, default=2, help="failing examples per capability")
    parser.add_argument("--json", type=Path, help="write the results as JSON here")
    args = parser.parse_args()

    results, seconds = timed_run(args.seed, args.only)
    floors = load_floors() if FLOORS_PATH.exists() else {}
    print(
        f"{'capability':42} {'cases':>5} {'passed':>6} {'rate':>6} {'floor':>6}  most failing tags"
    )
    for r in results:
        floor = floors.get(r.name)
        tags = ", ".join(
            f"{t}:{k}" for t, k in sorted(r.failed_by_tag.items(), key=lambda x: -x[1])[:3]
        )
        floor_text = "-" if floor is None else f"{floor:.2f}"
        below = " BELOW FLOOR" if floor is not None and r.rate < floor else ""
        print(f"{r.name:42} {r.cases:5} {r.passed:6} {r.rate:6.1%} {floor_text:>6}  {tags}{below}")
    total = summary(results)
    rate = f"{total['rate']:.1%}"
    print(f"\n{total['cases']} cases, {total['passed']} passed ({rate}) in {seconds:.1f} s")
    for area, counts in total["areas"].items():
        print(f"  {area:12} {counts['passed']}/{counts['cases']}")

    if args.examples:
        print("\nFailing examples")
        for r in results:
            for f in r.failures[: args.examples]:
                print(f"- [{r.name}] {f['text']}")
                print(f"    expected {json.dumps(f['expected'], ensure_ascii=False)}")
                print(f"    got      {json.dumps(f['got'], ensure_ascii=False)}")

    if args.json:
        payload = {
            "seed": args.seed,
            "summary": total,
            "capabilities": [r.as_dict() for r in results],
        }
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2), encoding="utf-8")
        print(f"\nwrote {args.json}")


if __name__ == "__main__":
    main()
