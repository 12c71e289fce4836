"""`monitor watch`: the alert topics, live, for a person at a terminal."""

from __future__ import annotations

import asyncio
import json
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import Any

import click

from monitor.cli.alert_view import matches, render_alert
from monitor.cli.errors import kafka_error, quiet_kafka_client_logs
from monitor.cli.settings import load_settings
from monitor.settings import Settings
from schemas.alert import ALERT_TYPES

_DURATION = re.compile(r"^(\d+(?:\.\d+)?)\s*([smhdw])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_since(text: str, now: datetime) -> datetime:
    """`--since`: a duration back from `now` (90s, 15m, 2h, 1d, 1w) or an ISO date
    or time (without a zone: UTC)."""
    value = text.strip()
    match = _DURATION.match(value)
    if match:
        return now - timedelta(seconds=float(match.group(1)) * _UNIT_SECONDS[match.group(2)])
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"{text!r} is neither a duration (90s, 15m, 2h, 1d, 1w) nor an ISO date or time "
            "(2023-09-20, 2023-09-20T09:00)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _since_option(ctx: click.Context, param: click.Parameter, value: str | None) -> int | None:
    if value is None:
        return None
    try:
        return int(parse_since(value, datetime.now(UTC)).timestamp() * 1000)
    except ValueError as exc:
        raise click.BadParameter(str(exc), ctx, param) from None


async def watch_alerts(
    settings: Settings,
    *,
    types: tuple[str, ...],
    karabakh_only: bool,
    since_ms: int | None,
    as_json: bool,
    reorder: bool,
    max_alerts: int | None,
    timeout: float | None,
    console: Any,
) -> int:
    """Print the alerts that pass the filters as they arrive; returns how many."""
    from monitor.service.follow import follow, until_idle
    from monitor.service.names import TopicNames

    names = TopicNames.from_settings(settings)
    topics = [names.alert_topic(t) for t in (types or ALERT_TYPES)]

    def waiting(missing: list[str]) -> None:
        console.print(
            f"waiting for {', '.join(missing)} to exist (the worker creates them: `monitor run`)",
            style="dim",
            highlight=False,
            soft_wrap=True,
        )

    def ready() -> None:
        if not as_json:
            start = "from the latest" if since_ms is None else "since " + _ms_text(since_ms)
            console.print(
                f"watching {', '.join(topics)} {start}; Ctrl-C stops",
                style="dim",
                highlight=False,
                soft_wrap=True,
            )

    shown = 0
    start_at: str | int = "end" if since_ms is None else since_ms
    stream = follow(settings, topics, start=start_at, on_waiting=waiting, on_ready=ready)
    try:
        async for rec in until_idle(stream, timeout):
            if since_ms is not None and rec.timestamp_ms < since_ms:
                continue
            try:
                alert = json.loads(rec.value or b"")
            except ValueError:
                continue  # not an alert (the alert agent only writes JSON)
            if not isinstance(alert, dict) or not matches(alert, types, karabakh_only):
                continue
            if as_json:
                sys.stdout.write(json.dumps(alert, ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                console.print(
                    render_alert(
                        alert, width=console.width, reorder=reorder, timestamp_ms=rec.timestamp_ms
                    )
                )
            shown += 1
            if max_alerts is not None and shown >= max_alerts:
                break
    finally:
        await stream.aclose()  # type: ignore[attr-defined]
    return shown


def _ms_text(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


@click.command()
@click.option(
    "--type",
    "types",
    multiple=True,
    type=click.Choice(ALERT_TYPES),
    help="Only this alert type (repeatable; default: both).",
)
@click.option("--karabakh-only", is_flag=True, help="Only alerts of Karabakh-related stories.")
@click.option(
    "--since",
    "since_ms",
    callback=_since_option,
    metavar="WHEN",
    help="Start with the alerts published since WHEN: a duration back from now (15m, 2h, "
    "1d) or an ISO date or time (UTC unless it says). Default: only new alerts.",
)
@click.option("--json", "as_json", is_flag=True, help="One alert per line as JSON, for scripts.")
@click.option(
    "--bidi/--no-bidi",
    "reorder",
    default=True,
    show_default=True,
    help="Reorder Arabic for display. --no-bidi for a terminal that does it itself "
    "(Konsole, mlterm, GNOME Terminal with BiDi on), which would otherwise turn it back.",
)
@click.option("--max", "max_alerts", type=click.IntRange(1), help="Stop after N alerts.")
@click.option(
    "--timeout",
    type=click.FloatRange(0),
    help="Stop after this many seconds without a new alert (default: follow until Ctrl-C).",
)
def watch(
    types: tuple[str, ...],
    karabakh_only: bool,
    since_ms: int | None,
    as_json: bool,
    reorder: bool,
    max_alerts: int | None,
    timeout: float | None,
) -> None:
    """Follow the alert topics and show each new alert as a block: the story, the
    ceasefire status or the figures per claimant (with the figure before),
    whether it is about Karabakh, how many articles and independent sources
    carry it, and the evidence sentence in its original Arabic, right to left.

    \b
    Examples:
      monitor watch                          # new alerts, until Ctrl-C
      monitor watch --since 1d --karabakh-only
      monitor watch --type casualties --json | jq .figures
    """
    from rich.console import Console

    settings = load_settings()
    quiet_kafka_client_logs()
    # Notices go to stderr with --json, so stdout stays one alert per line.
    console = Console(stderr=as_json, highlight=False)
    try:
        asyncio.run(
            watch_alerts(
                settings,
                types=types,
                karabakh_only=karabakh_only,
                since_ms=since_ms,
                as_json=as_json,
                reorder=reorder,
                max_alerts=max_alerts,
                timeout=timeout,
                console=console,
            )
        )
    except KeyboardInterrupt:
        pass
    except Exception as exc:
        error = kafka_error(settings, exc)
        if error is None:
            raise
        raise error from None
