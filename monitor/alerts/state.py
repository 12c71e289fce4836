"""The alert state machine: one alert per new fact per story.

Fed analyses in stream order. For each article with facts (non-historical
ceasefire statements or casualty figures) it finds the story (see
`monitor.alerts.story`), then emits:

- a `ceasefire` alert for each status not yet alerted in the story
  (proposed, agreed, violated, ...), with the statement as evidence;
- one `casualties` alert when any figure is new or changed for its story,
  kind and claimant: the `changed` figures (with `previous_count`) and all
  current `figures` of the story, one per kind and claimant, never summed.
  Within one article the largest figure per kind and claimant stands for it
  (a sub-count "بينهم سبعة مدنيين" is part of it, not a new toll), and a
  value the claimant gave before (an older figure restated as background)
  is not a change, nor is a figure that any claimant in the story already
  gave (a second outlet naming the same toll's source in other words).

A republished copy (`republication_of`) joins the story of its original and
counts in `article_count` but not in `independent_source_count`, and emits
nothing. Historical statements and figures emit nothing.

Time is event time (`monitor.eventtime`): the caller gives each analysis its
time `at` and the stream's watermark. An article joins the story of its conflict
whose span (first to last article, widened by `story_gap`) holds `at`, whatever
order the articles arrive in; a figure older than the claimant's latest joins the
figure's timeline without an alert (a late report of an earlier toll does not turn
the count back); stories are forgotten when idle for `max_age` of event time.

Alert ids hash the story id, the alert type and the fact, so a replay of the
same stream gives the same ids and consumers can drop repeats. The state is
bounded (stories and remembered article ids, oldest dropped first, and stories
idle longer than `max_age` forgotten) and round-trips through `to_json`.
"""

from __future__ import annotations

import bisect
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from monitor.alerts.story import (
    KARABAKH,
    Figure,
    Story,
    accident_sentence,
    conflict_key,
    digest,
    is_accident,
)
from schemas.alert import Alert, AlertEvidence, ClaimantFigure
from schemas.analysis import Analysis, CasualtyFigure, CeasefireStatement

STATE_FORMAT = 2
_READABLE_FORMATS = (1, 2)
_QUALIFIER_RANK = {
    "exact": 0,
    "at_least": 1,
    "more_than": 2,
    "about": 3,
    "up_to": 4,
    "thousands": 5,
    "hundreds": 6,
    "tens": 7,
}


