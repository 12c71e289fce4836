"""`monitor kibana import` against a stand-in for Kibana's saved objects API (offline)."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from monitor.cli import main

REPO = Path(__file__).resolve().parents[2]
NDJSON = REPO / "docker" / "kibana" / "karabakh-monitor.ndjson"


class FakeKibana:
    def __init__(self) -> None:
        self.saved: dict[tuple[str, str], dict[str, Any]] = {}
        self.requests: list[dict[str, Any]] = []
        self.ready_after = 0  # status calls before "available"


@pytest.fixture
def kibana() -> Iterator[tuple[str, FakeKibana]]:
    state = FakeKibana()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def _json(self, status: int, body: Any) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/api/status":
                level = "available" if state.ready_after <= 0 else "unavailable"
                state.ready_after -= 1
                self._json(200, {"status": {"overall": {"level": level}}})
            else:
                self._json(404, {})

        def do_POST(self) -> None:
            length = int(self.headers["Content-Length"])
            body = self.rfile.read(length)
            state.requests.append({"path": self.path, "headers": dict(self.headers), "body": body})
            if self.headers.get("kbn-xsrf") != "true":
                self._json(400, {"message": "Request must contain a kbn-xsrf header."})
                return
            if not self.path.endswith("/api/saved_objects/_import?overwrite=true"):
                self._json(404, {})
                return
            content = body.split(b"\r\n\r\n", 1)[1].rsplit(b"\r\n--", 1)[0]
            count = 0
            for line in content.decode().splitlines():
                obj = json.loads(line)
                state.saved[(obj["type"], obj["id"])] = obj  # overwrite: same id, same slot
                count += 1
            self._json(200, {"success": True, "successCount": count, "errors": []})

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", state
    finally:
        server.shutdown()
        server.server_close()


def test_import_is_idempotent(kibana: tuple[str, FakeKibana]) -> None:
    url, state = kibana
    runner = CliRunner()
    n_objects = len(NDJSON.read_text(encoding="utf-8").splitlines())
    for _ in range(2):
        result = runner.invoke(
            main,
            ["kibana", "import", "--url", url, "--file", str(NDJSON)],
            env={"MONITOR_ES_API_KEY": ""},
        )
        assert result.exit_code == 0, result.output
        assert f"imported {n_objects} saved object(s)" in result.output
    assert len(state.saved) == n_objects
    assert "karabakh-monitor-overview" in result.output


def test_import_sends_credentials_and_prefix(kibana: tuple[str, FakeKibana]) -> None:
    url, state = kibana
    result = CliRunner().invoke(
        main,
        ["kibana", "import", "--url", url + "/", "--file", str(NDJSON), "--space", "analysts"],
        env={"MONITOR_ES_API_KEY": "s3cret-key", "MONITOR_ES_INDEX_PREFIX": "prod"},
    )
    assert result.exit_code == 0, result.output
    request = state.requests[-1]
    assert request["path"] == "/s/analysts/api/saved_objects/_import?overwrite=true"
    assert request["headers"]["Authorization"] == "ApiKey s3cret-key"
    assert b'"title":"prod-articles"' in request["body"]
    assert "s3cret" not in result.output


def test_import_waits_for_kibana(kibana: tuple[str, FakeKibana]) -> None:
    url, state = kibana
    state.ready_after = 1
    result = CliRunner().invoke(
        main, ["kibana", "import", "--url", url, "--file", str(NDJSON), "--wait", "30"]
    )
    assert result.exit_code == 0, result.output


def test_unreachable_kibana_is_a_clear_error() -> None:
    result = CliRunner().invoke(
        main, ["kibana", "import", "--url", "http://127.0.0.1:1", "--file", str(NDJSON)]
    )
    assert result.exit_code == 1 and "cannot reach Kibana" in result.output
