"""End-to-end benchmark of the service on this machine, next to the servers' own figures.

    python scripts/bench_service.py [--items 10000] [--rate 0] [--keep]

Measures, in one run, against the local stack (`monitor stack up`):

1. the service: a `monitor run` worker fed a replay of N items (built at run time
   from ../shared/data/*.jsonl; nothing is copied into the repository) through
   news.raw; articles per second from the first produce to the last document
   searchable, and produce-to-searchable latency p50/p99 (a sample of ids polled
   in Elasticsearch without forcing a refresh, so the index refresh interval counts);
2. the core alone (`Analyzer`, no Kafka, no Elasticsearch) over the same items;
3. a plain `_bulk` of the same documents into an index with the same template;
4. Kafka's own perf tools from the broker's Maven artifacts
   (org.apache.kafka.tools.ProducerPerformance / ConsumerPerformance) with the
   same items as payload.

`--rate R` paces the replay at R items/s (0 = as fast as possible: the latency
then mostly measures queueing behind the burst). Topics and indices get a
unique prefix and are deleted afterwards unless --keep.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from monitor.settings import Settings  # noqa: E402

DATA = REPO.parent / "shared" / "data"
CORPORA = (
    "ant_multisource_2018-04.jsonl",
    "saudinewsnet_2015-08-10_11.jsonl",
    "focus_ceasefire_karabakh_extra.jsonl",
    "aljazeera_gaza_title_lede_2023-2025.jsonl",
)
SAMPLE_EVERY = 10


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


# --- input ------------------------------------------------------------------------------


def load_items(n: int) -> list[bytes]:
    lines: list[bytes] = []
    for name in CORPORA:
        path = DATA / name
        if not path.is_file():
            continue
        with open(path, "rb") as fh:
            for line in fh:
                line = line.strip()
                if line:
                    lines.append(line)
                if len(lines) >= n:
                    return lines
    if not lines:
        raise SystemExit(f"no corpus found in {DATA}")
    # Fewer than n: repeat with new ids (then the repeats are republications).
    out = list(lines)
    round_no = 1
    while len(out) < n:
        for line in lines:
            item = json.loads(line)
            item["id"] = f"{item['id']}#r{round_no}"
            out.append(json.dumps(item, ensure_ascii=False).encode())
            if len(out) >= n:
                break
        round_no += 1
    return out


def item_ids(lines: list[bytes], settings: Settings) -> list[str | None]:
    from monitor.items import ItemError, parse_item

    ids: list[str | None] = []
    for line in lines:
        try:
            ids.append(parse_item(line, settings.max_body_bytes).id)
        except ItemError:
            ids.append(None)
    return ids


# --- the service -----------------------------------------------------------------------------


async def produce_timed(settings: Settings, lines: list[bytes], rate: float) -> list[float]:
    """Send every line to news.raw; returns each line's send time (time.time())."""
    from aiokafka import AIOKafkaProducer

    from monitor.service.kafka import client_kwargs, ensure_topics, headers
    from monitor.service.produce import item_key

    await ensure_topics(settings)
    producer = AIOKafkaProducer(
        **client_kwargs(settings), acks="all", enable_idempotence=True, linger_ms=5
    )
    await producer.start()
    sent_at: list[float] = []
    topic = f"{settings.topic_prefix}news.raw"
    try:
        start = time.monotonic()
        futures = []
        for n, line in enumerate(lines):
            if rate > 0:
                wait = start + n / rate - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
            sent_at.append(time.time())
            futures.append(
                await producer.send(
                    topic,
                    value=line,
                    key=item_key(line, settings.max_body_bytes),
                    headers=headers("news-item"),
                )
            )
        await producer.flush()
        for fut in futures:
            await fut
    finally:
        await producer.stop()
    return sent_at


