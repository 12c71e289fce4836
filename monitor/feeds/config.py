"""The feed list and the poller's limits, read from a TOML or JSON file.

```toml
[poller]
interval_seconds = 300     # how often each feed is fetched (a feed may override it)
timeout_seconds = 20       # per fetch, connect + read
max_bytes = 5_000_000      # per fetch, after decompression
concurrency = 8            # feeds fetched at the same time
max_seen_ids = 200_000     # item ids remembered to skip repeats (oldest forgotten)

[[feeds]]
name = "watanalyoum"
url = "https://example.org/feed.xml"

[[feeds]]
name = "sample"
path = "sample-feed.xml"   # a local file, relative to this config file
```
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

Name = Annotated[str, StringConstraints(min_length=1, max_length=256, strip_whitespace=True)]


class ConfigError(ValueError):
    """The feed config cannot be used (with what to fix)."""


class FeedSpec(BaseModel):
    """One feed: an http(s) URL or a local file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Name
    url: str | None = None
    path: Path | None = None
    interval_seconds: float | None = Field(None, gt=0)
    enabled: bool = True
    language: str | None = Field(None, description="Default item language if entries lack one.")

    @model_validator(mode="after")
    def _one_location(self) -> FeedSpec:
        if (self.url is None) == (self.path is None):
            raise ValueError(f"feed {self.name!r}: give exactly one of url or path")
        if self.url is not None:
            scheme = urlsplit(self.url).scheme.lower()
            if scheme not in ("http", "https"):
                raise ValueError(
                    f"feed {self.name!r}: url scheme {scheme!r} is not http(s); "
                    "use `path = ...` for a local file"
                )
        return self

    @property
    def location(self) -> str:
        """The URL, or `file:` + the path (also the key of its conditional-request state)."""
        return self.url if self.url is not None else f"file:{self.path}"


class PollerConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    interval_seconds: float = Field(300.0, gt=0)
    timeout_seconds: float = Field(20.0, gt=0, le=600)
    max_bytes: int = Field(5_000_000, gt=0)
    concurrency: int = Field(8, ge=1, le=256)
    max_seen_ids: int = Field(200_000, ge=1)
    user_agent: str = "karabakh-monitor-feeds/0.1"
    # Each feed is parsed in its own child process within these budgets
    # (monitor/feeds/sandbox.py), so one heavy feed cannot stall or sink the rest.
    parse_timeout_seconds: float = Field(30.0, gt=0, le=600)
    parse_memory_mb: int = Field(512, ge=128, le=16384)


class FeedsConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    poller: PollerConfig = Field(default_factory=PollerConfig)
    feeds: list[FeedSpec] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_names(self) -> FeedsConfig:
        names = [f.name for f in self.feeds]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"feed names must be unique; repeated: {', '.join(dupes)}")
        return self

    def enabled(self) -> list[FeedSpec]:
        return [f for f in self.feeds if f.enabled]

    def interval(self, feed: FeedSpec) -> float:
        return feed.interval_seconds or self.poller.interval_seconds


def parse_config(data: dict[str, Any], base_dir: Path | None = None) -> FeedsConfig:
    """Validate a decoded config; relative `path`s are resolved against `base_dir`."""
    try:
        config = FeedsConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}"
            for e in exc.errors(include_url=False)
        )
        raise ConfigError(f"invalid feed config: {problems}") from None
    if base_dir is not None:
        config.feeds = [
            f.model_copy(update={"path": (base_dir / f.path)})
            if f.path is not None and not f.path.is_absolute()
            else f
            for f in config.feeds
        ]
    return config


def load_config(path: Path) -> FeedsConfig:
    """Read a `.toml` or `.json` feed config."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read feed config {path}: {exc.strerror}") from None
    try:
        if path.suffix.lower() == ".json":
            data = json.loads(raw)
        else:
            data = tomllib.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"feed config {path} is not valid {path.suffix[1:] or 'TOML'}: {exc}"
        ) from None
    if not isinstance(data, dict):
        raise ConfigError(f"feed config {path} must be a table/object at the top level")
    return parse_config(data, base_dir=path.parent)
