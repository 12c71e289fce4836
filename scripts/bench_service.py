"""End-to-end benchmark of the service on this machine, next to the servers' own figures.

    python scripts/bench_service.py [--items 3000] [--sweep-seconds 20] [--json]
        [--tune 0.5:1s,0.1:250ms] [--workers 2] [--no-kafka-perf] [--keep]

Measures, in one run, against the local stack (`monitor stack up`), every phase
with its own topics, indices and worker state (a unique prefix, deleted after
unless --keep):

1. the core alone (`Analyzer`, no Kafka, no Elasticsearch) over N items (built
   at run time from ../shared/data/*.jsonl; nothing is copied into the
   repository), which also says which article raises which alert;
2. a plain `_bulk` of the same documents into an index with the service's template;
3. the service's burst rate: one `monitor run` worker fed the N items at once
   through news.raw; articles per second from the first produce to the last
   document searchable, and the two stages' own rate (prepare, then the ordered
   stage: its `sequenced` count);
4. offered-rate sweeps at 25, 50 and 75 % of that burst rate, each on a fresh
   worker: produce->alert (an item produced until the alert it raises is read
   from its alert topic by a consumer in this script, matched by alert id) and
   produce->searchable (sampled ids polled in Elasticsearch without forcing a
   refresh, so the index refresh interval counts), p50 and p99; and the alert
   path hop by hop from the records' CreateTime (news.raw -> news.prepared ->
   news.enriched -> alert topic -> read), p50 and p99 of each (`hop_*` keys);
   `--fractions` picks the offered rates, `--burst-rate` fixes the rate they are
   fractions of (the same offered rates in runs that are compared);
5. the framework cost: a worker running the prepare and process agents alone
   (the alert and index agents removed; the items cross news.prepared) next to
   plain aiokafka loops doing the same work, same items: one on the same
   topology (news.raw -> `Preparer` -> news.prepared -> `Processor.
   handle_prepared`, in one loop: `framework_cost_same_topology`), and one
   calling `Processor.handle` (prepare and decide with no topic between them:
   `framework_cost`, faust and the hop together); both send the enriched
   message and the stored record to a changelog topic and commit offsets;
6. with --workers 2: the burst with two workers in one consumer group;
7. with --tune: for each flush:refresh pair (MONITOR_INDEX_FLUSH_SECONDS,
   MONITOR_ES_REFRESH_INTERVAL), the burst rate and the latencies at half of it;
8. Kafka's own perf tools from the broker's Maven artifacts
   (org.apache.kafka.tools.ProducerPerformance / ConsumerPerformance) with the
   same items as payload.

The machine is shared: compare figures of one run with each other.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
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
#: Every how many items one id is polled in Elasticsearch (burst / sweeps).
BURST_SAMPLE_EVERY = 10
SWEEP_SAMPLE_EVERY = 2
SWEEP_FRACTIONS = (0.25, 0.5, 0.75)
#: faust's default commit interval, used by the plain loop too.
COMMIT_SECONDS = 2.8
BASE_WEB_PORT = 6099


def note(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1))))
    return ordered[k]


# --- input ------------------------------------------------------------------------------


def load_items(n: int) -> list[bytes]:
    """The first n items of the corpora, in order (a sweep sends a prefix)."""
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


# --- one measured phase: its own prefix, its own workers -------------------------------------


def phase_settings(base: Settings, run_tag: str, label: str) -> Settings:
    return base.model_copy(
        update={
            "topic_prefix": f"bench-{run_tag}-{label}.",
            "es_index_prefix": f"bench-{run_tag}-{label}",
        }
    )


def cleanup(settings: Settings) -> None:
    from monitor.es.client import delete_prefixed_indices
    from monitor.service.kafka import delete_prefixed_topics

    asyncio.run(delete_prefixed_topics(settings))
    delete_prefixed_indices(settings)


class BenchWorker:
    """A worker child (`monitor run`, or this script's process-only faust worker)."""

    def __init__(self, settings: Settings, workdir: Path, n: int, env: Mapping[str, str]) -> None:
        from monitor.service.worker import WorkerProcess, monitor_argv, worker_env

        port = BASE_WEB_PORT + n
        self.env = worker_env(
            {
                "MONITOR_TOPIC_PREFIX": settings.topic_prefix,
                "MONITOR_ES_INDEX_PREFIX": settings.es_index_prefix,
                "MONITOR_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
                "MONITOR_ES_URL": settings.es_url,
                "MONITOR_WEB_PORT": str(port),
                "MONITOR_WORKER_ID": f"bench-{n + 1}",
                "MONITOR_STATE_DIR": str(workdir / f"state-{n}"),
                "MONITOR_LOG_LEVEL": "WARNING",
                **env,
            }
        )
        self.proc = WorkerProcess(self.env, workdir / f"worker-{n}.log", settings.web_host, port)
        self.argv = monitor_argv("run")

    def start(self) -> None:
        # WorkerProcess runs `monitor run`; the process-only worker is this script.
        self.proc.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.proc.log_file, "ab") as log:
            self.proc.proc = subprocess.Popen(
                self.argv,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env,
            )

    def assigned(self) -> int:
        body = self.proc.health()[1]
        return int(body.get("kafka_partitions_assigned", 0)) if isinstance(body, dict) else 0

    def handled(self) -> int:
        """Items through both stages: decided by the ordered stage (`sequenced`),
        or dead-lettered before it (stages parse and prepare)."""
        snap = self.proc.metrics()
        reasons = snap.get("dead_letters", {}).get("by_reason", {})
        early = sum(n for k, n in reasons.items() if k.startswith(("parse:", "prepare:")))
        return int(snap.get("counts", {}).get("sequenced", 0)) + int(early)


