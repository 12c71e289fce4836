"""`monitor demo` (placeholder, filled in below)."""

from __future__ import annotations

import click


@click.command()
def demo() -> None:
    """Run the whole pipeline on the seed article."""
    raise click.ClickException("not implemented yet")
