"""One typed settings object, read from `MONITOR_*` environment variables.

Every knob of the core and the service lives here so that start-up validation,
documentation (`monitor config`) and the docker compose file agree on one set
of names. Secrets are `SecretStr`, so they never show in `repr` or logs.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """All settings; environment variable = `MONITOR_` + field name in upper case."""

    model_config = SettingsConfigDict(env_prefix="MONITOR_", extra="ignore")

    # --- input limits -------------------------------------------------------
    max_body_bytes: int = Field(
        1_000_000, gt=0, description="Largest accepted article body, in UTF-8 bytes."
    )

    # --- paragraph deduplication ---------------------------------------------
    dedup_max_paragraphs: int = Field(
        1_000_000, ge=1, description="Paragraphs remembered at most; the oldest are forgotten."
    )
    dedup_max_bytes: int = Field(
        128 << 20,
        ge=1 << 20,
        description="Word-hash bytes remembered at most (2 a word); the oldest are forgotten.",
    )
    dedup_max_article_paragraphs: int = Field(
        1000,
        ge=1,
        description="Paragraphs one article may add to the dedup memory (the rest are "
        "checked, not remembered), so a few huge items cannot flush it.",
    )
    dedup_max_age_seconds: float = Field(
        14 * 24 * 3600.0, gt=0, description="Paragraphs older than this are forgotten."
    )
    dedup_min_fraction: float = Field(
        0.3,
        gt=0,
        le=1,
        description="A truncated copy must keep at least this share of the original's words.",
    )
    dedup_max_leading_words: int = Field(
        4, ge=0, le=5, description="Opening words of a copy that may differ from the original."
    )
    dedup_republication_share: float = Field(
        0.8,
        gt=0,
        le=1,
        description="Share of an article's paragraphs seen before that makes it a republication.",
    )

    # --- alerts ---------------------------------------------------------------
    alerts_karabakh_only: bool = Field(
        False, description="Publish alerts only for Karabakh-related stories."
    )

    # --- Kafka ------------------------------------------------------------------
    kafka_bootstrap_servers: str = Field(
        "", description="host:port[,host:port]; empty means the local stack's address."
    )
    topic_prefix: str = Field("", description="Prefix for every topic name, e.g. 'prod.'.")
    topic_partitions: int = Field(3, ge=1)
    topic_replication: int = Field(1, ge=1)
    kafka_security_protocol: str = Field("PLAINTEXT")
    kafka_sasl_mechanism: str = Field("")
    kafka_sasl_username: str = Field("")
    kafka_sasl_password: SecretStr = Field(SecretStr(""))
    kafka_ssl_cafile: Path | None = Field(None)

    # --- Elasticsearch ------------------------------------------------------------
    es_url: str = Field("", description="Elasticsearch URL; empty means the local stack's node.")
    es_api_key: SecretStr = Field(SecretStr(""))
    es_username: str = Field("")
    es_password: SecretStr = Field(SecretStr(""))
    es_ca_certs: Path | None = Field(None)
    es_index_prefix: str = Field("news", description="Indices are named from this prefix.")

    # --- service ------------------------------------------------------------------
    web_host: str = Field("127.0.0.1", description="Health/metrics bind address (loopback).")
    web_port: int = Field(6066, ge=0, le=65535)
    worker_id: str = Field(
        "worker-1",
        min_length=1,
        max_length=200,
        description="This worker's stable identity in the consumer group (Kafka static "
        "membership): a restarted worker with the same id takes its partitions back at "
        "once; two running workers must not share one.",
    )
    log_format: Literal["text", "json"] = Field("text", description="Log lines: text or json.")
    log_level: str = Field("INFO")
    state_dir: Path = Field(
        Path.home() / ".cache" / "karabakh-monitor",
        description="Where the local stack and the service keep their files.",
    )

    @model_validator(mode="after")
    def _check_consistency(self) -> Settings:
        if self.kafka_sasl_mechanism and not self.kafka_sasl_username:
            raise ValueError(
                "MONITOR_KAFKA_SASL_MECHANISM is set but MONITOR_KAFKA_SASL_USERNAME is empty: "
                "set both, or neither"
            )
        if self.es_username and not self.es_password.get_secret_value():
            raise ValueError("MONITOR_ES_USERNAME is set: set MONITOR_ES_PASSWORD too")
        return self


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
