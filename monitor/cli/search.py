"""`monitor search QUERY` (analysts' full-text search) and `monitor es setup|maintain`."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from monitor.cli.settings import load_settings
from monitor.es.highlight import original_fragment
from monitor.es.mappings import CASUALTY_KINDS, CEASEFIRE_STATUSES
from monitor.settings import Settings


def _client(settings: Settings) -> Any:
    from monitor.es.client import make_client

    return make_client(settings)


def _api_error(exc: Exception, settings: Settings) -> click.ClickException:
    from monitor.es.client import describe
    from monitor.service.access import es_refusal

    refusal = es_refusal(exc, settings)
    if refusal is not None:
        return click.ClickException(str(refusal))
    return click.ClickException(
        f"Elasticsearch request failed ({describe(settings)}): {type(exc).__name__}: {exc}. "
        "Is it running (`monitor stack up`) and set up (`monitor es setup`)?"
    )


def _quiet_setup_log() -> None:
    # The command prints the setup report itself; without logging configured,
    # Python's last-resort handler would print its warnings a second time.
    import logging

    if not logging.getLogger().handlers:
        logging.getLogger("monitor.es.setup").addHandler(logging.NullHandler())
        logging.getLogger("monitor.es.setup").propagate = False


@click.group("es")
def es() -> None:
    """Elasticsearch: create/update templates, alias and indices."""


@es.command("setup")
def es_setup() -> None:
    """Create or update the index templates, the articles alias and the alerts index.

    Idempotent: run it again after an upgrade; a changed mapping reaches a new
    write index through a rollover while the alias keeps every older index.
    """
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    from monitor.es.setup import SetupError, ensure_setup

    settings = load_settings()
    _quiet_setup_log()
    client = _client(settings)
    try:
        report = ensure_setup(client, settings)
    except SetupError as exc:
        raise click.ClickException(str(exc)) from None
    except (ApiError, TransportError) as exc:
        raise _api_error(exc, settings) from None
    finally:
        client.close()
    click.echo(f"text analyzer: {report.text_analyzer} ({report.analyzer_reason})")
    click.echo(f"lifecycle: {report.ilm_reason}")
    for action in report.actions:
        click.echo(f"- {action}")


@es.command("maintain")
def es_maintain() -> None:
    """Roll the articles alias over and delete expired indices (for clusters without ILM)."""
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    from monitor.es.setup import maintain

    settings = load_settings()
    _quiet_setup_log()
    client = _client(settings)
    try:
        report = maintain(client, settings)
    except (ApiError, TransportError) as exc:
        raise _api_error(exc, settings) from None
    finally:
        client.close()
    for action in report.actions or ["nothing to do"]:
        click.echo(f"- {action}")


def format_hit(hit: dict[str, Any]) -> str:
    """One result as a few readable lines."""
    src = hit.get("_source", {})
    title = src.get("title") or "(no title)"
    when = (src.get("published_at") or src.get("@timestamp") or "")[:16].replace("T", " ")
    head = f"{hit.get('_score') or 0:.2f}  {when}  {src.get('source') or '-'}  {title}"
    lines = [
        head,
        f"      id: {hit.get('_id')}" + (f"  url: {src['url']}" if src.get("url") else ""),
    ]
    facts = []
    statuses = (src.get("ceasefire") or {}).get("statuses") or []
    if statuses:
        facts.append("ceasefire: " + ", ".join(statuses))
    counts = src.get("casualty_counts") or {}
    if counts:
        facts.append("figures: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if src.get("is_republication"):
        rep = src.get("republication_of") or {}
        facts.append(f"republication of {rep.get('article')}")
    elif src.get("republished_share"):
        facts.append(f"republished share {src['republished_share']:.0%}")
    if facts:
        lines.append("      " + "; ".join(facts))
    shown: set[str] = set()
    for fragment in (hit.get("highlight") or {}).get("body_normalized", [])[:2]:
        # The article's own words, not the normalized form the index matched.
        text = original_fragment(fragment, src.get("body") or "") or fragment.replace(
            "<em>", "«"
        ).replace("</em>", "»")
        if text not in shown:  # a paragraph repeated in the article shows once
            shown.add(text)
            lines.append("      … " + text + " …")
    return "\n".join(lines)


def _date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a date the query would refuse, naming the option (--from, --to)."""
    from monitor.es.query import date_value

    if value is None:
        return None
    try:
        date_value(value, param.opts[0])
    except ValueError as exc:
        raise click.BadParameter(str(exc).removeprefix(f"{param.opts[0]} "), ctx, param) from None
    return value


@click.command("search")
@click.argument("query", required=False, default="")
@click.option("--phrase", is_flag=True, help="Match the words as one phrase, in order.")
@click.option(
    "--from",
    "date_from",
    callback=_date_option,
    help="Published on/after (YYYY-MM-DD, ISO time, now-7d).",
)
@click.option("--to", "date_to", callback=_date_option, help="Published on/before.")
@click.option("--source", "sources", multiple=True, help="Source or outlet (repeatable).")
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=click.Choice(CEASEFIRE_STATUSES),
    help="Ceasefire statement status (repeatable).",
)
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(CASUALTY_KINDS),
    help="Casualty figure kind (repeatable).",
)
@click.option("--karabakh-only", is_flag=True, help="Only Karabakh-related articles.")
@click.option("--no-republications", is_flag=True, help="Leave out republished copies.")
@click.option("--size", default=10, show_default=True, type=click.IntRange(0, 1000))
@click.option("--json", "as_json", is_flag=True, help="Print hits as JSON Lines.")
def search(
    query: str,
    phrase: bool,
    date_from: str | None,
    date_to: str | None,
    sources: tuple[str, ...],
    statuses: tuple[str, ...],
    kinds: tuple[str, ...],
    karabakh_only: bool,
    no_republications: bool,
    size: int,
    as_json: bool,
) -> None:
    """Full-text search of the indexed articles, in any Arabic spelling.

    \b
    Examples:
      monitor search "قرة باغ"
      monitor search "ناغورنو قره باغ" --phrase --status agreed
      monitor search "" --kind killed --karabakh-only --from 2023-09-01
    """
    from elastic_transport import TransportError
    from elasticsearch import ApiError

    from monitor.es.names import articles_alias
    from monitor.es.query import build_search

    settings = load_settings()
    try:
        body = build_search(
            query,
            phrase=phrase,
            date_from=date_from,
            date_to=date_to,
            sources=sources,
            statuses=statuses,
            casualty_kinds=kinds,
            karabakh_only=karabakh_only,
            exclude_republications=no_republications,
            size=size,
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None
    client = _client(settings)
    try:
        resp = client.search(index=articles_alias(settings), body=body)
    except (ApiError, TransportError) as exc:
        raise _api_error(exc, settings) from None
    finally:
        client.close()
    hits = resp["hits"]["hits"]
    if as_json:
        for hit in hits:
            out = {"id": hit["_id"], "score": hit.get("_score"), **hit.get("_source", {})}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        return
    total = resp["hits"]["total"]["value"]
    click.echo(f"{total} article(s) in {articles_alias(settings)}" + (":" if hits else ""))
    for hit in hits:
        click.echo(format_hit(hit))
