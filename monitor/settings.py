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

    # hide_input_in_errors: a validation error would otherwise quote the input,
    # every other setting's value included (passwords too).
    model_config = SettingsConfigDict(
        env_prefix="MONITOR_", extra="ignore", hide_input_in_errors=True
    )

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

    # --- event time -------------------------------------------------------------
    allowed_lateness_seconds: float = Field(
        6 * 3600.0,
        ge=0,
        description="An item published this long before the newest one seen is marked late "
        "(still analysed, indexed and joined to its story).",
    )
    future_tolerance_seconds: float = Field(
        24 * 3600.0,
        ge=0,
        description="A publication date further than this after the ingest time is not "
        "believed: the item is handled at its ingest time and flagged.",
    )

    # --- alerts ---------------------------------------------------------------
    alerts_karabakh_only: bool = Field(
        False, description="Publish alerts only for Karabakh-related stories."
    )
    alerts_story_gap_seconds: float = Field(
        3 * 24 * 3600.0, gt=0, description="A quiet spell this long (event time) ends a story."
    )
    alerts_max_age_seconds: float = Field(
        30 * 24 * 3600.0, gt=0, description="Stories idle this long (event time) are forgotten."
    )
    alerts_max_stories: int = Field(10_000, ge=1, description="Stories remembered at most.")
    alerts_max_articles: int = Field(
        200_000, ge=1, description="Article ids remembered at most (for copies and updates)."
    )

    # --- Kafka ------------------------------------------------------------------
    kafka_bootstrap_servers: str = Field(
        "",
        description=(
            "host:port[,host:port]; empty: the `monitor` command fills in the local"
            " stack's broker when it is running, else 127.0.0.1:9092."
        ),
    )
    topic_prefix: str = Field("", description="Prefix for every topic name, e.g. 'prod.'.")
    topic_partitions: int = Field(3, ge=1)
    topic_replication: int = Field(1, ge=1)
    kafka_fetch_max_wait_ms: int = Field(
        100,
        ge=1,
        le=30000,
        description="How long the worker's consumer lets the broker hold a fetch that "
        "finds nothing new (ms). faust's own is 1500, which left the two stages idle "
        "for a third of a burst (250 against 340-410 articles/s in bench_service's "
        "process stage). A shorter wait applies from the start, or once the consumer "
        "group has held still for MONITOR_KAFKA_FETCH_SETTLE_SECONDS when that is above 0.",
    )
    kafka_fetch_settle_seconds: float = Field(
        0.0,
        ge=0,
        le=3600,
        description="0: the fetch wait applies from the start. Above 0: faust's 1500 ms "
        "while the consumer group moves (a rebalance, a recovery), the shorter wait only "
        "once it has held still this long.",
    )
    kafka_security_protocol: str = Field(
        "PLAINTEXT", pattern="(?i)^(PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL)$"
    )
    kafka_sasl_mechanism: str = Field("", pattern="(?i)^(|PLAIN|SCRAM-SHA-256|SCRAM-SHA-512)$")
    kafka_sasl_username: str = Field("")
    kafka_sasl_password: SecretStr = Field(SecretStr(""))
    kafka_sasl_password_file: Path | None = Field(
        None,
        description="File holding the SASL password (a mounted secret); "
        "instead of MONITOR_KAFKA_SASL_PASSWORD.",
    )
    kafka_ssl_cafile: Path | None = Field(
        None,
        description="CA certificate(s) (PEM) that sign the brokers' certificates; "
        "empty means the system's trusted CAs.",
    )

    # --- Elasticsearch ------------------------------------------------------------
    es_url: str = Field(
        "",
        description=(
            "Elasticsearch URL; empty: the `monitor` command fills in the local stack's"
            " node when it is running, else http://127.0.0.1:9200."
        ),
    )
    es_api_key: SecretStr = Field(
        SecretStr(""), description="API key, the `encoded` value Elasticsearch returns."
    )
    es_api_key_file: Path | None = Field(
        None, description="File holding the API key; instead of MONITOR_ES_API_KEY."
    )
    es_username: str = Field("")
    es_password: SecretStr = Field(SecretStr(""))
    es_password_file: Path | None = Field(
        None, description="File holding the password; instead of MONITOR_ES_PASSWORD."
    )
    es_ca_certs: Path | None = Field(
        None,
        description="CA certificate(s) (PEM) that sign the node's certificate; "
        "empty means the system's trusted CAs.",
    )

    # --- TLS (Kafka and Elasticsearch) -------------------------------------------------
    tls_insecure_skip_verify: bool = Field(
        False,
        description="DANGEROUS: accept any server certificate and host name (Kafka and "
        "Elasticsearch). Anyone on the path can then read the credentials. Logged loudly.",
    )
    es_index_prefix: str = Field("news", description="Indices are named from this prefix.")
    es_refresh_interval: str = Field(
        "250ms",
        pattern=r"^([1-9]\d*(ms|s|m)|-1)$",
        description="How often the articles index makes new documents searchable (e.g. "
        "250ms, 1s; -1 = only on demand). Shorter: sooner searchable, more merge work "
        "per document. Set in the index template: it applies to backing indices created "
        "after the change (an existing one keeps its own until the next rollover).",
    )
    index_flush_seconds: float = Field(
        0.1,
        gt=0,
        le=60,
        description="The index agent sends its bulk batch when it is full or this old "
        "(seconds): shorter is sooner searchable, with smaller batches under light load.",
    )

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
    worker_gc_freeze_seconds: float = Field(
        2.0,
        ge=0,
        le=3600,
        description="Every this many seconds the worker collects its young garbage and "
        "freezes what survives, so that no collection walks the whole grown state "
        "(short pauses instead of long ones; agents/collector.py). 0: Python's own "
        "collector alone.",
    )
    worker_gc_full_seconds: float = Field(
        600.0,
        ge=0,
        le=86400,
        description="With the freezing step on, every this many seconds the worker "
        "collects everything, frozen objects too (one pause of the whole heap): cyclic "
        "garbage that was alive at a step is freed then. 0: never (it leaks).",
    )
    worker_stall_seconds: float = Field(
        120.0,
        ge=0,
        le=86400,
        description="A partition with messages waiting whose position has not moved for "
        "this many seconds is stalled: the worker logs a warning, lists it on /metrics "
        "and reports itself degraded on /health until it moves (agents/watch.py). "
        "0: no watch.",
    )
    log_format: Literal["text", "json"] = Field("text", description="Log lines: text or json.")
    log_level: str = Field("INFO")
    state_dir: Path = Field(
        Path.home() / ".cache" / "karabakh-monitor",
        description="Where the local stack and the service keep their files.",
    )

    @model_validator(mode="after")
    def _check_consistency(self) -> Settings:
        for name in _SECRET_FILES:
            _read_secret_file(self, name)
        if self.kafka_sasl_mechanism and not self.kafka_sasl_username:
            raise ValueError(
                "MONITOR_KAFKA_SASL_MECHANISM is set but MONITOR_KAFKA_SASL_USERNAME is empty: "
                "set both, or neither"
            )
        if self.es_username and not self.es_password.get_secret_value():
            raise ValueError("MONITOR_ES_USERNAME is set: set MONITOR_ES_PASSWORD too")
        return self


#: Secrets that may come from a file instead (`MONITOR_<NAME>_FILE`), the way
#: container orchestrators mount them.
_SECRET_FILES = ("kafka_sasl_password", "es_password", "es_api_key")


def _read_secret_file(settings: Settings, name: str) -> None:
    """Fill the secret `name` from `<name>_file` when that is set (never both)."""
    path: Path | None = getattr(settings, f"{name}_file")
    if path is None:
        return
    env = f"MONITOR_{name.upper()}"
    current: SecretStr = getattr(settings, name)
    if current.get_secret_value():
        raise ValueError(f"{env} and {env}_FILE are both set: set one of them")
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise ValueError(f"{env}_FILE: cannot read {path}: {reason}") from None
    # A trailing newline is an editor's, not part of the secret.
    value = text.rstrip("\r\n")
    if not value:
        raise ValueError(f"{env}_FILE: {path} is empty")
    setattr(settings, name, SecretStr(value))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once from the environment."""
    return Settings()
