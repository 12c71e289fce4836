"""`monitor demo`: the whole service on a fresh machine, in one command.

Brings the local stack up, starts the worker (`monitor run`) in a child
process, sends the seed article, a republished copy of it under another
source and the sample feed, then prints the alerts from the alert topics and
a search result from Elasticsearch, and stops the worker. The stack stays up.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

import click

from monitor.cli.settings import with_local_stack
from monitor.settings import Settings

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "watanalyoum-karabakh-ceasefire-2023.txt"
SEED_META = SEED.with_suffix(".json")
FEEDS = REPO / "seeds" / "feeds.toml"
SEED_ID = "watanalyoum-karabakh-ceasefire-2023"
COPY_ID = "demo-republished-karabakh-ceasefire-2023"
QUERIES = ("قرة باغ", "ناغورنو")


def _step(text: str) -> None:
    click.secho(f"\n== {text}", bold=True, err=True)


def seed_meta() -> dict[str, Any]:
    """The seed article's item fields kept beside its text (source, date, title)."""
    meta = json.loads(SEED_META.read_text(encoding="utf-8"))
    return {k: v for k, v in meta.items() if k != "note" and v is not None}


def seed_items(seed_text: str) -> list[dict[str, Any]]:
    """The seed article and a copy of it republished by another outlet."""
    lines = [line for line in seed_text.splitlines() if line.strip()]
    body = "\n".join(lines)
    seed = {**seed_meta(), "id": SEED_ID, "body": body}
    copy = {
        "id": COPY_ID,
        "source": "demo-republisher",
        "title": lines[0][:120] if lines else None,
        "published_at": seed.get("published_at"),
        "body": body,
        "language": "ar",
    }
    return [seed, copy]


@click.command()
@click.option("--timeout", type=float, default=180.0, show_default=True, help="Per step.")
@click.option(
    "--keep-worker", is_flag=True, help="Leave the worker running (stop it with Ctrl-C or kill)."
)
def demo(timeout: float, keep_worker: bool) -> None:
    """Run everything once: stack up, worker, seed article, republished copy, sample
    feed; print the alerts and a search result.

    The local stack stays up afterwards (`monitor stack down` stops it); try
    `monitor tail alerts.casualties --from-beginning --timeout 3` and
    `monitor search "قره باغ"` next.
    """
    from monitor import stack
    from monitor.service.worker import WorkerProcess, get_json, worker_env

    base = Settings()
    started = time.time()

    _step("1/6 local stack (Kafka + Elasticsearch): monitor stack up")
    try:
        stack.up(base, timeout=timeout)
    except stack.StackError as exc:
        raise click.ClickException(str(exc)) from None
    # Read after `up`: the record now holds the addresses the nodes listen on.
    settings = with_local_stack(base)
    click.echo(
        f"kafka {settings.kafka_bootstrap_servers}, elasticsearch {settings.es_url}", err=True
    )

    _step("2/6 worker: monitor run")
    log_file = Path(settings.state_dir).expanduser() / "demo" / "worker.log"
    worker = WorkerProcess(worker_env({}), log_file, settings.web_host, settings.web_port)
    status, _ = get_json(worker.base_url + "/health/")
    own_worker = status == 0
    if own_worker:
        worker.start()
        click.echo(
            f"started (pid {worker.proc.pid if worker.proc else '?'}), log {log_file}", err=True
        )
    else:
        click.echo(f"a worker already answers on {worker.base_url}; using it", err=True)
    try:
        if own_worker:
            worker.wait_ready(timeout=timeout)
        before = worker.metrics().get("counts", {})
        _run_pipeline(settings, worker, before, started, timeout)
    finally:
        if own_worker and not keep_worker:
            _step("6/6 stopping the worker (SIGTERM)")
            code = worker.stop()
            click.echo(f"worker exited with status {code}", err=True)
    click.secho(
        "\nThe stack is still running: `monitor stack down` stops it. "
        "Start the service with `monitor run`.",
        err=True,
    )


def _run_pipeline(
    settings: Settings, worker: Any, before: dict[str, int], started: float, timeout: float
) -> None:
    from monitor.cli.kafka_tools import produce_lines

    _step("3/6 sending the seed article and a republished copy to news.raw")
    items = seed_items(SEED.read_text(encoding="utf-8"))
    lines = [(i, json.dumps(it, ensure_ascii=False).encode()) for i, it in enumerate(items, 1)]
    sent = 0
    for n, line in enumerate(lines, start=1):
        # One by one: the copy is a copy because the seed was sequenced first
        # (news.raw has several partitions; news.prepared's order is "first seen").
        sent += asyncio.run(produce_lines(settings, [line]))
        _wait_sequenced(worker, before.get("sequenced", 0) + n, timeout)
    seed = items[0]
    click.echo(
        f"sent {sent}: {SEED_ID} ({seed.get('source')}, published {seed.get('published_at')}),"
        f" {COPY_ID} (demo-republisher)",
        err=True,
    )

    _step(f"4/6 sample feed ({FEEDS.name}): monitor feeds --once")
    sent += _send_feed(settings)
    snap = worker.wait_idle(before.get("received", 0) + sent, timeout=timeout)
    _wait_searchable(settings, [SEED_ID, COPY_ID], timeout)
    counts = snap.get("counts", {})
    click.echo(
        f"worker: received {counts.get('received', 0)}, enriched {counts.get('enriched', 0)}, "
        f"seen before {counts.get('replayed', 0)}, indexed {counts.get('indexed', 0)}, "
        f"dead letters {counts.get('dead_letters', 0)}",
        err=True,
    )
    seen = counts.get("replayed", 0) - before.get("replayed", 0)
    if seen:
        click.secho(
            f"{seen} of the {sent} items were seen before (same id, same text): the service "
            "analyses an item once, so they raise no new alert. The alerts below are the ones "
            "they raised the first time.",
            err=True,
        )

    _step("5/6 results")
    _print_alerts(settings, started)
    _print_search(settings)


