"""The settings a command runs with: the environment, and where it leaves the
broker or the node unset, the local stack's addresses (`monitor stack up`).

This is the one place the development stack's record is read for a command; the
service's modules (`monitor.es`, `monitor.service`, `agents`) read only the
settings they are given, so a deployed worker never looks at dev tooling.
"""

from __future__ import annotations

from pydantic import ValidationError

from monitor.cli.errors import settings_error
from monitor.settings import Settings


def load_settings() -> Settings:
    """The settings from the environment with the local stack's addresses filled
    in, or a ClickException naming the bad variable."""
    try:
        settings = Settings()
    except ValidationError as exc:
        raise settings_error(exc) from None
    return with_local_stack(settings)


def with_local_stack(settings: Settings) -> Settings:
    """`settings` with MONITOR_KAFKA_BOOTSTRAP_SERVERS and MONITOR_ES_URL, where
    unset, taken from the local stack's record; an explicit value always wins,
    and with no record the service's loopback defaults apply."""
    from monitor.stack.addresses import read_record

    record = read_record(settings)
    update: dict[str, str] = {}
    if not settings.kafka_bootstrap_servers.strip() and record.kafka is not None:
        update["kafka_bootstrap_servers"] = record.kafka.bootstrap_servers
    if not settings.es_url.strip() and record.elasticsearch is not None:
        update["es_url"] = record.elasticsearch.url
    return settings.model_copy(update=update) if update else settings