@contextmanager
def running_workers(
    settings: Settings,
    workdir: Path,
    count: int = 1,
    env: Mapping[str, str] | None = None,
    process_only: bool = False,
) -> Iterator[list[BenchWorker]]:
    """`count` workers of one consumer group, started and waited for until every
    one has partitions and the assignment has held still for 3 s (the
    process-only worker is not waited for: its rate is timed from its first item)."""
    workers = [BenchWorker(settings, workdir, n, env or {}) for n in range(count)]
    if process_only:
        for w in workers:
            w.argv = [sys.executable, str(Path(__file__).resolve()), "--faust-process-only"]
    try:
        for w in workers:
            w.start()
        if process_only:
            yield workers
            return
        for w in workers:
            w.proc.wait_ready(timeout=180, require_es=not process_only)
        deadline = time.monotonic() + 180
        last: tuple[int, ...] = ()
        since = time.monotonic()
        while time.monotonic() < deadline:
            now = tuple(w.assigned() for w in workers)
            if now != last:
                last, since = now, time.monotonic()
            elif all(now) and time.monotonic() - since >= 3.0:
                break
            time.sleep(0.3)
        else:
            raise TimeoutError(f"workers not assigned: {last}")
        yield workers
    finally:
        for w in workers:
            w.proc.stop()


async def produce_timed(
    settings: Settings,
    lines: list[bytes],
    rate: float,
    ids: list[str | None],
    produced: dict[str, float],
) -> list[float]:
    """Send every line to news.raw at `rate` items/s (0: at once); records each
    item's send time (time.time()) in `produced` as it goes."""
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
            now = time.time()
            sent_at.append(now)
            if ids[n] is not None:
                produced[ids[n]] = now  # type: ignore[index]
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
    settings: Settings,
    sample: set[str],
    produced: Mapping[str, float],
    expected: int,
    timeout: float,
) -> tuple[dict[str, float], float]:
    """Poll Elasticsearch: when each sampled id (once produced) became searchable,
    and when the alias first held `expected` documents."""
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
            chunk = [i for i in pending if i in produced][:1000]
            if chunk:
                try:
                    resp = await client.search(
                        index=alias, query={"ids": {"values": chunk}}, source=False, size=len(chunk)
                    )
                    for hit in resp["hits"]["hits"]:
                        seen[hit["_id"]] = now
                        pending.discard(hit["_id"])
                except Exception:  # noqa: BLE001 - the alias may not exist yet
                    pass
            if not all_at and len(produced) >= expected:
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


@dataclass
class AlertWatch:
    """Alerts read from the alert topics: alert id -> (evidence articles, time
    received, the alert record's CreateTime in seconds)."""

    received: dict[str, tuple[list[str], float, float]] = field(default_factory=dict)
    ready: asyncio.Event = field(default_factory=asyncio.Event)
    stop_at: float = float("inf")


async def collect_alerts(settings: Settings, watch: AlertWatch, expected: set[str]) -> None:
    """Read both alert topics from their start until every expected alert id came
    or `watch.stop_at` (monotonic) passed; the receive time is the alert's arrival."""
    from aiokafka import AIOKafkaConsumer, TopicPartition

    from monitor.service.kafka import client_kwargs, ensure_topics
    from monitor.service.names import TopicNames

    await ensure_topics(settings)
    consumer = AIOKafkaConsumer(
        **client_kwargs(settings), enable_auto_commit=False, fetch_max_wait_ms=50
    )
    await consumer.start()
    try:
        await consumer._client.force_metadata_update()
        tps = [
            TopicPartition(topic, p)
            for topic in TopicNames.from_settings(settings).alert_topics()
            for p in sorted(consumer.partitions_for_topic(topic) or ())
        ]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        watch.ready.set()
        while time.monotonic() < watch.stop_at and not expected <= watch.received.keys():
            batch = await consumer.getmany(timeout_ms=100)
            now = time.time()
            for records in batch.values():
                for r in records:
                    try:
                        alert = json.loads(r.value or b"null")
                        articles = [e["article"] for e in alert.get("evidence") or ()]
                        watch.received[alert["alert_id"]] = (articles, now, r.timestamp / 1000)
                    except (ValueError, KeyError, TypeError):
                        continue
    finally:
        watch.ready.set()
        await consumer.stop()


