"""Analysis / Alert -> the Elasticsearch document (pure functions, no client).

The document `_id` is the article id (or the alert id), so a redelivered
message overwrites its document instead of adding a second one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from monitor.text.normalize import normalize
from schemas.alert import Alert
from schemas.analysis import Analysis


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def outlet_of(analysis: Analysis) -> str | None:
    """The outlet: the URL's host without `www.`, else the source name."""
    if analysis.url:
        try:
            host = urlsplit(analysis.url).hostname
        except ValueError:
            host = None
        if host:
            return host.removeprefix("www.")
    return analysis.source


def article_id(analysis: Analysis) -> str:
    """The document `_id` of an article."""
    return analysis.id


def article_version(analysis: Analysis) -> int:
    """The document's external version: its event time in milliseconds, so a
    stale redelivery (an older version of the article) never replaces a newer one,
    and the same analysis delivered twice writes the same document twice."""
    when = (
        analysis.event_time.at
        if analysis.event_time is not None
        else analysis.published_at or analysis.processed_at
    )
    return int(when.timestamp() * 1000) if when is not None else 0


def article_document(analysis: Analysis) -> dict[str, Any]:
    """The indexed form of one analysis (see `monitor.es.mappings.articles_mappings`)."""
    # The event time: a date that lies (2099, 1900) is not where Kibana shows it.
    event = analysis.event_time
    timestamp = event.at if event is not None else analysis.published_at or analysis.processed_at
    current_statements = [s for s in analysis.ceasefire.statements if not s.historical]
    current_figures = [f for f in analysis.casualties if not f.historical]

    counts: dict[str, int] = {}
    for figure in current_figures:
        if figure.count is not None:
            counts[figure.kind] = max(counts.get(figure.kind, 0), figure.count)

    paragraph_count = len(analysis.paragraphs)
    dup_refs = [p.duplicate_of for p in analysis.paragraphs if p.duplicate_of is not None]
    # Repeats inside the article itself (a paragraph restated lower down) count as
    # duplicate paragraphs but not as republished: only copies of earlier articles do.
    republished = sum(1 for r in dup_refs if r.article != analysis.id)
    share = republished / paragraph_count if paragraph_count else 0.0

    rep = analysis.republication_of
    return {
        "@timestamp": _iso(timestamp),
        "id": analysis.id,
        "schema_version": analysis.schema_version,
        "source": analysis.source,
        "outlet": outlet_of(analysis),
        "url": analysis.url,
        "published_at": _iso(analysis.published_at),
        "processed_at": _iso(analysis.processed_at),
        "event_time": event.model_dump(mode="json") if event is not None else None,
        "title": analysis.title,
        "title_normalized": normalize(analysis.title) if analysis.title else None,
        "body": analysis.body,
        "body_normalized": "\n".join(normalize(p.text) for p in analysis.paragraphs)
        if analysis.paragraphs
        else normalize(analysis.body),
        "paragraph_count": paragraph_count,
        "karabakh": {
            "related": analysis.karabakh.related,
            "score": analysis.karabakh.score,
            "centrality": analysis.karabakh.centrality,
            "mentions": list(analysis.karabakh.mentions),
            "canonical": sorted({m.canonical for m in analysis.karabakh.mention_spans}),
        },
        "ceasefire": {
            "detected": analysis.ceasefire.detected,
            "statuses": sorted({s.status for s in current_statements}),
            "historical_statuses": sorted(
                {s.status for s in analysis.ceasefire.statements if s.historical}
            ),
            "statement_count": len(current_statements),
            "statements": [
                {
                    "status": s.status,
                    "historical": s.historical,
                    "sentence": s.sentence,
                    "trigger": s.trigger or None,
                    "parties": list(s.parties),
                    "proposed_by": s.proposed_by,
                    "accepted_by": s.accepted_by,
                    "paragraph": s.paragraph,
                }
                for s in analysis.ceasefire.statements
            ],
        },
        "casualties": [
            {
                "kind": f.kind,
                "count": f.count,
                "approximate": f.approximate,
                "qualifier": f.qualifier,
                "attributed_to": f.attributed_to,
                "cumulative": f.cumulative,
                "historical": f.historical,
                "sentence": f.sentence,
                "paragraph": f.paragraph,
            }
            for f in analysis.casualties
        ],
        "casualty_kinds": sorted({f.kind for f in current_figures}),
        "casualty_attributed_to": sorted(
            {f.attributed_to for f in current_figures if f.attributed_to}
        ),
        "casualty_figure_count": len(current_figures),
        "casualty_counts": counts,
        "duplicate_paragraphs": analysis.duplicate_paragraphs,
        "republished_paragraphs": republished,
        "republished_share": round(share, 4),
        "is_republication": rep is not None,
        "republication_of": (
            {
                "article": rep.article,
                "source": rep.source,
                "shared_paragraphs": rep.shared_paragraphs,
            }
            if rep is not None
            else None
        ),
        "duplicate_of_articles": sorted({r.article for r in dup_refs if r.article != analysis.id}),
        "duplicate_of_sources": sorted(
            {r.source for r in dup_refs if r.source and r.article != analysis.id}
        ),
        "alert_count": len(analysis.alerts),
        "alert_ids": [a.alert_id for a in analysis.alerts],
    }


def alert_document(alert: Alert) -> dict[str, Any]:
    """The indexed form of one alert; its `_id` is `alert.alert_id`."""

    def figure(f: Any) -> dict[str, Any]:
        return {
            "kind": f.kind,
            "count": f.count,
            "qualifier": f.qualifier,
            "attributed_to": f.attributed_to,
            "previous_count": f.previous_count,
        }

    return {
        "@timestamp": _iso(alert.created_at),
        "alert_id": alert.alert_id,
        "schema_version": alert.schema_version,
        "type": alert.type,
        "story_id": alert.story_id,
        "version": alert.version,
        "karabakh_related": alert.karabakh_related,
        "created_at": _iso(alert.created_at),
        "status": alert.status,
        "title": alert.title,
        "figures": [figure(f) for f in alert.figures],
        "changed": [figure(f) for f in alert.changed],
        "kinds": sorted({f.kind for f in alert.figures}),
        "changed_kinds": sorted({f.kind for f in alert.changed}),
        "article_count": alert.article_count,
        "independent_source_count": alert.independent_source_count,
        "articles": sorted({e.article for e in alert.evidence}),
        "sources": sorted({e.source for e in alert.evidence if e.source}),
        "evidence_sentences": [e.sentence for e in alert.evidence if e.sentence],
    }
