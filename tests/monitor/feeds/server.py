"""A local HTTP server for feed tests: static feeds with ETags, slow, broken, huge."""

from __future__ import annotations

import hashlib
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    delay: float = 0.0
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: bool = True
    last_modified: str | None = "Thu, 21 Sep 2023 10:00:00 GMT"
    endless: bool = False  # stream bytes until the client hangs up
    gzip: bool = False  # `body` is already gzip: sent with Content-Encoding: gzip
    trickle: float = 0.0  # seconds between 16-byte chunks of the body
    reset_after: int | None = None  # close the connection after this many body bytes
    hits: int = 0
    conditional_hits: int = 0


@dataclass
class FeedServer:
    host: str
    port: int
    routes: dict[str, Route] = field(default_factory=dict)

    def url(self, path: str) -> str:
        return f"http://{self.host}:{self.port}{path}"


def _handler(server_state: FeedServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # quiet
            pass

        def do_GET(self) -> None:
            route = server_state.routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            route.hits += 1
            if route.delay:
                # A slow outlet is the thing under test (the poller's timeout), not a wait.
                time.sleep(route.delay)
            etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
            if route.status == 200 and (
                (route.etag and self.headers.get("If-None-Match") == etag)
                or (
                    route.last_modified
                    and self.headers.get("If-Modified-Since") == route.last_modified
                    and not route.etag
                )
            ):
                route.conditional_hits += 1
                self.send_response(304)
                self.end_headers()
                return
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            if route.etag:
                self.send_header("ETag", etag)
            if route.last_modified:
                self.send_header("Last-Modified", route.last_modified)
            if route.endless:
                self.end_headers()
                try:
                    while True:
                        self.wfile.write(b"<item>" + b"x" * 65536 + b"</item>")
                except (BrokenPipeError, ConnectionResetError):
                    return
            if route.gzip:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            try:
                if route.reset_after is not None:
                    self.wfile.write(route.body[: route.reset_after])
                    self.wfile.flush()
                    self.connection.shutdown(socket.SHUT_RDWR)
                elif route.trickle:
                    for i in range(0, len(route.body), 16):
                        self.wfile.write(route.body[i : i + 16])
                        self.wfile.flush()
                        time.sleep(route.trickle)  # a trickling outlet, the thing under test
                else:
                    self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass

    return Handler


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops SYNs when a test opens many connections at
    # once, and the client's 1 s SYN retransmit then looks like a slow feed.
    request_queue_size = 128


@contextmanager
def feed_server() -> Iterator[FeedServer]:
    state = FeedServer("127.0.0.1", 0)
    httpd = _Server(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, name="feed-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)