async def watch_received(workers: list[BenchWorker], n: int, timeout: float) -> tuple[float, float]:
    """(first, last): when the workers' two stages had handled their first and
    all `n` items (their /metrics `sequenced` and early dead letters, polled
    every 0.1 s)."""
    first = 0.0
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        counts = await asyncio.gather(*(asyncio.to_thread(w.handled) for w in workers))
        now = time.time()
        total = sum(counts)
        if total and not first:
            first = now
        if total >= n:
            return first, now
        await asyncio.sleep(0.1)
    return first, float("nan")


#: The hops of an alert's path, each from one record's CreateTime (set by its
#: producer at send) to the next one's: the produce into news.raw, the prepare
#: agent's send to news.prepared, the process agent's send to news.enriched, the
#: alert agent's send to the alert topic, and this script's consumer reading it.
HOPS = (
    ("raw_prepared", "news.raw -> news.prepared (prepare agent)"),
    ("prepared_enriched", "news.prepared -> news.enriched (process agent)"),
    ("enriched_alert", "news.enriched -> alert topic (alert agent)"),
    ("alert_received", "alert topic -> read by a consumer"),
)


def create_times(settings: Settings) -> dict[str, dict[str, float]]:
    """Topic (raw, prepared, enriched) -> article id -> the CreateTime (seconds) of
    its first record there: every record of the three topics read back."""
    from monitor.service.consume import read_topics
    from monitor.service.names import TopicNames

    names = TopicNames.from_settings(settings)
    topics = {names.raw: "raw", names.prepared: "prepared", names.enriched: "enriched"}
    records = asyncio.run(read_topics(settings, list(topics), idle_seconds=0.5, max_seconds=120))
    out: dict[str, dict[str, float]] = {label: {} for label in topics.values()}
    for r in records:
        if r.key is not None:
            out[topics[r.topic]].setdefault(r.key.decode(errors="replace"), r.timestamp_ms / 1000)
    return out


def hop_figures(
    alerts: Mapping[str, tuple[str, float, float]], times: Mapping[str, Mapping[str, float]]
) -> dict[str, Any]:
    """p50/p99 of each hop of the alerts' path (alert id -> (source article, time
    received, alert CreateTime)), and of the first two hops over every article."""
    hops: dict[str, list[float]] = {name: [] for name, _ in HOPS}
    raw, prepared, enriched = times["raw"], times["prepared"], times["enriched"]
    for article, received, created in alerts.values():
        if article in raw and article in prepared and article in enriched:
            hops["raw_prepared"].append(prepared[article] - raw[article])
            hops["prepared_enriched"].append(enriched[article] - prepared[article])
            hops["enriched_alert"].append(created - enriched[article])
            hops["alert_received"].append(received - created)
    out: dict[str, Any] = {}
    for name, values in hops.items():
        out[f"hop_{name}_p50_s"] = percentile(values, 50)
        out[f"hop_{name}_p99_s"] = percentile(values, 99)
    every_raw = [prepared[a] - raw[a] for a in prepared if a in raw]
    every_prepared = [enriched[a] - prepared[a] for a in enriched if a in prepared]
    out["hop_samples"] = len(hops["raw_prepared"])
    out["all_articles_raw_prepared_p50_s"] = percentile(every_raw, 50)
    out["all_articles_raw_prepared_p99_s"] = percentile(every_raw, 99)
    out["all_articles_prepared_enriched_p50_s"] = percentile(every_prepared, 50)
    out["all_articles_prepared_enriched_p99_s"] = percentile(every_prepared, 99)
    return out


def alerts_in_sequence(settings: Settings, lines: list[bytes]) -> set[str]:
    """The alert ids of the offline core run over `lines` in the order the
    service's sequencer took them (read back from news.prepared)."""
    from tests.integration.helpers import expected_analyses, in_sequence

    analyses = expected_analyses(settings, in_sequence(settings, lines))
    return {alert.alert_id for analysis in analyses for alert in analysis.alerts}