async def watch_searchable(
    settings: Settings, sample: set[str], expected: int, timeout: float
) -> tuple[dict[str, float], float]:
    """Poll Elasticsearch: when each sampled id became searchable, and when the
    alias first held `expected` documents."""
    from monitor.es.client import make_async_client
    from monitor.es.names import articles_alias

    client = make_async_client(settings)
    alias = articles_alias(settings)
    seen: dict[str, float] = {}
    all_at = 0.0
    pending = set(sample)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            now = time.time()
            chunk = list(pending)[:1000]
            if chunk:
                try:
                    resp = await client.search(
                        index=alias,
                        query={"ids": {"values": chunk}},
                        source=False,
                        size=len(chunk),
                    )
                    for hit in resp["hits"]["hits"]:
                        seen[hit["_id"]] = now
                        pending.discard(hit["_id"])
                except Exception:  # noqa: BLE001 - the alias may not exist yet
                    pass
            if not all_at:
                try:
                    count = (await client.count(index=alias))["count"]
                except Exception:  # noqa: BLE001
                    count = 0
                if count >= expected:
                    all_at = time.time()
            if all_at and not pending:
                break
            await asyncio.sleep(0.1)
    finally:
        await client.close()
    return seen, all_at


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


def run_service(
    settings: Settings, lines: list[bytes], rate: float, workdir: Path
) -> dict[str, Any]:
    from monitor.service.worker import WorkerProcess, worker_env

    ids = item_ids(lines, settings)
    valid = {i for i in ids if i is not None}
    sample = {i for n, i in enumerate(ids) if i is not None and n % SAMPLE_EVERY == 0}
    env = worker_env(
        {
            "MONITOR_TOPIC_PREFIX": settings.topic_prefix,
            "MONITOR_ES_INDEX_PREFIX": settings.es_index_prefix,
            "MONITOR_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
            "MONITOR_ES_URL": settings.es_url,
            "MONITOR_WEB_PORT": str(settings.web_port),
            "MONITOR_STATE_DIR": str(workdir / "state"),
            "MONITOR_LOG_LEVEL": "WARNING",
        }
    )
    worker = WorkerProcess(env, workdir / "worker.log", settings.web_host, settings.web_port)
    worker.start()
    try:
        worker.wait_ready(timeout=180)

        async def both() -> tuple[list[float], dict[str, float], float]:
            watch = asyncio.create_task(
                watch_searchable(settings, sample, len(valid), timeout=1800)
            )
            sent_at = await produce_timed(settings, lines, rate)
            seen, all_at = await watch
            return sent_at, seen, all_at

        sent_at, seen, all_at = asyncio.run(both())
        metrics = worker.metrics()
    finally:
        worker.stop()
    produced = {i: t for i, t in zip(ids, sent_at, strict=True) if i is not None}
    latencies = [seen[i] - produced[i] for i in sample if i in seen]
    elapsed = (all_at or time.time()) - sent_at[0]
    return {
        "items": len(lines),
        "valid": len(valid),
        "elapsed_s": elapsed,
        "articles_per_s": len(valid) / elapsed,
        "produce_s": sent_at[-1] - sent_at[0],
        "latency_p50_s": percentile(latencies, 50),
        "latency_p99_s": percentile(latencies, 99),
        "latency_mean_s": statistics.fmean(latencies) if latencies else float("nan"),
        "latency_samples": len(latencies),
        "complete": bool(all_at),
        "dead_letters": metrics.get("dead_letters", {}).get("total"),
    }


# --- the core alone and a plain _bulk ----------------------------------------------------------


def run_core_and_bulk(settings: Settings, lines: list[bytes]) -> dict[str, Any]:
    from elasticsearch.helpers import bulk

    from monitor.analyzer import Analyzer
    from monitor.es.client import make_client
    from monitor.es.documents import article_document
    from monitor.es.names import articles_alias
    from schemas.analysis import Analysis

    analyzer = Analyzer(settings)
    started = time.perf_counter()
    analyses = [
        a for a in (analyzer.analyze_raw(line) for line in lines) if isinstance(a, Analysis)
    ]
    core_s = time.perf_counter() - started
    docs = [article_document(a) for a in analyses]
    index = f"{articles_alias(settings)}-plain-bulk"  # matches the articles template
    client = make_client(settings)
    try:
        client.indices.create(index=index)
        actions = (
            {"_index": index, "_id": a.id, "_source": d}
            for a, d in zip(analyses, docs, strict=True)
        )
        started = time.perf_counter()
        ok, errors = bulk(client, actions, chunk_size=500, raise_on_error=False, refresh=False)
        client.indices.refresh(index=index)
        bulk_s = time.perf_counter() - started
        count = client.count(index=index)["count"]
    finally:
        client.close()
    payload = sum(len(json.dumps(d, ensure_ascii=False).encode()) for d in docs)
    return {
        "core_articles_per_s": len(analyses) / core_s,
        "bulk_docs_per_s": count / bulk_s,
        "bulk_docs": count,
        "bulk_errors": len(errors) if isinstance(errors, list) else errors,
        "bulk_mb_per_s": payload / 1e6 / bulk_s,
        "ok": ok,
    }


