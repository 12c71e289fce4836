"""What the class tests read from the casualty detector: each figure as (kind,
count) or (kind, count, historical), for a body (and a headline) of 2026."""

from __future__ import annotations

from monitor.detect import detect_casualties
from monitor.document import Document


def dated(body: str, title: str | None = None) -> set[tuple[str, int | None, bool]]:
    doc = Document.from_text("t", title, body)
    return {(f.kind, f.count, f.historical) for f in detect_casualties(doc, 2026)}


def figs(body: str, title: str | None = None) -> set[tuple[str, int | None]]:
    return {(kind, count) for kind, count, _ in dated(body, title)}
