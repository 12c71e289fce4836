"""`monitor config`: show the effective settings (secrets masked)."""

from __future__ import annotations

import json
from urllib.parse import urlsplit, urlunsplit

import click

from monitor.settings import Settings

MASK = "**********"


def mask_url_password(value: str) -> str:
    """`value` with the password of any URL in it masked: a URL setting such as
    MONITOR_ES_URL may carry credentials (https://user:secret@host:9200)."""
    parts = []
    for item in value.split(","):  # a list of URLs (several brokers or nodes)
        try:
            url = urlsplit(item.strip())
            password = url.password
        except ValueError:
            password = None
        if not password:
            parts.append(item)
            continue
        host = url.netloc.rsplit("@", 1)[1]
        user = url.username or ""
        parts.append(urlunsplit(url._replace(netloc=f"{user}:{MASK}@{host}")))
    return ",".join(parts)


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
