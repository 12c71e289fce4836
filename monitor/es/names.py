"""Index, alias, template and policy names, all derived from `settings.es_index_prefix`.

With the default prefix `news` the articles alias is `news-articles` (backing
indices `news-articles-000001`, ...) and alerts go to the index `news-alerts`.
"""

from __future__ import annotations

from monitor.settings import Settings


def _prefix(settings: Settings) -> str:
    prefix = settings.es_index_prefix.strip().lower()
    if not prefix:
        raise ValueError("MONITOR_ES_INDEX_PREFIX is empty: set it to e.g. 'news'")
    return prefix


def articles_alias(settings: Settings) -> str:
    """The alias the service writes articles to and analysts search (rollover target)."""
    return f"{_prefix(settings)}-articles"


def articles_index_pattern(settings: Settings) -> str:
    """The pattern of the articles' backing indices (what the index template matches)."""
    return f"{articles_alias(settings)}-*"


def first_articles_index(settings: Settings) -> str:
    """The first backing index; rollover numbers the next ones -000002, -000003, ..."""
    return f"{articles_alias(settings)}-000001"


def alerts_index(settings: Settings) -> str:
    """The (single) index of alert messages, one document per alert id."""
    return f"{_prefix(settings)}-alerts"


def articles_template(settings: Settings) -> str:
    return f"{articles_alias(settings)}"


def alerts_template(settings: Settings) -> str:
    return f"{alerts_index(settings)}"


def component_template(settings: Settings, part: str) -> str:
    """Component templates: `<prefix>-articles-settings`, `<prefix>-articles-mappings`, ..."""
    return f"{_prefix(settings)}-{part}"


def ilm_policy(settings: Settings) -> str:
    return f"{articles_alias(settings)}-policy"
