"""Benchmark of the processing core over the real corpus in ../shared/data.

Prints articles per second, MB per second, time per stage, peak memory and
bytes of dedup state per remembered paragraph; with --peer, also `monitor
analyze` and the datasketch peer of ../shared/bench/ run as commands on the
same corpus, alternately, in the same run. Run on demand:

    python scripts/bench_core.py                # every corpus file
    python scripts/bench_core.py --limit 5000   # a quicker look
    python scripts/bench_core.py --peer 5       # and 5 rounds of the CLI vs the peer

Figures vary with the machine; the README records a run and its command.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from monitor.analyzer import Analyzer, gc_for_stream
from monitor.dedup.fingerprint import paragraph_words
from monitor.dedup.index import ParagraphIndex
from monitor.document import Document
from schemas.analysis import Analysis

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PEER = DATA.parent / "bench" / "peer_datasketch.py"
CORPUS = (
    "ant_multisource_2018-04.jsonl",
    "saudinewsnet_2015-08-10_11.jsonl",
    "focus_ceasefire_karabakh_extra.jsonl",
    "aljazeera_gaza_title_lede_2023-2025.jsonl",
)


def load(data: Path, limit: int | None) -> list[bytes]:
    lines: list[bytes] = []
    for name in CORPUS:
        path = data / name
        if not path.exists():
            print(f"bench: {path} is missing, skipped", file=sys.stderr)
            continue
        with path.open("rb") as fh:
            lines.extend(line.rstrip(b"\n") for line in fh if line.strip())
    return lines[:limit] if limit else lines


def bench_pipeline(lines: list[bytes]) -> Analyzer:
    analyzer = Analyzer()
    timings = analyzer.enable_timings()
    timings["serialize"] = 0.0
    errors = 0
    with gc_for_stream():  # as `monitor analyze` runs
        started = time.perf_counter()
        cpu_started = time.process_time()
        for number, raw in enumerate(lines, 1):
            result = analyzer.analyze_raw(raw, line=number, now=1_700_000_000.0 + number)
            t = time.perf_counter()
            result.model_dump_json()
            timings["serialize"] += time.perf_counter() - t
            errors += not isinstance(result, Analysis)
        elapsed = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    size_mb = sum(len(line) + 1 for line in lines) / 1e6
    n = len(lines)
    print(f"items: {n:,} ({size_mb:.1f} MB), errors: {errors}")
    print(
        f"throughput: {n / elapsed:,.0f} articles/s, {size_mb / elapsed:.2f} MB/s, "
        f"{elapsed:.2f} s in all (wall clock, one process, one core)"
    )
    # CPU time is what one core spent; on a busy machine it is the steadier figure.
    print(
        f"            {n / cpu:,.0f} articles/s, {size_mb / cpu:.2f} MB/s per CPU-second "
        f"({cpu:.2f} s of CPU)"
    )
    print("time per stage (µs per article, share of total):")
    for stage, seconds in timings.items():
        print(f"  {stage:<12} {1e6 * seconds / n:8.1f} µs  {100 * seconds / elapsed:5.1f} %")
    other = elapsed - sum(timings.values())
    print(f"  {'(other)':<12} {1e6 * other / n:8.1f} µs  {100 * other / elapsed:5.1f} %")
    return analyzer


def bench_state_memory(lines: list[bytes]) -> None:
    """Bytes of dedup state per remembered paragraph, measured with tracemalloc."""
    prepared = []
    for raw in lines:
        item = json.loads(raw)
        doc = Document.from_text(item.get("id", ""), None, item["body"])
        prepared.append(
            (
                item.get("id", ""),
                item.get("source"),
                [paragraph_words(p.text) for p in doc.paragraphs],
            )
        )
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    index = ParagraphIndex()
    for number, (article, source, words) in enumerate(prepared):
        index.check_article(article, source, words, 1_700_000_000.0 + number)
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    held = after - before
    print(
        f"dedup state: {len(index):,} paragraphs remembered from "
        f"{sum(len(w) for _, _, w in prepared):,}, {index.article_count:,} articles"
    )
    print(
        f"  {held / max(len(index), 1):.0f} bytes per remembered paragraph "
        f"(tracemalloc, {held / 1e6:.1f} MB in all; estimate from sizes: "
        f"{index.memory_bytes() / max(len(index), 1):.0f})"
    )


def _run(command: list[str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system) of one command, output discarded."""
    started = time.perf_counter()
    with subprocess.Popen(command, stdout=subprocess.DEVNULL) as proc:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if proc.returncode:
        sys.exit(f"bench: {' '.join(command)} failed with status {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def _peer_version(python: str) -> str:
    probe = "import importlib.metadata as m; print(m.version('datasketch'))"
    done = subprocess.run([python, "-c", probe], capture_output=True, text=True, check=False)
    if done.returncode:
        sys.exit(f"bench: the peer needs datasketch in {python} (pip install datasketch)")
    return done.stdout.strip()


def bench_against_peer(lines: list[bytes], rounds: int, peer: Path, peer_python: str) -> None:
    """`monitor analyze` and the peer, each a whole command (start-up, reading,
    writing JSON lines included), alternately on the same file: the machine's
    load at any moment weighs on both, so their ratio is steadier than either."""
    version = _peer_version(peer_python)
    n = len(lines)
    with tempfile.NamedTemporaryFile(suffix=".jsonl") as corpus:
        corpus.write(b"\n".join(lines) + b"\n")
        corpus.flush()
        ours = [sys.executable, "-m", "monitor", "analyze", "--no-progress", corpus.name]
        theirs = [peer_python, str(peer), corpus.name]
        runs: dict[str, list[tuple[float, float]]] = {"monitor analyze": [], "peer": []}
        for _ in range(rounds):
            runs["monitor analyze"].append(_run(ours))
            runs["peer"].append(_run(theirs))
    print(f"monitor analyze vs the peer ({peer.name}, datasketch {version}), {n:,} items,")
    print(f"  {rounds} alternate runs each, medians (articles per second):")
    for name, results in runs.items():
        wall = statistics.median(w for w, _ in results)
        cpu = statistics.median(c for _, c in results)
        print(f"  {name:<16} {n / wall:8,.0f} wall clock  {n / cpu:8,.0f} per CPU-second")
    ratios_wall = [p[0] / o[0] for o, p in zip(runs["monitor analyze"], runs["peer"], strict=True)]
    ratios_cpu = [p[1] / o[1] for o, p in zip(runs["monitor analyze"], runs["peer"], strict=True)]
    print(
        f"  ratio, monitor analyze / peer: {statistics.median(ratios_wall):.2f}x wall clock, "
        f"{statistics.median(ratios_cpu):.2f}x CPU (median of the rounds; range "
        f"{min(ratios_cpu):.2f}-{max(ratios_cpu):.2f}x CPU)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the corpus files")
    parser.add_argument("--limit", type=int, default=None, help="first N items only")
    parser.add_argument(
        "--peer",
        type=int,
        default=0,
        metavar="ROUNDS",
        help="also run `monitor analyze` and the datasketch peer ROUNDS times each, alternately",
    )
    parser.add_argument(
        "--peer-script", type=Path, default=PEER, help="the peer's script (%(default)s)"
    )
    parser.add_argument(
        "--peer-python",
        default=sys.executable,
        help="the interpreter that runs the peer, with datasketch installed (this one)",
    )
    args = parser.parse_args()
    lines = load(args.data, args.limit)
    if not lines:
        sys.exit(f"bench: no corpus found in {args.data}")
    if args.peer:
        if not args.peer_script.exists():
            sys.exit(f"bench: the peer {args.peer_script} is missing")
        bench_against_peer(lines, args.peer, args.peer_script, args.peer_python)
    bench_pipeline(lines)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (max RSS of the process so far): {peak:.0f} MB")
    bench_state_memory(lines)


if __name__ == "__main__":
    main()
