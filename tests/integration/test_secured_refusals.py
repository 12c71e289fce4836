"""A wrong password, a wrong CA and a plaintext client against a TLS listener: each
refused within seconds, in one line that names the server and what was refused,
without a retry storm, and with no secret (right or wrong) in any output.

Every case runs the real `monitor` command against the session's secured broker
and TLS proxy (see secured_stack.py)."""

from __future__ import annotations

import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from monitor.service.worker import monitor_argv
from monitor.settings import Settings
from tests.integration.conftest import env_for
from tests.integration.secured_stack import SecuredStack

pytestmark = pytest.mark.integration

#: Seconds a refusal may take, start-up of the command included (a faust import
#: alone takes a few on a busy 2-core machine); the refusals themselves take well
#: under one second.
FAST = 20.0

WRONG = "wrong-password-0f9e8d7c"


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float

    def error_lines(self) -> list[str]:
        return [ln for ln in self.err.splitlines() if ln.startswith("Error: ")]


def _monitor(settings: Settings, *args: str, **env: str) -> Outcome:
    started = time.monotonic()
    proc = subprocess.run(
        monitor_argv(*args),
        env={**env_for(settings), **env},
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    return Outcome(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started)


def _refused(result: Outcome, *expected: str, secrets: list[str]) -> str:
    """The single error line, after checking the exit, the time and the secrets."""
    assert result.code != 0, result
    assert result.seconds < FAST, result
    lines = result.error_lines()
    assert len(lines) == 1, result.err
    for text in expected:
        assert text in lines[0], lines[0]
    for secret in [*secrets, WRONG]:
        assert secret not in result.out + result.err
    assert "Traceback" not in result.err
    return lines[0]


@pytest.fixture
def wrong_password(secured_stack: SecuredStack) -> Path:
    return secured_stack.secret("wrong", WRONG)


def test_wrong_kafka_password(
    secured_stack: SecuredStack, service: Settings, wrong_password: Path, tmp_path: Path
) -> None:
    settings = secured_stack.settings(service, kafka_sasl_password_file=wrong_password)
    items = tmp_path / "items.jsonl"
    items.write_text('{"id": "a", "body": "نص"}\n')
    result = _monitor(settings, "produce", str(items))
    line = _refused(
        result,
        f"Kafka at {secured_stack.kafka.sasl_bootstrap} refused the credentials",
        "SCRAM-SHA-512(monitor-scram)",
        secrets=secured_stack.secrets(),
    )
    assert "authentication failed" in line


def test_worker_with_a_wrong_password_stops_at_once_without_retrying(
    secured_stack: SecuredStack, service: Settings, wrong_password: Path
) -> None:
    settings = secured_stack.settings(
        service, kafka="PLAIN", kafka_sasl_password_file=wrong_password
    )
    result = _monitor(settings, "run", "--wait", "60")
    _refused(
        result,
        f"Kafka at {secured_stack.kafka.sasl_bootstrap} refused the credentials",
        "PLAIN(monitor-plain)",
        secrets=secured_stack.secrets(),
    )
    # One attempt: `--wait 60` is for a broker that is away, not for a refusal.
    assert "retrying" not in result.err + result.out


def test_wrong_ca_for_kafka(secured_stack: SecuredStack, service: Settings) -> None:
    settings = secured_stack.settings(service, kafka_ssl_cafile=secured_stack.pki.other_ca)
    result = _monitor(settings, "tail", "news.raw", "--timeout", "1")
    line = _refused(
        result,
        f"Kafka at {secured_stack.kafka.sasl_bootstrap}: its TLS certificate was refused",
        secrets=secured_stack.secrets(),
    )
    assert str(secured_stack.pki.other_ca) in line  # says which CA file was trusted


def test_plaintext_client_against_the_tls_listener(
    secured_stack: SecuredStack, service: Settings, tmp_path: Path
) -> None:
    settings = secured_stack.settings(service).model_copy(
        update={
            "kafka_security_protocol": "PLAINTEXT",
            "kafka_sasl_mechanism": "",
            "kafka_sasl_username": "",
            "kafka_sasl_password_file": None,
        }
    )
    items = tmp_path / "items.jsonl"
    items.write_text('{"id": "a", "body": "نص"}\n')
    result = _monitor(settings, "produce", str(items))
    line = _refused(
        result,
        f"Kafka at {secured_stack.kafka.sasl_bootstrap} closed the connection",
        secrets=secured_stack.secrets(),
    )
    assert "expects TLS" in line


def test_wrong_elasticsearch_password(
    secured_stack: SecuredStack, service: Settings, wrong_password: Path
) -> None:
    settings = secured_stack.settings(service, es_password_file=wrong_password)
    result = _monitor(settings, "search", "قره باغ")
    _refused(
        result,
        f"Elasticsearch at {secured_stack.es.url} refused the credentials (basic(monitor-es))",
        "HTTP 401",
        secrets=secured_stack.secrets(),
    )


def test_worker_with_a_wrong_api_key_stops_at_once(
    secured_stack: SecuredStack, service: Settings
) -> None:
    wrong_key = secured_stack.secret("wrong-key", "V1JPTkc6d3Jvbmc=")
    settings = secured_stack.settings(service, es="api_key", es_api_key_file=wrong_key)
    result = _monitor(settings, "run", "--wait", "60")
    _refused(
        result,
        f"Elasticsearch at {secured_stack.es.url} refused the credentials (api_key)",
        secrets=[*secured_stack.secrets(), "V1JPTkc6d3Jvbmc="],
    )


def test_wrong_ca_for_elasticsearch(secured_stack: SecuredStack, service: Settings) -> None:
    settings = secured_stack.settings(service, es_ca_certs=secured_stack.pki.other_ca)
    result = _monitor(settings, "es", "setup")
    _refused(
        result,
        f"Elasticsearch at {secured_stack.es.url}: its TLS certificate was refused",
        "unable to get local issuer certificate",
        secrets=secured_stack.secrets(),
    )


def test_plain_http_against_the_tls_port(secured_stack: SecuredStack, service: Settings) -> None:
    plain_url = secured_stack.es.url.replace("https://", "http://")
    settings = secured_stack.settings(service, es_url=plain_url)
    result = _monitor(settings, "search", "قره باغ")
    _refused(
        result,
        f"Elasticsearch at {plain_url} refused a plain HTTP request",
        secrets=secured_stack.secrets(),
    )


def test_kibana_import_checks_the_certificate_too(
    secured_stack: SecuredStack, service: Settings
) -> None:
    # No Kibana runs here; the proxy's TLS port is enough to show that the import
    # uses the same verifying context (the handshake fails before any request).
    settings = secured_stack.settings(service, es_ca_certs=secured_stack.pki.other_ca)
    result = _monitor(settings, "kibana", "import", "--url", secured_stack.es.url, "--wait", "30")
    _refused(
        result,
        f"Kibana at {secured_stack.es.url}: its TLS certificate was refused",
        secrets=secured_stack.secrets(),
    )


def test_skipping_verification_is_possible_but_loud(
    secured_stack: SecuredStack, service: Settings
) -> None:
    settings = secured_stack.settings(service, es_ca_certs=secured_stack.pki.other_ca)
    result = _monitor(settings, "es", "setup", MONITOR_TLS_INSECURE_SKIP_VERIFY="true")
    assert result.code == 0, result
    assert "verification is OFF for Elasticsearch" in result.err
    for secret in secured_stack.secrets():
        assert secret not in result.out + result.err


@pytest.mark.parametrize("command", [("search", "قره باغ"), ("run", "--wait", "60")])
def test_a_certificate_for_another_host_is_refused(
    secured_stack: SecuredStack, service: Settings, command: tuple[str, ...]
) -> None:
    # Signed by the trusted CA, but for elsewhere.invalid: the sync client (search)
    # and the async one (the worker's start-up check) both check the host name.
    url = f"https://127.0.0.1:{secured_stack.es.misnamed_port}"
    settings = secured_stack.settings(service, es_url=url)
    result = _monitor(settings, *command)
    line = _refused(
        result,
        f"Elasticsearch at {url}: its TLS certificate was refused",
        secrets=secured_stack.secrets(),
    )
    assert "mismatch" in line, line


def test_a_mechanism_the_listener_does_not_offer(
    secured_stack: SecuredStack, service: Settings
) -> None:
    settings = secured_stack.settings(service, kafka_sasl_mechanism="SCRAM-SHA-256")
    result = _monitor(settings, "tail", "news.raw", "--timeout", "1")
    _refused(
        result,
        f"Kafka at {secured_stack.kafka.sasl_bootstrap} does not accept the SASL mechanism "
        "SCRAM-SHA-256",
        secrets=secured_stack.secrets(),
    )


def test_tls_client_against_the_plaintext_listener(
    secured_stack: SecuredStack, service: Settings
) -> None:
    plain = secured_stack.kafka.plain_bootstrap
    settings = secured_stack.settings(service, kafka_bootstrap_servers=plain)
    result = _monitor(settings, "tail", "news.raw", "--timeout", "1")
    _refused(
        result,
        f"Kafka at {plain} closed the connection during the TLS handshake",
        "plaintext listener",
        secrets=secured_stack.secrets(),
    )
