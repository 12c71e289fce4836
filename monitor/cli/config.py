"""`monitor config`: show the effective settings (secrets masked)."""

from __future__ import annotations

import json

import click

from monitor.security import mask_url_password
from monitor.settings import Settings


def shown_value(value: object) -> str:
    """A setting's value as `monitor config` prints it: JSON, secrets masked."""
    if isinstance(value, str):
        return json.dumps(mask_url_password(value), ensure_ascii=False)
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return json.dumps(str(value))  # SecretStr prints as '**********'


@click.command()
def config() -> None:
    """Print every setting, its environment variable and its current value.

    Secrets are shown as '**********', and so is a password inside a URL.
    """
    settings = Settings()
    for name, field in Settings.model_fields.items():
        desc = f"  # {field.description}" if field.description else ""
        click.echo(f"MONITOR_{name.upper()}={shown_value(getattr(settings, name))}{desc}")
