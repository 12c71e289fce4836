"""Topic, table and consumer-group names, all derived from the settings' prefix."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.settings import Settings
from schemas.alert import ALERT_TYPES

#: news.prepared has one partition on purpose: it is the sequencer. The ordered
#: stage (paragraph dedup, story and alert state) is one state machine defined by
#: one stream order, and "first seen" means first in news.prepared. news.raw has
#: the configured partitions (MONITOR_TOPIC_PARTITIONS), so the stateless prepare
#: stage runs on every worker; an older news.raw with one partition still works.
PREPARED_PARTITIONS = 1


@dataclass(frozen=True, slots=True)
class TopicNames:
    raw: str
    prepared: str
    enriched: str
    deadletter: str
    alerts_ceasefire: str
    alerts_casualties: str

    @classmethod
    def from_settings(cls, settings: Settings) -> TopicNames:
        return cls.from_prefix(settings.topic_prefix)

    @classmethod
    def from_prefix(cls, prefix: str) -> TopicNames:
        return cls(
            raw=f"{prefix}news.raw",
            prepared=f"{prefix}news.prepared",
            enriched=f"{prefix}news.enriched",
            deadletter=f"{prefix}news.deadletter",
            alerts_ceasefire=f"{prefix}alerts.ceasefire",
            alerts_casualties=f"{prefix}alerts.casualties",
        )

    def alert_topic(self, alert_type: str) -> str:
        """The topic of an alert type (schemas.alert.ALERT_TYPES); refuses others."""
        topics = {"ceasefire": self.alerts_ceasefire, "casualties": self.alerts_casualties}
        if alert_type not in topics:
            raise ValueError(f"unknown alert type {alert_type!r}")
        return topics[alert_type]

    def alert_topics(self) -> list[str]:
        """Every alert topic, in the order of schemas.alert.ALERT_TYPES."""
        return [self.alert_topic(t) for t in ALERT_TYPES]

    def all(self) -> list[str]:
        return [
            self.raw,
            self.prepared,
            self.enriched,
            self.deadletter,
            self.alerts_ceasefire,
            self.alerts_casualties,
        ]

    def resolve(self, name: str) -> str:
        """A topic given as 'news.raw' (short) or with its prefix; returns the full name."""
        short = {
            "news.raw": self.raw,
            "news.prepared": self.prepared,
            "news.enriched": self.enriched,
            "news.deadletter": self.deadletter,
            "alerts.ceasefire": self.alerts_ceasefire,
            "alerts.casualties": self.alerts_casualties,
        }
        return short.get(name, name)

    def partitions(self, name: str, configured: int) -> int:
        """Partitions a topic is created with."""
        return PREPARED_PARTITIONS if name == self.prepared else configured


def app_id(settings: Settings) -> str:
    """The faust app id: the consumer group and the prefix of its changelog topics."""
    return f"{settings.topic_prefix}karabakh-monitor"
