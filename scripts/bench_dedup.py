"""Benchmark of the paragraph dedup index filled to its cap and past the wrap.

The real corpus in ../shared/data gives about 69,000 distinct paragraphs; to
fill a million, it is replayed in cycles, each with its article ids suffixed
and every word hash XOR-ed with a cycle constant, so a cycle's paragraphs are
new to the index while its copies of one another stay copies (the corpus's
duplicate structure is kept, cycle after cycle). Event times advance one
second an article, so nothing expires by age: the count cap is what wraps.

Prints, per implementation: bytes per remembered paragraph (tracemalloc) at
fill levels up to the cap and after the wrap, and the worst, p99 and p50 time
of one `check_article` call over the whole fill, in wall-clock and in
thread CPU time (timed in a separate pass without tracemalloc, which slows
allocation; on a shared machine the CPU time leaves out the scheduler's
pauses). `--baseline REV` also measures the index of another commit in the
same run, imported from a `git show` copy.

    python scripts/bench_dedup.py --baseline 369053c          # 1 M cap, ~15 min
    python scripts/bench_dedup.py --cap 200000 --json out.json
"""

from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

from monitor.analyzer import _dedup_words
from monitor.dedup.fingerprint import word_hashes
from monitor.document import Document

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
CORPUS = (
    "ant_multisource_2018-04.jsonl",
    "saudinewsnet_2015-08-10_11.jsonl",
    "focus_ceasefire_karabakh_extra.jsonl",
    "aljazeera_gaza_title_lede_2023-2025.jsonl",
)
T0 = 1_700_000_000.0

Article = tuple[str, str | None, list[bytes]]


def load(data: Path, files: tuple[str, ...] = CORPUS) -> list[Article]:
    """Each item's id, source and paragraph word hashes, as the analyzer makes them."""
    out: list[Article] = []
    for name in files:
        path = data / name
        if not path.exists():
            print(f"bench: {path} is missing, skipped", file=sys.stderr)
            continue
        with path.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if not line.strip():
                    continue
                item = json.loads(line)
                ident = str(item.get("id") or f"{name}:{n}")
                doc = Document.from_text(ident, item.get("title"), item["body"])
                words = [word_hashes(_dedup_words(a.normalized)) for a in doc.aligned]
                out.append((ident, item.get("source"), words))
    return out


def stream(corpus: list[Article], cycles: int) -> Iterator[Article]:
    """The corpus `cycles` times, each cycle's ids and words made new."""
    for cycle in range(cycles):
        flip = bytes(b ^ (cycle % 256) for b in range(256))
        for ident, source, words in corpus:
            yield f"{ident}#{cycle}", source, [w.translate(flip) for w in words]


