"""`monitor kibana import`: load the saved objects (data views, searches, dashboard).

Uses Kibana's saved objects API (`POST /api/saved_objects/_import?overwrite=true`),
so importing twice replaces the objects instead of duplicating them (their ids
are fixed in the ndjson). Credentials are the Elasticsearch ones from the
settings (Kibana accepts the same users and API keys); they are never printed.
"""

from __future__ import annotations

import json
import ssl
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from typing import Any

import click

from monitor import security
from monitor.settings import Settings

#: Where the ndjson lives in a source checkout and in the docker image.
DEFAULT_FILES = (
    Path("docker/kibana/karabakh-monitor.ndjson"),
    Path("/app/docker/kibana/karabakh-monitor.ndjson"),
)
DEFAULT_TITLES = {"news-articles": "articles", "news-alerts": "alerts"}


def rewrite_index_titles(ndjson: str, settings: Settings) -> str:
    """Point the data views at the configured index prefix (the file uses `news`)."""
    from monitor.es.names import alerts_index, articles_alias

    targets = {"articles": articles_alias(settings), "alerts": alerts_index(settings)}
    out = []
    for line in ndjson.splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if obj.get("type") == "index-pattern":
            title = obj["attributes"].get("title")
            if title in DEFAULT_TITLES:
                obj["attributes"]["title"] = targets[DEFAULT_TITLES[title]]
        out.append(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))
    return "\n".join(out) + "\n"


def multipart_body(filename: str, content: bytes) -> tuple[bytes, str]:
    """A multipart/form-data body with one `file` field (what the import API takes)."""
    boundary = f"----karabakh-monitor-{uuid.uuid4().hex}"
    head = (
        f"--{boundary}\r\n"
        f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        "Content-Type: application/ndjson\r\n\r\n"
    ).encode()
    tail = f"\r\n--{boundary}--\r\n".encode()
    return head + content + tail, f"multipart/form-data; boundary={boundary}"


def auth_headers(settings: Settings) -> dict[str, str]:
    return security.es_auth_header(settings)


def _context(settings: Settings, url: str) -> ssl.SSLContext | None:
    # Kibana sits behind the same CA as Elasticsearch in the deployments we know.
    return security.es_tls_context(settings, url)


def _request(req: urllib.request.Request, settings: Settings, timeout: float) -> tuple[int, Any]:
    ctx = _context(settings, req.full_url)
    try:
        with urllib.request.urlopen(req, timeout=timeout, context=ctx) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        body = exc.read()
        try:
            return exc.code, json.loads(body)
        except ValueError:
            return exc.code, body.decode("utf-8", "replace")[:500]


def _refusal(exc: BaseException, base: str, settings: Settings) -> click.ClickException | None:
    """A certificate Kibana's client refused, as one line (None for other failures)."""
    reason = getattr(exc, "reason", exc)
    if isinstance(reason, ssl.SSLCertVerificationError):
        ca = settings.es_ca_certs or "the system's CAs"
        return click.ClickException(
            f"Kibana at {base}: its TLS certificate was refused "
            f"({reason.verify_message}; trusted: {ca}); check MONITOR_ES_CA_CERTS"
        )
    if isinstance(reason, ssl.SSLError):
        return click.ClickException(f"Kibana at {base}: the TLS handshake failed ({reason.reason})")
    return None


def _refused_status(status: int, base: str, settings: Settings) -> click.ClickException | None:
    if status in (401, 403):
        return click.ClickException(
            f"Kibana at {base} refused the credentials ({security.describe_es_auth(settings)}): "
            f"HTTP {status}"
        )
    return None


def wait_for_kibana(base: str, settings: Settings, timeout: float) -> None:
    """Poll `/api/status` until Kibana says it is available (or `timeout` passes)."""
    deadline = time.monotonic() + timeout
    last = "no answer"
    while True:
        req = urllib.request.Request(f"{base}/api/status", headers=auth_headers(settings))
        try:
            status, body = _request(req, settings, timeout=10)
            refused = _refused_status(status, base, settings)
            if refused is not None:
                raise refused
            level = (((body or {}).get("status") or {}).get("overall") or {}).get("level")
            if status == 200 and level in ("available", "degraded"):
                return
            last = f"HTTP {status}, overall {level}"
        except (urllib.error.URLError, OSError, ValueError) as exc:
            refusal = _refusal(exc, base, settings)
            if refusal is not None:
                raise refusal from None
            last = str(exc)
        if time.monotonic() >= deadline:
            raise click.ClickException(f"Kibana at {base} not ready after {timeout:g}s ({last})")
        time.sleep(3)


def import_saved_objects(
    base: str, ndjson: str, settings: Settings, *, space: str | None = None, timeout: float = 60
) -> dict[str, Any]:
    prefix = f"/s/{space}" if space else ""
    body, content_type = multipart_body("karabakh-monitor.ndjson", ndjson.encode("utf-8"))
    req = urllib.request.Request(
        f"{base}{prefix}/api/saved_objects/_import?overwrite=true",
        data=body,
        method="POST",
        headers={"kbn-xsrf": "true", "Content-Type": content_type, **auth_headers(settings)},
    )
    status, result = _request(req, settings, timeout)
    refused = _refused_status(status, base, settings)
    if refused is not None:
        raise refused
    if status != 200 or not isinstance(result, dict):
        raise click.ClickException(f"Kibana refused the import: HTTP {status}: {result}")
    return result


@click.group("kibana")
def kibana() -> None:
    """Kibana: load the monitor's data views, saved searches and dashboard."""


@kibana.command("import")
@click.option("--url", required=True, help="Kibana base URL, e.g. http://localhost:5601")
@click.option(
    "--file",
    "file_",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Saved objects (default: docker/kibana/karabakh-monitor.ndjson).",
)
@click.option("--space", default=None, help="Kibana space id (default space if omitted).")
@click.option("--wait", "wait_s", default=0.0, show_default=True, help="Wait up to S seconds.")
def import_(url: str, file_: Path | None, space: str | None, wait_s: float) -> None:
    """Import (or re-import: overwrite) the saved objects through Kibana's API."""
    settings = Settings()
    path = file_ or next((p for p in DEFAULT_FILES if p.exists()), None)
    if path is None:
        raise click.ClickException("saved objects file not found: pass --file")
    base = url.rstrip("/")
    if wait_s > 0:
        wait_for_kibana(base, settings, wait_s)
    ndjson = rewrite_index_titles(path.read_text(encoding="utf-8"), settings)
    try:
        result = import_saved_objects(base, ndjson, settings, space=space)
    except (urllib.error.URLError, OSError) as exc:
        refusal = _refusal(exc, base, settings)
        if refusal is not None:
            raise refusal from None
        raise click.ClickException(f"cannot reach Kibana at {base}: {exc}") from None
    errors = result.get("errors") or []
    click.echo(f"imported {result.get('successCount', 0)} saved object(s) from {path}")
    for err in errors:
        click.echo(f"  error: {err.get('type')} {err.get('id')}: {err.get('error')}", err=True)
    if errors or not result.get("success", False):
        raise SystemExit(1)
    click.echo(
        f"dashboard: {base}{f'/s/{space}' if space else ''}/app/dashboards#/view/"
        "karabakh-monitor-overview"
    )
