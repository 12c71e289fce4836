"""Elasticsearch clients built from the settings (URL, API key or basic auth, CA file).

Credentials go straight from `SecretStr` into the client; nothing here logs
them, and `describe` gives a loggable summary without them.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from elasticsearch import AsyncElasticsearch, Elasticsearch

from monitor import security
from monitor.settings import Settings

DEFAULT_ES_URL = "http://127.0.0.1:9200"
REQUEST_TIMEOUT = 30.0


def resolve_es_url(settings: Settings) -> str:
    """`MONITOR_ES_URL`, else the loopback default. The local stack's address is
    put into the settings by the command line (`monitor.cli.settings`), not
    looked up here: the service reads only its settings."""
    return settings.es_url or DEFAULT_ES_URL


def client_options(settings: Settings, *, asyncio: bool = False) -> dict[str, Any]:
    """Keyword arguments for the sync (or, with `asyncio`, the async) client."""
    url = resolve_es_url(settings)
    return {
        "hosts": [url],
        "request_timeout": REQUEST_TIMEOUT,
        "retry_on_timeout": True,
        "max_retries": 3,
        **security.es_auth(settings),
        **security.es_client_tls(settings, url, asyncio=asyncio),
    }


def describe(settings: Settings) -> str:
    """Where and how we connect, safe to log (never the secrets themselves)."""
    auth = security.describe_es_auth(settings)
    ca = f" ca={settings.es_ca_certs}" if settings.es_ca_certs else ""
    parts = urlsplit(resolve_es_url(settings))
    host = parts.hostname or ""
    netloc = f"{host}:{parts.port}" if parts.port else host  # drops user:password@
    return f"url={parts.scheme}://{netloc}{parts.path} auth={auth}{ca}"


def make_client(settings: Settings) -> Elasticsearch:
    """A synchronous client (CLI commands, setup, tests)."""
    return Elasticsearch(**client_options(settings))


def make_async_client(settings: Settings) -> AsyncElasticsearch:
    """An asyncio client (the index agent); close it with `await client.close()`."""
    return AsyncElasticsearch(**client_options(settings, asyncio=True))


def delete_prefixed_indices(settings: Settings) -> list[str]:
    """Delete every index, index template and component template under the
    settings' index prefix (a test's or a benchmark's private namespace);
    returns the indices deleted."""
    prefix = settings.es_index_prefix
    if not prefix:
        raise ValueError("refusing to delete indices without an index prefix")
    client = make_client(settings)
    try:
        names = list(client.indices.get(index=f"{prefix}-*", expand_wildcards="all"))
        for name in names:
            client.indices.delete(index=name, ignore_unavailable=True)
        quiet = client.options(ignore_status=404)
        for t in quiet.indices.get_index_template(name=f"{prefix}-*").get("index_templates", []):
            client.indices.delete_index_template(name=t["name"])
        components = quiet.cluster.get_component_template(name=f"{prefix}-*")
        for c in components.get("component_templates", []):
            client.cluster.delete_component_template(name=c["name"])
        return names
    finally:
        client.close()
