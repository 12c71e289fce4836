"""The `monitor` command line: one group, one module per command family."""

from __future__ import annotations

import importlib
from typing import Any

import click
from pydantic import ValidationError

from monitor import __version__


class _Group(click.Group):
    """The command group; a bad MONITOR_* value, wherever a command reads the
    settings, is reported by its variable name and allowed values, not as a
    pydantic traceback. Commands are imported when first asked for (`_COMMANDS`)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ValidationError as exc:
            if exc.title != "Settings":
                raise
            from monitor.cli.errors import settings_error

            raise settings_error(exc) from None

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(self.commands) | set(_COMMANDS))

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in _COMMANDS:
            module, attribute = _COMMANDS[name].split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return self.commands.get(name)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="monitor")
def main() -> None:
    """Monitor Arabic news about Nagorno-Karabakh: detect ceasefire and casualty
    updates, deduplicate republished paragraphs, alert on Kafka, search in
    Elasticsearch.

    Settings come from MONITOR_* environment variables (see `monitor config`).
    """


#: Each command and where it lives, imported when it is run or listed: `monitor
#: analyze` then loads neither the service, nor the stack, nor the terminal views
#: (a short run's start-up), and a broken optional dependency (faust,
#: elasticsearch) only breaks the commands that import it.
_COMMANDS = {
    "analyze": "monitor.cli.analyze:analyze",
    "schemas": "monitor.cli.analyze:schemas",
    "eval": "monitor.cli.evaluate:evaluate",
    "config": "monitor.cli.config:config",
    "stack": "monitor.cli.stack:stack",
    "run": "monitor.cli.run:run",
    "produce": "monitor.cli.kafka_tools:produce",
    "tail": "monitor.cli.kafka_tools:tail",
    "watch": "monitor.cli.watch:watch",
    "demo": "monitor.cli.demo:demo",
    "search": "monitor.cli.search:search",
    "es": "monitor.cli.search:es",
    "kibana": "monitor.cli.kibana:kibana",
    "feeds": "monitor.cli.feeds:feeds",
}
