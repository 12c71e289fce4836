"""The `monitor` command line: one group, one module per command family."""

from __future__ import annotations

from typing import Any

import click
from pydantic import ValidationError

from monitor import __version__


class _Group(click.Group):
    """The command group; a bad MONITOR_* value, wherever a command reads the
    settings, is reported by its variable name and allowed values, not as a
    pydantic traceback."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationError as exc:
            if exc.title != "Settings":
                raise
            from monitor.cli.errors import settings_error

            raise settings_error(exc) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def main() -> None:
    """Monitor Arabic news about Nagorno-Karabakh: detect ceasefire and casualty
    updates, deduplicate republished paragraphs, alert on Kafka, search in
    Elasticsearch.

    Settings come from MONITOR_* environment variables (see `monitor config`).
    """


def _register() -> None:
    # Imported here so that each command family stays in its own module and a
    # broken optional dependency (faust, elasticsearch) only breaks its commands.
    from monitor.cli import analyze, config, evaluate
    from monitor.cli import stack as stack_cli

    main.add_command(analyze.analyze)
    main.add_command(analyze.schemas)
    main.add_command(evaluate.evaluate)
    main.add_command(config.config)
    main.add_command(stack_cli.stack)
    _register_service()
    _register_search_and_feeds()


def _register_service() -> None:
    from monitor.cli import demo, kafka_tools, run, watch

    main.add_command(run.run)
    main.add_command(kafka_tools.produce)
    main.add_command(kafka_tools.tail)
    main.add_command(watch.watch)
    main.add_command(demo.demo)


def _register_search_and_feeds() -> None:
    from monitor.cli import feeds, kibana, search

    main.add_command(search.search)
    main.add_command(search.es)
    main.add_command(kibana.kibana)
    main.add_command(feeds.feeds)


_register()
