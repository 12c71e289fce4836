"""What the agents share: settings, topics, tables, the two stages' logic, metrics."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from agents.deadletter import DeadLetterSink
from agents.topics import Topics
from monitor.service.metrics import Metrics
from monitor.service.prepare import Preparer
from monitor.service.process import Processor
from monitor.settings import Settings


@dataclass
class Runtime:
    settings: Settings
    topics: Topics
    metrics: Metrics
    processor: Processor
    preparer: Preparer
    deadletters: DeadLetterSink
    #: faust tables: "processed" (article id -> stored record; process stage state)
    #: and "alerts_sent" (alert id -> time published; the alert agent's redelivery guard).
    tables: dict[str, Any] = field(default_factory=dict)
    #: True when the process state must be rebuilt from the table (start, rebalance).
    state_dirty: bool = True
    #: Set by the index agent once the Elasticsearch setup succeeded.
    es_ready: bool = False
