"""What the class tests read from the detectors: each casualty figure as (kind,
count) or (kind, count, historical), the ceasefire statuses, for a body (and a
headline) of 2026."""

from __future__ import annotations

import json

from monitor.analyzer import Analyzer
from monitor.detect import detect_casualties, detect_ceasefire
from monitor.document import Document
from schemas.analysis import Analysis


def dated(body: str, title: str | None = None) -> set[tuple[str, int | None, bool]]:
    doc = Document.from_text("t", title, body)
    return {(f.kind, f.count, f.historical) for f in detect_casualties(doc, 2026)}


def figs(body: str, title: str | None = None) -> set[tuple[str, int | None]]:
    return {(kind, count) for kind, count, _ in dated(body, title)}


def analysis(title: str, body: str) -> Analysis:
    """The whole analysis of an item of 2026 (for the alert rules)."""
    item = {"id": "t", "title": title, "body": body, "published_at": "2026-05-01T00:00:00Z"}
    result = Analyzer().analyze_raw(json.dumps(item, ensure_ascii=False))
    assert isinstance(result, Analysis), result
    return result


def statuses(body: str, title: str | None = None) -> set[str]:
    """The ceasefire statuses the item states."""
    result = detect_ceasefire(Document.from_text("t", title, body), 2026)
    return {s.status for s in result.statements}