def _wait_sequenced(worker: Any, count: int, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while worker.metrics().get("counts", {}).get("sequenced", 0) < count:
        if time.monotonic() > deadline:
            raise click.ClickException(f"the worker did not take the item in {timeout:.0f} s")
        time.sleep(0.05)


def _send_feed(settings: Settings) -> int:
    """Poll the sample feed list once into news.raw; returns how many items were new."""
    try:
        from monitor.feeds.config import load_config
        from monitor.feeds.poller import FeedPoller
        from monitor.feeds.sink import KafkaSink
    except ImportError:
        click.echo("the feed poller is not available in this version: skipping the feed", err=True)
        return 0
    if not FEEDS.is_file():
        click.echo(f"no sample feed list at {FEEDS}: skipping the feed", err=True)
        return 0

    state = (
        Path(settings.state_dir).expanduser()
        / "demo"
        / f"feeds-state-{settings.topic_prefix or 'default'}.json"
    )

    async def poll() -> int:
        sink = KafkaSink(settings)
        await sink.start()
        poller = FeedPoller(
            load_config(FEEDS),
            sink,
            state_path=state,
            max_body_bytes=settings.max_body_bytes,
        )
        try:
            outcomes = await poller.poll_once()
        finally:
            await poller.close()
            await sink.stop()
        for o in outcomes:
            click.echo(f"feed {o.feed}: {o.status}, {o.new} new of {o.entries}", err=True)
        if outcomes and not any(o.new for o in outcomes) and any(o.entries for o in outcomes):
            click.echo(
                f"the poller remembers the entries it has sent ({state}) and does not send "
                "them again",
                err=True,
            )
        return sum(o.new for o in outcomes)

    return asyncio.run(poll())


def _wait_searchable(settings: Settings, ids: list[str], timeout: float) -> None:
    from monitor.es.client import make_client
    from monitor.es.names import articles_alias

    client = make_client(settings)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            client.indices.refresh(index=articles_alias(settings))
            resp = client.search(
                index=articles_alias(settings), query={"ids": {"values": ids}}, size=0
            )
            if resp["hits"]["total"]["value"] >= len(ids):
                return
            time.sleep(0.5)
    finally:
        client.close()
    click.echo("warning: the articles did not become searchable in time", err=True)


def _print_alerts(settings: Settings, started: float) -> None:
    from rich.console import Console

    from monitor.cli.alert_view import render_alert
    from monitor.service.consume import read_topics
    from monitor.service.names import TopicNames

    names = TopicNames.from_settings(settings)
    records = asyncio.run(read_topics(settings, names.alert_topics()))
    ours: list[tuple[dict[str, Any], int]] = []
    for rec in records:
        try:
            alert = json.loads(rec.value or b"")
        except ValueError:
            continue
        articles = {ev.get("article") for ev in alert.get("evidence") or []}
        if articles & {SEED_ID, COPY_ID} or rec.timestamp_ms >= started * 1000:
            ours.append((alert, rec.timestamp_ms))
    earlier = sum(1 for _, ts in ours if ts < started * 1000)
    click.secho(
        f"\nAlerts ({len(ours)}) on {names.alerts_ceasefire} / {names.alerts_casualties}"
        + (f", {earlier} of them raised by an earlier run" if earlier else "")
        + " (`monitor watch` shows them live):",
        bold=True,
    )
    ours.sort(key=lambda pair: (pair[0].get("story_id") or "", pair[0].get("version") or 0))
    if not ours:
        click.echo("  (none)")
    console = Console(highlight=False)
    for alert, timestamp_ms in ours:
        console.print(render_alert(alert, width=min(console.width, 110), timestamp_ms=timestamp_ms))
    copies = [
        a for a, _ in ours if COPY_ID in {ev.get("article") for ev in a.get("evidence") or []}
    ]
    click.echo(f"  alerts raised by the republished copy: {len(copies)}")


def _print_search(settings: Settings) -> None:
    from monitor.cli.search import format_hit
    from monitor.es.client import make_client
    from monitor.es.names import articles_alias
    from monitor.es.query import build_search

    client = make_client(settings)
    try:
        for query in QUERIES:
            body = build_search(query, size=5, exclude_republications=True)
            resp = client.search(index=articles_alias(settings), body=body)
            everything = client.count(
                index=articles_alias(settings), query=build_search(query)["query"]
            )["count"]
            hits = resp["hits"]["hits"]
            total = resp["hits"]["total"]["value"]
            click.secho(
                f'\nSearch "{query}": {total} article(s), not counting '
                f"{everything - total} republished cop(ies)",
                bold=True,
            )
            for hit in hits:
                click.echo(format_hit(hit))
    finally:
        client.close()
