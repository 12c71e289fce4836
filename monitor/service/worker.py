"""Run `monitor run` as a child process and talk to its web pages (demo, tests, bench)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def monitor_argv(*args: str) -> list[str]:
    """The `monitor` console script of this environment, else `python -c`."""
    exe = Path(sys.executable).with_name("monitor")
    if exe.is_file():
        return [str(exe), *args]
    found = shutil.which("monitor")
    if found:
        return [found, *args]
    return [sys.executable, "-c", "from monitor.cli import main; main()", *args]


def get_json(url: str, timeout: float = 2.0) -> tuple[int, Any]:
    """(status, parsed body); status 0 when nothing answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        try:
            return exc.code, json.loads(exc.read())
        except ValueError:
            return exc.code, None
    except (OSError, ValueError):
        return 0, None


class WorkerProcess:
    """One `monitor run` child with its own environment and log file."""

    def __init__(
        self, env: Mapping[str, str], log_file: Path, web_host: str, web_port: int
    ) -> None:
        self.env = dict(env)
        self.log_file = log_file
        self.base_url = f"http://{web_host}:{web_port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with open(self.log_file, "ab") as log:
            self.proc = subprocess.Popen(
                monitor_argv("run"),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env,
            )

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def health(self) -> tuple[int, Any]:
        return get_json(self.base_url + "/health/")

    def metrics(self) -> dict[str, Any]:
        status, body = get_json(self.base_url + "/metrics/")
        return body if status == 200 and isinstance(body, dict) else {}

    def wait_ready(self, timeout: float = 120.0, require_es: bool = True) -> None:
        """Until /health/ answers (200, or 503 when Elasticsearch may be down)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if not self.alive():
                raise RuntimeError(f"worker exited; see {self.log_file}:\n{self.log_tail()}")
            status, body = self.health()
            if status == 200 or (status == 503 and not require_es and body):
                return
            time.sleep(0.3)
        raise TimeoutError(f"worker not ready after {timeout:.0f} s; see {self.log_file}")

    def wait_idle(self, received: int, timeout: float = 120.0) -> dict[str, Any]:
        """Until the worker received `received` messages and has no lag left."""
        deadline = time.monotonic() + timeout
        snap: dict[str, Any] = {}
        while time.monotonic() < deadline:
            snap = self.metrics()
            counts = snap.get("counts", {})
            index_dead = sum(
                n
                for k, n in snap.get("dead_letters", {}).get("by_reason", {}).items()
                if k.startswith("index:")
            )
            done = counts.get("indexed", 0) + counts.get("superseded", 0) + index_dead
            emitted = counts.get("enriched", 0) + counts.get("replayed", 0)
            if (
                counts.get("received", 0) >= received
                and not snap["consumer_lag"]["total"]
                and done >= emitted
            ):
                return snap
            time.sleep(0.3)
        raise TimeoutError(f"worker not idle after {timeout:.0f} s: {snap}")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int | None:
        """Send `sig` and wait; SIGKILL if it does not exit in time."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=30)
        return self.proc.returncode

    def kill(self) -> None:
        self.stop(signal.SIGKILL, timeout=30)

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


def worker_env(overrides: Mapping[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update(overrides)
    return env