class AlertState:
    """Stories and the figures and ceasefire statuses already alerted."""

    def __init__(
        self,
        karabakh_only: bool = False,
        *,
        story_gap: float = 3 * 24 * 3600.0,
        max_age: float = 30 * 24 * 3600.0,
        max_stories: int = 10_000,
        max_articles: int = 200_000,
    ) -> None:
        if story_gap <= 0 or max_age <= 0:
            raise ValueError("story_gap and max_age must be positive seconds")
        if max_stories < 1 or max_articles < 1:
            raise ValueError("max_stories and max_articles must be at least 1")
        self.karabakh_only = karabakh_only
        self.story_gap = story_gap
        self.max_age = max_age
        self.max_stories = max_stories
        self.max_articles = max_articles
        #: story id -> story, least recently updated first.
        self.stories: OrderedDict[str, Story] = OrderedDict()
        #: conflict key -> ids of its stories in memory, oldest first.
        self.open: dict[str, list[str]] = {}
        #: article id -> story id, for republished copies to find their story.
        self.articles: OrderedDict[str, str] = OrderedDict()
        #: Karabakh-related articles, for copies and updates that drop the name.
        self.karabakh_articles: OrderedDict[str, None] = OrderedDict()

    # --- per analysis ---------------------------------------------------------------

    def story_of(self, article_id: str) -> Story | None:
        """The story an article joined, if it is still remembered."""
        sid = self.articles.get(article_id)
        return self.stories.get(sid) if sid else None

    def karabakh_article(self, article_ids: Iterable[str]) -> str | None:
        """The first of `article_ids` known to be Karabakh-related, if any."""
        return next((a for a in article_ids if a in self.karabakh_articles), None)

    def update(self, analysis: Analysis, at: float, watermark: float | None = None) -> list[Alert]:
        """The alerts this analysis raises, given everything seen before: `at` is its
        event time, `watermark` the stream's (`at` when not given)."""
        self._evict(at if watermark is None else max(watermark, at))
        if analysis.karabakh.related:
            self.karabakh_articles[analysis.id] = None
            self.karabakh_articles.move_to_end(analysis.id)
            while len(self.karabakh_articles) > self.max_articles:
                self.karabakh_articles.popitem(last=False)
        when = at
        if analysis.republication_of is not None:
            story_id = self.articles.get(analysis.republication_of.article)
            story = self.stories.get(story_id) if story_id else None
            if story is not None:
                story.article_count += 1
                story.last_seen = max(story.last_seen, when)
                self._remember(analysis.id, story)
            return []
        statements = [s for s in analysis.ceasefire.statements if not s.historical]
        figures = [
            f for f in analysis.casualties if not f.historical and not accident_sentence(f.sentence)
        ]
        if not statements and not figures:
            return []
        if not statements and is_accident(analysis):
            return []  # a road crash, a fire, a flood: figures, but no conflict story
        story = self._story_for(analysis, when)
        story.article_count += 1
        source = analysis.source or f"article:{analysis.id}"
        if source not in story.sources:
            story.sources.append(source)
        # A Karabakh story is the story of the Karabakh conflict with a Karabakh
        # article in it: a Gaza story whose article names the region in passing
        # stays a Gaza story, and a clash on the Armenia–Azerbaijan border is a
        # Karabakh story once an article ties it to the region.
        if story.key == KARABAKH and analysis.karabakh.related and not story.karabakh:
            story.karabakh = True
            story.karabakh_article = analysis.karabakh.inherited_from or analysis.id
        self._remember(analysis.id, story)
        emit = story.karabakh or not self.karabakh_only
        # The alert's time is the event time of the article that raised it, so a
        # replay stamps it exactly as the live run did.
        created = datetime.fromtimestamp(when, UTC)
        alerts: list[Alert] = []
        for st in statements:
            if st.status in story.statuses:
                continue
            story.statuses.append(st.status)
            if emit:
                alerts.append(self._ceasefire_alert(story, analysis, st, created))
        changed = self._apply_figures(story, figures, when)
        if changed and emit:
            alerts.append(self._casualty_alert(story, analysis, changed, created))
        return alerts

    # --- stories --------------------------------------------------------------------

    def _story_for(self, analysis: Analysis, when: float) -> Story:
        key = conflict_key(analysis)
        story = self._story_at(key, when)
        if story is None:
            story = Story(
                id=digest(key, analysis.id),
                key=key,
                karabakh=False,
                first_seen=when,
                last_seen=when,
            )
            self.stories[story.id] = story
            self.open.setdefault(key, []).append(story.id)
            while len(self.stories) > self.max_stories:
                self._drop(next(iter(self.stories)))
        story.first_seen = min(story.first_seen, when)
        story.last_seen = max(story.last_seen, when)
        self.stories.move_to_end(story.id)
        return story

    def _story_at(self, key: str, when: float) -> Story | None:
        """The story of `key` whose span, widened by the gap, holds `when`: the one
        nearest to it (the latest of equals), so a late article joins the story of
        its own days rather than whatever story is open now."""
        best: tuple[float, float, Story] | None = None
        for sid in self.open.get(key, ()):
            story = self.stories.get(sid)
            if story is None:
                continue
            if story.first_seen - self.story_gap <= when <= story.last_seen + self.story_gap:
                distance = max(0.0, story.first_seen - when, when - story.last_seen)
                rank = (distance, -story.last_seen, story)
                if best is None or rank[:2] < best[:2]:
                    best = rank
        return best[2] if best else None

    def _remember(self, article_id: str, story: Story) -> None:
        self.articles[article_id] = story.id
        self.articles.move_to_end(article_id)
        while len(self.articles) > self.max_articles:
            self.articles.popitem(last=False)

    def _drop(self, story_id: str) -> None:
        story = self.stories.pop(story_id)
        ids = self.open.get(story.key)
        if ids is not None and story_id in ids:
            ids.remove(story_id)
            if not ids:
                del self.open[story.key]

    def _evict(self, watermark: float) -> None:
        while self.stories:
            oldest = next(iter(self.stories.values()))
            if watermark - oldest.last_seen <= self.max_age:
                break
            self._drop(oldest.id)

    # --- figures --------------------------------------------------------------------

    def _apply_figures(
        self, story: Story, figures: list[CasualtyFigure], when: float
    ) -> list[tuple[Figure, int | None, CasualtyFigure]]:
        best: dict[str, CasualtyFigure] = {}
        for f in figures:
            key = Story.figure_key(f.kind, f.attributed_to)
            cur = best.get(key)
            if cur is None or _bigger(f, cur):
                best[key] = f
        changed: list[tuple[Figure, int | None, CasualtyFigure]] = []
        for key, f in best.items():
            value = (f.count, f.qualifier)
            if any(k.kind == f.kind and k.gave(value) for k in story.figures.values()):
                # A figure someone in the story already gave is that figure
                # restated ("وكانت قد أعلنت مقتل 32"), or the same toll in a second
                # outlet's words ("السلطات الصحية" for "وزارة الصحة"): no new fact.
                continue
            known = story.figures.get(key)
            if known is None:
                known = Figure(f.kind, f.attributed_to, f.count, f.qualifier, [(*value, when)])
                story.figures[key] = known
                changed.append((known, None, f))
            elif when < known.at:
                # Reported before the claimant's latest figure: history, not news.
                bisect.insort_right(known.seen, (*value, when), key=lambda s: s[2])
            else:
                previous = known.count
                known.count, known.qualifier = f.count, f.qualifier
                known.seen.append((*value, when))
                changed.append((known, previous, f))
        return changed

    # --- alerts ---------------------------------------------------------------------

    def _ceasefire_alert(
        self, story: Story, analysis: Analysis, st: CeasefireStatement, created: datetime
    ) -> Alert:
        story.version += 1
        return Alert(
            alert_id=digest(story.id, "ceasefire", st.status),
            type="ceasefire",
            story_id=story.id,
            version=story.version,
            karabakh_related=story.karabakh,
            created_at=created,
            status=st.status,
            figures=self._figures(story),
            article_count=story.article_count,
            independent_source_count=len(story.sources),
            evidence=[_evidence(analysis, st, st.sentence)],
            title=analysis.title,
        )

    def _casualty_alert(
        self,
        story: Story,
        analysis: Analysis,
        changed: list[tuple[Figure, int | None, CasualtyFigure]],
        created: datetime,
    ) -> Alert:
        story.version += 1
        fact = "|".join(
            f"{fig.kind}:{fig.claimant or ''}:{fig.count}:{fig.qualifier}"
            for fig, _, _ in sorted(changed, key=lambda c: (c[0].kind, c[0].claimant or ""))
        )
        return Alert(
            alert_id=digest(story.id, "casualties", fact),
            type="casualties",
            story_id=story.id,
            version=story.version,
            karabakh_related=story.karabakh,
            created_at=created,
            figures=self._figures(story),
            changed=[
                ClaimantFigure(
                    kind=fig.kind,
                    count=fig.count,
                    qualifier=fig.qualifier,
                    attributed_to=fig.claimant,
                    previous_count=previous,
                )
                for fig, previous, _ in changed
            ],
            article_count=story.article_count,
            independent_source_count=len(story.sources),
            evidence=[_evidence(analysis, f, f.sentence) for _, _, f in changed],
            title=analysis.title,
        )

    @staticmethod
    def _figures(story: Story) -> list[ClaimantFigure]:
        return [
            ClaimantFigure(
                kind=f.kind,
                count=f.count,
                qualifier=f.qualifier,
                attributed_to=f.claimant,
                previous_count=_previous(f),
            )
            for f in story.figures.values()
        ]

    # --- state ----------------------------------------------------------------------

    def to_json(self) -> dict[str, Any]:
        return {
            "format": STATE_FORMAT,
            "stories": [s.to_json() for s in self.stories.values()],
            "open": {k: list(v) for k, v in self.open.items()},
            "articles": list(self.articles.items()),
            "karabakh_articles": list(self.karabakh_articles),
        }

    @classmethod
    def from_settings(cls, settings: Any) -> AlertState:
        return cls(
            settings.alerts_karabakh_only,
            story_gap=settings.alerts_story_gap_seconds,
            max_age=settings.alerts_max_age_seconds,
            max_stories=settings.alerts_max_stories,
            max_articles=settings.alerts_max_articles,
        )

    @classmethod
    def from_json(
        cls, data: dict[str, Any], karabakh_only: bool = False, *, settings: Any = None
    ) -> AlertState:
        state = cls.from_settings(settings) if settings is not None else cls(karabakh_only)
        if data.get("format") not in _READABLE_FORMATS:
            raise ValueError(f"alert state format {data.get('format')!r} is not {STATE_FORMAT}")
        for s in data.get("stories", []):
            story = Story.from_json(s)
            state.stories[story.id] = story
        for key, ids in data.get("open", {}).items():
            # Format 1 kept one open story per conflict.
            kept = [i for i in ([ids] if isinstance(ids, str) else ids) if i in state.stories]
            if kept:
                state.open[key] = kept
        for article, sid in data.get("articles", []):
            state.articles[article] = sid
        for article in data.get("karabakh_articles", []):
            state.karabakh_articles[str(article)] = None
        return state


def _bigger(a: CasualtyFigure, b: CasualtyFigure) -> bool:
    if a.count is not None and b.count is not None:
        return a.count > b.count
    if a.count is None and b.count is None:
        return _QUALIFIER_RANK[a.qualifier] > _QUALIFIER_RANK[b.qualifier]
    return a.count is not None


def _previous(f: Figure) -> int | None:
    for count, _, _ in reversed(f.seen[:-1]):
        if count is not None:
            return count
    return None


def _evidence(
    analysis: Analysis, span: CasualtyFigure | CeasefireStatement, sentence: str
) -> AlertEvidence:
    return AlertEvidence(
        article=analysis.id,
        source=analysis.source,
        paragraph=span.paragraph,
        start=span.start,
        end=span.end,
        sentence=sentence,
    )
