"""The fault and hostile-input suite: every scenario of issue 9, with the figures
and the reconciliation that proves nothing was lost or doubled.

    python scripts/reliability.py                 # everything (about 5 minutes)
    python scripts/reliability.py --only analyze,feeds,corpus   # no servers needed
    python scripts/reliability.py --json          # the figures as JSON too

Scenarios:

- analyze:  `monitor analyze` on each hostile line followed by a good line
            (output lines, exit status, peak RSS, time);
- feeds:    one `monitor feeds --once` round over hostile feeds served on
            loopback beside good ones (peak RSS, time, what was delivered), then
            a round after the outlet fixed its bad byte;
- corpus:   feedparser's own test corpus through the poller's parsing;
- poison:   poison messages written with a raw producer between good items on
            news.raw, a `monitor run` worker consuming them;
- kill:     a stream of items, the worker SIGKILLed four times mid-stream and
            restarted (time from each start to consuming again);
- es-freeze: Elasticsearch frozen (SIGSTOP) for 30 s while items flow;
- broker-pause: the Kafka broker frozen (SIGSTOP) for 20 s while items flow;
- worker-pause: the worker frozen (SIGSTOP) for 20 s mid-stream (shorter than
            its 45 s session: with static membership it keeps its partitions).

The service scenarios run against the local stack (`monitor stack up`, started
if needed) with a private topic and index prefix, deleted afterwards. Each
reconciles the expected ids (the offline core over the same stream) against
what was indexed, alerted and dead-lettered.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from monitor.settings import Settings  # noqa: E402
from tests.integration.generate import generate, jsonl  # noqa: E402

# Runs a command as a grandchild and reports its peak RSS (KB, Linux) on stderr.
PEAK = """
import resource, subprocess, sys
proc = subprocess.run(sys.argv[1:], stdin=sys.stdin, capture_output=True)
sys.stdout.buffer.write(proc.stdout)
sys.stderr.buffer.write(proc.stderr)
sys.stderr.write(f"\\nrc={proc.returncode} peak_kb="
                 f"{resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}\\n")