def run_phase(
    settings: Settings,
    lines: list[bytes],
    rate: float,
    workdir: Path,
    alert_of: Mapping[str, str],
    *,
    workers: int = 1,
    env: Mapping[str, str] | None = None,
    sample_every: int = BURST_SAMPLE_EVERY,
) -> dict[str, Any]:
    """Start the workers, send `lines` at `rate` (0: at once), measure."""
    ids = item_ids(lines, settings)
    valid = {i for i in ids if i is not None}
    sample = {i for n, i in enumerate(ids) if i is not None and n % sample_every == 0}
    expected = {a for a, article in alert_of.items() if article in valid}
    produced: dict[str, float] = {}
    with running_workers(settings, workdir, workers, env) as procs:

        async def drive() -> tuple[list[float], dict[str, float], float, AlertWatch, float]:
            alerts = AlertWatch()
            alert_task = asyncio.create_task(collect_alerts(settings, alerts, expected))
            await alerts.ready.wait()
            watch = asyncio.create_task(
                watch_searchable(settings, sample, produced, len(valid), timeout=900)
            )
            received = asyncio.create_task(watch_received(procs, len(lines), timeout=900))
            sent_at = await produce_timed(settings, lines, rate, ids, produced)
            seen, all_at = await watch
            _, processed_at = await received
            alerts.stop_at = time.monotonic() + 10.0  # late or unexpected alerts
            await alert_task
            return sent_at, seen, all_at, alerts, processed_at

        sent_at, seen, all_at, alerts, processed_at = asyncio.run(drive())
        metrics = [w.proc.metrics() for w in procs]
    times = create_times(settings)
    in_sequence_ids = alerts_in_sequence(settings, lines) if all_at else None
    searchable = [seen[i] - produced[i] for i in sample if i in seen]
    alert_lat = []
    unmatched = 0
    sources: dict[str, tuple[str, float, float]] = {}
    for alert_id, (articles, at, created) in alerts.received.items():
        # The article the core says raised it, else the latest one of its evidence.
        source = alert_of.get(alert_id) or max(
            (a for a in articles if a in produced), key=produced.__getitem__, default=None
        )
        if source is not None and source in produced:
            alert_lat.append(at - produced[source])
            sources[alert_id] = (source, at, created)
        else:
            unmatched += 1
    elapsed = (all_at or float("nan")) - sent_at[0]
    return {
        "workers": workers,
        "items": len(lines),
        "valid": len(valid),
        "offered_per_s": rate or None,
        "produced_per_s": len(lines) / max(sent_at[-1] - sent_at[0], 1e-9),
        "elapsed_s": elapsed,
        "articles_per_s": len(valid) / elapsed,
        "process_stage_articles_per_s": len(lines) / (processed_at - sent_at[0]),
        "searchable_p50_s": percentile(searchable, 50),
        "searchable_p99_s": percentile(searchable, 99),
        "searchable_max_s": max(searchable, default=float("nan")),
        "searchable_samples": len(searchable),
        "alert_p50_s": percentile(alert_lat, 50),
        "alert_p99_s": percentile(alert_lat, 99),
        "alert_max_s": max(alert_lat, default=float("nan")),
        "alerts": len(alerts.received),
        "alerts_expected": len(expected),
        "alerts_unmatched": unmatched,
        # Against the offline core run in the order the sequencer took the items
        # (news.prepared): the alerts the service owes. `alerts_expected` is the
        # file's order, which differs between copies on different partitions.
        "alerts_expected_in_sequence": (None if in_sequence_ids is None else len(in_sequence_ids)),
        "alerts_missing_in_sequence": (
            None if in_sequence_ids is None else len(in_sequence_ids - alerts.received.keys())
        ),
        "alerts_extra_in_sequence": (
            None if in_sequence_ids is None else len(alerts.received.keys() - in_sequence_ids)
        ),
        "complete": bool(all_at),
        "dead_letters": sum(m.get("dead_letters", {}).get("total", 0) for m in metrics),
        "load_average": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        # The longest pause of the workers' collector steps (agents/collector.py).
        "gc_step_max_ms": max(
            (m.get("gc", {}).get("step_max_ms", 0.0) for m in metrics), default=0.0
        ),
        "gc_full_steps": sum(m.get("gc", {}).get("full_steps", 0) for m in metrics),
        "gc_full_step_max_ms": max(
            (m.get("gc", {}).get("full_step_max_ms", 0.0) for m in metrics), default=0.0
        ),
        **hop_figures(sources, times),
    }


# --- the process stage: faust agent alone vs a plain aiokafka loop -----------------------------


