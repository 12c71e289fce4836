"""`monitor config`: show the effective settings (secrets masked)."""

from __future__ import annotations

import json

import click

from monitor.settings import Settings


@click.command()
def config() -> None:
    """Print every setting, its environment variable and its current value.

    Secrets are shown as '**********'.
    """
    settings = Settings()
    for name, field in Settings.model_fields.items():
        value = getattr(settings, name)
        shown = json.dumps(value if isinstance(value, bool | int | float | str) else str(value))
        desc = f"  # {field.description}" if field.description else ""
        click.echo(f"MONITOR_{name.upper()}={shown}{desc}")