"""


def note(text: str) -> None:
    print(f"[reliability] {text}", file=sys.stderr, flush=True)


def measured(args: list[str], stdin: bytes = b"") -> tuple[bytes, str, int, float, float]:
    """(stdout, stderr, exit status, peak RSS MB, seconds) of `monitor ARGS`."""
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", PEAK, sys.executable, "-m", "monitor", *args],
        input=stdin,
        capture_output=True,
        timeout=600,
        check=False,
    )
    seconds = time.monotonic() - started
    err = proc.stderr.decode(errors="replace")
    last = err.strip().splitlines()[-1]
    rc = int(last.split("rc=")[1].split()[0])
    peak_mb = int(last.split("peak_kb=")[1]) / 1024
    return proc.stdout, err, rc, peak_mb, seconds


# --- offline scenarios -------------------------------------------------------------------


def scenario_analyze() -> dict[str, Any]:
    hostile = {
        "lone surrogate escape in the body": b'{"id": "s", "body": "\\ud800 x"}',
        "JSON nested 100,000 deep": b"[" * 100_000 + b"]" * 100_000,
        "an id of 5,000 digits": b'{"id": ' + b"7" * 5000 + b', "body": "x"}',
        "a casualty count of 309 digits": ('{"body": "قتل ' + "9" * 309 + ' شخصا"}').encode(),
        "1 MB body of 330,000 one-letter paragraphs": json.dumps(
            {"body": "\n".join(["ب"] * 330_000)}
        ).encode(),
        "invalid UTF-8": b'{"body": "\xff\xfe"}',
    }
    good = json.dumps({"id": "good", "body": "قتل ثلاثة جنود في قره باغ"}, ensure_ascii=False)
    rows = []
    for name, line in hostile.items():
        out, _, rc, peak, secs = measured(["analyze"], line + b"\n" + good.encode() + b"\n")
        results = [json.loads(x) for x in out.decode().splitlines()]
        first = results[0] if results else {}
        rows.append(
            {
                "line": name,
                "output_lines": len(results),
                "exit": rc,
                "first": first.get("error", {}).get("code", "analysed"),
                "good_line_analysed": len(results) == 2 and results[1].get("id") == "good",
                "peak_mb": round(peak),
                "seconds": round(secs, 2),
            }
        )
    return {"rows": rows}


def scenario_feeds() -> dict[str, Any]:
    from tests.monitor.feeds.hostile import bad_byte_feed, good_routes, hostile_routes
    from tests.monitor.feeds.server import feed_server

    with tempfile.TemporaryDirectory(prefix="reliability-feeds-") as tmp, feed_server() as server:
        routes = {**hostile_routes(), **good_routes()}
        server.routes.update(routes)
        config = Path(tmp) / "feeds.json"
        feeds = [{"name": p.strip("/").removesuffix(".xml"), "url": server.url(p)} for p in routes]
        config.write_text(
            json.dumps({"poller": {"timeout_seconds": 5}, "feeds": feeds}), encoding="utf-8"
        )
        args = ["feeds", "--once", "--dry-run", "--config", str(config)]
        args += ["--state", str(Path(tmp) / "state.json")]
        out, err, rc, peak, secs = measured(args)
        items = [json.loads(x) for x in out.decode().splitlines()]
        outcomes = {}
        for line in err.splitlines():
            if "feed polled feed=" in line:
                rest = line.split("feed polled feed=", 1)[1]
                name, _, detail = rest.partition(" ")
                outcomes[name] = detail[:110]
        server.routes["/bad-bytes.xml"].body = bad_byte_feed(fixed=True)
        out2, *_ = measured(args)
        fixed = [json.loads(x) for x in out2.decode().splitlines()]
    delivered = Counter(i["source"] for i in items)
    return {
        "feeds": len(routes),
        "hostile_feeds": len(hostile_routes()),
        "exit": rc,
        "seconds": round(secs, 1),
        "peak_mb": round(peak),
        "delivered_by_feed": dict(delivered),
        "from_hostile_feeds": sum(
            n for f, n in delivered.items() if f"/{f}.xml" not in good_routes()
        ),
        "bad_byte_feed_bodies": [i["body"] for i in items if i["source"] == "bad-bytes"],
        "after_fix": [i["body"] for i in fixed],
        "outcomes": outcomes,
    }


def scenario_corpus() -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "feedparser_corpus.py"), "--json"],
        capture_output=True,
        timeout=600,
        check=False,
    )
    report: dict[str, Any] = json.loads(proc.stdout)
    return {k: report[k] for k in ("files", "parsed", "refused", "crashed", "seconds", "slowest")}


# --- service scenarios ---------------------------------------------------------------------


@contextmanager
def private_service(base: Settings, workdir: Path) -> Iterator[Settings]:
    from monitor.service.kafka import delete_prefixed_topics

    tag = uuid.uuid4().hex[:6]
    settings = base.model_copy(
        update={
            "topic_prefix": f"rel-{tag}.",
            "es_index_prefix": f"rel-{tag}",
            "web_port": 6098,
            "state_dir": workdir / f"state-{tag}",
        }
    )
    try:
        yield settings
    finally:
        asyncio.run(delete_prefixed_topics(settings))
        _delete_indices(settings)


def _delete_indices(settings: Settings) -> None:
    from monitor.es.client import delete_prefixed_indices

    delete_prefixed_indices(settings)


#: Every worker started, so a failing scenario still stops them all.
STARTED: list[Any] = []


def _worker(settings: Settings, log: Path) -> Any:
    from monitor.service.worker import WorkerProcess, worker_env

    env = worker_env(
        {
            "MONITOR_TOPIC_PREFIX": settings.topic_prefix,
            "MONITOR_ES_INDEX_PREFIX": settings.es_index_prefix,
            "MONITOR_KAFKA_BOOTSTRAP_SERVERS": settings.kafka_bootstrap_servers,
            "MONITOR_ES_URL": settings.es_url,
            "MONITOR_WEB_PORT": str(settings.web_port),
            "MONITOR_STATE_DIR": str(settings.state_dir),
        }
    )
    worker = WorkerProcess(env, log, settings.web_host, settings.web_port)
    STARTED.append(worker)
    return worker


def _until(predicate: Callable[[], Any], timeout: float, what: str, every: float = 0.5) -> float:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        try:
            if predicate():
                return time.monotonic() - started
        except Exception as exc:  # noqa: BLE001 - a server restarting under us: ask again
            note(f"waiting for {what}: {type(exc).__name__}")
        time.sleep(every)
    raise RuntimeError(f"timed out after {timeout:.0f} s waiting for {what}")


def reconcile(settings: Settings, lines: list[bytes]) -> dict[str, Any]:
    """Expected (the offline core over the same stream, in the order the service's
    sequencer took it) against indexed, alerted and dead-lettered."""
    from monitor.service.names import TopicNames
    from tests.integration.helpers import alerts, es_ids, expected_analyses, in_sequence, read

    expected = expected_analyses(settings, in_sequence(settings, lines))
    want_ids = {a.id for a in expected}
    want_alerts = {al.alert_id for a in expected for al in a.alerts}
    ids = es_ids(settings)
    published = Counter(a["alert_id"] for a in alerts(settings))
    names = TopicNames.from_settings(settings)
    dead = [json.loads(r.value) for r in read(settings, [names.deadletter])]
    return {
        "expected_articles": len(want_ids),
        "indexed": len(set(ids)),
        "lost": len(want_ids - set(ids)),
        "duplicated_in_es": len(ids) - len(set(ids)),
        "unexpected_in_es": len(set(ids) - want_ids),
        "expected_alerts": len(want_alerts),
        "alerts_published": len(published),
        "alerts_lost": len(want_alerts - set(published)),
        "alerts_duplicated": sum(n - 1 for n in published.values() if n > 1),
        "alerts_unexpected": len(set(published) - want_alerts),
        "dead_letters": len(dead),
        "dead_letters_by_code": dict(Counter(d["code"] for d in dead)),
    }


def _all_indexed(settings: Settings, ids: set[str]) -> Callable[[], bool]:
    from tests.integration.helpers import es_ids

    return lambda: set(es_ids(settings)) >= ids


def scenario_poison(base: Settings, workdir: Path) -> dict[str, Any]:
    from monitor.service.kafka import ensure_topics
    from monitor.service.names import TopicNames
    from tests.integration.poison import POISON, send_raw

    with private_service(base, workdir) as settings:
        names = TopicNames.from_settings(settings)
        asyncio.run(ensure_topics(settings, names))
        good = jsonl(generate(len(POISON) * 5, prefix="rel-good", seed=3))
        values: list[bytes | None] = []
        for n, value in enumerate(POISON.values()):
            values.extend(good[n * 5 : n * 5 + 5])
            values.append(value)
        worker = _worker(settings, workdir / "poison.log")
        worker.start()
        worker.wait_ready()
        send_raw(settings, names.raw, values)
        ids = {json.loads(x)["id"] for x in good}
        secs = _until(_all_indexed(settings, ids), 120, "good items indexed")
        worker.wait_idle(received=len(values), timeout=60)
        alive = worker.alive()
        worker.stop()
        result = reconcile(settings, [v for v in values if v is not None])
        result.update(
            poison_kinds=len(POISON),
            good_items=len(good),
            worker_exited=not alive,
            seconds_to_index_all=round(secs, 1),
        )
        return result


def scenario_kill(base: Settings, workdir: Path, kills: int = 4) -> dict[str, Any]:
    from tests.integration.helpers import produce

    with private_service(base, workdir) as settings:
        lines = jsonl(generate(3000, prefix="rel-kill", seed=11))
        expected = {json.loads(x)["id"] for x in lines}
        worker = _worker(settings, workdir / "kill-0.log")
        worker.start()
        worker.wait_ready()
        produce(settings, lines)
        restarts = []
        for n in range(kills):
            # Mid-stream: at least 250 items into this worker's share.
            _until(lambda w=worker: _received(w) >= 250, 120, "mid-stream", every=0.05)
            worker.kill()
            worker = _worker(settings, workdir / f"kill-{n + 1}.log")
            started = time.monotonic()
            worker.start()
            _until(lambda w=worker: _received(w) > 0, 120, "the restart to consume", every=0.1)
            restarts.append(round(time.monotonic() - started, 1))
        _until(_all_indexed(settings, expected), 300, "every item indexed")
        worker.wait_idle(received=0, timeout=120)
        worker.stop()
        result = reconcile(settings, lines)
        result.update(kills=kills, seconds_from_restart_to_consuming=restarts)
        return result


def _safe(predicate: Callable[[], Any]) -> Any:
    try:
        return predicate()
    except Exception:  # noqa: BLE001 - a server restarting under us: not yet
        return False


def _received(worker: Any) -> int:
    """Items the worker's ordered stage took (preparing is quicker: a worker may
    have prepared the whole stream while the ordered stage is mid-stream)."""
    return int(worker.metrics().get("counts", {}).get("sequenced", 0))


def _freeze(pid: int, seconds: float, during: Callable[[], None]) -> None:
    os.kill(pid, signal.SIGSTOP)
    started = time.monotonic()
    try:
        during()
        time.sleep(max(0.0, seconds - (time.monotonic() - started)))
    finally:
        os.kill(pid, signal.SIGCONT)


def scenario_freeze(base: Settings, workdir: Path, server: str, seconds: float) -> dict[str, Any]:
    from monitor import stack
    from tests.integration.helpers import produce

    with private_service(base, workdir) as settings:
        lines = jsonl(generate(1000, prefix=f"rel-{server}", seed=5))
        expected = {json.loads(x)["id"] for x in lines}
        worker = _worker(settings, workdir / f"{server}.log")
        worker.start()
        worker.wait_ready()
        produce(settings, lines[:300])
        info = stack.status(base)
        pid = (info.elasticsearch if server == "elasticsearch" else info.kafka).pid
        assert pid, f"{server} is not running"
        detected: list[float] = []

        def during() -> None:
            if server == "elasticsearch":
                produce(settings, lines[300:])
            t = time.monotonic()
            try:
                _until(lambda: worker.health()[0] == 503, seconds, "health to say degraded", 0.25)
                detected.append(round(time.monotonic() - t, 1))
            except RuntimeError:
                pass

        _freeze(pid, seconds, during)
        if server != "elasticsearch":
            produce(settings, lines[300:])
        recovered = _until(lambda: worker.health()[0] == 200, 120, "health ok again")
        _until(_all_indexed(settings, expected), 300, "every item indexed")
        worker.wait_idle(received=0, timeout=120)
        alive = worker.alive()
        worker.stop()
        result = reconcile(settings, lines)
        result.update(
            frozen_seconds=seconds,
            health_degraded_after_s=detected[0] if detected else None,
            health_ok_again_after_thaw_s=round(recovered, 1),
            worker_exited=not alive,
        )
        return result


def scenario_worker_pause(base: Settings, workdir: Path, seconds: float) -> dict[str, Any]:
    """The worker frozen mid-stream for longer than its consumer session: the group
    gives its partitions up, and on thawing it must rejoin without losing or
    repeating anything."""
    from tests.integration.helpers import produce

    with private_service(base, workdir) as settings:
        lines = jsonl(generate(2000, prefix="rel-pause", seed=7))
        expected = {json.loads(x)["id"] for x in lines}
        worker = _worker(settings, workdir / "worker-pause.log")
        worker.start()
        worker.wait_ready()
        produce(settings, lines)
        _until(lambda: _received(worker) >= 300, 120, "mid-stream", every=0.05)
        _freeze(worker.proc.pid, seconds, lambda: None)
        thawed = time.monotonic()
        # Acting as the supervisor (compose's restart policy): a worker that
        # exits is started again.
        exits: list[dict[str, Any]] = []
        done = _all_indexed(settings, expected)
        while time.monotonic() - thawed < 400:
            if _safe(done):
                break
            if not worker.alive():
                exits.append(
                    {
                        "exit_code": worker.proc.returncode,
                        "after_thaw_s": round(time.monotonic() - thawed, 1),
                    }
                )
                worker = _worker(settings, workdir / f"worker-pause-{len(exits)}.log")
                worker.start()
            time.sleep(1.0)
        else:
            raise RuntimeError("not every item indexed 400 s after the thaw")
        finished = time.monotonic() - thawed
        worker.wait_idle(received=0, timeout=120)
        alive = worker.alive()
        worker.stop()
        result = reconcile(settings, lines)
        result.update(
            frozen_seconds=seconds,
            all_indexed_after_thaw_s=round(finished, 1),
            worker_exits=exits,
            last_worker_exited=not alive,
        )
        return result


# --- report ---------------------------------------------------------------------------------


def render(results: dict[str, Any]) -> str:
    out = []
    if "analyze" in results:
        out.append("monitor analyze: each hostile line, then a good line")
        for r in results["analyze"]["rows"]:
            out.append(
                f"  {r['line']:<44} lines {r['output_lines']}  exit {r['exit']}  "
                f"{r['first']:<20} good line ok: {r['good_line_analysed']}  "
                f"peak {r['peak_mb']:>4} MB  {r['seconds']:.2f} s"
            )
    if "feeds" in results:
        f = results["feeds"]
        good = f["feeds"] - f["hostile_feeds"]
        out.append(
            f"feed poller: one round over {f['hostile_feeds']} hostile feeds beside {good} "
            f"good ones: {f['seconds']} s, peak {f['peak_mb']} MB, exit {f['exit']}"
        )
        out.append(
            f"  delivered by feed: {f['delivered_by_feed']} "
            f"(from hostile feeds: {f['from_hostile_feeds']})"
        )
        out.append(f"  feed with one bad byte delivered: {f['bad_byte_feed_bodies']}")
        out.append(f"  after the outlet fixed it: {f['after_fix']}")
        for name, detail in sorted(f["outcomes"].items()):
            out.append(f"    {name:<20} {detail}")
    if "corpus" in results:
        c = results["corpus"]
        out.append(
            f"feedparser's test corpus: {c['files']} files, {c['parsed']} parsed, "
            f"{c['refused']} refused, {c['crashed']} crashed, {c['seconds']} s "
            f"(slowest {c['slowest'][0]['seconds']} s)"
        )
    for key, title in (
        ("poison", "poison messages on news.raw between good items"),
        ("kill", "SIGKILL of the worker mid-stream, restarted"),
        ("es-freeze", "Elasticsearch frozen (SIGSTOP) while items flow"),
        ("broker-pause", "Kafka broker frozen (SIGSTOP) while items flow"),
        ("worker-pause", "the worker frozen (SIGSTOP) 20 s mid-stream"),
    ):
        if key in results:
            out.append(f"{title}:")
            out.append("  " + ", ".join(f"{k}={v}" for k, v in results[key].items()))
    return "\n".join(out)


SCENARIOS = (
    "analyze",
    "feeds",
    "corpus",
    "poison",
    "kill",
    "es-freeze",
    "broker-pause",
    "worker-pause",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", default=",".join(SCENARIOS), help="comma-separated scenarios")
    parser.add_argument("--json", action="store_true", help="also print the figures as JSON")
    parser.add_argument("--logs", type=Path, help="keep the workers' logs in this directory")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(chosen) - set(SCENARIOS)
    if unknown:
        raise SystemExit(f"unknown scenarios {sorted(unknown)}; choose from {SCENARIOS}")
    results: dict[str, Any] = {}
    offline = {"analyze": scenario_analyze, "feeds": scenario_feeds, "corpus": scenario_corpus}
    for name in chosen:
        if name in offline:
            note(f"{name} ...")
            results[name] = offline[name]()
    service = [s for s in chosen if s not in offline]
    if service:
        from monitor import stack

        base = Settings()
        stack.up(base)
        base = base.model_copy(
            update={
                "kafka_bootstrap_servers": stack.resolve_kafka(base),
                "es_url": stack.resolve_es_url(base),
            }
        )
        with tempfile.TemporaryDirectory(prefix="reliability-") as tmp:
            workdir = args.logs or Path(tmp)
            workdir.mkdir(parents=True, exist_ok=True)
            try:
                for name in service:
                    note(f"{name} ...")
                    if name == "poison":
                        results[name] = scenario_poison(base, workdir)
                    elif name == "kill":
                        results[name] = scenario_kill(base, workdir)
                    elif name == "es-freeze":
                        results[name] = scenario_freeze(base, workdir, "elasticsearch", 30)
                    elif name == "worker-pause":
                        results[name] = scenario_worker_pause(base, workdir, 20)
                    else:
                        results[name] = scenario_freeze(base, workdir, "kafka", 20)
            finally:
                for worker in STARTED:
                    worker.stop(timeout=30)
    print(render(results))
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
