"""Event time in the real service (issue 10): an archive replayed into fresh topics
and a fresh index says what the first run said, stories merge across outlets
however old the news, and a stale redelivery never replaces a newer document."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from monitor.service.worker import WorkerProcess
from monitor.settings import Settings
from tests.integration.conftest import _delete_indices, _delete_topics, _free_port, env_for
from tests.integration.helpers import alerts, es_client, produce, produce_in_order, wait_for

pytestmark = pytest.mark.integration

FIRST = (
    "قالت وزارة الدفاع الأذربيجانية إن 32 جنديا قتلوا في اشتباكات مع القوات الأرمينية "
    "على خط التماس في قره باغ.\n"
    "وأضافت الوزارة أن الاشتباكات اندلعت فجرا قرب أغدام واستمرت عدة ساعات."
)
RESTATED = (
    "أعلنت وزارة الدفاع الأذربيجانية مقتل 32 جنديا في مواجهات مع القوات الأرمينية في إقليم "
    "ناغورني قره باغ، في أعنف تصعيد منذ أشهر."
)
UPDATE = (
    "ارتفعت حصيلة القتلى في اشتباكات قره باغ إلى 45 جنديا، وفق ما أعلنته وزارة الدفاع "
    "الأذربيجانية مساء اليوم."
)


def _line(id_: str, source: str, body: str, at: str) -> bytes:
    item = {"id": id_, "source": source, "body": body, "published_at": at}
    return json.dumps(item, ensure_ascii=False).encode()


#: A day of news from 2015: processed in 2026, as a backfill would.
STREAM = [
    _line("k1", "aa_arabic", FIRST, "2015-04-02T06:00:00Z"),
    _line("k2", "rt_arabic", RESTATED, "2015-04-02T07:30:00Z"),
    _line("k3", "bbc_arabic", UPDATE, "2015-04-02T18:00:00Z"),
    _line("k4", "alghad", FIRST, "2015-04-02T19:00:00Z"),  # a republished copy
]


def _run_stream(settings: Settings, log: Path) -> list[dict[str, Any]]:
    worker = WorkerProcess(env_for(settings), log, settings.web_host, settings.web_port)
    worker.start()
    try:
        worker.wait_ready(timeout=120)
        # One by one, as the archive's order: news.raw's partitions would let the
        # sequencer take them in another order, and the replay in yet another.
        produce_in_order(settings, STREAM, worker)
        worker.wait_idle(received=len(STREAM), timeout=120)
        return wait_for(lambda: (a := alerts(settings)) and len(a) >= 2 and a, 60, "alerts")
    finally:
        worker.stop(timeout=30)


def _key(alert: dict[str, Any]) -> tuple[Any, ...]:
    changed = tuple((c["kind"], c["count"], c["previous_count"]) for c in alert["changed"])
    return (alert["alert_id"], alert["version"], alert["story_id"], changed)


def test_a_replay_into_fresh_topics_and_index_gives_the_same_alerts(
    service: Settings, tmp_path: Path
) -> None:
    first = sorted(map(_key, _run_stream(service, tmp_path / "first.log")))
    tag = uuid.uuid4().hex[:8]
    replay = service.model_copy(
        update={
            "topic_prefix": f"it-{tag}.",
            "es_index_prefix": f"it-{tag}",
            "web_port": _free_port(),
            "state_dir": tmp_path / "replay-state",
        }
    )
    try:
        second = sorted(map(_key, _run_stream(replay, tmp_path / "replay.log")))
    finally:
        asyncio.run(_delete_topics(replay))
        _delete_indices(replay)
    assert second == first
    # Eleven-year-old news still makes one story across outlets: the second
    # outlet's restated 32 and the copy raise nothing, the update moves 32 to 45.
    assert len({k[2] for k in first}) == 1
    assert [k[3] for k in first] == [(("killed", 32, None),), (("killed", 45, 32),)]


def test_a_stale_redelivery_does_not_replace_the_newer_document(
    service: Settings, workers: Callable[..., Any]
) -> None:
    worker = workers()
    newer = _line("a1", "aa_arabic", UPDATE, "2026-11-30T18:00:00Z")
    stale = _line("a1", "aa_arabic", FIRST, "2026-11-30T06:00:00Z")
    produce(service, [newer, stale])
    worker.wait_idle(received=2, timeout=120)
    from monitor.es.names import articles_alias

    client = es_client(service)
    try:

        def document() -> dict[str, Any] | None:
            client.indices.refresh(index=articles_alias(service))
            hits = client.search(index=articles_alias(service), query={"ids": {"values": ["a1"]}})
            found = hits["hits"]["hits"]
            return found[0]["_source"] if found else None

        doc = wait_for(document, 60, "the article indexed")
        # Both analyses reached the index stage; the stale one was refused by version.
        wait_for(lambda: worker.metrics()["counts"].get("superseded") == 1, 60, "superseded")
        doc = document()
    finally:
        client.close()
    assert doc is not None
    assert "45" in doc["body"] and doc["published_at"].startswith("2026-11-30T18:00")
