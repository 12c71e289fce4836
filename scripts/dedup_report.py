"""How paragraph deduplication fares on the real corpus in ../shared/data.

For each corpus file, the items are fed in publication order through the same
core as `monitor analyze`, and the report prints how many paragraphs and
articles are flagged as duplicates, how the flags agree with the independently
derived `near_duplicate_pairs.jsonl`, and a sample of flagged pairs to check by
eye (near, not exact, repeats first: those are the ones worth reading).

    python scripts/dedup_report.py [--sample 8] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter, defaultdict
from pathlib import Path

from monitor.analyzer import Analyzer
from monitor.text.normalize import normalize, tokens
from schemas.analysis import Analysis

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
FILES = (
    "ant_multisource_2018-04.jsonl",
    "saudinewsnet_2015-08-10_11.jsonl",
    "aljazeera_gaza_title_lede_2023-2025.jsonl",
)


def short(text: str, width: int = 150) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def run_file(path: Path, pairs: list[dict], sample: int, rng: random.Random) -> None:
    items = [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]
    items.sort(key=lambda d: (d.get("published_at") or "", d["id"]))
    analyzer = Analyzer()
    texts: dict[tuple[str, int], str] = {}
    refs: dict[str, set[str]] = defaultdict(set)
    order: dict[str, int] = {}
    counts: Counter[str] = Counter()
    flagged: list[tuple[str, str, str, str]] = []
    for position, item in enumerate(items):
        result = analyzer.analyze_raw(json.dumps(item, ensure_ascii=False))
        assert isinstance(result, Analysis), result
        order[result.id] = position
        counts["articles"] += 1
        counts["paragraphs"] += len(result.paragraphs)
        inner = cross = 0
        for p in result.paragraphs:
            texts[(result.id, p.index)] = p.text
            dup = p.duplicate_of
            if dup is None:
                continue
            if dup.article == result.id:
                inner += 1
            else:
                cross += 1
                refs[result.id].add(dup.article)
            original = texts.get((dup.article, dup.paragraph), "")
            flagged.append((result.id, p.text, dup.article, original))
        counts["duplicate paragraphs (same article)"] += inner
        counts["duplicate paragraphs (earlier article)"] += cross
        counts["articles with a duplicate paragraph"] += bool(inner or cross)
        counts["articles marked as republications"] += result.republication_of is not None
    print(f"\n== {path.name}")
    for key, value in counts.items():
        share = (
            f" ({100 * value / counts['paragraphs']:.1f} % of paragraphs)"
            if "paragraphs (" in key
            else ""
        )
        print(f"  {key}: {value:,}{share}")

    agreed = 0
    for pair in pairs:
        a, b = pair["id_a"], pair["id_b"]
        if a not in order or b not in order:
            continue
        first, later = (a, b) if order[a] < order[b] else (b, a)
        if first in refs[later] or refs[first] & refs[later]:
            agreed += 1
    print(
        f"  near_duplicate_pairs.jsonl lists {len(pairs):,} pairs for this file; "
        f"in {agreed:,} ({100 * agreed / max(len(pairs), 1):.0f} %) the later article has "
        "paragraphs flagged as copies of the earlier one (or of the same first source)"
    )

    near = [f for f in flagged if tokens(normalize(f[1])) != tokens(normalize(f[3]))]
    print(f"  flagged paragraphs that are near, not exact, repeats: {len(near):,}")
    print(f"  sample of {min(sample, len(near))} near repeats (copy, then original):")
    for article, text, original_article, original in rng.sample(near, min(sample, len(near))):
        print(f"   - {article}: {short(text)}")
        print(f"     {original_article}: {short(original)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sample", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    by_file: dict[str, list[dict]] = defaultdict(list)
    pairs_path = args.data / "near_duplicate_pairs.jsonl"
    if pairs_path.exists():
        for line in pairs_path.open(encoding="utf-8"):
            pair = json.loads(line)
            by_file[pair["file"]].append(pair)
    for name in FILES:
        path = args.data / name
        if path.exists():
            run_file(path, by_file[name], args.sample, rng)


if __name__ == "__main__":
    main()
