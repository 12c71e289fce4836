"""One alert as a block a person reads at a terminal (`monitor watch`): what
happened to which story, the figures per claimant with the value before, whether
it is about Karabakh, how many outlets carry it, and the sentence it rests on in
its original Arabic, right to left."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from monitor.cli.rtl import rtl_lines, shorten, to_visual

CLAIMANT_CELLS = 40


def matches(alert: Mapping[str, Any], types: Iterable[str], karabakh_only: bool) -> bool:
    """Whether `alert` passes the watch filters (no types given: every type)."""
    wanted = set(types)
    if wanted and alert.get("type") not in wanted:
        return False
    return not (karabakh_only and not alert.get("karabakh_related"))


def _rtl(text: str, width: int, reorder: bool) -> str:
    short = shorten(text, width)
    return to_visual(short) if reorder else short


def _when(alert: Mapping[str, Any], timestamp_ms: int | None) -> str:
    created = alert.get("created_at")
    try:
        moment = datetime.fromisoformat(str(created).replace("Z", "+00:00"))
    except ValueError:
        if timestamp_ms is None:
            return ""
        moment = datetime.fromtimestamp(timestamp_ms / 1000, UTC)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _figures(alert: Mapping[str, Any], reorder: bool) -> Table:
    changed = {
        (f.get("kind"), f.get("attributed_to"), f.get("count")) for f in alert.get("changed") or []
    }
    table = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
    table.add_column("kind")
    table.add_column("figure", justify="right")
    table.add_column("before", justify="right")
    table.add_column("claimant", justify="right")
    table.add_column("")
    for fig in alert.get("figures") or []:
        count = fig.get("count")
        qualifier = fig.get("qualifier") or "exact"
        words = qualifier.replace("_", " ")
        if count is None:  # "hundreds", "dozens": a figure without a number
            shown = words
        else:
            shown = f"{count:,}" if qualifier == "exact" else f"{words} {count:,}"
        before = fig.get("previous_count")
        claimant = fig.get("attributed_to")
        is_new = (fig.get("kind"), claimant, count) in changed
        mark = ("changed" if before is not None else "new") if is_new else ""
        table.add_row(
            str(fig.get("kind") or "?"),
            Text(shown, style="bold" if is_new else ""),
            "-" if before is None else f"{before:,}",
            _rtl(claimant, CLAIMANT_CELLS, reorder) if claimant else "(not said)",
            Text(mark, style="bold yellow" if mark else ""),
        )
    return table


def render_alert(
    alert: Mapping[str, Any],
    *,
    width: int,
    reorder: bool = True,
    timestamp_ms: int | None = None,
) -> RenderableType:
    """The alert as a rich panel `width` cells wide (borders included)."""
    inner = max(width - 4, 20)
    kind = str(alert.get("type") or "?")
    karabakh = alert.get("karabakh_related")
    head = Text()
    head.append("Karabakh" if karabakh else "not Karabakh", style="bold green" if karabakh else "")
    articles = alert.get("article_count")
    sources = alert.get("independent_source_count")
    head.append(f"  ·  {articles} article(s), {sources} independent source(s)")
    parts: list[RenderableType] = [head]
    if alert.get("title"):
        parts.append(Text("title: ") + Text(_rtl(str(alert["title"]), inner - 7, reorder)))
    if kind == "ceasefire":
        status = str(alert.get("status") or "?")
        line = Text("ceasefire: ")
        line.append(status.replace("_", " "), style="bold")
        parts.append(line)
    if alert.get("figures"):
        parts.append(_figures(alert, reorder))
    for ev in (alert.get("evidence") or [])[:1]:
        where = ev.get("source") or ev.get("article")
        if ev.get("paragraph") is not None:
            where = f"{where}, paragraph {int(ev['paragraph']) + 1}"
        parts.append(Text(f"evidence ({where}):", style="dim"))
        sentence = str(ev.get("sentence") or "").strip()
        parts.extend(
            Text(row, justify="right", no_wrap=True)
            for row in rtl_lines(sentence, inner, reorder=reorder)
        )
    title = Text()
    title.append(kind.upper(), style="bold red" if kind == "casualties" else "bold cyan")
    title.append(f"  story {alert.get('story_id')}  update {alert.get('version')}")
    return Panel(
        Group(*parts),
        title=title,
        title_align="left",
        subtitle=_when(alert, timestamp_ms),
        subtitle_align="right",
        width=width,
    )
