"""`monitor feeds`: poll the RSS/Atom feeds of a config file into news.raw."""

from __future__ import annotations

import asyncio
import logging
import signal
import sys
from pathlib import Path

import click

from monitor.cli.settings import load_settings
from monitor.settings import Settings

DEFAULT_CONFIG = Path("seeds/feeds.toml")


def _state_path(settings: Settings, config: Path) -> Path:
    # One state file per config file, so two poller configs never share seen ids.
    import hashlib

    digest = hashlib.sha1(str(config.resolve()).encode("utf-8")).hexdigest()[:12]
    return Path(settings.state_dir).expanduser() / "feeds" / f"state-{digest}.json"


@click.command("feeds")
@click.option("--once", is_flag=True, help="Poll every feed once and exit.")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=DEFAULT_CONFIG,
    show_default=True,
    help="Feed list (TOML or JSON).",
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="State file (seen ids, ETags); default: below MONITOR_STATE_DIR.",
)
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print new items as JSON Lines instead of producing them to Kafka.",
)
def feeds(once: bool, config_path: Path, state_path: Path | None, dry_run: bool) -> None:
    """Poll RSS/Atom feeds and produce each new entry once to news.raw.

    Entries keep a stable id (hashed from their guid or link); ids already sent
    are remembered in the state file, so polling again sends only new entries.
    One failing feed is reported and the others go on.
    """
    from monitor.feeds.config import ConfigError, load_config
    from monitor.feeds.poller import FeedPoller
    from monitor.feeds.sink import JsonLinesSink, KafkaSink

    settings = load_settings()
    if not logging.getLogger().handlers:
        logging.basicConfig(
            level=settings.log_level.upper(),
            format="%(asctime)s %(levelname)s %(name)s %(message)s",
            stream=sys.stderr,
        )
    try:
        config = load_config(config_path)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    if not config.enabled():
        raise click.ClickException(f"{config_path}: no enabled feeds")
    state_file = state_path or _state_path(settings, config_path)

    async def _run() -> int:
        sink: JsonLinesSink | KafkaSink = JsonLinesSink() if dry_run else KafkaSink(settings)
        if isinstance(sink, KafkaSink):
            await sink.start()
        poller = FeedPoller(
            config,
            sink,
            state_path=state_file,
            max_body_bytes=settings.max_body_bytes,
        )
        try:
            if once:
                outcomes = await poller.poll_once()  # each outcome is logged
                return 1 if all(o.status == "error" for o in outcomes) else 0
            stop = asyncio.Event()
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, stop.set)
            await poller.run(stop)
            return 0
        finally:
            await poller.close()
            if isinstance(sink, KafkaSink):
                await sink.stop()

    sys.exit(asyncio.run(_run()))
