"""`monitor run`: the worker (process, alert and index agents; health and metrics)."""

from __future__ import annotations

import asyncio
import logging

import click

from monitor.settings import Settings

log = logging.getLogger("monitor.run")


async def _ensure_topics_retrying(settings: Settings, wait_seconds: float) -> None:
    from monitor.cli.errors import STACK_HINT, is_unreachable
    from monitor.service.kafka import ensure_topics, resolve_bootstrap

    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait_seconds
    delay = 0.5
    while True:
        try:
            await ensure_topics(settings)
            return
        except Exception as exc:
            # aiokafka's connection errors are RuntimeErrors too: only those are
            # waited out; ensure_topics' own refusals (RuntimeError) go up at once.
            if not is_unreachable(exc):
                raise
            if loop.time() >= deadline:
                raise click.ClickException(
                    f"Kafka at {resolve_bootstrap(settings)} did not answer within "
                    f"{wait_seconds:.0f} s ({type(exc).__name__}); {STACK_HINT}"
                ) from None
            log.warning("kafka not ready, retrying", extra={"kv": {"error": str(exc)[:200]}})
            await asyncio.sleep(delay)
            delay = min(delay * 2, 5.0)


def _log_start(settings: Settings) -> None:
    """Where the worker connects and listens, without secrets."""
    from monitor.es.client import describe
    from monitor.service.kafka import resolve_bootstrap
    from monitor.service.names import app_id

    kafka_auth = settings.kafka_security_protocol.upper()
    if settings.kafka_sasl_mechanism:
        kafka_auth += f" {settings.kafka_sasl_mechanism.upper()}({settings.kafka_sasl_username})"
    log.info(
        "starting worker",
        extra={
            "kv": {
                "app": app_id(settings),
                "kafka": resolve_bootstrap(settings),
                "kafka_auth": kafka_auth,
                "elasticsearch": describe(settings),
                "topic_prefix": settings.topic_prefix or "(none)",
                "web": f"http://{settings.web_host}:{settings.web_port}/health/",
            }
        },
    )


@click.command()
@click.option(
    "--wait",
    "wait_seconds",
    type=float,
    default=60.0,
    show_default=True,
    help="How long to wait for Kafka at start-up.",
)
def run(wait_seconds: float) -> None:
    """Run the service: news.raw -> news.enriched -> alert topics and Elasticsearch.

    Stops cleanly on SIGTERM or SIGINT (offsets of finished work are committed,
    unfinished work is redone on the next start). Health and metrics on
    http://MONITOR_WEB_HOST:MONITOR_WEB_PORT/health/ and /metrics/.
    """
    from agents.app import make_app, run_worker
    from monitor.cli.settings import load_settings
    from monitor.service.access import check_elasticsearch
    from monitor.service.logs import setup_logging

    settings = load_settings()
    setup_logging(settings.log_format, settings.log_level)
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(_ensure_topics_retrying(settings, wait_seconds))
        # Refused credentials or certificates stop the worker now, in one line;
        # a node that is merely away is waited for by the index agent.
        loop.run_until_complete(check_elasticsearch(settings))
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc
    app, _ = make_app(settings)
    _log_start(settings)
    run_worker(app, loop, settings)
