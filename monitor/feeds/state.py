"""What the poller remembers between polls and restarts: seen item ids, validators.

Kept as one JSON file in the state dir, written atomically (temp file + rename).
Item ids are remembered in insertion order and the oldest are forgotten beyond
`max_seen_ids`, so the file stays bounded however long the poller runs.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from monitor.feeds.fetch import Validators

STATE_FORMAT = 1

log = logging.getLogger(__name__)


class SeenIds:
    """A bounded set of item ids, oldest forgotten first."""

    def __init__(self, capacity: int, ids: Iterable[str] = ()) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._ids: OrderedDict[str, None] = OrderedDict()
        for item_id in ids:
            self.add(item_id)

    def __contains__(self, item_id: object) -> bool:
        return item_id in self._ids

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, item_id: str) -> None:
        self._ids[item_id] = None
        self._ids.move_to_end(item_id)
        while len(self._ids) > self.capacity:
            self._ids.popitem(last=False)

    def ids(self) -> list[str]:
        return list(self._ids)


class PollerState:
    def __init__(self, capacity: int) -> None:
        self.seen = SeenIds(capacity)
        self.validators: dict[str, Validators] = {}

    def to_json(self) -> dict[str, Any]:
        return {
            "format": STATE_FORMAT,
            "seen": self.seen.ids(),
            "validators": {
                loc: {"etag": v.etag, "last_modified": v.last_modified}
                for loc, v in self.validators.items()
            },
        }

    @classmethod
    def from_json(cls, data: dict[str, Any], capacity: int) -> PollerState:
        if data.get("format") != STATE_FORMAT:
            raise ValueError(f"feed state format {data.get('format')!r} is not {STATE_FORMAT}")
        state = cls(capacity)
        state.seen = SeenIds(capacity, (str(i) for i in data.get("seen", [])))
        state.validators = {
            str(loc): Validators(etag=v.get("etag"), last_modified=v.get("last_modified"))
            for loc, v in (data.get("validators") or {}).items()
        }
        return state

    @classmethod
    def load(cls, path: Path, capacity: int) -> PollerState:
        """The saved state, or an empty one when there is no file yet.

        A file that cannot be read as state (truncated by a full disk, edited by
        hand) is moved aside and the poller starts afresh: it then re-sends what
        the feeds still list, which the pipeline recognises by id and content
        (at least once, never lost), instead of refusing to start."""
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return cls(capacity)
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict):
                raise ValueError(f"expected a JSON object, got {type(data).__name__}")
            return cls.from_json(data, capacity)
        except (ValueError, TypeError, AttributeError, KeyError) as exc:
            aside = path.with_name(f"{path.name}.corrupt-{int(time.time())}")
            path.replace(aside)
            log.warning(
                "feed state unreadable, starting afresh path=%s moved_to=%s error=%r",
                path,
                aside,
                f"{type(exc).__name__}: {exc}"[:300],
            )
            return cls(capacity)

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.to_json(), ensure_ascii=False), encoding="utf-8")
        tmp.replace(path)
