"""`monitor stack up | down | status`: the local Kafka + Elasticsearch stack."""

from __future__ import annotations

import json
import time

import click

from monitor.settings import Settings
from monitor.stack import StackError, StackInfo, versions
from monitor.stack import down as stack_down
from monitor.stack import status as stack_status
from monitor.stack import up as stack_up


@click.group()
def stack() -> None:
    """Run a local Kafka broker and Elasticsearch node for development and tests.

    \b
    Kafka         {kafka}, one KRaft node (broker + controller), default {kb}
    Elasticsearch {es} (integ-test zip), single node, security off, default {eu}

    Both come from Maven Central (needs `mvn` and a Java {java}+ JDK) and are
    downloaded once into the state dir (MONITOR_STATE_DIR, default
    ~/.cache/karabakh-monitor), which also holds their data, logs and
    stack.json, the record of addresses and pids. Both listen on 127.0.0.1 only.

    Other `monitor` commands find the stack through stack.json unless
    MONITOR_KAFKA_BOOTSTRAP_SERVERS / MONITOR_ES_URL point elsewhere.

    \b
    Typical use:
      monitor stack up        # start (idempotent), wait until healthy
      monitor stack status    # exit code 0 only if both answer
      monitor stack down      # stop what `up` started; data is kept
    """


# Versions shown in --help come from the one place that pins them.
stack.help = (stack.help or "").format(
    kafka=versions.KAFKA_VERSION,
    es=versions.ES_VERSION,
    kb=versions.DEFAULT_KAFKA_BOOTSTRAP,
    eu=versions.DEFAULT_ES_URL,
    java=versions.MIN_JAVA,
)


def _print_table(info: StackInfo) -> None:
    for node in info.nodes:
        if node.healthy:
            state = "started" if node.started else "running"
        else:
            state = "UNHEALTHY" if node.running else "stopped"
        pid = f"pid {node.pid}" if node.pid else "-"
        click.echo(f"{node.name:<14} {state:<10} {node.address:<24} {pid:<10} {node.detail}")
        if node.log_file and (node.running or not node.healthy):
            click.echo(f"{'':<14} log: {node.log_file}")
    click.echo(f"record: {info.record_file}")


@stack.command()
@click.option(
    "--kafka-port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Broker port. Default: the recorded one, else 9092; if another "
    "program holds it a free port is used (an explicit port never moves).",
)
@click.option(
    "--es-port",
    type=click.IntRange(1, 65535),
    default=None,
    help="Elasticsearch HTTP port; same rules as --kafka-port, default 9200.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(10),
    default=180.0,
    show_default=True,
    help="Seconds to wait for each node to become healthy.",
)
def up(kafka_port: int | None, es_port: int | None, timeout: float) -> None:
    """Start the stack (downloading it the first time) and wait until healthy.

    Nodes already running are kept, so running `up` twice is harmless. Progress
    goes to stderr; the summary to stdout.
    """
    started = time.monotonic()
    try:
        info = stack_up(Settings(), kafka_port=kafka_port, es_port=es_port, timeout=timeout)
    except StackError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_table(info)
    click.echo(f"ready in {time.monotonic() - started:.1f} s", err=True)


@stack.command()
@click.option(
    "--timeout",
    type=click.FloatRange(1),
    default=60.0,
    show_default=True,
    help="Seconds to wait after SIGTERM before SIGKILL.",
)
def down(timeout: float) -> None:
    """Stop the nodes `up` started (and nothing else); data and downloads stay."""
    try:
        stopped = stack_down(Settings(), timeout=timeout)
    except StackError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"stopped: {', '.join(stopped)}" if stopped else "nothing was running")


@stack.command()
@click.option("--json", "as_json", is_flag=True, help="Print the status as one JSON object.")
def status(as_json: bool) -> None:
    """Show what runs and where; exit code 0 only if both nodes are healthy."""
    info = stack_status(Settings())
    if as_json:
        click.echo(json.dumps(info.as_dict(), indent=2))
    else:
        _print_table(info)
    if not info.healthy:
        raise click.exceptions.Exit(1)