# --- Kafka's perf tools ---------------------------------------------------------------------------


def kafka_tools_classpath(settings: Settings) -> str:
    """The broker's jars plus the kafka-tools jar (fetched with Maven into the stack's
    cache: the broker classpath the stack assembles does not include the tools)."""
    from monitor.stack import versions
    from monitor.stack.fetch import run_maven
    from monitor.stack.layout import StackPaths

    paths = StackPaths.from_settings(settings)
    tools_dir = paths.state_dir / "dist" / f"kafka-tools-{versions.KAFKA_VERSION}"
    libs = tools_dir / "libs"
    if not (tools_dir / ".complete").is_file():
        note(f"fetching org.apache.kafka:kafka-tools:{versions.KAFKA_VERSION} (first run only)")
        tools_dir.mkdir(parents=True, exist_ok=True)
        # Only the tools jar: its other dependencies (argparse4j, jopt-simple,
        # jackson) are on the broker's classpath already, and its full transitive
        # closure (Connect, Jetty) does not all resolve from Maven Central.
        run_maven(
            [
                f"{versions.DEPENDENCY_PLUGIN}:copy",
                f"-Dartifact=org.apache.kafka:kafka-tools:{versions.KAFKA_VERSION}",
                f"-DoutputDirectory={libs}",
            ],
            paths=paths,
            workdir=tools_dir,
            what="kafka-tools",
        )
        (tools_dir / ".complete").write_text("ok\n")
    return f"{paths.kafka_libs}/*:{libs}/*"


