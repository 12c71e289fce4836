"""The least-privilege Elasticsearch role in docker/elasticsearch/monitor-role.json:
it covers every index and alias the monitor creates or reads, and every API it
calls, and nothing beyond its own names.

The test proxy cannot enforce roles (the minimal Elasticsearch here has no
security module), so this checks the role against the code instead: an API call
added to `monitor es setup` fails here until the role is reviewed for it."""

from __future__ import annotations

import json
import re
from fnmatch import fnmatchcase
from pathlib import Path

from monitor.es import names
from monitor.settings import Settings

REPO = Path(__file__).resolve().parents[2]
ROLE = json.loads((REPO / "docker" / "elasticsearch" / "monitor-role.json").read_text())

#: Elasticsearch API -> the privilege that allows it, from Elastic's security
#: privileges reference ("cluster", name) or ("index", name).
NEEDS = {
    "nodes.info": ("cluster", "monitor"),
    "cluster.health": ("cluster", "monitor"),
    "indices.analyze": ("cluster", "monitor"),  # probe without an index; optional
    "ilm.get_status": ("cluster", "manage_ilm"),
    "ilm.put_lifecycle": ("cluster", "manage_ilm"),
    "cluster.put_component_template": ("cluster", "manage_index_templates"),
    "indices.put_index_template": ("cluster", "manage_index_templates"),
    "indices.exists_alias": ("index", "view_index_metadata"),
    "indices.exists": ("index", "view_index_metadata"),
    "indices.get_alias": ("index", "view_index_metadata"),
    "indices.get_mapping": ("index", "view_index_metadata"),
    "indices.get_settings": ("index", "view_index_metadata"),
    "indices.create": ("index", "create_index"),
    "indices.rollover": ("index", "manage"),
    "indices.delete": ("index", "manage"),
    "bulk": ("index", "write"),
    "search": ("index", "read"),
}

#: Calls made outside the setup plan: the index agent, the probe, `monitor search`.
OTHER_CALLS = {"bulk", "search", "cluster.health"}


def _setup_calls() -> set[str]:
    source = (REPO / "monitor" / "es" / "setup.py").read_text()
    return set(re.findall(r'Call\(\s*"([a-z_]+\.[a-z_]+)"', source))


def _index_patterns() -> list[str]:
    return [name for entry in ROLE["indices"] for name in entry["names"]]


def test_every_call_the_monitor_makes_is_allowed_by_the_role() -> None:
    calls = _setup_calls() | OTHER_CALLS
    assert "indices.put_index_template" in calls  # the extraction found the plan
    unknown = calls - NEEDS.keys()
    assert not unknown, f"review monitor-role.json for these calls, then add them here: {unknown}"
    index_privileges = {p for entry in ROLE["indices"] for p in entry["privileges"]}
    for call in calls:
        scope, privilege = NEEDS[call]
        held = ROLE["cluster"] if scope == "cluster" else index_privileges
        assert privilege in held, (call, privilege)


def test_the_role_covers_the_monitors_names_and_nothing_else() -> None:
    settings = Settings(es_index_prefix="news")
    mine = [
        names.articles_alias(settings),
        names.first_articles_index(settings),
        names.articles_alias(settings) + "-000042",  # after rollovers
        names.alerts_index(settings),
    ]
    patterns = _index_patterns()
    for name in mine:
        assert any(fnmatchcase(name, p) for p in patterns), name
    for other in ("news-other", "newsroom-articles", ".kibana", ".security-7", "logs-2026"):
        assert not any(fnmatchcase(other, p) for p in patterns), other
    # nothing that manages the whole cluster, security or other users' data
    assert set(ROLE["cluster"]) == {"monitor", "manage_index_templates", "manage_ilm"}
    assert not any(p in ("*", "all") for p in patterns)
