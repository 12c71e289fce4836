#!/usr/bin/env python3
"""Detection quality on the gold rounds, side by side with the keyword baseline.

    python scripts/detection_report.py                 # the rounds in monitor/evaluation/gold
    python scripts/detection_report.py GOLD.jsonl …    # other gold files
    python scripts/detection_report.py --json out.json

For each gold file, the project analyses the items (`monitor eval`'s replay)
and the keyword baseline of ../shared/bench/baseline.py runs on the same items
in a subprocess (it is read from there, never copied); both outputs are scored
by the same scorer. A round missing the baseline (no ../shared) still prints
the project's figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from monitor.evaluation.gold import GOLD_DIR, analyse_cases, load_gold, read_analyses  # noqa: E402
from monitor.evaluation.score import FIELDS, Report, score  # noqa: E402

BASELINE = ROOT.parent / "shared" / "bench" / "baseline.py"


def baseline_report(gold: Path, baseline: Path = BASELINE) -> Report | None:
    if not baseline.exists():
        return None
    cases = load_gold(gold)
    with tempfile.TemporaryDirectory() as tmp:
        items = Path(tmp) / "items.jsonl"
        items.write_text(
            "".join(json.dumps(c.item, ensure_ascii=False) + "\n" for c in cases), encoding="utf-8"
        )
        out = subprocess.run(
            [sys.executable, str(baseline), str(items)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return score(cases, read_analyses(out.splitlines()))


def project_report(gold: Path) -> Report:
    cases = load_gold(gold)
    return score(cases, {str(a["id"]): a for a in analyse_cases(cases) if "error" not in a})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("gold", nargs="*", type=Path, help="gold files (default: the shipped rounds)")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument(
        "--baseline", type=Path, default=BASELINE, help="the keyword baseline (%(default)s)"
    )
    args = ap.parse_args()
    golds = args.gold or sorted(GOLD_DIR.glob("*.jsonl"))
    result: dict[str, Any] = {}
    for gold in golds:
        mine = project_report(gold)
        base = baseline_report(gold, args.baseline)
        result[gold.stem] = {
            "items": mine.items,
            "project": mine.values(),
            "baseline": base.values() if base else None,
        }
        print(f"\n{gold.stem} ({mine.items} items)")
        print(f"  {'field':<20} {'project':>8} {'baseline':>9}")
        for name in FIELDS:
            if name not in mine.values():
                continue
            b = f"{base.values().get(name, 0.0):9.3f}" if base else f"{'—':>9}"
            print(f"  {name:<20} {mine.values()[name]:8.3f} {b}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