def load_index_class(rev: str) -> type:
    """`ParagraphIndex` as of commit `rev`, with the table module of that commit."""
    tmp = Path(tempfile.mkdtemp(prefix="bench-dedup-"))
    modules: dict[str, ModuleType] = {}
    for name in ("table", "index"):
        source = subprocess.run(
            ["git", "-C", str(ROOT), "show", f"{rev}:monitor/dedup/{name}.py"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        source = source.replace(
            "from monitor.dedup.table import", "from bench_old_dedup_table import"
        )
        path = tmp / f"bench_old_dedup_{name}.py"
        path.write_text(source, encoding="utf-8")
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        modules[name] = module
    return modules["index"].ParagraphIndex  # type: ignore[no-any-return]


def run_memory(make: Callable[[], Any], articles: Iterator[Article], marks: list[int]) -> list:
    """Traced bytes per remembered paragraph each time the stored count passes a mark."""
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    index = make()
    points: list[dict[str, float]] = []
    stored = 0
    pending = sorted(marks)
    for at, (ident, source, words) in enumerate(articles):
        verdict = index.check_article(ident, source, words, T0 + at)
        stored += len(verdict.record.paragraphs)
        if pending and stored >= pending[0]:
            pending.pop(0)
            gc.collect()
            held = tracemalloc.get_traced_memory()[0] - base
            points.append(
                {
                    "stored": stored,
                    "remembered": len(index),
                    "bytes": held,
                    "bytes_per_paragraph": held / max(len(index), 1),
                }
            )
    peak = tracemalloc.get_traced_memory()[1] - base
    tracemalloc.stop()
    del index
    gc.collect()
    return [points, peak]


def run_latency(make: Callable[[], Any], articles: Iterator[Article], cap: int) -> dict:
    """Time of every check_article call, before the cap and after the wrap."""
    gc.collect()
    index = make()
    times: list[float] = []
    cpu_times: list[float] = []
    wrapped_from = None
    stored = 0
    clock, cpu_clock = time.perf_counter, time.thread_time
    started = clock()
    for at, (ident, source, words) in enumerate(articles):
        t, c = clock(), cpu_clock()
        verdict = index.check_article(ident, source, words, T0 + at)
        cpu_times.append(cpu_clock() - c)
        times.append(clock() - t)
        stored += len(verdict.record.paragraphs)
        if wrapped_from is None and stored > cap:
            wrapped_from = len(times)
    elapsed = clock() - started
    del index
    gc.collect()

    def summary(part: list[float]) -> dict[str, float]:
        if not part:
            return {}
        ordered = sorted(part)
        return {
            "calls": len(part),
            "max_ms": 1e3 * ordered[-1],
            "p99_ms": 1e3 * ordered[int(0.99 * (len(ordered) - 1))],
            "p50_ms": 1e3 * ordered[len(ordered) // 2],
            "over_50ms": sum(t > 0.05 for t in part),
        }

    split = wrapped_from or len(times)
    slow = [c for t, c in zip(times, cpu_times, strict=True) if t > 0.05]
    return {
        "articles_per_s": len(times) / elapsed,
        # What the calls over 50 ms of wall clock spent on the CPU themselves.
        "cpu_ms_of_calls_over_50ms_wall": sorted(round(1e3 * c, 2) for c in slow),
        "wall": {
            "all": summary(times),
            "before_cap": summary(times[:split]),
            "after_wrap": summary(times[split:]),
        },
        # CPU time of the thread: on a shared machine, free of the pauses
        # the scheduler adds while other processes run.
        "cpu": {
            "all": summary(cpu_times),
            "before_cap": summary(cpu_times[:split]),
            "after_wrap": summary(cpu_times[split:]),
        },
    }


def print_latency(lat: dict) -> None:
    print(f"  {lat['articles_per_s']:,.0f} articles/s over the whole fill")
    if lat["cpu_ms_of_calls_over_50ms_wall"]:
        print(
            "  CPU ms of the calls over 50 ms of wall clock: "
            + ", ".join(f"{c:.1f}" for c in lat["cpu_ms_of_calls_over_50ms_wall"])
        )
    for clock_name in ("wall", "cpu"):
        for part in ("before_cap", "after_wrap", "all"):
            s = lat[clock_name][part]
            if s:
                print(
                    f"  check_article {clock_name:<4} {part:<10}: max {s['max_ms']:7.1f} ms, "
                    f"p99 {s['p99_ms']:.2f} ms, p50 {s['p50_ms']:.3f} ms, "
                    f"{s['over_50ms']} calls over 50 ms of {s['calls']:,}"
                )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the corpus files")
    parser.add_argument("--cap", type=int, default=1_000_000, help="max_paragraphs")
    parser.add_argument(
        "--past", type=float, default=0.3, help="fill past the cap, as a share of it"
    )
    parser.add_argument("--baseline", metavar="REV", help="also measure the index of REV")
    parser.add_argument(
        "--files", nargs="+", default=list(CORPUS), help="corpus files to cycle (default: all)"
    )
    parser.add_argument("--skip-memory", action="store_true", help="latency pass only")
    parser.add_argument("--skip-latency", action="store_true", help="memory pass only")
    parser.add_argument("--json", type=Path, help="write the figures here as JSON")
    args = parser.parse_args()

    from monitor.dedup.index import DedupConfig, ParagraphIndex

    corpus = load(args.data, tuple(args.files))
    if not corpus:
        sys.exit(f"bench: no corpus found in {args.data}")
    # Distinct paragraphs a cycle adds, counted by the index itself.
    probe = ParagraphIndex(DedupConfig(max_paragraphs=10_000_000, max_bytes=1 << 30))
    per_cycle = sum(
        len(probe.check_article(i, s, w, T0 + n).record.paragraphs)
        for n, (i, s, w) in enumerate(corpus)
    )
    del probe
    target = int(args.cap * (1 + args.past))
    cycles = -(-target // per_cycle)
    marks = sorted({args.cap // 10, args.cap // 4, args.cap // 2, args.cap, target})
    print(
        f"corpus: {len(corpus):,} articles, {per_cycle:,} distinct paragraphs a cycle; "
        f"{cycles} cycles ({cycles * len(corpus):,} articles) to store {target:,} "
        f"paragraphs with a cap of {args.cap:,}"
    )

    implementations: dict[str, type] = {"this": ParagraphIndex}
    if args.baseline:
        implementations[f"baseline {args.baseline}"] = load_index_class(args.baseline)
    config = DedupConfig(max_paragraphs=args.cap)
    results: dict[str, Any] = {"cap": args.cap, "cycles": cycles, "implementations": {}}
    for name, cls in implementations.items():

        def make(cls: type = cls) -> Any:
            return cls(config)

        out: dict[str, Any] = {}
        print(f"\n== {name}")
        if not args.skip_latency:
            out["latency"] = run_latency(make, stream(corpus, cycles), args.cap)
            print_latency(out["latency"])
        if not args.skip_memory:
            points, peak = run_memory(make, stream(corpus, cycles), marks)
            out["memory"] = points
            out["traced_peak_bytes"] = peak
            for p in points:
                print(
                    f"  {p['stored']:>9,} stored, {p['remembered']:>9,} remembered: "
                    f"{p['bytes_per_paragraph']:5.0f} B per paragraph "
                    f"({p['bytes'] / 1e6:.0f} MB traced)"
                )
            print(f"  traced peak: {peak / 1e6:.0f} MB")
        results["implementations"][name] = out
    text = json.dumps(results, indent=1)
    print("\n" + text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
