"""Where the local stack keeps its files, all below the settings' `state_dir`.

```
<state_dir>/
  stack.json                 addresses and pids (see addresses.py)
  stack.lock                 serialises concurrent `up`/`down`
  maven-repo/                Maven's local repository (downloads, reused)
  dist/kafka-<ver>/libs/     the broker's runtime classpath
  kafka/{config,data,logs}/  one KRaft node; kafka.pid
  elasticsearch/             home (unpacked zip), config, data, logs, tmp; elasticsearch.pid
```

`elasticsearch/` may be a symlink: as root, Elasticsearch runs as an unprivileged
user that cannot enter /root, so its files then live below a directory it can
reach (see elasticsearch.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from monitor.settings import Settings
from monitor.stack import versions


@dataclass(frozen=True)
class StackPaths:
    state_dir: Path

    @classmethod
    def from_settings(cls, settings: Settings) -> StackPaths:
        # Absolute, so pids' command lines and symlinks compare reliably.
        return cls(Path(settings.state_dir).expanduser().absolute())

    @property
    def record(self) -> Path:
        return self.state_dir / "stack.json"

    @property
    def lock(self) -> Path:
        return self.state_dir / "stack.lock"

    @property
    def maven_repo(self) -> Path:
        return self.state_dir / "maven-repo"

    @property
    def kafka_dist(self) -> Path:
        return self.state_dir / "dist" / f"kafka-{versions.KAFKA_VERSION}"

    @property
    def kafka_libs(self) -> Path:
        return self.kafka_dist / "libs"

    @property
    def kafka_dir(self) -> Path:
        return self.state_dir / "kafka"

    @property
    def kafka_config(self) -> Path:
        return self.kafka_dir / "config" / "server.properties"

    @property
    def kafka_log4j(self) -> Path:
        return self.kafka_dir / "config" / "log4j2.properties"

    @property
    def kafka_data(self) -> Path:
        return self.kafka_dir / "data"

    @property
    def kafka_logs(self) -> Path:
        return self.kafka_dir / "logs"

    @property
    def kafka_pidfile(self) -> Path:
        return self.kafka_dir / "kafka.pid"

    @property
    def es_link(self) -> Path:
        """`elasticsearch/` below the state dir (a directory or a symlink to one)."""
        return self.state_dir / "elasticsearch"


@dataclass(frozen=True)
class EsPaths:
    """Elasticsearch's files below `base` (the real directory behind `es_link`)."""

    base: Path

    @property
    def home(self) -> Path:
        return self.base / f"elasticsearch-{versions.ES_VERSION}"

    @property
    def config(self) -> Path:
        return self.base / "config"

    @property
    def data(self) -> Path:
        return self.base / "data"

    @property
    def logs(self) -> Path:
        return self.base / "logs"

    @property
    def tmp(self) -> Path:
        return self.base / "tmp"

    @property
    def pidfile(self) -> Path:
        return self.base / "elasticsearch.pid"

    @property
    def console_log(self) -> Path:
        """What the launcher prints: start-up failures land here."""
        return self.logs / "launcher.out"

    @property
    def server_log(self) -> Path:
        return self.logs / "karabakh-monitor.log"