def faust_process_only() -> None:
    """Child entry point: the service's faust app with only its process agent
    (the alert and index agents removed), run like `monitor run`."""
    from agents.app import make_app, run_worker
    from monitor.service.kafka import ensure_topics
    from monitor.service.logs import setup_logging

    settings = Settings()
    setup_logging(settings.log_format, settings.log_level)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(ensure_topics(settings))
    app, _ = make_app(settings)
    for name in ("alerts", "index"):
        del app.agents[name]
    run_worker(app, loop, settings)


async def plain_process_loop(
    settings: Settings, n: int, split: bool = False
) -> tuple[float, float]:
    """The two stages' work without faust: consume news.raw, send the enriched value or
    the dead letter, write the stored record to a changelog topic (what the process
    agent's table write does), commit every COMMIT_SECONDS after a flush.

    split=False: prepare and decide in one call (`Processor.handle`), no topic
    between them. split=True: the service's topology, in one loop: news.raw
    through `Preparer` (the prepare agent's calls) to news.prepared, and
    news.prepared through `Processor.handle_prepared` (the process agent's).
    Returns (first message received, last one handled and committed), time.time()."""
    from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
    from aiokafka.admin import AIOKafkaAdminClient, NewTopic

    from monitor.service.deadletter import Origin
    from monitor.service.kafka import client_kwargs, ensure_topics, headers
    from monitor.service.names import TopicNames
    from monitor.service.prepare import Preparer
    from monitor.service.process import Outcome, Processor
    from schemas.deadletter import DeadLetter

    names = TopicNames.from_settings(settings)
    changelog = f"{settings.topic_prefix}plain-processed-changelog"
    await ensure_topics(settings)
    admin = AIOKafkaAdminClient(**client_kwargs(settings))
    await admin.start()
    try:  # like the table's changelog: one partition, as news.prepared
        await admin.create_topics([NewTopic(changelog, 1, settings.topic_replication)])
    finally:
        await admin.close()
    processor = Processor(settings)
    preparer = Preparer(settings)
    table: dict[str, Any] = {}
    consumer = AIOKafkaConsumer(
        *((names.raw, names.prepared) if split else (names.raw,)),
        **client_kwargs(settings),
        group_id=f"{settings.topic_prefix}plain-process",
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    producer = AIOKafkaProducer(**client_kwargs(settings), acks="all")

    async def dead_letter(dead: DeadLetter) -> None:
        await producer.send(
            names.deadletter,
            key=(dead.item_id or "").encode(),
            value=dead.model_dump_json().encode(),
            headers=headers("deadletter", stage=dead.stage),
        )

    async def decided(outcome: Outcome) -> None:
        if outcome.dead is not None:
            await dead_letter(outcome.dead)
        elif outcome.analysis is not None and outcome.value is not None:
            await producer.send(
                names.enriched,
                key=outcome.analysis.id.encode(),
                value=outcome.value,
                headers=headers("analysis"),
            )
        if outcome.analysis is not None and outcome.stored is not None:
            table[outcome.analysis.id] = outcome.stored
            await producer.send(
                changelog,
                key=json.dumps(outcome.analysis.id).encode(),
                value=json.dumps(
                    outcome.stored, ensure_ascii=False, separators=(",", ":")
                ).encode(),
            )

    await consumer.start()
    await producer.start()
    handled = 0
    first = 0.0
    try:
        last_commit = time.monotonic()
        while handled < n:
            batch = await consumer.getmany(timeout_ms=100)
            for records in batch.values():
                if not first:
                    first = time.time()
                for r in records:
                    origin = Origin(r.topic, r.partition, r.offset, r.key, r.timestamp / 1000)
                    if not split:
                        await decided(processor.handle(r.value, origin, table.get))
                        handled += 1
                    elif r.topic == names.prepared:
                        await decided(processor.handle_prepared(r.value, origin, table.get))
                        handled += 1
                    else:
                        prepared = preparer.handle(r.value, origin)
                        value, dead = None, prepared.dead
                        if prepared.prepared is not None:
                            value, dead = preparer.message(prepared, r.value, origin)
                        if dead is not None:
                            await dead_letter(dead)
                            handled += 1  # never reaches the ordered stage
                        elif value is not None and prepared.prepared is not None:
                            await producer.send(
                                names.prepared,
                                key=(prepared.prepared.item.id or "").encode(),
                                value=value,
                                headers=headers("prepared"),
                            )
            if time.monotonic() - last_commit >= COMMIT_SECONDS or handled >= n:
                await producer.flush()
                await consumer.commit()
                last_commit = time.monotonic()
        return first, time.time()
    finally:
        await producer.stop()
        await consumer.stop()


def run_process_stage(
    base: Settings, run_tag: str, lines: list[bytes], workdir: Path, keep: bool
) -> dict[str, Any]:
    """Both on a news.raw filled beforehand: rate from the first item received to
    the last one handled."""
    ids = item_ids(lines, base)
    out: dict[str, Any] = {"items": len(lines)}
    for label in ("faust", "plain", "plain_split"):
        settings = phase_settings(base, run_tag, f"ps{label.replace('_', '')}")
        try:
            asyncio.run(produce_timed(settings, lines, 0, ids, {}))
            if label == "faust":
                with running_workers(settings, workdir / label, process_only=True) as procs:
                    first, last = asyncio.run(watch_received(procs, len(lines), timeout=900))
            else:
                first, last = asyncio.run(
                    plain_process_loop(settings, len(lines), split=label == "plain_split")
                )
            out[f"{label}_articles_per_s"] = len(lines) / (last - first)
        finally:
            if not keep:
                cleanup(settings)
    # Against the one-call loop: faust and the hop through news.prepared together.
    out["framework_cost"] = out["plain_articles_per_s"] / out["faust_articles_per_s"]
    # Against the plain loop on the same topology: what faust alone costs.
    out["framework_cost_same_topology"] = (
        out["plain_split_articles_per_s"] / out["faust_articles_per_s"]
    )
    return out


# --- the core alone and a plain _bulk ----------------------------------------------------------


def run_core(settings: Settings, lines: list[bytes]) -> tuple[dict[str, Any], list[Any]]:
    """The core's rate, and the analyses (with the alerts each article raises)."""
    from monitor.analyzer import Analyzer
    from schemas.analysis import Analysis

    analyzer = Analyzer(settings)
    started = time.perf_counter()
    analyses = [
        a for a in (analyzer.analyze_raw(line) for line in lines) if isinstance(a, Analysis)
    ]
    core_s = time.perf_counter() - started
    return {"core_articles_per_s": len(analyses) / core_s}, analyses


def run_bulk(settings: Settings, analyses: list[Any]) -> dict[str, Any]:
    """A plain `_bulk` of the same article documents, into an index made by the
    service's own template, refreshed at the end."""
    from elasticsearch.helpers import bulk

    from monitor.es.client import make_client
    from monitor.es.documents import article_document
    from monitor.es.names import articles_alias
    from monitor.es.setup import ensure_setup

    docs = [article_document(a) for a in analyses]
    index = f"{articles_alias(settings)}-plain-bulk"  # matches the articles template
    client = make_client(settings)
    try:
        ensure_setup(client, settings)
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


# --- report ---------------------------------------------------------------------------


def _s(value: float | None) -> str:
    return "-" if value is None or value != value else f"{value:.2f} s"


def _latency(run: Mapping[str, Any]) -> str:
    return (
        f"alert p50 {_s(run['alert_p50_s'])} p99 {_s(run['alert_p99_s'])}; "
        f"searchable p50 {_s(run['searchable_p50_s'])} p99 {_s(run['searchable_p99_s'])}"
    )


def _hops(run: Mapping[str, Any]) -> str:
    """The alert path's hops, p50 / p99 in milliseconds."""
    parts = []
    for name, _ in HOPS:
        p50, p99 = run.get(f"hop_{name}_p50_s"), run.get(f"hop_{name}_p99_s")
        if p50 is None or p50 != p50:
            return "-"
        parts.append(f"{name.replace('_', '->')} {p50 * 1000:.0f}/{p99 * 1000:.0f}")
    return "hops p50/p99 ms: " + ", ".join(parts)


def report(fig: Mapping[str, Any]) -> str:
    burst = fig["service"]["burst"]
    rate = burst["articles_per_s"]
    core, bulk, kafka = fig["core"], fig["bulk"], fig["kafka"]
    rows: list[tuple[str, str, str]] = [
        (
            "service burst (news.raw -> searchable), 1 worker",
            f"{rate:,.0f} articles/s",
            f"process stage {burst['process_stage_articles_per_s']:,.0f}/s; {_latency(burst)}",
        ),
    ]
    for sweep in fig["service"]["sweeps"]:
        rows.append(
            (
                f"  offered {sweep['fraction']:.0%} of burst ({sweep['offered_per_s']:,.0f}/s)",
                _latency(sweep),
                f"{sweep['alerts']} alerts, {sweep['searchable_samples']} ids polled, "
                f"{sweep['items']} items, load {sweep['load_average']}",
            )
        )
        rows.append(("", "", _hops(sweep)))
    two = fig["service"].get("two_workers")
    if two:
        rows.append(
            (
                "service burst, 2 workers",
                f"{two['articles_per_s']:,.0f} articles/s",
                f"x{two['articles_per_s'] / rate:.2f} of 1 worker (measured before it: "
                f"{fig['service']['one_worker_again']['articles_per_s']:,.0f}/s)",
            )
        )
    ps = fig.get("process_stage")
    if ps:
        rows.append(
            (
                "both stages: faust agents / plain aiokafka, same topology",
                f"{ps['faust_articles_per_s']:,.0f} / {ps['plain_split_articles_per_s']:,.0f} /s",
                f"framework cost x{ps['framework_cost_same_topology']:.2f}",
            )
        )
        rows.append(
            (
                "  plain aiokafka, both stages in one call (no news.prepared)",
                f"{ps['plain_articles_per_s']:,.0f} /s",
                f"faust and the hop together x{ps['framework_cost']:.2f}",
            )
        )
    for t in fig.get("tuning", []):
        rows.append(
            (
                f"flush {t['flush_seconds']} s, refresh {t['refresh_interval']}",
                f"burst {t['burst']['articles_per_s']:,.0f} articles/s",
                f"at {t['half']['offered_per_s']:,.0f}/s: {_latency(t['half'])}",
            )
        )
        rows.append(("", "", _hops(t["half"])))
    rows += [
        (
            "core alone (Analyzer, one process)",
            f"{core['core_articles_per_s']:,.0f} articles/s",
            f"service = {rate / core['core_articles_per_s']:.0%}",
        ),
        (
            "plain _bulk of the same documents",
            f"{bulk['bulk_docs_per_s']:,.0f} docs/s ({bulk['bulk_mb_per_s']:.1f} MB/s)",
            f"service = {rate / bulk['bulk_docs_per_s']:.2f} x _bulk",
        ),
    ]
    if kafka:
        rows += [
            (
                "kafka ProducerPerformance (same payloads)",
                f"{kafka['producer_records_per_s']:,.0f} records/s "
                f"({kafka['producer_mb_per_s']:.1f} MB/s)",
                f"p50 {kafka['producer_p50_ms']} ms, p99 {kafka['producer_p99_ms']} ms",
            ),
            (
                "kafka ConsumerPerformance",
                f"{kafka['consumer_records_per_s']:,.0f} records/s "
                f"({kafka['consumer_mb_per_s']:.1f} MB/s)",
                "",
            ),
        ]
    width = max(len(r[0]) for r in rows)
    mid = max(len(r[1]) for r in rows)
    head = (
        f"items {burst['items']:,} ({burst['valid']:,} valid), cpus {os.cpu_count()}, "
        f"load average {fig['load_average']}, burst all searchable after "
        f"{burst['elapsed_s']:.1f} s, dead letters {burst['dead_letters']}"
    )
    return "\n".join([head] + [f"{a:<{width}}  {b:<{mid}}  {c}" for a, b, c in rows])


# --- main ------------------------------------------------------------------------------


def parse_tune(text: str) -> list[tuple[float, str]]:
    out = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        flush, _, refresh = part.partition(":")
        out.append((float(flush), refresh or "1s"))
    return out


def parse_fractions(text: str) -> tuple[float, ...]:
    return tuple(float(p) for p in text.split(",") if p.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--items", type=int, default=3000, help="items of the burst")
    parser.add_argument(
        "--sweep-seconds", type=float, default=20.0, help="how long each offered rate lasts"
    )
    parser.add_argument("--workers", type=int, choices=(1, 2), default=2,
                        help="2: also the burst with two workers")  # fmt: skip
    parser.add_argument("--tune", type=parse_tune, default=[],
                        help="flush:refresh pairs to compare, e.g. 0.5:1s,0.1:250ms")  # fmt: skip
    parser.add_argument("--no-sweeps", action="store_true", help="the burst without the sweeps")
    parser.add_argument("--fractions", type=parse_fractions, default=SWEEP_FRACTIONS,
                        help="offered rates of the sweeps, as fractions of the burst rate "
                        "(default 0.25,0.5,0.75)")  # fmt: skip
    parser.add_argument("--burst-rate", type=float, default=None,
                        help="take this as the burst rate (articles/s) for the sweeps "
                        "instead of the measured one: the same offered rates in "
                        "runs compared with each other")  # fmt: skip
    parser.add_argument("--no-process-stage", action="store_true")
    parser.add_argument("--no-kafka-perf", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep topics and indices")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--faust-process-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.faust_process_only:
        faust_process_only()
        return

    from monitor import stack
    from monitor.service.worker import get_json

    base = Settings()
    stack.up(base)
    base = base.model_copy(
        update={
            "kafka_bootstrap_servers": stack.resolve_kafka(base),
            "es_url": stack.resolve_es_url(base),
        }
    )
    for port in (BASE_WEB_PORT, BASE_WEB_PORT + 1):
        if get_json(f"http://{base.web_host}:{port}/health/")[0]:
            raise SystemExit(f"port {port} is taken by another worker")
    run_tag = uuid.uuid4().hex[:6]
    lines = load_items(args.items)
    note(f"{len(lines)} items from {DATA}; prefix bench-{run_tag}-*")
    fig: dict[str, Any] = {"cpus": os.cpu_count(), "service": {}}

    def phase(label: str, run: Callable[[Settings, Path], dict[str, Any]]) -> dict[str, Any]:
        settings = phase_settings(base, run_tag, label)
        note(f"  {label} ...")
        try:
            with tempfile.TemporaryDirectory(prefix=f"bench-{label}-") as tmp:
                out = run(settings, Path(tmp))
        finally:
            if not args.keep:
                cleanup(settings)
        note(f"  {label}: {json.dumps(out)}")
        return out

    started = time.monotonic()
    note("core alone and plain _bulk ...")
    fig["core"], analyses = run_core(base, lines)
    alert_of = {al.alert_id: a.id for a in analyses for al in a.alerts}
    fig["bulk"] = phase("bulk", lambda s, _: run_bulk(s, analyses))

    note("service: the burst, then the offered-rate sweeps ...")
    burst = phase("burst", lambda s, d: run_phase(s, lines, 0, d, alert_of))
    fig["service"]["burst"] = burst
    fig["service"]["sweeps"] = []
    for fraction in () if args.no_sweeps else args.fractions:
        rate = fraction * (args.burst_rate or burst["articles_per_s"])
        n = min(len(lines), max(200, round(rate * args.sweep_seconds)))
        sweep = phase(
            f"s{round(fraction * 100)}",
            lambda s, d, rate=rate, n=n: run_phase(  # type: ignore[misc]
                s, lines[:n], rate, d, alert_of, sample_every=SWEEP_SAMPLE_EVERY
            ),
        )
        sweep["fraction"] = fraction
        fig["service"]["sweeps"].append(sweep)

    if args.workers == 2:
        note("service: two workers, and one again right before for comparison ...")
        fig["service"]["one_worker_again"] = phase(
            "w1", lambda s, d: run_phase(s, lines, 0, d, alert_of)
        )
        fig["service"]["two_workers"] = phase(
            "w2", lambda s, d: run_phase(s, lines, 0, d, alert_of, workers=2)
        )

    if not args.no_process_stage:
        note("process stage: faust agent alone vs a plain aiokafka loop ...")
        with tempfile.TemporaryDirectory(prefix="bench-ps-") as tmp:
            fig["process_stage"] = run_process_stage(base, run_tag, lines, Path(tmp), args.keep)

    fig["tuning"] = []
    for n_conf, (flush, refresh) in enumerate(args.tune):
        env = {"MONITOR_INDEX_FLUSH_SECONDS": str(flush), "MONITOR_ES_REFRESH_INTERVAL": refresh}
        note(f"tuning: flush {flush} s, refresh {refresh} ...")
        t_burst = phase(f"t{n_conf}b", lambda s, d, env=env: run_phase(  # type: ignore[misc]
            s, lines, 0, d, alert_of, env=env))  # fmt: skip
        rate = 0.5 * t_burst["articles_per_s"]
        n = min(len(lines), max(200, round(rate * args.sweep_seconds)))
        half = phase(f"t{n_conf}h", lambda s, d, env=env, rate=rate, n=n: run_phase(  # type: ignore[misc]
            s, lines[:n], rate, d, alert_of, env=env, sample_every=SWEEP_SAMPLE_EVERY))  # fmt: skip
        fig["tuning"].append(
            {"flush_seconds": flush, "refresh_interval": refresh, "burst": t_burst, "half": half}
        )

    fig["kafka"] = None
    if not args.no_kafka_perf:
        note("kafka perf tools ...")
        fig["kafka"] = phase("kafka", lambda s, d: run_kafka_perf(s, lines, d))

    # The figures the issue names, at the top level of the JSON.
    half = next((s for s in fig["service"]["sweeps"] if s["fraction"] == 0.5), {})
    fig["service_articles_per_s"] = burst["articles_per_s"]
    fig["bulk_docs_per_s"] = fig["bulk"]["bulk_docs_per_s"]
    fig["service_over_bulk"] = burst["articles_per_s"] / fig["bulk"]["bulk_docs_per_s"]
    fig["half_saturation_alert_p99_s"] = half.get("alert_p99_s")
    fig["half_saturation_searchable_p99_s"] = half.get("searchable_p99_s")
    fig["load_average"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    fig["run_seconds"] = time.monotonic() - started
    print(report(fig))
    if args.json:
        print(json.dumps(fig, indent=2))


if __name__ == "__main__":
    main()