def run_kafka_perf(settings: Settings, lines: list[bytes], workdir: Path) -> dict[str, Any]:
    from monitor.stack.process import find_java

    java = str(find_java().executable)
    cp = kafka_tools_classpath(settings)
    topic = f"{settings.topic_prefix}perf"
    payload = workdir / "payload.txt"
    # One record per line; the items' own newlines are escaped JSON, so lines are records.
    payload.write_bytes(b"\n".join(lines) + b"\n")
    records = max(len(lines), 50_000)
    prod = subprocess.run(
        [
            java, "-cp", cp, "org.apache.kafka.tools.ProducerPerformance",
            "--topic", topic,
            "--num-records", str(records),
            "--throughput", "-1",
            "--payload-file", str(payload),
            "--producer-props", f"bootstrap.servers={settings.kafka_bootstrap_servers}",
            "acks=all", "linger.ms=5",
        ],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    last = [line for line in prod.stdout.splitlines() if "records sent" in line]
    if prod.returncode != 0 or not last:
        raise RuntimeError(f"ProducerPerformance failed: {prod.stderr[-2000:]}")
    m = re.search(
        r"([\d.]+) records/sec \(([\d.]+) MB/sec\), ([\d.]+) ms avg latency.*?"
        r"(\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th",
        last[-1],
    )
    assert m, last[-1]
    cons = subprocess.run(
        [
            java, "-cp", cp, "org.apache.kafka.tools.ConsumerPerformance",
            "--bootstrap-server", settings.kafka_bootstrap_servers,
            "--topic", topic,
            "--num-records", str(records),
            "--timeout", "60000",
        ],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    rows = [line for line in cons.stdout.splitlines() if line and line[0].isdigit()]
    if cons.returncode != 0 or not rows:
        raise RuntimeError(
            f"ConsumerPerformance failed: {cons.stdout[-500:]} {cons.stderr[-2000:]}"
        )
    header_line = next(line for line in cons.stdout.splitlines() if "nMsg.sec" in line)
    header = [h.strip() for h in header_line.split(",")]
    values = dict(zip(header, (v.strip() for v in rows[-1].split(",")), strict=False))
    return {
        "records": records,
        "producer_records_per_s": float(m.group(1)),
        "producer_mb_per_s": float(m.group(2)),
        "producer_p50_ms": int(m.group(4)),
        "producer_p99_ms": int(m.group(6)),
        "consumer_records_per_s": float(values.get("nMsg.sec", "nan")),
        "consumer_mb_per_s": float(values.get("MB.sec", "nan")),
    }


# --- cleanup and report ---------------------------------------------------------------


def cleanup(settings: Settings) -> None:
    from monitor.es.client import delete_prefixed_indices
    from monitor.service.kafka import delete_prefixed_topics

    asyncio.run(delete_prefixed_topics(settings))
    delete_prefixed_indices(settings)


def report(service: dict[str, Any], base: dict[str, Any], kafka: dict[str, Any] | None) -> str:
    rate = service["articles_per_s"]
    rows = [
        ("service end to end (news.raw -> searchable)", f"{rate:,.0f} articles/s", ""),
        (
            "  produce-to-searchable latency",
            f"p50 {service['latency_p50_s']:.2f} s, p99 {service['latency_p99_s']:.2f} s",
            f"{service['latency_samples']} sampled ids",
        ),
        (
            "core alone (Analyzer, one process)",
            f"{base['core_articles_per_s']:,.0f} articles/s",
            f"service = {rate / base['core_articles_per_s']:.0%}",
        ),
        (
            "plain _bulk of the same documents",
            f"{base['bulk_docs_per_s']:,.0f} docs/s ({base['bulk_mb_per_s']:.1f} MB/s)",
            f"service = {rate / base['bulk_docs_per_s']:.0%}",
        ),
    ]
    if kafka:
        rows += [
            (
                "kafka ProducerPerformance (same payloads)",
                f"{kafka['producer_records_per_s']:,.0f} records/s "
                f"({kafka['producer_mb_per_s']:.1f} MB/s)",
                f"service = {rate / kafka['producer_records_per_s']:.1%}; "
                f"p50 {kafka['producer_p50_ms']} ms, p99 {kafka['producer_p99_ms']} ms",
            ),
            (
                "kafka ConsumerPerformance",
                f"{kafka['consumer_records_per_s']:,.0f} records/s "
                f"({kafka['consumer_mb_per_s']:.1f} MB/s)",
                f"service = {rate / kafka['consumer_records_per_s']:.1%}",
            ),
        ]
    width = max(len(r[0]) for r in rows)
    lines = [
        f"items {service['items']:,} ({service['valid']:,} valid), "
        f"replay produced in {service['produce_s']:.1f} s, all searchable after "
        f"{service['elapsed_s']:.1f} s, dead letters {service['dead_letters']}, "
        f"cpus {os.cpu_count()}",
    ]
    lines += [f"{a:<{width}}  {b:<38} {c}" for a, b, c in rows]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--rate", type=float, default=0.0, help="items/s; 0 = burst")
    parser.add_argument("--no-kafka-perf", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep topics and indices")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = parser.parse_args()

    from monitor import stack
    from monitor.service.worker import get_json

    base = Settings()
    stack.up(base)
    tag = uuid.uuid4().hex[:6]
    settings = base.model_copy(
        update={
            "kafka_bootstrap_servers": stack.resolve_kafka(base),
            "es_url": stack.resolve_es_url(base),
            "topic_prefix": f"bench-{tag}.",
            "es_index_prefix": f"bench-{tag}",
            "web_port": 6099,
        }
    )
    if get_json(f"http://{settings.web_host}:{settings.web_port}/health/")[0]:
        raise SystemExit(f"port {settings.web_port} is taken by another worker")
    lines = load_items(args.items)
    note(f"{len(lines)} items from {DATA}; prefix {settings.topic_prefix}")
    try:
        with tempfile.TemporaryDirectory(prefix="bench-service-") as tmp:
            workdir = Path(tmp)
            note("service: replaying through a `monitor run` worker ...")
            service = run_service(settings, lines, args.rate, workdir)
            note("core alone and plain _bulk ...")
            core = run_core_and_bulk(settings, lines)
            kafka = None
            if not args.no_kafka_perf:
                note("kafka perf tools ...")
                kafka = run_kafka_perf(settings, lines, workdir)
    finally:
        if not args.keep:
            cleanup(settings)
    print(report(service, core, kafka))
    if args.json:
        print(json.dumps({"service": service, "core_and_bulk": core, "kafka": kafka}, indent=2))


if __name__ == "__main__":
    main()
