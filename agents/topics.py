"""The faust topic objects, named from the settings' prefix (see monitor.service.names).

Values travel as raw bytes and are validated with the pydantic models in
`schemas/` by the agents: faust's own codecs know only `faust.Record`, and the
process agent must see the original bytes to dead-letter what does not parse.
"""

from __future__ import annotations

from dataclasses import dataclass

import faust
from faust.types import TopicT

from monitor.service.names import TopicNames
from monitor.settings import Settings


@dataclass(frozen=True)
class Topics:
    names: TopicNames
    raw: TopicT
    prepared: TopicT
    enriched: TopicT
    deadletter: TopicT
    alerts_ceasefire: TopicT
    alerts_casualties: TopicT

    def alert(self, alert_type: str) -> TopicT:
        """The topic object of an alert type; an unknown type is refused, as by
        `TopicNames.alert_topic` (never sent to another type's topic)."""
        name = self.names.alert_topic(alert_type)
        return (
            self.alerts_ceasefire if name == self.names.alerts_ceasefire else self.alerts_casualties
        )


def make_topics(app: faust.App, settings: Settings) -> Topics:
    names = TopicNames.from_settings(settings)

    def topic(name: str) -> TopicT:
        return app.topic(
            name,
            key_serializer="raw",
            value_serializer="raw",
            partitions=names.partitions(name, settings.topic_partitions),
            replicas=settings.topic_replication,
        )

    return Topics(
        names=names,
        raw=topic(names.raw),
        prepared=topic(names.prepared),
        enriched=topic(names.enriched),
        deadletter=topic(names.deadletter),
        alerts_ceasefire=topic(names.alerts_ceasefire),
        alerts_casualties=topic(names.alerts_casualties),
    )
