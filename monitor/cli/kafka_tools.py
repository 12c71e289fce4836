"""`monitor produce FILE` and `monitor tail TOPIC`: the project's topics from a shell."""

from __future__ import annotations

import asyncio
import sys
import time
from typing import IO

import click

from monitor.cli.errors import kafka_error, quiet_kafka_client_logs
from monitor.cli.settings import load_settings
from monitor.settings import Settings


async def produce_lines(
    settings: Settings,
    lines: list[tuple[int, bytes]],
    topic: str | None = None,
    invalid: dict[int, str] | None = None,
) -> int:
    """Send raw lines to news.raw (or `topic`), keyed; returns how many were sent.
    `invalid`, when given, receives line number -> reason code of the lines the
    service will dead-letter (they are sent all the same)."""
    from aiokafka import AIOKafkaProducer

    from monitor.service.kafka import client_kwargs, ensure_topics, headers
    from monitor.service.names import TopicNames
    from monitor.service.produce import classify

    names = TopicNames.from_settings(settings)
    await ensure_topics(settings, names)
    producer = AIOKafkaProducer(**client_kwargs(settings), acks="all", enable_idempotence=True)
    await producer.start()
    try:
        futures = []
        for number, line in lines:
            hdrs = headers("news-item", **{"produced-at": f"{time.time():.6f}"})
            key, problem = classify(line, settings.max_body_bytes)
            if problem is not None and invalid is not None:
                invalid[number] = problem
            futures.append(
                await producer.send(topic or names.raw, value=line, key=key, headers=hdrs)
            )
        await producer.flush()
        for fut in futures:
            await fut
        return len(futures)
    finally:
        await producer.stop()


@click.command()
@click.argument("file", type=click.File("rb"), default="-")
def produce(file: IO[bytes]) -> None:
    """Send JSON Lines news items from FILE (stdin if '-' or absent) to news.raw.

    Each message is keyed by the item's id and carries a schema-version header.
    Invalid lines are sent too: the service dead-letters them with the reason.
    """
    from monitor.service.produce import read_lines

    settings = load_settings()
    quiet_kafka_client_logs()
    lines = list(read_lines(file))
    invalid: dict[int, str] = {}
    try:
        sent = asyncio.run(produce_lines(settings, lines, invalid=invalid))
    except Exception as exc:
        error = kafka_error(settings, exc)
        if error is not None:
            raise error from None
        raise click.ClickException(f"cannot send to Kafka: {type(exc).__name__}: {exc}") from exc
    click.echo(f"sent {sent} messages", err=True)
    for number, code in sorted(invalid.items())[:20]:
        click.echo(
            f"line {number}: not a valid item ({code}); the service will dead-letter it", err=True
        )
    if len(invalid) > 20:
        click.echo(f"... {len(invalid) - 20} more invalid lines", err=True)


async def tail_topic(
    settings: Settings,
    topic: str,
    *,
    from_beginning: bool,
    timeout: float | None,
    max_messages: int | None,
    out: IO[str],
) -> int:
    """Print a topic's messages as JSON lines; stop after `timeout` idle seconds."""
    from monitor.service.follow import TopicsMissing, follow, until_idle
    from monitor.service.names import TopicNames
    from monitor.service.produce import render_message

    full = TopicNames.from_settings(settings).resolve(topic)
    count = 0
    stream = follow(settings, [full], start="beginning" if from_beginning else "end")
    try:
        async for rec in until_idle(stream, timeout):
            out.write(
                render_message(
                    topic=rec.topic,
                    partition=rec.partition,
                    offset=rec.offset,
                    key=rec.key,
                    value=rec.value,
                    headers=rec.headers,
                    timestamp_ms=rec.timestamp_ms,
                )
                + "\n"
            )
            out.flush()
            count += 1
            if max_messages is not None and count >= max_messages:
                break
    except TopicsMissing:
        raise click.ClickException(f"topic {full} does not exist") from None
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    return count


@click.command()
@click.argument("topic")
@click.option("--from-beginning", is_flag=True, help="Start at the oldest message.")
@click.option(
    "--timeout",
    type=float,
    default=None,
    help="Stop after this many seconds without a new message (default: run until Ctrl-C).",
)
@click.option("--max", "max_messages", type=int, default=None, help="Stop after N messages.")
def tail(topic: str, from_beginning: bool, timeout: float | None, max_messages: int | None) -> None:
    """Print TOPIC's messages as JSON Lines (topic, partition, offset, key, headers, value).

    TOPIC is a project topic's short name (news.raw, news.enriched,
    news.deadletter, alerts.ceasefire, alerts.casualties; the prefix is added)
    or any full topic name.
    """
    settings = load_settings()
    quiet_kafka_client_logs()
    try:
        asyncio.run(
            tail_topic(
                settings,
                topic,
                from_beginning=from_beginning,
                timeout=timeout,
                max_messages=max_messages,
                out=sys.stdout,
            )
        )
    except KeyboardInterrupt:
        pass
    except Exception as exc:
        error = kafka_error(settings, exc)
        if error is None:
            raise
        raise error from None
