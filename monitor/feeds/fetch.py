"""Fetching feed bytes ourselves: timeout, size cap, conditional requests.

feedparser is never given a URL or a path (it would open them itself, with no
size cap); it gets the bytes this module returns, after `xmlsafe.make_safe`.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import aiohttp

from monitor.feeds.config import FeedSpec

CHUNK = 64 * 1024
MAX_REDIRECTS = 5
ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"


@dataclass(frozen=True)
class Validators:
    """What the server sent to make the next request conditional."""

    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchResult:
    feed: FeedSpec
    status: int | None = None
    body: bytes | None = None
    content_type: str | None = None
    validators: Validators = Validators()
    not_modified: bool = False
    error: str | None = None
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.error is None and not self.not_modified and self.body is not None


class Fetcher(Protocol):
    async def __call__(self, feed: FeedSpec, validators: Validators) -> FetchResult: ...


class TooLarge(Exception):
    pass


def _read_file(path: Path, max_bytes: int) -> bytes:
    with path.open("rb") as fh:
        data = fh.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise TooLarge
    return data


class HttpFetcher:
    """Fetches http(s) feeds with aiohttp, and local files (`path = ...`) directly."""

    def __init__(
        self,
        *,
        timeout: float,
        max_bytes: int,
        user_agent: str,
        session: aiohttp.ClientSession | None = None,
    ) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.user_agent = user_agent
        self._session = session
        self._own_session = session is None

    async def close(self) -> None:
        if self._session is not None and self._own_session:
            await self._session.close()
            self._session = None

    def _get_session(self) -> aiohttp.ClientSession:
        if self._session is None:
            self._session = aiohttp.ClientSession(
                headers={"User-Agent": self.user_agent},
                # Compressed bodies are fine: the cap counts decompressed bytes.
                auto_decompress=True,
            )
        return self._session

    async def __call__(self, feed: FeedSpec, validators: Validators) -> FetchResult:
        started = time.monotonic()
        try:
            if feed.path is not None:
                return await self._fetch_file(feed, feed.path, started)
            return await self._fetch_http(feed, validators, started)
        except TooLarge:
            return FetchResult(
                feed,
                error=f"larger than {self.max_bytes} bytes (poller.max_bytes)",
                elapsed=time.monotonic() - started,
            )
        except TimeoutError:
            return FetchResult(
                feed,
                error=f"timed out after {self.timeout:g}s",
                elapsed=time.monotonic() - started,
            )
        except (aiohttp.ClientError, OSError) as exc:
            return FetchResult(
                feed,
                error=f"{type(exc).__name__}: {exc}",
                elapsed=time.monotonic() - started,
            )

    async def _fetch_file(self, feed: FeedSpec, path: Path, started: float) -> FetchResult:
        data = await asyncio.to_thread(_read_file, path, self.max_bytes)
        return FetchResult(feed, status=200, body=data, elapsed=time.monotonic() - started)

    async def _fetch_http(
        self, feed: FeedSpec, validators: Validators, started: float
    ) -> FetchResult:
        assert feed.url is not None
        headers = {
            "Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.5"
        }
        if validators.etag:
            headers["If-None-Match"] = validators.etag
        if validators.last_modified:
            headers["If-Modified-Since"] = validators.last_modified
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        session = self._get_session()
        async with session.get(
            feed.url,
            headers=headers,
            timeout=timeout,
            allow_redirects=True,
            max_redirects=MAX_REDIRECTS,
        ) as resp:
            if resp.status == 304:
                return FetchResult(
                    feed,
                    status=304,
                    not_modified=True,
                    validators=validators,
                    elapsed=time.monotonic() - started,
                )
            if resp.status != 200:
                return FetchResult(
                    feed,
                    status=resp.status,
                    error=f"HTTP {resp.status} {resp.reason or ''}".strip(),
                    elapsed=time.monotonic() - started,
                )
            if resp.content_length is not None and resp.content_length > self.max_bytes:
                raise TooLarge
            buf = bytearray()
            async for chunk in resp.content.iter_chunked(CHUNK):
                buf += chunk
                if len(buf) > self.max_bytes:
                    raise TooLarge
            return FetchResult(
                feed,
                status=200,
                body=bytes(buf),
                content_type=resp.headers.get("Content-Type"),
                validators=Validators(
                    etag=resp.headers.get("ETag"),
                    last_modified=resp.headers.get("Last-Modified"),
                ),
                elapsed=time.monotonic() - started,
            )
