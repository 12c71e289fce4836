"""Topic, table and consumer-group names, all derived from the settings' prefix."""

from __future__ import annotations

from dataclasses import dataclass

from monitor.settings import Settings
from schemas.alert import ALERT_TYPES

#: news.raw has one partition on purpose: the process stage is one sequential
#: state machine (paragraph dedup and alert state are defined by stream order,
#: "first seen" needs a single order). Kafka keys still carry the article id.
RAW_PARTITIONS = 1


@dataclass(frozen=True, slots=True)
class TopicNames:
    raw: str
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
            self.enriched,
            self.deadletter,
            self.alerts_ceasefire,
            self.alerts_casualties,
        ]

    def resolve(self, name: str) -> str:
        """A topic given as 'news.raw' (short) or with its prefix; returns the full name."""
        short = {
            "news.raw": self.raw,
            "news.enriched": self.enriched,
            "news.deadletter": self.deadletter,
            "alerts.ceasefire": self.alerts_ceasefire,
            "alerts.casualties": self.alerts_casualties,
        }
        return short.get(name, name)

    def partitions(self, name: str, configured: int) -> int:
        """Partitions a topic is created with."""
        return RAW_PARTITIONS if name == self.raw else configured


def app_id(settings: Settings) -> str:
    """The faust app id: the consumer group and the prefix of its changelog topics."""
    return f"{settings.topic_prefix}karabakh-monitor"
