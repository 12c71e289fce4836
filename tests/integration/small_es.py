"""A second, small Elasticsearch node of a test's own, from the distribution the
local stack already unpacked: its own config, data and ports on loopback, a
256 MB heap, and whatever settings the test overrides (a one-thread write pool
with a one-slot queue, to be refused with 429). The shared node on 9200 is never
touched."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from monitor.settings import Settings
from monitor.stack import versions
from monitor.stack.addresses import read_record
from monitor.stack.elasticsearch import (
    can_enter,
    check_health,
    configure,
    ensure_es_user,
    give_to,
    launch,
)
from monitor.stack.layout import EsPaths
from monitor.stack.process import free_port, terminate, wait_ready

SMALL_HEAP = ("-Xms256m", "-Xmx256m")

#: The write pool at its smallest: one thread, one queued task; a third concurrent
#: shard-level bulk is refused (es_rejected_execution_exception, HTTP 429).
TINY_WRITE_QUEUE = {"thread_pool.write.size": 1, "thread_pool.write.queue_size": 1}


class SmallEs:
    """`start()` returns once the node is green or yellow; `halt()` stops it (to
    be started again), `stop()` stops it and removes its files."""

    def __init__(self, root: Path, stack: Settings, overrides: dict[str, object]) -> None:
        record = read_record(stack).elasticsearch
        if record is None or not record.home:
            raise RuntimeError("no Elasticsearch distribution: run `monitor stack up` first")
        self.home = Path(record.home)
        self.user = ensure_es_user() if os.geteuid() == 0 else None  # it refuses root
        if self.user is not None and not can_enter(root, self.user.pw_uid, {self.user.pw_gid}):
            # pytest's tmp dirs are private to root: the node's user could not enter them
            root = Path(versions.ES_ROOT_FALLBACK) / f"test-node-{uuid.uuid4().hex[:10]}"
        self.es = EsPaths(root)
        self.overrides = {"node.name": "small", **overrides}
        self.pid: int | None = None
        self.port = 0
        self.url = ""

    def start(self, timeout: float = 180.0) -> str:
        """Start (or start again, on the same port and with the same data)."""
        self.port = self.port or free_port(versions.HOST)
        self.es.base.mkdir(parents=True, exist_ok=True)
        configure(self.es, self.home, port=self.port, heap=SMALL_HEAP, overrides=self.overrides)
        if self.user is not None:
            give_to(self.es, self.user)
        self.pid = launch(self.home, self.es, user=self.user, timeout=timeout)
        self.url = f"http://{versions.HOST}:{self.port}"
        wait_ready(
            "small elasticsearch",
            lambda: check_health(self.url),
            pid=self.pid,
            timeout=timeout,
            logs=[self.es.console_log, self.es.server_log],
        )
        return self.url

    def halt(self) -> None:
        """Stop the node, keeping its data for `start` again."""
        if self.pid is not None:
            # Its tmp dir is its own: the shared node's command line never names it.
            mine = str(self.es.tmp)
            terminate(self.pid, looks_like_ours=lambda argv: mine in " ".join(argv), timeout=60)
            self.pid = None

    def stop(self) -> None:
        """Stop the node and remove its files."""
        self.halt()
        shutil.rmtree(self.es.base, ignore_errors=True)
