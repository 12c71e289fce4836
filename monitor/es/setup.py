"""Idempotent Elasticsearch setup: templates, the articles alias, ILM or its fallback, alerts.

`ensure_setup` (sync) and `ensure_setup_async` run the same plan: `_plan` is a
generator that yields client calls and receives their results, so the logic is
written once and both drivers stay a few lines long (and a test can drive the
plan with a fake client).

What the plan does, every time (so running it twice changes nothing):

1. detects whether the cluster has the `arabic` analyzer (the integ-test-zip
   lacks analysis-common's language analyzers) and whether it has ILM;
2. puts the ILM policy when there is ILM;
3. puts the component templates and the index templates of articles and alerts;
4. creates the first articles index with the alias as its write index, or, when
   the alias exists but its write index was made from an older mapping (or
   another analyzer), rolls the alias over so the new template applies to a new
   index while searches through the alias still see every older one;
5. without ILM, applies the rollover conditions and the retention itself;
6. creates the alerts index.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from elasticsearch import ApiError, AsyncElasticsearch, Elasticsearch

from monitor.es import names, policy
from monitor.es.mappings import MAPPING_VERSION, alerts_mappings, articles_mappings
from monitor.settings import Settings

log = logging.getLogger(__name__)

TEMPLATE_PRIORITY = 200
ANALYZER_PROBE = "وقف إطلاق النار في قره باغ"


@dataclass(frozen=True)
class Call:
    """One client call: a dotted method path on the client and its keyword arguments."""

    method: str
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass
class SetupReport:
    """What setup found and did (printed by `monitor es setup`)."""

    text_analyzer: str = "standard"
    analyzer_reason: str = ""
    ilm: bool = False
    ilm_reason: str = ""
    actions: list[str] = field(default_factory=list)

    def note(self, action: str) -> None:
        self.actions.append(action)
        log.info("es setup: %s", action)


class SetupError(RuntimeError):
    """The cluster is in a state setup cannot repair by itself (with what to do)."""


Plan = Generator[Call, Any, None]


def _error_reason(exc: ApiError) -> str:
    info = exc.info if isinstance(exc.info, dict) else {}
    err = info.get("error", {})
    if isinstance(err, dict):
        reason = err.get("reason") or err.get("type")
        if reason:
            return f"{exc.meta.status}: {reason}"
    return f"{exc.meta.status}: {exc.message}"


def index_settings(text_analyzer: str, ilm: bool, settings: Settings) -> dict[str, Any]:
    """Settings of every articles backing index."""
    body: dict[str, Any] = {
        "index": {
            "number_of_shards": 1,
            # 0 replicas on one node (green), 1 as soon as a second node joins.
            "auto_expand_replicas": "0-1",
            "refresh_interval": settings.es_refresh_interval,
        }
    }
    if ilm:
        body["index"]["lifecycle"] = {
            "name": names.ilm_policy(settings),
            "rollover_alias": names.articles_alias(settings),
        }
    return body


def articles_template_body(settings: Settings, text_analyzer: str, ilm: bool) -> dict[str, Any]:
    meta = {"managed_by": "karabakh-monitor", "mapping_version": MAPPING_VERSION}
    return {
        "index_patterns": [names.articles_index_pattern(settings)],
        "composed_of": [
            names.component_template(settings, "articles-settings"),
            names.component_template(settings, "articles-mappings"),
        ],
        "priority": TEMPLATE_PRIORITY,
        "_meta": {**meta, "text_analyzer": text_analyzer, "ilm": ilm},
    }


def _plan(settings: Settings, report: SetupReport, *, maintain: bool = True) -> Plan:
    alias = names.articles_alias(settings)

    # 1. capabilities: the node's module list answers both questions without a
    # failing request; the probes are the fallback where that API is not allowed.
    modules: set[str] | None = None
    try:
        info = yield Call("nodes.info", {"node_id": "_local", "metric": "plugins"})
        modules = set()
        for node in (info.get("nodes") or {}).values():
            for entry in (node.get("modules") or []) + (node.get("plugins") or []):
                modules.add(str(entry.get("name")))
    except ApiError as exc:
        log.info("es setup: cannot list node modules (%s); probing instead", _error_reason(exc))
    if modules is not None and "analysis-common" not in modules:
        report.text_analyzer = "standard"
        report.analyzer_reason = (
            "no arabic analyzer (module analysis-common missing); original text uses the "
            "standard analyzer, the *_normalized fields carry Arabic search"
        )
    else:
        try:
            yield Call("indices.analyze", {"analyzer": "arabic", "text": ANALYZER_PROBE})
            report.text_analyzer = "arabic"
            report.analyzer_reason = "the cluster has the arabic analyzer"
        except ApiError as exc:
            report.text_analyzer = "standard"
            report.analyzer_reason = (
                f"no arabic analyzer ({_error_reason(exc)}); original text uses the standard "
                "analyzer, the *_normalized fields carry Arabic search"
            )
    log.info("es setup: text analyzer %s (%s)", report.text_analyzer, report.analyzer_reason)
    no_ilm = "rollover and retention are applied by `monitor es setup` / `monitor es maintain`"
    if modules is not None and "x-pack-ilm" not in modules:
        report.ilm = False
        report.ilm_reason = f"ILM not available (module x-pack-ilm missing): {no_ilm}"
    else:
        try:
            status = yield Call("ilm.get_status")
            mode = status.get("operation_mode") if isinstance(status, dict) else None
            report.ilm = True
            report.ilm_reason = f"ILM available (operation mode {mode})"
        except ApiError as exc:
            report.ilm = False
            report.ilm_reason = f"ILM not available ({_error_reason(exc)}): {no_ilm}"
    if not report.ilm:
        log.warning("es setup: %s", report.ilm_reason)

    analyzer = report.text_analyzer

    # 2. ILM policy
    if report.ilm:
        yield Call(
            "ilm.put_lifecycle",
            {"name": names.ilm_policy(settings), "policy": policy.ilm_policy_body()},
        )
        report.note(f"ILM policy {names.ilm_policy(settings)}")

    # 3. templates
    meta = {"managed_by": "karabakh-monitor", "mapping_version": MAPPING_VERSION}
    yield Call(
        "cluster.put_component_template",
        {
            "name": names.component_template(settings, "articles-settings"),
            "template": {"settings": index_settings(analyzer, report.ilm, settings)},
            "meta": meta,
        },
    )
    yield Call(
        "cluster.put_component_template",
        {
            "name": names.component_template(settings, "articles-mappings"),
            "template": {"mappings": articles_mappings(analyzer)},
            "meta": meta,
        },
    )
    template = articles_template_body(settings, analyzer, report.ilm)
    yield Call(
        "indices.put_index_template",
        {
            "name": names.articles_template(settings),
            "index_patterns": template["index_patterns"],
            "composed_of": template["composed_of"],
            "priority": template["priority"],
            "meta": template["_meta"],
        },
    )
    report.note(f"index template {names.articles_template(settings)} (analyzer {analyzer})")
    alerts = names.alerts_index(settings)
    yield Call(
        "indices.put_index_template",
        {
            "name": names.alerts_template(settings),
            "index_patterns": [alerts],
            "priority": TEMPLATE_PRIORITY,
            "template": {
                "settings": {"index": {"number_of_shards": 1, "auto_expand_replicas": "0-1"}},
                "mappings": alerts_mappings(analyzer),
            },
            "meta": meta,
        },
    )

    # 4. the alias and its write index
    has_alias = yield Call("indices.exists_alias", {"name": alias})
    if not has_alias:
        is_index = yield Call("indices.exists", {"index": alias})
        if is_index:
            raise SetupError(
                f"{alias!r} is a concrete index, not an alias: something wrote to it before "
                f"`monitor es setup` ran. Reindex it into the alias, then delete it "
                f"(POST _reindex {{source: {alias}, dest: {names.first_articles_index(settings)}}})"
            )
        first = names.first_articles_index(settings)
        try:
            yield Call(
                "indices.create",
                {"index": first, "aliases": {alias: {"is_write_index": True}}},
            )
            report.note(f"created {first} as write index of {alias}")
        except ApiError as exc:
            if exc.meta.status != 400 or "already_exists" not in str(exc.info):
                raise
            report.note(f"{first} already exists (created concurrently)")
    else:
        write_index = yield from _write_index(alias)
        if write_index is None:
            raise SetupError(
                f"alias {alias!r} has no write index: set is_write_index on its newest index"
            )
        mapping = yield Call("indices.get_mapping", {"index": write_index})
        current = mapping.get(write_index, {}).get("mappings", {}).get("_meta", {})
        if (
            current.get("mapping_version") != MAPPING_VERSION
            or current.get("text_analyzer") != analyzer
        ):
            result = yield Call("indices.rollover", {"alias": alias})
            report.note(
                f"rolled {alias} over from {write_index} (mapping "
                f"{current.get('mapping_version')}/{current.get('text_analyzer')}) "
                f"to {result.get('new_index')} (mapping {MAPPING_VERSION}/{analyzer})"
            )
        else:
            report.note(f"{alias} -> {write_index} is current (mapping {MAPPING_VERSION})")

    # 5. rollover and retention without ILM
    if not report.ilm and maintain:
        yield from _maintain(settings, report)

    # 6. alerts index
    exists = yield Call("indices.exists", {"index": alerts})
    if not exists:
        try:
            yield Call("indices.create", {"index": alerts})
            report.note(f"created {alerts}")
        except ApiError as exc:
            if exc.meta.status != 400 or "already_exists" not in str(exc.info):
                raise
    yield Call(
        "cluster.health",
        {"index": f"{alias},{alerts}", "wait_for_status": "yellow", "timeout": "30s"},
    )


def _write_index(alias: str) -> Generator[Call, Any, str | None]:
    info = yield Call("indices.get_alias", {"name": alias})
    candidates = []
    for index, data in info.items():
        alias_info = data.get("aliases", {}).get(alias, {})
        if alias_info.get("is_write_index"):
            return str(index)
        candidates.append(str(index))
    # An alias over exactly one index without the flag writes to that index.
    return candidates[0] if len(candidates) == 1 else None


def _maintain(settings: Settings, report: SetupReport) -> Plan:
    """ILM's job done by hand: conditional rollover, then delete expired indices."""
    alias = names.articles_alias(settings)
    result = yield Call(
        "indices.rollover", {"alias": alias, "conditions": policy.rollover_conditions()}
    )
    if result.get("rolled_over"):
        report.note(f"rolled {alias} over to {result.get('new_index')} (conditions met)")
    write_index = yield from _write_index(alias)
    info = yield Call(
        "indices.get_settings",
        {"index": names.articles_index_pattern(settings), "name": "index.creation_date"},
    )
    cutoff = datetime.now(UTC) - timedelta(days=policy.RETENTION_DAYS)
    for index, data in sorted(info.items()):
        created_ms = data.get("settings", {}).get("index", {}).get("creation_date")
        if index == write_index or created_ms is None:
            continue
        created = datetime.fromtimestamp(int(created_ms) / 1000, UTC)
        if created < cutoff:
            yield Call("indices.delete", {"index": index})
            report.note(f"deleted {index} (created {created:%Y-%m-%d}, retention exceeded)")


