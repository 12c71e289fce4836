"""The one search-request builder (used by `monitor search`, the service and tests).

Analyst input is data: it only ever becomes the `query` value of a `match`-family
clause over an allow-list of fields, never part of a query string that
Elasticsearch parses (no `query_string`), and never spliced into JSON. Quotes,
brackets, `AND`/`OR`, `field:value`, `*` or a JSON fragment are therefore just
words to search for.

The text is normalized with the core's `normalize` (alef/hamza variants, teh
marbuta, alef maqsura, diacritics, tatweel, digits) and matched against the
`*_normalized` fields, where the indexed text went through the same function;
the raw text is also matched against the display fields (the cluster's `arabic`
analyzer when it has one). Either may match, so any spelling variant of a word
finds the same articles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from monitor.es.mappings import CASUALTY_KINDS, CEASEFIRE_STATUSES
from monitor.text.normalize import normalize

#: The fields free text is matched against, with boosts (the allow-list).
NORMALIZED_FIELDS: tuple[str, ...] = ("title_normalized^2", "body_normalized")
DISPLAY_FIELDS: tuple[str, ...] = ("title^2", "body")
MAX_QUERY_CHARS = 1000
MAX_SIZE = 1000
MAX_FILTER_VALUES = 100

_WORD = re.compile(r"[^\W_]")
_DATE_MATH = re.compile(r"^now(?:[+-]\d{1,6}[yMwdhHms])*(?:/[yMwdhHms])?$")
SOURCE_EXCLUDES = ["body_normalized", "title_normalized"]


def date_value(value: date | datetime | str, name: str) -> str:
    """An ISO date/datetime, or ES date math such as `now-7d/d`; anything else is refused."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).strip()
    if _DATE_MATH.match(text):
        return text
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(
            f"{name} {value!r} is not a date: use YYYY-MM-DD, an ISO datetime, or now-7d"
        ) from None


def _values(values: Iterable[str], name: str, allowed: tuple[str, ...] | None = None) -> list[str]:
    out = [str(v) for v in values if str(v).strip()]
    if len(out) > MAX_FILTER_VALUES:
        raise ValueError(f"too many {name} values ({len(out)} > {MAX_FILTER_VALUES})")
    if allowed is not None:
        unknown = sorted(set(out) - set(allowed))
        if unknown:
            raise ValueError(f"unknown {name} {unknown}: choose from {', '.join(allowed)}")
    return out


def text_clause(query: str, *, phrase: bool = False) -> dict[str, Any]:
    """The full-text part: normalized fields OR display fields, all words (or the phrase)."""
    raw = query.strip()[:MAX_QUERY_CHARS]
    normalized = normalize(raw)
    if not _WORD.search(normalized):
        # No letters or digits (empty, or only quotes/brackets/operators): no text
        # criterion, the same as the bare words of the input (none).
        return {"match_all": {}}
    kind: dict[str, Any] = {"type": "phrase"} if phrase else {"operator": "and"}
    return {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": normalized,
                        "fields": list(NORMALIZED_FIELDS),
                        **kind,
                    }
                },
                {
                    "multi_match": {
                        "query": raw,
                        "fields": list(DISPLAY_FIELDS),
                        **kind,
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }


def build_filters(
    *,
    date_from: date | datetime | str | None = None,
    date_to: date | datetime | str | None = None,
    sources: Iterable[str] = (),
    statuses: Iterable[str] = (),
    casualty_kinds: Iterable[str] = (),
    karabakh_only: bool = False,
    exclude_republications: bool = False,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(filter clauses, must_not clauses) for the structured options."""
    filters: list[dict[str, Any]] = []
    must_not: list[dict[str, Any]] = []
    if date_from is not None or date_to is not None:
        rng: dict[str, str] = {}
        if date_from is not None:
            rng["gte"] = date_value(date_from, "date_from")
        if date_to is not None:
            rng["lte"] = date_value(date_to, "date_to")
        filters.append({"range": {"@timestamp": rng}})
    source_list = _values(sources, "source")
    if source_list:
        filters.append(
            {
                "bool": {
                    "should": [
                        {"terms": {"source": source_list}},
                        {"terms": {"outlet": source_list}},
                    ],
                    "minimum_should_match": 1,
                }
            }
        )
    status_list = _values(statuses, "ceasefire status", CEASEFIRE_STATUSES)
    if status_list:
        filters.append({"terms": {"ceasefire.statuses": status_list}})
    kind_list = _values(casualty_kinds, "casualty kind", CASUALTY_KINDS)
    if kind_list:
        filters.append({"terms": {"casualty_kinds": kind_list}})
    if karabakh_only:
        filters.append({"term": {"karabakh.related": True}})
    if exclude_republications:
        must_not.append({"term": {"is_republication": True}})
    return filters, must_not


def build_search(
    query: str,
    *,
    phrase: bool = False,
    date_from: date | datetime | str | None = None,
    date_to: date | datetime | str | None = None,
    sources: Iterable[str] = (),
    statuses: Iterable[str] = (),
    casualty_kinds: Iterable[str] = (),
    karabakh_only: bool = False,
    exclude_republications: bool = False,
    size: int = 10,
) -> dict[str, Any]:
    """The body of a `_search` request on the articles alias.

    Pass it as `client.search(index=articles_alias(settings), body=body)` (or `**body`).
    Raises `ValueError` with a readable message for an invalid option.
    """
    if not isinstance(query, str):
        raise ValueError("query must be a string")
    if not 0 <= size <= MAX_SIZE:
        raise ValueError(f"size must be between 0 and {MAX_SIZE}, not {size}")
    filters, must_not = build_filters(
        date_from=date_from,
        date_to=date_to,
        sources=sources,
        statuses=statuses,
        casualty_kinds=casualty_kinds,
        karabakh_only=karabakh_only,
        exclude_republications=exclude_republications,
    )
    bool_query: dict[str, Any] = {"must": [text_clause(query, phrase=phrase)]}
    if filters:
        bool_query["filter"] = filters
    if must_not:
        bool_query["must_not"] = must_not
    return {
        "query": {"bool": bool_query},
        "size": size,
        "sort": [{"_score": "desc"}, {"@timestamp": {"order": "desc", "unmapped_type": "date"}}],
        "track_total_hits": True,
        "_source": {"excludes": list(SOURCE_EXCLUDES)},
        "highlight": {
            "fields": {"body_normalized": {}, "title_normalized": {}},
            "fragment_size": 160,
            "number_of_fragments": 2,
        },
    }