def _resolve(client: Any, method: str) -> Any:
    target = client
    for part in method.split("."):
        target = getattr(target, part)
    return target


def _body(response: Any) -> Any:
    return response.body if hasattr(response, "body") else response


def _drive_sync(client: Elasticsearch, plan: Plan) -> None:
    send: Any = None
    error: ApiError | None = None
    while True:
        try:
            call = plan.throw(error) if error is not None else plan.send(send)
        except StopIteration:
            return
        error, send = None, None
        try:
            send = _body(_resolve(client, call.method)(**call.kwargs))
        except ApiError as exc:
            error = exc


async def _drive_async(client: AsyncElasticsearch, plan: Plan) -> None:
    send: Any = None
    error: ApiError | None = None
    while True:
        try:
            call = plan.throw(error) if error is not None else plan.send(send)
        except StopIteration:
            return
        error, send = None, None
        try:
            send = _body(await _resolve(client, call.method)(**call.kwargs))
        except ApiError as exc:
            error = exc


def ensure_setup(client: Elasticsearch, settings: Settings) -> SetupReport:
    """Create or update everything the monitor needs in Elasticsearch (idempotent)."""
    report = SetupReport()
    _drive_sync(client, _plan(settings, report))
    return report


async def ensure_setup_async(client: AsyncElasticsearch, settings: Settings) -> SetupReport:
    """`ensure_setup` for the service's asyncio client."""
    report = SetupReport()
    await _drive_async(client, _plan(settings, report))
    return report


def maintain(client: Elasticsearch, settings: Settings) -> SetupReport:
    """Rollover and retention by hand (for clusters without ILM; harmless with it)."""
    report = SetupReport()
    _drive_sync(client, _maintain(settings, report))
    return report
